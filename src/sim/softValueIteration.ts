import { LinkageError } from "../errors/LinkageError.js";
import { prefersConceding, TARGET_TIE_TOLERANCE } from "../games/targetChoice.js";
import { solveInPlace } from "../math/solveLinearSystem.js";
import type { TargetMdp } from "./targetMdp.js";

/**
 * Smallest relative change the solver insists on, per unit of 1/(1 − δ): the linear solves
 * amplify rounding of order ε·|V| by up to 1/(1 − δ), so a tolerance below this cannot be met.
 */
const ROUNDING_FLOOR = 8 * Number.EPSILON;

/** What the solver reads of a {@link TargetMdp}: its sizes, rewards, signal and transitions. */
export type SoftMdp = Pick<
  TargetMdp,
  "states" | "actions" | "reward" | "pViolation" | "transition"
>;

export interface SoftValueIterationOptions {
  /** δ ∈ [0, 1), the target's weekly discount factor. */
  readonly discount: number;
  /** λ > 0, the quantal-response rationality; `Infinity` gives the exact best response. */
  readonly rationality: number;
  /**
   * Stop when an iteration changes V by less than tolerance·max(1, ‖V‖∞) in the sup norm
   * (floored at 8ε/(1 − δ)·max(1, ‖V‖∞), the precision double arithmetic can deliver). @default 1e-12
   */
  readonly tolerance?: number;
  /** Most iterations before giving up with E_SOLVER. @default 1000 */
  readonly maxIterations?: number;
  /**
   * A lower phase the process can leave to (the backlog countdown of MODEL.md §3, docs/model.md):
   * after action a, with probability `weight[a]` the next state is read in the lower phase, whose
   * values are `values` (length M), otherwise in this one. Omitted: no exit (weight 0).
   */
  readonly exit?: { readonly weight: Float64Array; readonly values: Float64Array };
  /** Starting values (length M), e.g. the phase above's solution; zeros when omitted. */
  readonly initial?: Float64Array;
}

export interface SoftValueIterationResult {
  /** V(m), length M. */
  readonly values: Float64Array;
  /** Q(m, a) at `m * A + a`. */
  readonly q: Float64Array;
  /** π(a | m) at `m * A + a`; each state's row sums to 1. */
  readonly policy: Float64Array;
  /** Newton (policy-iteration) steps taken, including the last one that confirmed convergence. */
  readonly iterations: number;
}

/**
 * The target's quantal-response values and choice probabilities in its MDP (MODEL.md §3):
 *
 *   Q(m, a) = u(m, a) + δ·Σ_v P(v | a)·Σ_m2 P(m2 | m, v)·V(m2),
 *   V(m) = (1/λ)·log Σ_a exp(λ·Q(m, a)),   π(a | m) = exp(λ·Q(m, a)) / Σ_a′ exp(λ·Q(m, a′)),
 *
 * with log-sum-exp computed as max_a Q + (1/λ)·log Σ_a exp(λ·(Q − max_a Q)). λ = ∞ is the exact
 * best response: V(m) = max_a Q(m, a) and π puts probability 1 on one maximiser, ties (within
 * {@link TARGET_TIE_TOLERANCE}, relative) going to conceding by {@link prefersConceding}: the
 * action conceding more demands wins, and among those conceding equally many, the one conceding
 * the lowest-index demand where they differ (the one-shot game's rule too).
 *
 * Algorithm: rather than plain value iteration (whose error shrinks only by δ per sweep, so
 * thousands of sweeps at δ = 0.995), Newton's method on V − T(V) = 0, where T is the soft
 * Bellman operator. Its Jacobian is I − δ·P_π with P_π the state transition under the current
 * choice probabilities, so each step solves the small M×M system (I − δ·P_π)·Δ = T(V) − V by
 * Gaussian elimination and sets V ← V + Δ. This is soft policy iteration; since T is convex and
 * monotone the iterates increase monotonically to the fixed point after the first step and
 * converge quadratically. For λ = ∞ the same step with π the greedy policy is Howard's policy
 * iteration, exact after finitely many steps. It stops when ‖Δ‖∞ falls below the tolerance.
 * Sources: Howard (1960), Dynamic Programming and Markov Processes; Puterman (1994) §6.5;
 * Rust (1987) for the logit (soft) Bellman equation and Newton–Kantorovich steps on it;
 * McKelvey and Palfrey (1998) for quantal response in dynamic games.
 *
 * @throws {LinkageError} E_DOMAIN when δ ∉ [0, 1), λ ≤ 0 (or NaN), tolerance ≤ 0, maxIterations
 *   is not a positive integer, the MDP's arrays do not match its sizes, or the values overflow
 *   (λ so small that (1/λ)·log A is not a finite double)
 * @throws {LinkageError} E_SOLVER when the iteration has not converged after maxIterations steps
 * @example
 * // one state, concede (gain 1, cost 0.3) or not; δ = 0: π(concede) = logistic(λ·0.7)
 * softValueIteration(mdp, { discount: 0, rationality: 2 }).policy[1] // => 0.80218388855858… = logistic(1.4)
 */
