import { LinkageError } from "../errors/LinkageError.js";
import type { ExtensiveGame } from "../games/extensiveGame.js";
import type { StrategicGame } from "../games/strategicGame.js";
import { euclideanNorm as norm } from "../math/euclideanNorm.js";
import { solveInPlace } from "../math/solveLinearSystem.js";
import { agentLogitSystem, type LogitSystem, strategicLogitSystem } from "./logitQreSystem.js";

/** Options of {@link logitBranch} and {@link logitBranchAgent}. */
export interface LogitBranchOptions {
  /**
   * Stop once the branch reaches this precision λ (in the game's payoff units).
   * @default 1e9 / spread, where spread is the largest difference between two payoffs
   */
  readonly maxLambda?: number;
  /**
   * Stop at the first point whose regret (strategicRegret or behaviourRegret) is at most
   * `tolerance × spread` and where, in addition, no block (player, or information set of the agent
   * form) could gain more than `tolerance × spread` by a best reply to its own values (for the
   * agent form: conditional regret at every information set, reached or not). Spread as above.
   * @default 1e-9
   */
  readonly tolerance?: number;
  /** Most accepted steps before giving up (the result then has `converged: false`). @default 10000 */
  readonly maxSteps?: number;
  /** Stop after this many seconds (checked at every accepted point; `converged: false`). @default no limit */
  readonly maxSeconds?: number;
  /** Called with every accepted point of the branch, λ = 0 first. The profile is a fresh copy. */
  readonly onPoint?: (lambda: number, profile: Float64Array) => void;
}

/** A point of the principal branch: a logit QRE and its precision. */
export interface LogitPoint {
  readonly lambda: number;
  /** Mixed (strategic) or behaviour (agent form) profile in Gambit's order. */
  readonly profile: Float64Array;
}

/** The result of following the principal logit branch. */
export interface LogitBranch {
  /** Every accepted point, from λ = 0 (the centroid) on. */
  readonly points: LogitPoint[];
  /** The estimate of the branch's limit as λ → ∞ (a Nash equilibrium of the game or agent form). */
  readonly limit: Float64Array;
  /** Regret of `limit` (strategicRegret or behaviourRegret), in the game's payoff units. */
  readonly limitRegret: number;
  /** λ of the last point followed. */
  readonly lambda: number;
  /** Whether the regret tolerance was met (false: stopped by `maxLambda` or `maxSteps`). */
  readonly converged: boolean;
  /**
   * λ of the points just past a bifurcation (where the orientation determinant changed sign).
   * Empty for generic games. At a bifurcation the follower keeps to the smooth continuation of
   * the branch; another branch starts there, and other software may take it (see the tests).
   */
  readonly bifurcations: number[];
}

/** Default regret tolerance relative to the payoff spread (see {@link LogitBranchOptions.tolerance}). */
export const LOGIT_TOLERANCE = 1e-9;
/**
 * Largest scaled precision λ·spread followed by default. Beyond about 1e9 the rounding error of
 * λ·(u_ij − u_i1), about λ·spread·10⁻¹⁶, would reach the accuracy wanted of ln σ.
 */
export const LOGIT_MAX_SCALED_LAMBDA = 1e9;
/** Default of {@link LogitBranchOptions.maxSteps}. */
const MAX_STEPS = 10000;
/** First arc-length step, in scaled units (ln σ and λ·spread). */
const FIRST_STEP = 0.1;
/** Smallest cosine between successive tangents of an accepted step (about 18°). */
const MIN_COSINE = 0.95;
/** Two points of a branch closer than this, relative to 1 + ‖y‖ in scaled units, are the same. */
const SAME_POINT = 1e-6;
/** Newton iterations per corrector before the step is rejected. */
const MAX_CORRECTOR_ITERATIONS = 8;
/** The first Newton correction may move at most this fraction of the step. */
const MAX_FIRST_CORRECTION = 0.5;
/** Corrections must shrink at least this fast. */
const MAX_CONTRACTION = 0.5;
/** A corrector that stops contracting within this factor of the tolerance has met rounding noise. */
const STALL_FACTOR = 1000;

