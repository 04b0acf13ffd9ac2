import { LinkageError } from "../errors/LinkageError.js";
import {
  add,
  divide,
  multiply,
  ONE,
  type Rational,
  rational,
  toNumber,
  ZERO,
} from "../math/rational.js";
import { behaviourLayout } from "./behaviourLayout.js";
import { CHANCE, type ExtensiveGame, PERSONAL, TERMINAL } from "./extensiveGame.js";
import { assertPerfectRecall } from "./perfectRecall.js";

/** A sparse matrix in coordinate form, entries sorted by row, then column, no duplicates. */
export interface SparseMatrix {
  readonly rows: number;
  readonly cols: number;
  readonly row: Int32Array;
  readonly col: Int32Array;
  readonly value: Float64Array;
}

/**
 * One player's sequences and the constraints of its realisation plans.
 *
 * Sequence 0 is the empty sequence; sequence 1 + k is the k-th (information set, action) pair of
 * the player in Gambit's behaviour order (see behaviourLayout): the player's sets in order of
 * first appearance, then actions. So sequence s ≥ 1 sits at profile entry
 * `playerOffset + s − 1` of a behaviour profile.
 */
export interface SequenceFormPlayer {
  /** Number of sequences (1 + the player's actions summed over its information sets). */
  readonly size: number;
  /** The player's information sets (indices into `game.infosets`), in profile order. */
  readonly infosets: readonly number[];
  /** Per local set k (position in `infosets`): the sequence leading to it (perfect recall). */
  readonly parentSequence: Int32Array;
  /** Per local set k: the sequence of its first action (the others follow). */
  readonly firstSequence: Int32Array;
  /** Per sequence: its information set (index into `game.infosets`), −1 for the empty sequence. */
  readonly sequenceInfoset: Int32Array;
  /** Per sequence: its action at that set, −1 for the empty sequence. */
  readonly sequenceAction: Int32Array;
  /** Index of this player's first entry in a flat behaviour profile. */
  readonly profileOffset: number;
  /**
   * The constraint matrix E (player 1) or F (player 2), (1 + sets) × size: row 0 says
   * x_∅ = 1, row 1 + k says −x_{parent(k)} + Σ_a x_{(k,a)} = 0. The right-hand side is
   * e = (1, 0, …, 0).
   */
  readonly constraints: SparseMatrix;
}

/**
 * The payoff matrices A (player 1) and B (player 2) indexed by (player 1's sequence, player 2's
 * sequence), sharing one sparsity pattern, sorted by row then column.
 */
export interface SequencePayoffs {
  readonly rows: number;
  readonly cols: number;
  readonly row: Int32Array;
  readonly col: Int32Array;
  readonly a: Float64Array;
  readonly b: Float64Array;
  /** Σ of the chance probabilities of the leaves with this pair of sequences (see below). */
  readonly chance: Float64Array;
  readonly aExact: readonly Rational[];
  readonly bExact: readonly Rational[];
  readonly chanceExact: readonly Rational[];
}

/** The sequence form of a two-player extensive game with perfect recall. */
export interface SequenceForm {
  readonly players: readonly [SequenceFormPlayer, SequenceFormPlayer];
  readonly payoffs: SequencePayoffs;
}