export function softValueIteration(
  mdp: SoftMdp,
  {
    discount,
    rationality,
    tolerance = 1e-12,
    maxIterations = 1000,
    exit,
    initial,
  }: SoftValueIterationOptions,
  workspace?: SoftValueWorkspace,
): SoftValueIterationResult {
  const fail = (what: string): never => {
    throw new LinkageError("E_DOMAIN", `softValueIteration: ${what}`);
  };
  if (!(discount >= 0 && discount < 1)) fail(`discount must be in [0, 1), got ${discount}`);
  if (!(rationality > 0)) fail(`rationality must be > 0, got ${rationality}`);
  if (!(tolerance > 0)) fail(`tolerance must be > 0, got ${tolerance}`);
  if (!(Number.isInteger(maxIterations) && maxIterations >= 1)) {
    fail(`maxIterations must be a positive integer, got ${maxIterations}`);
  }
  const { states: M, actions: A, reward, pViolation, transition } = mdp;
  if (!(Number.isInteger(M) && M >= 1 && Number.isInteger(A) && A >= 1)) {
    fail(`states and actions must be positive integers, got ${M} and ${A}`);
  }
  if (reward.length !== M * A || pViolation.length !== A || transition.length !== 2 * M * M) {
    fail("reward, pViolation or transition length does not match states and actions");
  }
  if (exit && (exit.weight.length !== A || exit.values.length !== M)) {
    fail("exit.weight must have one entry per action and exit.values one per state");
  }
  if (initial && initial.length !== M) fail("initial must have one value per state");
  if (workspace && (workspace.states !== M || workspace.actions !== A)) {
    fail(
      `workspace is for ${workspace.states} states and ${workspace.actions} actions, not ${M} and ${A}`,
    );
  }
  const ws = workspace ?? new SoftValueWorkspace(M, A);
  const { values, q, ev, target, stayClean, stayViol, matrix, delta, choice, stay } = ws;
  stay.fill(1);
  if (exit) {
    for (let a = 0; a < A; a++) {
      const w = exit.weight[a]!;
      if (!(w >= 0 && w <= 1)) fail(`exit.weight[${a}] is ${w}, not in [0, 1]`);
      stay[a] = 1 - w;
    }
  }
  const lower = exit ? expectations(mdp, exit.values, ws.lower) : null;

  const hard = rationality === Number.POSITIVE_INFINITY;
  const floor = ROUNDING_FLOOR / (1 - discount);
  if (initial) values.set(initial);
  else values.fill(0);
  choice.fill(-1);

  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    computeQ(mdp, discount, values, ev, q, stay, lower);
    for (let m = 0; m < M; m++) {
      if (hard) {
        // Howard's rule: switch only on a strict improvement, so policy iteration cannot cycle
        // between tied actions; the tie-break to conceding is applied to the final Q.
        const best = bestAction(q, m, A);
        const current = choice[m]!;
        const tol = TARGET_TIE_TOLERANCE * Math.max(1, Math.abs(q[m * A + best]!));
        if (current < 0 || q[m * A + best]! > q[m * A + current]! + tol) choice[m] = best;
        const c = choice[m]!;
        target[m] = q[m * A + c]!;
        stayClean[m] = stay[c]! * (1 - pViolation[c]!);
        stayViol[m] = stay[c]! * pViolation[c]!;
      } else {
        target[m] = softBackup(q, m, A, rationality, pViolation, stay, stayClean, stayViol);
      }
    }
    // (I − δ·P_π)·Δ = T(V) − V, with P_π(m, m2) the chance of staying in this phase at m2:
    // stayClean_m·P(m2 | m, clean) + stayViol_m·P(m2 | m, viol)
    for (let m = 0; m < M; m++) {
      const c = stayClean[m]!;
      const v = stayViol[m]!;
      for (let m2 = 0; m2 < M; m2++) {
        const pm = c * transition[2 * m * M + m2]! + v * transition[(2 * m + 1) * M + m2]!;
        matrix[m * M + m2] = (m === m2 ? 1 : 0) - discount * pm;
      }
      delta[m] = target[m]! - values[m]!;
    }
    solveInPlace(matrix, delta, M);
    let change = 0;
    let size = 1;
    for (let m = 0; m < M; m++) {
      values[m] = values[m]! + delta[m]!;
      change = Math.max(change, Math.abs(delta[m]!));
      size = Math.max(size, Math.abs(values[m]!));
    }
    if (!Number.isFinite(change) || !Number.isFinite(size)) {
      fail(`values overflow with rationality ${rationality}; use a larger λ`);
    }
    if (change <= Math.max(tolerance, floor) * size) {
      computeQ(mdp, discount, values, ev, q, stay, lower);
      choiceProbabilities(q, M, A, rationality, ws.policy);
      return { values, q, policy: ws.policy, iterations: iteration };
    }
  }
  throw new LinkageError(
    "E_SOLVER",
    `softValueIteration did not converge in ${maxIterations} iterations (δ ${discount}, λ ${rationality})`,
  );
}