/**
 * Follows the principal branch of logit quantal response equilibria of a strategic game with any
 * number of players, from λ = 0 (everyone uniform) towards λ → ∞, and returns the branch's points
 * and its limit, a Nash equilibrium.
 *
 * A logit QRE at precision λ is a mixed profile σ with σ_ij ∝ exp(λ·u_ij(σ₋ᵢ)) for every player i
 * and strategy j. In the variables x = ln σ it solves, per player i,
 * Σ_j exp(x_ij) = 1 and x_ij − x_i1 − λ·(u_ij − u_i1) = 0 (j ≥ 2): n equations in the n + 1
 * unknowns (x, λ), whose solutions through the centroid at λ = 0 form the principal branch
 * (McKelvey & Palfrey 1995). The branch is a smooth curve for almost every game and may turn back
 * in λ, so it is followed by arc length, not by λ (Turocy 2005):
 *
 * - tangent: the null vector t of the n × (n + 1) Jacobian J, from the augmented system
 *   [J; t_prevᵀ]·t = (0, 1) (which also orients it: t·t_prev > 0; at λ = 0, t_prev = e_λ);
 * - predictor: a step y + h·t;
 * - corrector: Newton's method in the hyperplane through the predictor orthogonal to t
 *   (pseudo-arclength: [J; tᵀ]·δ = (−H, 0));
 * - step control: the step is halved when the corrector's first move exceeds h/2, its corrections
 *   contract slower than ½ per iteration, or the tangent turns by more than about 18°; it doubles
 *   after an easy step. In log-probabilities the branch becomes a straight line (pure limits) or
 *   levels off (mixed limits) as λ grows, so steps grow geometrically and large λ are cheap;
 * - bifurcations: the sign of det[J; tᵀ] is tracked; it changes sign where another branch crosses
 *   (only in degenerate games, e.g. symmetric ones). The follower keeps to the smooth continuation
 *   of its own branch and reports the λ in `bifurcations`; other programs may switch branches
 *   there (Gambit does in the battle of the sexes), so limits can legitimately differ. A sign
 *   change is also what a jump to another branch looks like: near a bifurcation that a small
 *   payoff difference has split, the principal branch and another curve of QREs pass within a
 *   fraction of a step (Nashpy's issue-35 game). So a step that changes the sign is accepted only
 *   when a half step followed by a correction into the same hyperplane reaches the same point;
 *   otherwise it is halved. A corrected point with λ ≤ 0 is rejected too: the centroid is the
 *   only QRE at λ = 0 and the branch has λ > 0 everywhere else.
 *
 * Newton's tolerances follow the rounding level of the equations: at precision λ the residual
 * x_ij − x_i1 − λ·(u_ij − u_i1) cannot be computed more accurately than about λ·spread·10⁻¹⁶, and
 * the Jacobian becomes ill-conditioned along log-probabilities of strategies that are never played,
 * so a residual at that level also counts as converged.
 *
 * Payoffs are shifted per player and divided by their spread first (which moves no QRE but
 * rescales λ), so tolerances are in units of the spread. Following stops at the first point whose
 * regret is at most `tolerance × spread` (see {@link LogitBranchOptions.tolerance}), or at
 * `maxLambda`, or after `maxSteps` steps. The
 * limit is then refined by Newton's method on the equilibrium conditions restricted to the
 * strategies that carry weight (u_ij = v_i on the support, Σ_j σ_ij = 1), and the refined profile
 * is kept only when it is a probability profile close to the branch's last point with smaller
 * regret.
 *
 * Sources: McKelvey & Palfrey (1995), "Quantal response equilibria for normal form games", GEB 10;
 * Turocy (2005), "A dynamic homotopy interpretation of the logistic quantal response equilibrium
 * correspondence", GEB 51; Allgower & Georg (1990), "Numerical Continuation Methods", ch. 2–6.
 *
 * @param game - a strategic game with at least one strategy per player
 * @param options - see {@link LogitBranchOptions}
 * @returns the points, the limit (profile in Gambit's order: player by player, strategies in file
 * order), its regret, the last λ, whether the tolerance was met and the bifurcations passed
 * @throws {LinkageError} E_DOMAIN when a player has no strategies; E_SOLVER when the step size
 * collapses (the branch could not be followed, e.g. at a bifurcation of a degenerate game)
 * @example
 * const pd = strategicGameFromTables([2, 2], [[3, 5, 0, 1], [3, 0, 5, 1]]);
 * logitBranch(pd).limit; // => Float64Array [≈0, ≈1, ≈0, ≈1] (both defect)
 */
