import { LinkageError } from "../errors/LinkageError.js";
import { type ExtensiveGame, NATURE, PERSONAL } from "./extensiveGame.js";

/** The verdict of {@link perfectRecall}: `ok`, or the first information set where recall fails. */
export type PerfectRecallResult =
  | { readonly ok: true }
  | {
      readonly ok: false;
      /** 0-based player index. */
      readonly player: number;
      /** Index into `game.infosets`. */
      readonly infoset: number;
      /** Which two nodes disagree, and on what (for people). */
      readonly reason: string;
    };

/**
 * Whether an extensive game has perfect recall: every player always remembers everything it
 * knew and did before.
 *
 * Formally (Kuhn 1953; von Stengel, "Game Theory Basics", ch. 10), let seq_i(v) be the sequence
 * of player i's own (information set, action) pairs on the path from the root to node v. The game
 * has perfect recall iff for every player i and every information set h of i,
 * seq_i(u) = seq_i(w) for all nodes u, w ∈ h. This also rules out absent-mindedness (a node and
 * one of its descendants in one set), since the descendant's sequence is strictly longer.
 *
 * One depth-first pass, O(nodes + players) time: each player's current sequence is an id, and a
 * move by player i at set h with action a replaces i's id by the interned triple (id, h, a), so
 * equal ids mean equal sequences. Chance moves change no sequence.
 *
 * @returns `{ ok: true }`, or the first set (in depth-first order of its nodes) whose nodes
 * disagree, with its player and a reason naming the two nodes and their sequences
 * @example perfectRecall(absentMindedDriver) // => { ok: false, player: 0, infoset: 0, reason: "…" }
 */
export function perfectRecall(game: ExtensiveGame): PerfectRecallResult {
  const n = game.nodeKind.length;
  if (n === 0) return { ok: true };
  const nSets = game.infosets.length;
  // every (set, action) pair gets a slot, so (sequence, slot) identifies an extension
  const slotStart = new Int32Array(nSets + 1);
  for (let h = 0; h < nSets; h++) {
    slotStart[h + 1] = slotStart[h]! + game.infosets[h]!.actions.length;
  }
  const totalSlots = Math.max(1, slotStart[nSets]!);
  // sequence 0 is the empty sequence; sequence q extends seqParent[q] by seqSlot[q]
  const seqParent: number[] = [-1];
  const seqSlot: number[] = [-1];
  const interned = new Map<number, number>();
  const extend = (seq: number, slot: number): number => {
    const key = seq * totalSlots + slot;
    let id = interned.get(key);
    if (id === undefined) {
      id = seqParent.length;
      seqParent.push(seq);
      seqSlot.push(slot);
      interned.set(key, id);
    }
    return id;
  };

  const setSeq = new Int32Array(nSets).fill(-1);
  const setNode = new Int32Array(nSets).fill(-1);
  const current = new Int32Array(game.players.length);
  // explicit depth-first stack: node, next child to visit, mover's sequence on entry
  const stackNode = new Int32Array(n);
  const stackNext = new Int32Array(n);
  const stackSaved = new Int32Array(n);
  let top = 0;
  stackNode[0] = 0;
  let entering = true;
  while (top >= 0) {
    const v = stackNode[top]!;
    const personal = game.nodeKind[v] === PERSONAL;
    const h = game.nodeInfoset[v]!;
    const player = personal ? game.infosets[h]!.player : NATURE;
    if (entering && personal) {
      const seq = current[player]!;
      stackSaved[top] = seq;
      if (setSeq[h] === -1) {
        setSeq[h] = seq;
        setNode[h] = v;
      } else if (setSeq[h] !== seq) {
        return {
          ok: false,
          player,
          infoset: h,
          reason: describeFailure(
            { game, slotStart, seqParent, seqSlot },
            setNode[h]!,
            setSeq[h]!,
            v,
            seq,
          ),
        };
      }
    }
    entering = false;
    const i = stackNext[top]!;
    const first = game.childStart[v]!;
    if (i === game.childStart[v + 1]! - first) {
      if (personal) current[player] = stackSaved[top]!;
      top--;
      continue;
    }
    stackNext[top] = i + 1;
    if (personal) current[player] = extend(stackSaved[top]!, slotStart[h]! + i);
    top++;
    stackNode[top] = game.children[first + i]!;
    stackNext[top] = 0;
    entering = true;
  }
  return { ok: true };
}

/**
 * Throws unless `game` has perfect recall (see {@link perfectRecall}); for algorithms that need it.
 * @param method - the caller's name, to start the message with
 * @throws {LinkageError} E_INPUT "<method> needs a game with perfect recall: player P forgets its
 * own earlier moves at information set N (label): <reason>"
 * @example assertPerfectRecall(game, "reducedStrategicForm") // returns nothing for a game with perfect recall
 */
export function assertPerfectRecall(game: ExtensiveGame, method: string): void {
  const result = perfectRecall(game);
  if (result.ok) return;
  const name = game.players[result.player] ?? "";
  throw new LinkageError(
    "E_INPUT",
    `${method} needs a game with perfect recall: player ${result.player + 1}${name ? ` (${name})` : ""} forgets its own earlier moves at ${setName(game, result.infoset)}: ${result.reason}`,
  );
}

function setName(game: ExtensiveGame, h: number): string {
  const set = game.infosets[h]!;
  return `information set ${set.number}${set.label ? ` (${set.label})` : ""}`;
}

/** What a failure message needs to spell out sequences. */
interface SequenceTable {
  readonly game: ExtensiveGame;
  readonly slotStart: Int32Array;
  readonly seqParent: readonly number[];
  readonly seqSlot: readonly number[];
}

function describeSequence(t: SequenceTable, seq: number): string {
  const moves: string[] = [];
  for (let q = seq; q > 0; q = t.seqParent[q]!) {
    const slot = t.seqSlot[q]!;
    // the set owning the slot: last h with slotStart[h] <= slot
    let lo = 0;
    let hi = t.game.infosets.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (t.slotStart[mid]! <= slot) lo = mid;
      else hi = mid - 1;
    }
    const a = slot - t.slotStart[lo]!;
    const action = t.game.infosets[lo]!.actions[a] || `action ${a + 1}`;
    moves.push(`"${action}" at ${setName(t.game, lo)}`);
  }
  return moves.length === 0 ? "no earlier moves" : moves.reverse().join(", then ");
}

function describeFailure(
  t: SequenceTable,
  u: number,
  seqU: number,
  w: number,
  seqW: number,
): string {
  let ancestor = false;
  for (let x = t.game.nodeParent[w]!; x >= 0; x = t.game.nodeParent[x]!) {
    if (x === u) {
      ancestor = true;
      break;
    }
  }
  const base =
    `nodes ${u} and ${w} share the set but follow different own moves ` +
    `(node ${u}: ${describeSequence(t, seqU)}; node ${w}: ${describeSequence(t, seqW)})`;
  return ancestor ? `${base}; node ${w} lies below node ${u} (absent-mindedness)` : base;
}
