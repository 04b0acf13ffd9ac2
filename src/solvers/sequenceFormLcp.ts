import { LinkageError } from "../errors/LinkageError.js";
import type { ExtensiveGame } from "../games/extensiveGame.js";
import {
  type SequenceForm,
  sequenceForm,
  sequenceToBehaviour,
  sequenceToBehaviourExact,
} from "../games/sequenceForm.js";
import {
  add,
  compare,
  gcd,
  multiply,
  ONE,
  type Rational,
  rational,
  subtract,
} from "../math/rational.js";
import {
  type ExactTableau,
  exactPivot,
  exactRatioRow,
  floatPivot,
  floatRatioRow,
  followPath,
  isFree,
  PIVOT_TOLERANCE,
  type Tableau,
} from "./lemkeTableau.js";
import {
  blocks,
  centroid,
  checkPrior,
  checkTableauSize,
  coveringTableau,
  FLOAT,
  INTEGER,
  priorPlan,
  tracingTableau,
} from "./sequenceFormStarts.js";

/**
 * An equilibrium of a two-player extensive game found by Lemke's algorithm on the sequence form.
 * @typeParam S - a vector: `Float64Array` (float variant) or `readonly Rational[]` (exact)
 */
export interface SequenceFormEquilibrium<S> {
  /** Behaviour profile in Gambit's order (see behaviourLayout); pass it to behaviourRegret. */
  readonly behaviour: S;
  /** `[x, y]`: the realisation plans, one entry per sequence (see SequenceFormPlayer). */
  readonly plans: readonly [S, S];
  /** Complementary pivots on the path (the covering start counts the one that brings in z₀). */
  readonly pivots: number;
}

/**
 * Where Lemke's path starts.
 * - `"covering"` (default): covering vector 1 from z = 0, as in Koller, Megiddo & von Stengel
 *   (1996) and gambit-lcp; it reproduces Gambit's equilibrium.
 * - `"centroid"`: the tracing path of von Stengel, van den Elzen & Talman (2002) from the prior in
 *   which every player mixes uniformly at every information set; the equilibrium found is
 *   normal-form perfect for a generic prior, and the path is usually far shorter on large trees.
 * - a behaviour profile (Gambit's order, see behaviourLayout; completely mixed, each set summing
 *   to 1): the tracing path from that prior. Float entries for {@link sequenceFormLcp}, rationals
 *   for {@link sequenceFormLcpExact}.
 */
export type SequenceFormStart<T> = "covering" | "centroid" | ArrayLike<T>;

export interface SequenceFormLcpOptions<T = number> {
  /** Give up (E_SOLVER) after this many pivots. @default 1_000_000 */
  readonly maxPivots?: number;
  /** A sequence form of `game` computed earlier (saves rebuilding it). @default sequenceForm(game) */
  readonly sequenceForm?: SequenceForm;
  /** Where the path starts. @default "covering" */
  readonly start?: SequenceFormStart<T>;
}

const DEFAULT_MAX_PIVOTS = 1_000_000;
// ---------------------------------------------------------------------------------- the solvers

function checkGame(game: ExtensiveGame): void {
  if (game.players.length !== 2) {
    throw new LinkageError(
      "E_INPUT",
      `the sequence-form LCP needs a two-player game; "${game.title}" has ${game.players.length} players`,
    );
  }
}

/** The largest value (0 for none). */
function floatShift(values: Float64Array): number {
  let hi = Number.NEGATIVE_INFINITY;
  for (const v of values) if (v > hi) hi = v;
  return Number.isFinite(hi) ? hi : 0;
}

/**
 * Payoff entries shifted (every leaf's payoff minus the largest leaf payoff plus one, weighted by
 * chance: a constant change of each player's payoff on all plans) and scaled into [−1, 0).
 */