export function logitBranch(game: StrategicGame, options: LogitBranchOptions = {}): LogitBranch {
  const system = strategicLogitSystem(game);
  return branchOf(system, options, (profile) => refineOnSupport(system, profile));
}

/**
 * {@link logitBranch} for the agent form of an extensive game with perfect recall: each personal
 * information set is an agent whose action probabilities are a logit response,
 * β_ha ∝ exp(λ·V_ha(β)), to the conditional expected payoffs V_ha of its actions given the
 * behaviour profile, with beliefs from realisation probabilities by Bayes' rule (agent QRE,
 * McKelvey & Palfrey 1998). Along the branch every action has positive probability, so every set
 * that chance can reach is reached and its beliefs are defined; sets behind zero-probability chance
 * moves use the limit of Bayes' rule as those probabilities tend to 0 (see `agentLogitSystem`).
 * The stopping rule also asks every information set's conditional regret to be small, so actions at
 * sets the limit does not reach are settled too. The limit is the branch's last point (no support
 * refinement: the beliefs at sets the limit does not reach exist only as limits along the branch).
 * Log-realisation probabilities are summed in double-double arithmetic, since at large λ they reach
 * −10⁶ while beliefs need their differences to full precision.
 *
 * @param game - an extensive game with perfect recall
 * @returns as {@link logitBranch}, profiles being behaviour profiles in Gambit's order (player by
 * player, information sets in order of first appearance, actions); regret is `behaviourRegret`
 * @throws {LinkageError} E_INPUT when the game lacks perfect recall; E_SOLVER as {@link logitBranch}
 * @example
 * // P1 chooses T or B, P2 (not seeing it) L or R; payoffs (4,1) (0,3) (1,2) (2,0)
 * logitBranchAgent(readEfg(simultaneousGame)).limit; // => the strategic game's logit limit
 */
export function logitBranchAgent(
  game: ExtensiveGame,
  options: LogitBranchOptions = {},
): LogitBranch {
  return branchOf(agentLogitSystem(game), options, null);
}

/**
 * The logit QRE at precision `lambda` on the principal branch of a strategic game: the branch is
 * followed (as in {@link logitBranch}) to the first point with λ' ≥ `lambda`, and Newton's method
 * on the logit equations at fixed λ, started from the interpolation between the two bracketing
 * points, finishes. When the branch turns back in λ, the first crossing is the one returned.
 *
 * @param lambda - precision, ≥ 0, in the game's payoff units
 * @returns the mixed profile in Gambit's order
 * @throws {LinkageError} E_DOMAIN when `lambda` is negative or not finite; E_SOLVER when the
 * branch cannot be followed or the final Newton iteration fails
 * @example logitQreAt(matchingPennies, 3) // => Float64Array [0.5, 0.5, 0.5, 0.5]
 */
export function logitQreAt(game: StrategicGame, lambda: number): Float64Array {
  return qreAt(strategicLogitSystem(game), lambda);
}

/**
 * {@link logitQreAt} for the agent form of an extensive game with perfect recall (see
 * {@link logitBranchAgent}); returns a behaviour profile in Gambit's order.
 * @throws {LinkageError} E_INPUT without perfect recall; otherwise as {@link logitQreAt}
 * @example logitQreAtAgent(game, 0) // => uniform action probabilities at every information set
 */
export function logitQreAtAgent(game: ExtensiveGame, lambda: number): Float64Array {
  return qreAt(agentLogitSystem(game), lambda);
}

/** One accepted point of the trace, in scaled units: y = (x, λ·scale). */
export interface TracePoint {
  readonly y: Float64Array;
  /** Unit tangent, oriented along the branch. */
  readonly tangent: Float64Array;
  /**
   * Whether the orientation determinant det[J; tᵀ] changed sign since the previous point: the
   * step crossed a bifurcation point, where another branch meets this one (degenerate games).
   */
  readonly bifurcation: boolean;
}