/**
 * Scratch arrays of {@link softValueIteration} for M states and A actions, reusable across
 * solves (the backlog's levels solve hundreds of small problems in a row). A solve given a
 * workspace returns `values`, `q` and `policy` as views of it: copy them before the next solve.
 */
export class SoftValueWorkspace {
  readonly values: Float64Array;
  readonly q: Float64Array;
  readonly policy: Float64Array;
  readonly ev: Float64Array;
  readonly lower: Float64Array;
  readonly target: Float64Array;
  /** Σ_a π(a | m)·(1 − w_a)·P(clean | a) and the same for a violation: the Jacobian's weights. */
  readonly stayClean: Float64Array;
  readonly stayViol: Float64Array;
  readonly matrix: Float64Array;
  readonly delta: Float64Array;
  readonly choice: Int32Array;
  readonly stay: Float64Array;

  constructor(
    readonly states: number,
    readonly actions: number,
  ) {
    const M = states;
    const A = actions;
    this.values = new Float64Array(M);
    this.q = new Float64Array(M * A);
    this.policy = new Float64Array(M * A);
    this.ev = new Float64Array(2 * M);
    this.lower = new Float64Array(2 * M);
    this.target = new Float64Array(M);
    this.stayClean = new Float64Array(M);
    this.stayViol = new Float64Array(M);
    this.matrix = new Float64Array(M * M);
    this.delta = new Float64Array(M);
    this.choice = new Int32Array(M);
    this.stay = new Float64Array(A);
  }
}

/** E[V | m, v] at `2m + v` into `ev`: the expected value of `values` after each signal. */
function expectations(mdp: SoftMdp, values: Float64Array, ev: Float64Array): Float64Array {
  const { states: M, transition } = mdp;
  for (let row = 0; row < 2 * M; row++) {
    let s = 0;
    for (let m2 = 0; m2 < M; m2++) s += transition[row * M + m2]! * values[m2]!;
    ev[row] = s;
  }
  return ev;
}

