import { LinkageError } from "../errors/LinkageError.js";
import { behaviourLayout } from "../games/behaviourLayout.js";
import { CHANCE, type ExtensiveGame, NATURE, PERSONAL, TERMINAL } from "../games/extensiveGame.js";
import { type Field, floatField } from "../math/field.js";
import { toNumber } from "../math/rational.js";

/** A pure best response: its value and the action chosen at each of the player's information sets. */
export interface BestResponse<T> {
  readonly value: T;
  /** Per information set of the game: the chosen action for the player's sets, −1 elsewhere. */
  readonly actions: Int32Array;
}

/**
 * A pure best response of `player` to a behaviour profile of an extensive game with perfect
 * recall. Information sets are decided deepest own sequence first: at set h the player picks the
 * action maximising Σ_{v∈h} π₋ᵢ(v)·W(child(v, a)), where π₋ᵢ(v) is the probability that chance
 * and the others reach v and W is the player's payoff below, its own later choices already
 * optimised (von Stengel 1996, "Efficient computation of behavior strategies"). Ties go to the
 * first action. O(nodes).
 * @throws {LinkageError} E_INPUT when the player does not have perfect recall of its own moves
 */
export function behaviourBestResponse(
  game: ExtensiveGame,
  behaviour: ArrayLike<number>,
  player: number,
): BestResponse<number> {
  const layout = behaviourLayout(game);
  const probabilities = game.infosets.map((set) =>
    set.player === NATURE ? set.probabilities!.map(toNumber) : null,
  );
  const actionProbability = (v: number, a: number): number => {
    const h = game.nodeInfoset[v]!;
    return game.nodeKind[v] === CHANCE ? probabilities[h]![a]! : behaviour[layout.offset[h]! + a]!;
  };
  return bestResponseIn(floatField, game, game.outcomePayoffs, actionProbability, player);
}

/** {@link behaviourBestResponse} over any number field (doubles or exact rationals). */
export function bestResponseIn<T>(
  F: Field<T>,
  game: ExtensiveGame,
  outcomePayoffs: ArrayLike<T>,
  actionProbability: (node: number, action: number) => T,
  player: number,
): BestResponse<T> {
  const nPlayers = game.players.length;
  const n = game.nodeKind.length;
  const { nodeKind, childStart, children, nodeInfoset, nodeOutcome, nodeParent } = game;
  const own = (v: number): T => {
    const o = nodeOutcome[v]!;
    return o >= 0 ? outcomePayoffs[o * nPlayers + player]! : F.zero;
  };
  const isMine = (v: number) =>
    nodeKind[v] === PERSONAL && game.infosets[nodeInfoset[v]!]!.player === player;
  const actionOf = new Int32Array(n);
  for (let v = 0; v < n; v++) {
    for (let k = childStart[v]!; k < childStart[v + 1]!; k++)
      actionOf[children[k]!] = k - childStart[v]!;
  }
  // π₋ᵢ(v) and the length of the player's own sequence at v, parents before children
  const reach: T[] = new Array(n);
  const depth = new Int32Array(n);
  for (let v = 0; v < n; v++) {
    const u = nodeParent[v]!;
    if (u < 0) {
      reach[v] = F.one;
      continue;
    }
    const mine = isMine(u);
    reach[v] = mine ? reach[u]! : F.multiply(reach[u]!, actionProbability(u, actionOf[v]!));
    depth[v] = depth[u]! + (mine ? 1 : 0);
  }
  const members = new Map<number, number[]>();
  for (let v = 0; v < n; v++) {
    if (!isMine(v)) continue;
    const h = nodeInfoset[v]!;
    const list = members.get(h);
    if (!list) members.set(h, [v]);
    else if (depth[list[0]!] !== depth[v]) {
      throw new LinkageError(
        "E_INPUT",
        `a best response needs perfect recall: player ${player + 1} forgets its own moves at information set ${game.infosets[h]!.number}`,
      );
    } else list.push(v);
  }
  const decided = new Int32Array(game.infosets.length).fill(-1);
  const memo: (T | undefined)[] = new Array(n);
  const W = (root: number): T => {
    // iterative post-order over the subtree, using decided actions at the player's own nodes
    const stack = [root];
    while (stack.length > 0) {
      const v = stack[stack.length - 1]!;
      if (memo[v] !== undefined) {
        stack.pop();
        continue;
      }
      const first = childStart[v]!;
      const last = childStart[v + 1]!;
      const mine = isMine(v);
      const needed = mine
        ? [children[first + decided[nodeInfoset[v]!]!]!]
        : Array.from(children.subarray(first, last));
      const missing = needed.filter((c) => memo[c] === undefined);
      if (missing.length > 0) {
        stack.push(...missing);
        continue;
      }
      let x = own(v);
      if (mine) x = F.add(x, memo[needed[0]!]!);
      else if (nodeKind[v] !== TERMINAL) {
        for (let k = first; k < last; k++)
          x = F.add(x, F.multiply(actionProbability(v, k - first), memo[children[k]!]!));
      }
      memo[v] = x;
      stack.pop();
    }
    return memo[root]!;
  };
  const order = [...members.keys()].sort(
    (a, b) => depth[members.get(b)![0]!]! - depth[members.get(a)![0]!]!,
  );
  for (const h of order) {
    const nodes = members.get(h)!;
    let bestAction = 0;
    let bestValue: T | undefined;
    for (let a = 0; a < game.infosets[h]!.actions.length; a++) {
      let x = F.zero;
      for (const v of nodes) x = F.add(x, F.multiply(reach[v]!, W(children[childStart[v]! + a]!)));
      if (bestValue === undefined || F.compare(x, bestValue) > 0) {
        bestValue = x;
        bestAction = a;
      }
    }
    decided[h] = bestAction;
  }
  return { value: W(0), actions: decided };
}