/**
 * The principal branch as a stream of points in scaled units, λ = 0 first (see
 * {@link logitBranch} for the method, and `bifurcation` on each point). Never ends by itself:
 * callers stop consuming when they have seen enough.
 * @throws {LinkageError} E_SOLVER when the step size collapses
 * @example for (const p of traceLogitBranch(system)) if (p.y[system.size]! > 10) break;
 */
export function* traceLogitBranch(system: LogitSystem): Generator<TracePoint, void, undefined> {
  const n = system.size;
  const ws = new LogitWorkspace(system);
  let y: Float64Array = new Float64Array(n + 1);
  for (let b = 0; b + 1 < system.blockStart.length; b++) {
    const first = system.blockStart[b]!;
    const count = system.blockStart[b + 1]! - first;
    for (let k = 0; k < count; k++) y[first + k] = -Math.log(count);
  }
  const start = new Float64Array(n + 1);
  start[n] = 1;
  const first = ws.tangent(y, start);
  if (!first) throw new LinkageError("E_SOLVER", "logit branch: singular Jacobian at λ = 0");
  let t = first.t;
  let sign = first.sign;
  yield { y: y.slice(), tangent: t.slice(), bifurcation: false };
  let h = FIRST_STEP;
  for (;;) {
    const minStep = 1e-13 * (1 + norm(y));
    let bifurcation = false;
    for (;;) {
      if (h < minStep) {
        throw new LinkageError(
          "E_SOLVER",
          `logit branch: step size collapsed at λ = ${y[n]! / system.scale} (a bifurcation or a kink)`,
        );
      }
      const predicted = new Float64Array(n + 1);
      for (let k = 0; k <= n; k++) predicted[k] = y[k]! + h * t[k]!;
      const corrected = ws.correct(predicted, t, h);
      // λ > 0 everywhere on the branch but at the centroid: a point below is on another curve
      if (corrected && corrected.y[n]! > 0) {
        const next = ws.tangent(corrected.y, t);
        // a sign change of det[J; tᵀ] is either a bifurcation crossed or a jump to a nearby
        // branch (near a bifurcation that a small payoff difference has split, the branches pass
        // within a fraction of a step): it is believed only when two half steps reach it too
        const flipped = next !== null && next.sign !== sign;
        if (next && (!flipped || ws.reachedByHalves(y, t, h, sign, corrected.y))) {
          const cosine = dot(next.t, t);
          if (cosine >= MIN_COSINE) {
            y = corrected.y;
            t = next.t;
            bifurcation = flipped;
            sign = next.sign;
            if (corrected.iterations <= 2 && cosine > 0.995) h *= 2;
            else if (corrected.iterations >= 5) h *= 0.7;
            break;
          }
        }
      }
      h *= 0.5;
    }
    yield { y: y.slice(), tangent: t.slice(), bifurcation };
  }
}

function branchOf(
  system: LogitSystem,
  options: LogitBranchOptions,
  refine: ((profile: Float64Array) => Float64Array | null) | null,
): LogitBranch {
  const {
    maxLambda = LOGIT_MAX_SCALED_LAMBDA / system.scale,
    tolerance = LOGIT_TOLERANCE,
    maxSteps = MAX_STEPS,
    maxSeconds = Number.POSITIVE_INFINITY,
    onPoint,
  } = options;
  if (!(maxSeconds > 0)) {
    throw new LinkageError("E_DOMAIN", `logit branch: maxSeconds must be > 0, got ${maxSeconds}`);
  }
  const deadline = Date.now() + maxSeconds * 1000;
  const n = system.size;
  const points: LogitPoint[] = [];
  let last: Float64Array | null = null;
  let lastProfile: Float64Array = new Float64Array(n);
  let regret = Number.POSITIVE_INFINITY;
  let converged = false;
  let steps = 0;
  const bifurcations: number[] = [];
  const ws = new LogitWorkspace(system);
  for (const point of traceLogitBranch(system)) {
    last = point.y;
    if (point.bifurcation) bifurcations.push(point.y[n]! / system.scale);
    lastProfile = profileOf(system, point.y);
    const lambda = point.y[n]! / system.scale;
    points.push({ lambda, profile: lastProfile });
    onPoint?.(lambda, lastProfile.slice());
    regret = system.regret(lastProfile);
    if (regret <= tolerance * system.scale && ws.agentRegret(point.y) <= tolerance) {
      converged = true;
      break;
    }
    if (lambda >= maxLambda || steps++ >= maxSteps || Date.now() > deadline) break;
  }
  let limit = lastProfile;
  let limitRegret = regret;
  // past the time limit the last point stands as it is: polishing it can take longer than the path
  if (refine && last && n > 0 && Date.now() <= deadline) {
    const refined = refine(lastProfile);
    if (refined) {
      const r = system.regret(refined);
      if (r <= limitRegret) {
        limit = refined;
        limitRegret = r;
      }
    }
  }
  return {
    points,
    limit: limit.slice(),
    limitRegret,
    lambda: last ? last[n]! / system.scale : 0,
    converged,
    bifurcations,
  };
}