/**
 * Q(m, a) = u(m, a) + δ·Σ_v P(v | a)·[(1 − w_a)·E[V | m, v] + w_a·E[V_lower | m, v]], into `q`
 * (w = 1 − `stay`; without a lower phase, `lower` is null and w = 0).
 */
function computeQ(
  mdp: SoftMdp,
  discount: number,
  values: Float64Array,
  ev: Float64Array,
  q: Float64Array,
  stay: Float64Array,
  lower: Float64Array | null,
): void {
  const { states: M, actions: A, reward, pViolation, transition } = mdp;
  for (let row = 0; row < 2 * M; row++) {
    let s = 0;
    for (let m2 = 0; m2 < M; m2++) s += transition[row * M + m2]! * values[m2]!;
    ev[row] = s;
  }
  for (let m = 0; m < M; m++) {
    const clean = ev[2 * m]!;
    const viol = ev[2 * m + 1]!;
    for (let a = 0; a < A; a++) {
      const p = pViolation[a]!;
      let next = (1 - p) * clean + p * viol;
      if (lower) {
        const w = 1 - stay[a]!;
        next = (1 - w) * next + w * ((1 - p) * lower[2 * m]! + p * lower[2 * m + 1]!);
      }
      q[m * A + a] = reward[m * A + a]! + discount * next;
    }
  }
}

/**
 * Soft backup of state m: returns (1/λ)·log Σ_a exp(λ·Q) by log-sum-exp, and writes
 * Σ_a π(a | m)·stay_a·(1 − p_a) and Σ_a π(a | m)·stay_a·p_a into `stayClean[m]`, `stayViol[m]`.
 */
function softBackup(
  q: Float64Array,
  m: number,
  A: number,
  lambda: number,
  pViolation: Float64Array,
  stay: Float64Array,
  stayClean: Float64Array,
  stayViol: Float64Array,
): number {
  let max = Number.NEGATIVE_INFINITY;
  for (let a = 0; a < A; a++) max = Math.max(max, q[m * A + a]!);
  let sum = 0;
  let clean = 0;
  let viol = 0;
  for (let a = 0; a < A; a++) {
    const w = Math.exp(lambda * (q[m * A + a]! - max));
    sum += w;
    const p = pViolation[a]!;
    clean += w * stay[a]! * (1 - p);
    viol += w * stay[a]! * p;
  }
  stayClean[m] = clean / sum;
  stayViol[m] = viol / sum;
  return max + Math.log(sum) / lambda;
}

/** π(· | m) for every state into `policy`: softmax(λ·Q(m, ·)), or one-hot on the tie-broken best action. */
function choiceProbabilities(
  q: Float64Array,
  M: number,
  A: number,
  lambda: number,
  policy: Float64Array,
): void {
  for (let m = 0; m < M; m++) {
    if (lambda === Number.POSITIVE_INFINITY) {
      policy.fill(0, m * A, (m + 1) * A);
      policy[m * A + bestAction(q, m, A)] = 1;
      continue;
    }
    let max = Number.NEGATIVE_INFINITY;
    for (let a = 0; a < A; a++) max = Math.max(max, q[m * A + a]!);
    let sum = 0;
    for (let a = 0; a < A; a++) {
      const w = Math.exp(lambda * (q[m * A + a]! - max));
      policy[m * A + a] = w;
      sum += w;
    }
    for (let a = 0; a < A; a++) policy[m * A + a] = policy[m * A + a]! / sum;
  }
}

/** argmax_a Q(m, a), ties within TARGET_TIE_TOLERANCE (relative) going to conceding. */
function bestAction(q: Float64Array, m: number, A: number): number {
  let max = Number.NEGATIVE_INFINITY;
  for (let a = 0; a < A; a++) max = Math.max(max, q[m * A + a]!);
  const tol = TARGET_TIE_TOLERANCE * Math.max(1, Math.abs(max));
  let best = -1;
  for (let a = 0; a < A; a++) {
    if (q[m * A + a]! < max - tol) continue;
    if (best < 0 || prefersConceding(a, best)) best = a;
  }
  return best;
}