function floatPayoffs(sf: SequenceForm): [Float64Array, Float64Array] {
  const { a: pa, b: pb, chance } = sf.payoffs;
  const [a, b] = [pa, pb].map((values) => {
    const c = floatShift(values.map((v, e) => (chance[e]! > 0 ? v / chance[e]! : v)));
    const shifted = values.map((v, e) => v - (c + 1) * chance[e]!);
    let big = 0;
    for (const v of shifted) big = Math.max(big, Math.abs(v));
    return big > 0 ? shifted.map((v) => v / big) : shifted;
  });
  return [a!, b!];
}

/** The same shift in exact arithmetic, then multiplied by the lcm of the denominators. */
function integerPayoffs(sf: SequenceForm): [bigint[], bigint[]] {
  const { aExact, bExact, chanceExact } = sf.payoffs;
  const [a, b] = [aExact, bExact].map((values) => {
    // the largest chance-weighted average leaf payoff of an entry, plus one, makes all negative
    let top: Rational | null = null;
    for (let e = 0; e < values.length; e++) {
      const v = values[e]!;
      const c = chanceExact[e]!;
      if (c.n === 0n) continue;
      const leaf = rational(v.n * c.d, v.d * c.n);
      if (top === null || compare(leaf, top) > 0) top = leaf;
    }
    top ??= { n: 0n, d: 1n };
    const shift: Rational = { n: top.n + top.d, d: top.d };
    const shifted = values.map((v, e) => subtract(v, multiply(shift, chanceExact[e]!)));
    let lcm = 1n;
    for (const v of shifted) lcm = (lcm / gcd(lcm, v.d)) * v.d;
    return shifted.map((v) => (v.n * lcm) / v.d);
  });
  return [a!, b!];
}

/**
 * One Nash equilibrium of a two-player extensive game with perfect recall, by Lemke's algorithm
 * on the sequence-form LCP, in doubles. The strategic form is never built.
 *
 * Formulation (Koller, Megiddo & von Stengel 1996): (x, y) is an equilibrium iff, with dual
 * vectors p, q of the constraints Ex = e, Fy = f (see sequenceForm),
 *   x, y ≥ 0,  Ex = e,  Fy = f,  Eᵀp − Ay ≥ 0 ⊥ x,  Fᵀq − Bᵀx ≥ 0 ⊥ y.
 * Two starts (see {@link SequenceFormStart}):
 * - `"covering"` (default): the free p, q are split into nonnegative parts and the equalities
 *   into two inequalities, giving a standard LCP; Lemke's algorithm adds z₀ with covering vector 1,
 *   starts at z = 0, z₀ = 1 and pivots complementarily until z₀ leaves. Payoffs are first made
 *   negative (see floatPayoffs), the condition under which KMvS show the path ends in a solution.
 *   This is gambit-lcp's path and reproduces its equilibrium.
 * - a prior (`"centroid"` or a behaviour profile): the tracing path of von Stengel, van den
 *   Elzen & Talman (2002) — both players start at the prior and move towards best responses as
 *   the prior's weight z₀ falls from 1 to 0 (see tracingTableau). p and q stay basic (no split),
 *   so the tableau has n₁ + n₂ + k₁ + k₂ rows instead of n₁ + n₂ + 2k₁ + 2k₂, and the path is
 *   typically much shorter; for a generic completely mixed prior the equilibrium is normal-form
 *   perfect (VSET 2002).
 * Degeneracy is resolved lexicographically (the perturbation (ε, ε², …) of the starting basis's
 * right-hand side), so the path cannot cycle.
 *
 * A dense compact tableau of doubles; pivots update only the nonzero columns of the pivot row
 * and skip rows with a zero in the pivot column.
 *
 * Behaviour at information sets that the player's own plan reaches with probability zero is
 * uniform (see sequenceToBehaviour); any behaviour there keeps the profile an equilibrium
 * (Nash, not necessarily perfect).
 *
 * Sources: Koller, Megiddo & von Stengel, "Efficient computation of equilibria for extensive
 * two-person games", GEB 14 (1996); C. E. Lemke, "Bimatrix equilibrium points and mathematical
 * programming", Management Science 11 (1965); van den Elzen & Talman, "A procedure for finding
 * Nash equilibria in bi-matrix games", ZOR 35 (1991); von Stengel, van den Elzen & Talman,
 * "Computing normal form perfect equilibria for extensive two-person games", Econometrica 70
 * (2002); von Stengel, ch. 3.11 of Nisan et al., Algorithmic Game Theory (2007).
 *
 * @throws {LinkageError} E_INPUT unless the game has two players and perfect recall, or for a
 * prior that is not a behaviour profile; E_SOLVER on floating-point trouble (a ray) or after
 * `maxPivots` pivots
 * @example
 * // matching pennies as a tree
 * sequenceFormLcp(pennies).behaviour // => Float64Array [0.5, 0.5, 0.5, 0.5] (to rounding)
 * sequenceFormLcp(pennies, { start: "centroid" }).behaviour // => the same
 */