function qreAt(system: LogitSystem, lambda: number): Float64Array {
  if (!(lambda >= 0) || !Number.isFinite(lambda)) {
    throw new LinkageError("E_DOMAIN", `logit QRE: λ must be finite and ≥ 0, got ${lambda}`);
  }
  const n = system.size;
  const target = lambda * system.scale;
  let previous: Float64Array | null = null;
  let steps = 0;
  for (const point of traceLogitBranch(system)) {
    const y = point.y;
    if (y[n]! >= target) {
      if (!previous || y[n]! === target) return profileOf(system, y);
      const a = previous[n]!;
      const s = (target - a) / (y[n]! - a);
      const start = new Float64Array(n + 1);
      for (let k = 0; k <= n; k++) start[k] = previous[k]! + s * (y[k]! - previous[k]!);
      start[n] = target;
      const solved = new LogitWorkspace(system).solveAtFixedLambda(start);
      if (!solved) {
        throw new LinkageError("E_SOLVER", `logit QRE: Newton's method failed at λ = ${lambda}`);
      }
      return profileOf(system, solved);
    }
    previous = point.y;
    if (steps++ >= MAX_STEPS) break;
  }
  throw new LinkageError("E_SOLVER", `logit QRE: the branch did not reach λ = ${lambda}`);
}

/** The probability profile σ = exp(x) at a trace point y = (x, λ·scale), normalised per block. */
export function profileOf(system: LogitSystem, y: Float64Array): Float64Array {
  const profile = new Float64Array(system.size);
  for (let b = 0; b + 1 < system.blockStart.length; b++) {
    const first = system.blockStart[b]!;
    const end = system.blockStart[b + 1]!;
    let sum = 0;
    for (let k = first; k < end; k++) {
      profile[k] = Math.exp(y[k]!);
      sum += profile[k]!;
    }
    for (let k = first; k < end; k++) profile[k] = profile[k]! / sum;
  }
  return profile;
}

/**
 * Buffers and the linear algebra of one branch: the residual H and Jacobian J of the logit
 * equations at y = (x, λ·scale), tangents, and Newton correctors. Internal to the logit solvers.
 * @internal
 */
export class LogitWorkspace {
  private readonly n: number;
  private readonly values: Float64Array;
  private readonly dValues: Float64Array;
  /** Residual H, length n (+1 slot for the augmented row). */
  private readonly residual: Float64Array;
  /** Augmented matrix (n + 1) × (n + 1). */
  private readonly matrix: Float64Array;
  private readonly rhs: Float64Array;

  constructor(private readonly system: LogitSystem) {
    const n = system.size;
    this.n = n;
    this.values = new Float64Array(n);
    this.dValues = new Float64Array(n * n);
    this.residual = new Float64Array(n + 1);
    this.matrix = new Float64Array((n + 1) * (n + 1));
    this.rhs = new Float64Array(n + 1);
  }

  /**
   * The largest regret of a block at y in scaled units: max over blocks of
   * max_k V_k − Σ_k σ_k V_k (for the agent form: conditional regret at each information set).
   */
  agentRegret(y: Float64Array): number {
    const { n, system, values } = this;
    system.values(y.subarray(0, n), values);
    let worst = 0;
    for (let b = 0; b + 1 < system.blockStart.length; b++) {
      let best = Number.NEGATIVE_INFINITY;
      let mean = 0;
      let total = 0;
      for (let k = system.blockStart[b]!; k < system.blockStart[b + 1]!; k++) {
        const p = Math.exp(y[k]!);
        best = Math.max(best, values[k]!);
        mean += p * values[k]!;
        total += p;
      }
      worst = Math.max(worst, best - mean / total);
    }
    return worst;
  }