/**
 * The sequence form of a two-player extensive game with perfect recall (chance allowed).
 *
 * Formulation (Koller, Megiddo & von Stengel 1996; von Stengel 1996): a realisation plan of
 * player 1 is x ≥ 0 with Ex = e, i.e. x_∅ = 1 and, at each of its information sets h,
 * Σ_a x_{σ_h a} = x_{σ_h}, where σ_h is the player's own sequence leading to h (unique by perfect
 * recall); likewise y ≥ 0, Fy = f for player 2. The expected payoffs are the bilinear forms
 * xᵀAy and xᵀBy with
 *
 *   A[σ, τ] = Σ_{leaves z : seq₁(z) = σ, seq₂(z) = τ} c(z) · u₁(z),
 *
 * where c(z) is the product of the chance probabilities on the path to z and u₁(z) is the sum
 * of player 1's payoffs of all outcomes on that path (outcomes of non-terminal nodes are thus
 * counted at every leaf below them, which gives the same bilinear form on plans as attaching them
 * to their node's pair). `chance` holds Σ c(z) per entry (so xᵀCy = 1 for all plans), used to
 * shift payoffs. Entries are exact (`aExact`, …) and in doubles. The strategic form is never built:
 * the sizes are linear in the tree.
 *
 * One pass over the nodes in index order (parents first), O(nodes · log) for sorting the entries.
 *
 * Sources: D. Koller, N. Megiddo & B. von Stengel, "Efficient computation of equilibria for
 * extensive two-person games", GEB 14 (1996); B. von Stengel, "Efficient computation of behavior
 * strategies", GEB 14 (1996); von Stengel, ch. 3.10 of Nisan et al., Algorithmic Game Theory (2007).
 *
 * @throws {LinkageError} E_INPUT unless the game has exactly two players and perfect recall
 * @example
 * // matching pennies as a tree: player 2 does not see player 1's move
 * const sf = sequenceForm(pennies);
 * sf.players[0].size // => 3 (∅, H, T)
 * Array.from(sf.payoffs.a) // => [1, -1, -1, 1] at (H,h), (H,t), (T,h), (T,t)
 */