export function sequenceFormLcp(
  game: ExtensiveGame,
  {
    maxPivots = DEFAULT_MAX_PIVOTS,
    sequenceForm: given,
    start = "covering",
  }: SequenceFormLcpOptions<number> = {},
): SequenceFormEquilibrium<Float64Array> {
  checkGame(game);
  const sf = given ?? sequenceForm(game);
  const b = blocks(sf);
  checkTableauSize(b, start === "covering" ? "covering" : "tracing", false);
  const [A, B] = floatPayoffs(sf);
  let t: Tableau<Float64Array>;
  let first: number;
  if (start === "covering") {
    t = coveringTableau(sf, b, A, B, 1, -1, (n) => new Float64Array(n)) as Tableau<Float64Array>;
    first = t.z0;
  } else {
    const prior = start === "centroid" ? centroid(sf, (m) => 1 / m) : Array.from(start);
    checkPrior(sf, prior, Number, (values) => {
      let sum = 0;
      for (const v of values) sum += v;
      return Math.abs(sum - 1) <= 1e-9;
    });
    const times = (u: number, v: number) => u * v;
    const plans = [
      priorPlan(sf.players[0], prior, 1, times),
      priorPlan(sf.players[1], prior, 1, times),
    ] as const;
    t = tracingTableau(
      sf,
      b,
      A,
      B,
      plans,
      1,
      FLOAT,
      (shape) => {
        const a = new Float64Array(shape.rows * shape.cols);
        const tableau: Tableau<Float64Array> = {
          ...shape,
          a,
          pairs: shape.n,
          freeStart: 2 * shape.n,
          lexOrder: new Int32Array(0),
        };
        return {
          t: tableau,
          set: (r, c, v) => {
            a[r * shape.cols + c] = v;
          },
        };
      },
      floatPivot,
      (tt, r, l) => Math.abs(tt.a[r * tt.cols + tt.colOf[l]!]!) < PIVOT_TOLERANCE,
    );
    // round-off in the starting values: slacks of best responses are 0, the rest positive
    for (let i = 0; i < t.rows; i++) {
      const v = t.a[i * t.cols]!;
      if (v < 0 && v > -PIVOT_TOLERANCE && !isFree(t, t.basis[i]!)) t.a[i * t.cols] = 0;
    }
    first = t.pairs + b.n1; // y_∅
  }
  const pivots = followPath(t, floatRatioRow, floatPivot, first, start === "covering", maxPivots);
  const value = (label: number) => {
    const r = t.rowOf[label]!;
    return r >= 0 ? Math.max(0, t.a[r * t.cols]!) : 0;
  };
  const x = Float64Array.from({ length: b.n1 }, (_, s) => value(t.pairs + s));
  const y = Float64Array.from({ length: b.n2 }, (_, s) => value(t.pairs + b.n1 + s));
  return { behaviour: sequenceToBehaviour(game, sf, x, y), plans: [x, y], pivots };
}