  /** H(y) into `residual` and J(y) into the first n rows of `matrix` (n + 1 columns). */
  evaluate(y: Float64Array): void {
    const { n, system, values, dValues, residual, matrix } = this;
    const lambda = y[n]!;
    const x = y.subarray(0, n);
    system.valuesAndJacobian(x, values, dValues);
    matrix.fill(0);
    const w = n + 1;
    for (let b = 0; b + 1 < system.blockStart.length; b++) {
      const first = system.blockStart[b]!;
      const end = system.blockStart[b + 1]!;
      let sum = -1;
      for (let k = first; k < end; k++) {
        const e = Math.exp(x[k]!);
        sum += e;
        matrix[first * w + k] = e;
      }
      residual[first] = sum;
      for (let k = first + 1; k < end; k++) {
        residual[k] = x[k]! - x[first]! - lambda * (values[k]! - values[first]!);
        const row = k * w;
        for (let m = 0; m < n; m++)
          matrix[row + m] = -lambda * (dValues[k * n + m]! - dValues[first * n + m]!);
        matrix[row + k] = matrix[row + k]! + 1;
        matrix[row + first] = matrix[row + first]! - 1;
        matrix[row + n] = -(values[k]! - values[first]!);
      }
    }
  }

  /**
   * The unit tangent at y oriented by `previous` (t·previous > 0) and the sign of the orientation
   * determinant det[J; tᵀ]; null when the augmented matrix is singular.
   */
  tangent(y: Float64Array, previous: Float64Array): { t: Float64Array; sign: number } | null {
    const { n, matrix, rhs } = this;
    this.evaluate(y);
    matrix.set(previous, n * (n + 1));
    rhs.fill(0);
    rhs[n] = 1;
    const sign = solveInPlace(matrix, rhs, n + 1);
    if (sign === 0) return null;
    const length = norm(rhs);
    if (!Number.isFinite(length) || length === 0) return null;
    const t = new Float64Array(n + 1);
    for (let k = 0; k <= n; k++) t[k] = rhs[k]! / length;
    return { t, sign };
  }

  /**
   * Newton's method from `predicted` in the hyperplane orthogonal to `t`; null when it fails the
   * step-control tests (see {@link logitBranch}).
   */
  correct(
    predicted: Float64Array,
    t: Float64Array,
    h: number,
  ): { y: Float64Array; iterations: number } | null {
    const { n, matrix, rhs, residual } = this;
    const z = predicted.slice();
    let previousNorm = Number.POSITIVE_INFINITY;
    for (let iteration = 1; iteration <= MAX_CORRECTOR_ITERATIONS; iteration++) {
      this.evaluate(z);
      const tol = tolerance(z, n);
      // at large λ the augmented matrix is ill-conditioned along log-probabilities of actions
      // that are never played, so a residual at rounding level also means convergence
      if (iteration > 1 && maxAbs(residual, n) <= residualTolerance(z, n)) {
        return { y: z, iterations: iteration - 1 };
      }
      matrix.set(t, n * (n + 1));
      for (let k = 0; k < n; k++) rhs[k] = -residual[k]!;
      rhs[n] = 0;
      if (0 === solveInPlace(matrix, rhs, n + 1)) return null;
      const size = norm(rhs);
      if (!Number.isFinite(size)) return null;
      if (iteration === 1 && size > Math.max(MAX_FIRST_CORRECTION * h, STALL_FACTOR * tol)) {
        return null;
      }
      if (iteration > 1 && size > MAX_CONTRACTION * previousNorm) {
        // no longer contracting: rounding noise when already tiny, else a failed step
        if (size <= STALL_FACTOR * tol) return { y: z, iterations: iteration };
        return null;
      }
      for (let k = 0; k <= n; k++) z[k] = z[k]! + rhs[k]!;
      if (size <= tol) return { y: z, iterations: iteration };
      previousNorm = size;
    }
    return null;
  }