export function sequenceForm(game: ExtensiveGame): SequenceForm {
  if (game.players.length !== 2) {
    throw new LinkageError(
      "E_INPUT",
      `the sequence form needs a two-player game; "${game.title}" has ${game.players.length} players`,
    );
  }
  assertPerfectRecall(game, "the sequence form");
  const layout = behaviourLayout(game);
  const n = game.nodeKind.length;
  const sets = game.infosets;
  const local = new Int32Array(sets.length).fill(-1);
  const profileOffsets = [0, 0];
  for (let i = 0; i < 2; i++) {
    const own = layout.playerInfosets[i]!;
    own.forEach((h, k) => {
      local[h] = k;
    });
    profileOffsets[i] = own.length > 0 ? layout.offset[own[0]!]! : layout.size;
  }
  // sequence of (h, a) for a personal set h of player i: 1 + offset within the player's block
  const sequenceOf = (h: number, a: number): number =>
    1 + layout.offset[h]! - profileOffsets[sets[h]!.player]! + a;

  const seq1 = new Int32Array(n);
  const seq2 = new Int32Array(n);
  const reach: Rational[] = new Array<Rational>(n);
  const path1: Rational[] = new Array<Rational>(n);
  const path2: Rational[] = new Array<Rational>(n);
  const parentSequence = [
    new Int32Array(layout.playerInfosets[0]!.length).fill(-1),
    new Int32Array(layout.playerInfosets[1]!.length).fill(-1),
  ] as const;
  const entries = new Map<number, number>();
  const keys: number[] = [];
  const accA: Rational[] = [];
  const accB: Rational[] = [];
  const accC: Rational[] = [];
  const size = [
    1 + sizeOf(game, layout.playerInfosets[0]!),
    1 + sizeOf(game, layout.playerInfosets[1]!),
  ];
  const cols = size[1]!;

  if (n > 0) {
    reach[0] = ONE;
    path1[0] = ZERO;
    path2[0] = ZERO;
  }
  for (let v = 0; v < n; v++) {
    const o = game.nodeOutcome[v]!;
    if (o >= 0) {
      const payoffs = game.outcomes[o]!.payoffs;
      path1[v] = add(path1[v]!, payoffs[0]!);
      path2[v] = add(path2[v]!, payoffs[1]!);
    }
    const kind = game.nodeKind[v]!;
    if (kind === TERMINAL) {
      const c = reach[v]!;
      if (c.n === 0n) continue;
      const key = seq1[v]! * cols + seq2[v]!;
      let e = entries.get(key);
      if (e === undefined) {
        e = keys.length;
        entries.set(key, e);
        keys.push(key);
        accA.push(ZERO);
        accB.push(ZERO);
        accC.push(ZERO);
      }
      accA[e] = add(accA[e]!, multiply(c, path1[v]!));
      accB[e] = add(accB[e]!, multiply(c, path2[v]!));
      accC[e] = add(accC[e]!, c);
      continue;
    }
    const h = game.nodeInfoset[v]!;
    const set = sets[h]!;
    if (kind === PERSONAL) {
      const k = local[h]!;
      const own = set.player === 0 ? seq1[v]! : seq2[v]!;
      const parents = parentSequence[set.player as 0 | 1];
      if (parents[k] === -1) parents[k] = own;
    }
    const first = game.childStart[v]!;
    const count = game.childStart[v + 1]! - first;
    for (let a = 0; a < count; a++) {
      const w = game.children[first + a]!;
      seq1[w] = seq1[v]!;
      seq2[w] = seq2[v]!;
      path1[w] = path1[v]!;
      path2[w] = path2[v]!;
      if (kind === CHANCE) reach[w] = multiply(reach[v]!, set.probabilities![a]!);
      else {
        reach[w] = reach[v]!;
        if (set.player === 0) seq1[w] = sequenceOf(h, a);
        else seq2[w] = sequenceOf(h, a);
      }
    }
  }

  const order = keys.map((_, e) => e).sort((p, q) => keys[p]! - keys[q]!);
  const payoffs: SequencePayoffs = {
    rows: size[0]!,
    cols,
    row: Int32Array.from(order, (e) => Math.floor(keys[e]! / cols)),
    col: Int32Array.from(order, (e) => keys[e]! % cols),
    a: Float64Array.from(order, (e) => toNumber(accA[e]!)),
    b: Float64Array.from(order, (e) => toNumber(accB[e]!)),
    chance: Float64Array.from(order, (e) => toNumber(accC[e]!)),
    aExact: order.map((e) => accA[e]!),
    bExact: order.map((e) => accB[e]!),
    chanceExact: order.map((e) => accC[e]!),
  };

  const players = [0, 1].map((i) => {
    const own = layout.playerInfosets[i]!;
    const total = size[i]!;
    const sequenceInfoset = new Int32Array(total).fill(-1);
    const sequenceAction = new Int32Array(total).fill(-1);
    const firstSequence = new Int32Array(own.length);
    const parents = parentSequence[i as 0 | 1];
    const row: number[] = [0];
    const col: number[] = [0];
    const value: number[] = [1];
    own.forEach((h, k) => {
      const start = sequenceOf(h, 0);
      firstSequence[k] = start;
      // a set never reached (only possible in odd trees) hangs below the empty sequence
      if (parents[k] === -1) parents[k] = 0;
      const cells: [number, number][] = [[parents[k]!, -1]];
      const actions = sets[h]!.actions.length;
      for (let a = 0; a < actions; a++) {
        sequenceInfoset[start + a] = h;
        sequenceAction[start + a] = a;
        cells.push([start + a, 1]);
      }
      cells.sort((p, q) => p[0] - q[0]);
      for (const [c, x] of cells) {
        row.push(1 + k);
        col.push(c);
        value.push(x);
      }
    });
    return {
      size: total,
      infosets: own,
      parentSequence: parents,
      firstSequence,
      sequenceInfoset,
      sequenceAction,
      profileOffset: profileOffsets[i]!,
      constraints: {
        rows: 1 + own.length,
        cols: total,
        row: Int32Array.from(row),
        col: Int32Array.from(col),
        value: Float64Array.from(value),
      },
    } satisfies SequenceFormPlayer;
  });
  return { players: [players[0]!, players[1]!], payoffs };
}

function sizeOf(game: ExtensiveGame, own: readonly number[]): number {
  let total = 0;
  for (const h of own) total += game.infosets[h]!.actions.length;
  return total;
}