/**
 * {@link sequenceFormLcp} in exact arithmetic: the same LCP, with payoffs made integer (shifted
 * as above, then multiplied by the lcm of their denominators; a prior's plans likewise) and the
 * tableau pivoted fraction-free in bigints (integer pivoting; Bareiss 1968, von Stengel 2007
 * §3.5): with pivot element p and previous pivot element D every other entry becomes
 * (aᵢⱼ·p − aᵢc·aᵣⱼ)/D, always an exact division. Ratio and lexicographic tests compare by
 * cross-multiplication. Returns exact realisation plans and behaviour.
 *
 * The tracing path does not depend on the payoffs' scale, so both variants follow the same path.
 * The covering path does (scaling the payoffs by λ changes the covering vector on their rows to
 * 1/λ): with these integer payoffs it is gambit-lcp's path (its answer on all 111 reference
 * trees), while the float variant, which scales payoffs into [−1, 0) to keep its tolerances
 * meaningful, can end at another equilibrium (about 1 random tree in 150; both are equilibria).
 *
 * @throws {LinkageError} E_INPUT unless the game has two players and perfect recall, or for a
 * prior that is not a behaviour profile; E_SOLVER after `maxPivots` pivots (or a ray, which the
 * theory excludes)
 * @example sequenceFormLcpExact(pennies).behaviour.map(formatRational) // => ["1/2", "1/2", "1/2", "1/2"]
 */
export function sequenceFormLcpExact(
  game: ExtensiveGame,
  {
    maxPivots = DEFAULT_MAX_PIVOTS,
    sequenceForm: given,
    start = "covering",
  }: SequenceFormLcpOptions<Rational> = {},
): SequenceFormEquilibrium<readonly Rational[]> {
  checkGame(game);
  const sf = given ?? sequenceForm(game);
  const b = blocks(sf);
  checkTableauSize(b, start === "covering" ? "covering" : "tracing", true);
  const [A, B] = integerPayoffs(sf);
  let t: ExactTableau;
  let first: number;
  if (start === "covering") {
    const covering = coveringTableau(sf, b, A, B, 1n, -1n, (n) => new Array<bigint>(n).fill(0n));
    t = { ...(covering as Tableau<bigint[]>), det: 1n };
    first = t.z0;
  } else {
    const prior =
      start === "centroid" ? centroid(sf, (m) => rational(1n, BigInt(m))) : Array.from(start);
    checkPrior(
      sf,
      prior,
      (v) => Number(v.n) / Number(v.d),
      (values) => {
        let sum: Rational = { n: 0n, d: 1n };
        for (const v of values) sum = add(sum, v);
        return sum.n === sum.d;
      },
    );
    const plans = sf.players.map((player) => priorPlan(player, prior, ONE, multiply));
    let level = 1n;
    for (const plan of plans) for (const v of plan) level = (level / gcd(level, v.d)) * v.d;
    const integerPlans = plans.map((plan) => plan.map((v) => (v.n * level) / v.d)) as [
      bigint[],
      bigint[],
    ];
    t = tracingTableau(
      sf,
      b,
      A,
      B,
      integerPlans,
      level,
      INTEGER,
      (shape) => {
        const a = new Array<bigint>(shape.rows * shape.cols).fill(0n);
        const tableau: ExactTableau = {
          ...shape,
          a,
          det: 1n,
          pairs: shape.n,
          freeStart: 2 * shape.n,
          lexOrder: new Int32Array(0),
        };
        return {
          t: tableau,
          set: (r, c, v) => {
            a[r * shape.cols + c] = v;
          },
        };
      },
      exactPivot,
      (tt, r, l) => tt.a[r * tt.cols + tt.colOf[l]!] === 0n,
    );
    first = t.pairs + b.n1; // y_∅
  }
  const pivots = followPath(t, exactRatioRow, exactPivot, first, start === "covering", maxPivots);
  const value = (label: number): Rational => {
    const r = t.rowOf[label]!;
    return r >= 0 ? rational(t.a[r * t.cols]!, t.det) : { n: 0n, d: 1n };
  };
  const x = Array.from({ length: b.n1 }, (_, s) => value(t.pairs + s));
  const y = Array.from({ length: b.n2 }, (_, s) => value(t.pairs + b.n1 + s));
  return { behaviour: sequenceToBehaviourExact(game, sf, x, y), plans: [x, y], pivots };
}