  /**
   * Whether `target`, the corrected point of a step of length h from y along t whose orientation
   * determinant changed sign, lies on the curve continued from y: the curve is followed by a
   * half step (which must keep the sign `sign`) and then corrected into target's hyperplane
   * (through y + h·t, orthogonal to t). Across a bifurcation the smooth continuation comes back to
   * target; after a jump to another branch it meets the hyperplane elsewhere.
   */
  reachedByHalves(
    y: Float64Array,
    t: Float64Array,
    h: number,
    sign: number,
    target: Float64Array,
  ): boolean {
    const { n } = this;
    const predicted = new Float64Array(n + 1);
    for (let k = 0; k <= n; k++) predicted[k] = y[k]! + 0.5 * h * t[k]!;
    const half = this.correct(predicted, t, 0.5 * h);
    if (!half || !(half.y[n]! > 0)) return false;
    const middle = this.tangent(half.y, t);
    if (!middle || middle.sign !== sign) return false;
    // from the half point along its tangent to the hyperplane tᵀ(w − y − h·t) = 0
    let gap = h;
    for (let k = 0; k <= n; k++) gap -= t[k]! * (half.y[k]! - y[k]!);
    const along = dot(t, middle.t);
    if (!(along > 0)) return false;
    const w = new Float64Array(n + 1);
    for (let k = 0; k <= n; k++) w[k] = half.y[k]! + (gap / along) * middle.t[k]!;
    const end = this.correct(w, t, h);
    if (!end) return false;
    let distance = 0;
    for (let k = 0; k <= n; k++) distance = Math.max(distance, Math.abs(end.y[k]! - target[k]!));
    return distance <= SAME_POINT * (1 + norm(target));
  }

  /**
   * Newton's method in the hyperplane through `predicted` orthogonal to `t`, without step control
   * (for points between two accepted points of a branch); null when it does not converge.
   */
  project(predicted: Float64Array, t: Float64Array): Float64Array | null {
    const { n, matrix, rhs, residual } = this;
    const z = predicted.slice();
    for (let iteration = 0; iteration < 30; iteration++) {
      this.evaluate(z);
      if (iteration > 0 && maxAbs(residual, n) <= residualTolerance(z, n)) return z;
      matrix.set(t, n * (n + 1));
      for (let k = 0; k < n; k++) rhs[k] = -residual[k]!;
      rhs[n] = 0;
      if (0 === solveInPlace(matrix, rhs, n + 1)) return null;
      const size = norm(rhs);
      if (!Number.isFinite(size)) return null;
      for (let k = 0; k <= n; k++) z[k] = z[k]! + rhs[k]!;
      if (size <= tolerance(z, n)) return z;
    }
    return null;
  }

  /** Newton's method on H(x, λ) = 0 with λ = y[n] fixed; null when it does not converge. */
  solveAtFixedLambda(start: Float64Array): Float64Array | null {
    const { n, matrix, rhs, residual } = this;
    const z = start.slice();
    const square = new Float64Array(n * n);
    for (let iteration = 0; iteration < 50; iteration++) {
      this.evaluate(z);
      for (let r = 0; r < n; r++)
        for (let c = 0; c < n; c++) square[r * n + c] = matrix[r * (n + 1) + c]!;
      for (let k = 0; k < n; k++) rhs[k] = -residual[k]!;
      if (0 === solveInPlace(square, rhs, n)) return null;
      let size = 0;
      for (let k = 0; k < n; k++) {
        z[k] = z[k]! + rhs[k]!;
        size = Math.max(size, Math.abs(rhs[k]!));
      }
      if (!Number.isFinite(size)) return null;
      if (size <= tolerance(z, n)) return z;
    }
    return null;
  }
}

/** Newton tolerance: tight, but above the rounding noise λ·ε of the logit equations. */
function tolerance(z: Float64Array, n: number): number {
  return 1e-10 + 4e-15 * Math.abs(z[n]!);
}

/** Residual tolerance: the rounding level of λ·(V_k − V_b₀) with values of order 1. */
function residualTolerance(z: Float64Array, n: number): number {
  return 1e-13 + 1e-15 * Math.abs(z[n]!);
}