function checkPlans(sf: SequenceForm, x: ArrayLike<unknown>, y: ArrayLike<unknown>): void {
  const [p1, p2] = sf.players;
  if (x.length !== p1.size || y.length !== p2.size) {
    throw new LinkageError(
      "E_DOMAIN",
      `sequenceToBehaviour: plans of lengths ${x.length} and ${y.length}, expected ${p1.size} and ${p2.size}`,
    );
  }
}

/** Realisation probability below which a float plan's information set counts as unreached. */
const PLAN_ROUNDOFF = 1e-12;

/**
 * Converts a pair of realisation plans to a behaviour profile in Gambit's order (see
 * behaviourLayout), in doubles.
 *
 * Formula (Kuhn 1953; von Stengel 1996): β(h, a) = x_{σ_h a} / Σ_b x_{σ_h b}, where the sum equals
 * x_{σ_h} for an exact plan. Where the player's own plan reaches h with probability zero
 * (Σ_b x_{σ_h b} ≤ 0) the behaviour at h is uniform: any choice there is optimal and gives the
 * same payoffs, and uniform is a fixed, documented choice. Float round-off is not mistaken for
 * play: negative entries count as zero, and a set whose entries sum to at most 1e-12 (plans are
 * probabilities, at most 1) counts as unreached.
 *
 * @param x - player 1's realisation plan, one entry per sequence (see {@link SequenceFormPlayer})
 * @param y - player 2's realisation plan
 * @throws {LinkageError} E_DOMAIN when the plans have the wrong lengths
 * @example sequenceToBehaviour(pennies, sf, [1, 0.5, 0.5], [1, 1, 0]) // => Float64Array [0.5, 0.5, 1, 0]
 */
export function sequenceToBehaviour(
  game: ExtensiveGame,
  sf: SequenceForm,
  x: ArrayLike<number>,
  y: ArrayLike<number>,
): Float64Array {
  checkPlans(sf, x, y);
  const out = new Float64Array(behaviourLayout(game).size);
  sf.players.forEach((player, i) => {
    const plan = i === 0 ? x : y;
    player.infosets.forEach((h, k) => {
      const start = player.firstSequence[k]!;
      const actions = game.infosets[h]!.actions.length;
      let total = 0;
      for (let a = 0; a < actions; a++) total += Math.max(0, plan[start + a]!);
      const base = player.profileOffset + start - 1;
      for (let a = 0; a < actions; a++) {
        out[base + a] = total > PLAN_ROUNDOFF ? Math.max(0, plan[start + a]!) / total : 1 / actions;
      }
    });
  });
  return out;
}

/**
 * {@link sequenceToBehaviour} in exact rationals: β(h, a) = x_{σ_h a} / Σ_b x_{σ_h b}, uniform
 * where the player's own plan reaches h with probability zero.
 * @throws {LinkageError} E_DOMAIN when the plans have the wrong lengths
 * @example sequenceToBehaviourExact(pennies, sf, plan1, plan2).map(formatRational) // => ["1/2", "1/2", "1", "0"]
 */
export function sequenceToBehaviourExact(
  game: ExtensiveGame,
  sf: SequenceForm,
  x: readonly Rational[],
  y: readonly Rational[],
): Rational[] {
  checkPlans(sf, x, y);
  const out = new Array<Rational>(behaviourLayout(game).size).fill(ZERO);
  sf.players.forEach((player, i) => {
    const plan = i === 0 ? x : y;
    player.infosets.forEach((h, k) => {
      const start = player.firstSequence[k]!;
      const actions = game.infosets[h]!.actions.length;
      let total = ZERO;
      for (let a = 0; a < actions; a++) {
        const v = plan[start + a]!;
        if (v.n > 0n) total = add(total, v);
      }
      const base = player.profileOffset + start - 1;
      for (let a = 0; a < actions; a++) {
        const v = plan[start + a]!;
        out[base + a] =
          total.n > 0n ? (v.n > 0n ? divide(v, total) : ZERO) : rational(1n, BigInt(actions));
      }
    });
  });
  return out;
}