function maxAbs(a: Float64Array, count: number): number {
  let m = 0;
  for (let k = 0; k < count; k++) m = Math.max(m, Math.abs(a[k]!));
  return m;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let k = 0; k < a.length; k++) s += a[k]! * b[k]!;
  return s;
}

/** Strategies with at least this probability at the branch's last point form the support. */
const SUPPORT_THRESHOLD = 1e-6;
/** A refined limit may differ from the branch's last point by at most this much per entry. */
const REFINE_MAX_MOVE = 1e-3;

/**
 * Newton's method for the Nash conditions on the support S of a strategic game's branch endpoint:
 * unknowns σ_ij (j ∈ S_i) and v_i, equations u_ij(σ) = v_i (j ∈ S_i) and Σ_{j∈S_i} σ_ij = 1, with
 * σ_ij = 0 off S. Since V is multilinear, ∂u_ij/∂σ_kl (k ≠ i) is V_ij evaluated with player k
 * playing l for sure. Null when Newton fails, leaves the simplex or moves too far.
 */
function refineOnSupport(system: LogitSystem, profile: Float64Array): Float64Array | null {
  const n = system.size;
  const blocks = system.blockStart.length - 1;
  const support: number[] = [];
  const blockOf = new Int32Array(n);
  for (let b = 0; b < blocks; b++) {
    for (let k = system.blockStart[b]!; k < system.blockStart[b + 1]!; k++) {
      blockOf[k] = b;
      if (profile[k]! >= SUPPORT_THRESHOLD) support.push(k);
    }
  }
  const m = support.length + blocks; // unknowns: σ on the support, then v per block
  const sigma = new Float64Array(n);
  for (const k of support) sigma[k] = profile[k]!;
  const v = new Float64Array(blocks);
  const values = new Float64Array(n);
  const probe = new Float64Array(n);
  const probeValues = new Float64Array(n);
  const logOf = (p: Float64Array, out: Float64Array): void => {
    for (let k = 0; k < n; k++) out[k] = p[k]! > 0 ? Math.log(p[k]!) : Number.NEGATIVE_INFINITY;
  };
  const x = new Float64Array(n);
  logOf(sigma, x);
  system.values(x, values);
  for (const k of support) v[blockOf[k]!] = values[k]!; // any support value starts v
  const matrix = new Float64Array(m * m);
  const rhs = new Float64Array(m);
  for (let iteration = 0; iteration < 30; iteration++) {
    logOf(sigma, x);
    system.values(x, values);
    // residual: rows 0…|S|−1 are u_k − v_b, then one sum row per block
    matrix.fill(0);
    support.forEach((k, r) => {
      rhs[r] = -(values[k]! - v[blockOf[k]!]!);
      matrix[r * m + support.length + blockOf[k]!] = -1;
    });
    for (let b = 0; b < blocks; b++) {
      let sum = -1;
      support.forEach((k, c) => {
        if (blockOf[k] === b) {
          sum += sigma[k]!;
          matrix[(support.length + b) * m + c] = 1;
        }
      });
      rhs[support.length + b] = -sum;
    }
    // ∂V_k/∂σ_l for l in the support: V with l's block replaced by the pure strategy l
    support.forEach((l, c) => {
      probe.set(sigma);
      const b = blockOf[l]!;
      for (let k = system.blockStart[b]!; k < system.blockStart[b + 1]!; k++) probe[k] = 0;
      probe[l] = 1;
      logOf(probe, x);
      system.values(x, probeValues);
      support.forEach((k, r) => {
        if (blockOf[k] !== b) matrix[r * m + c] = probeValues[k]!;
      });
    });
    if (0 === solveInPlace(matrix, rhs, m)) return null;
    let size = 0;
    support.forEach((k, c) => {
      sigma[k] = sigma[k]! + rhs[c]!;
      size = Math.max(size, Math.abs(rhs[c]!));
    });
    for (let b = 0; b < blocks; b++) v[b] = v[b]! + rhs[support.length + b]!;
    if (!Number.isFinite(size)) return null;
    if (size <= 1e-15) break;
    if (iteration === 29 && size > 1e-12) return null;
  }
  for (let k = 0; k < n; k++) {
    if (sigma[k]! < 0 || Math.abs(sigma[k]! - profile[k]!) > REFINE_MAX_MOVE) return null;
  }
  return sigma;
}
