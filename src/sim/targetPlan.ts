import { LinkageError } from "../errors/LinkageError.js";
import { solveInPlace } from "../math/solveLinearSystem.js";
import { type SoftMdp, SoftValueWorkspace, softValueIteration } from "./softValueIteration.js";
import { buildTargetMdp, type TargetMdpInput } from "./targetMdp.js";

/** Most weeks of backlog modelled; a larger stock is treated as this many weeks of conceding. */
export const MAX_BACKLOG_WEEKS = 1 << 20;

/**
 * Backlog levels modelled week by week: the last EXACT_BACKLOG_WEEKS weeks before the stock is
 * empty each have their own level; above them a level stands for a block of weeks, the blocks
 * doubling in length (2, 4, 8, …), so a stock of N weeks needs about 8 + log₂(N/8) levels.
 */
export const EXACT_BACKLOG_WEEKS = 8;

/**
 * First week count of each backlog level for a stock of N weeks of conceding: level 0 is the
 * empty stock (0 weeks); level k ≥ 1 covers `starts[k]` … `starts[k + 1] − 1` weeks (the last
 * level up to N). One level per week up to {@link EXACT_BACKLOG_WEEKS}, then doubling blocks.
 */
export function backlogLevelStarts(weeks: number): Int32Array {
  const starts = [0];
  let next = 1;
  let size = 1;
  while (next <= weeks) {
    starts.push(next);
    next += size;
    if (next > EXACT_BACKLOG_WEEKS) size *= 2;
  }
  return Int32Array.from(starts);
}

/** A demand that is used up, in the target's terms (docs/model.md, "Evacuation stops paying"). */
export interface PlanBacklog {
  /** Index of the demand. */
  readonly demand: number;
  /** N = ⌈B0 / cap_w⌉: weeks of conceding that empty the initial stock (0: already empty). */
  readonly weeks: number;
  /** ℓ = min(1, leak_w / cap_w): chance a week without conceding still lowers the level. */
  readonly leakChance: number;
}

/**
 * The weeks level k ≥ 1 stands for: the distance to the next level's start, the top level
 * ending at N (`weeks`). A level of b weeks is left at 1/b the rate of a single week.
 */
export function levelSpan(levelStarts: Int32Array, level: number, weeks: number): number {
  const end = level + 1 < levelStarts.length ? levelStarts[level + 1]! : weeks + 1;
  return end - levelStarts[level]!;
}

export interface TargetPlanInput extends Omit<TargetMdpInput, "exhausted"> {
  /** δ_T and λ_QR. */
  readonly discount: number;
  readonly rationality: number;
  readonly backlog: PlanBacklog | null;
  /** Whether the target's need for support moves with a pressure P (then dQ/dP is kept too). */
  readonly pressure: boolean;
}

/**
 * The target's quantal-response plan for one type against one automaton, at every backlog
 * level and automaton state: Q-values at pressure P = 1, their derivative in P, and the choice
 * probabilities at P = 1. Level 0 is the phase after the backlog is empty (or the only level
 * when no demand is used up).
 */
export interface TargetPlan {
  /** Backlog levels (1 when no demand is used up); see {@link backlogLevelStarts}. */
  readonly levels: number;
  /** First week count of each level ({@link backlogLevelStarts}); `[0]` without a backlog. */
  readonly levelStarts: Int32Array;
  readonly states: number;
  readonly actions: number;
  /** Q(level, m, a) at P = 1, at `(level·states + m)·actions + a` (−∞: not available). */
  readonly q: Float64Array;
  /** dQ/dP at P = 1, same layout; zeros without pressure. */
  readonly dq: Float64Array;
  /** π(a | level, m) at P = 1, same layout. */
  readonly choice: Float64Array;
  /** P(hidden signal reads violation | a). */
  readonly pHiddenSignal: Float64Array;
}

/**
 * Solves the target's weekly decision problem (MODEL.md §3) with the two extensions of
 * docs/model.md: a backlog countdown and the pressure on its need for support.
 *
 * Backlog: the state is (n, m), n the weeks of conceding still needed to empty the stock. At
 * n = 0 the demand is gone: no cost, no signal, and conceding it is not an option (the
 * stationary problem without it). At n ≥ 1, conceding moves to n − 1; not conceding moves to
 * n − 1 with chance ℓ (the stock's own leak, as a chance so the countdown stays on whole
 * weeks while its expected drain is exact) and otherwise stays. The last 8 weeks are one
 * level each; above them a level of b weeks is left with chance 1/b a conceding week (ℓ/b
 * otherwise): the same expected time, a geometric rather than fixed spread, where discounting
 * has already shrunk the difference (δ^b against E[δ^τ] differ by under 1% for b ≤ 8 at
 * δ = 0.97). Levels are solved upwards, each a soft Bellman fixed point with an exit to the
 * level below ({@link softValueIteration} with `exit`), warm-started from the level below plus
 * the last step between levels;
 * once a level's values differ from the previous one's by less than 1e-11 (relative), every
 * higher level equals it to that accuracy and is copied.
 *
 * Pressure: the weekly value of support is g_w·P·[s + σ(1 − s)], and the target plans as if
 * this week's P persisted (it re-plans each week on the pressure it sees: anticipated utility,
 * Kreps 1998; Cogley and Sargent 2008). Its Q-values are carried to first order in P around
 * P = 1: Q(P) ≈ Q(1) + (P − 1)·dQ/dP, with dV/dP exact by the envelope theorem of the soft
 * maximum (dV = Σ_a π(a)·dQ(a)), i.e. the linear system (I − δ·P_stay)·dV = Σ_a π·[du/dP +
 * δ·w_a·E[dV_below]] at the level's solution; the choice is then softmax(λ·Q(P)).
 *
 * @throws {LinkageError} E_DOMAIN when the backlog's weeks are not a whole number ≥ 0, ℓ ∉ [0, 1],
 *   or (from the MDP builder and solver) any other input is outside its domain
 */
export function solveTargetPlan(input: TargetPlanInput): TargetPlan {
  const { discount, rationality, backlog, pressure } = input;
  const fail = (what: string): never => {
    throw new LinkageError("E_DOMAIN", `solveTargetPlan: ${what}`);
  };
  if (backlog) {
    if (!(Number.isInteger(backlog.weeks) && backlog.weeks >= 0))
      fail(`backlog weeks must be a whole number ≥ 0, got ${backlog.weeks}`);
    if (!(backlog.leakChance >= 0 && backlog.leakChance <= 1))
      fail(`backlog leak chance must be in [0, 1], got ${backlog.leakChance}`);
  }
  const weeks = backlog ? Math.min(backlog.weeks, MAX_BACKLOG_WEEKS) : 0;
  const levelStarts = backlog ? backlogLevelStarts(weeks) : Int32Array.of(0);
  const levels = levelStarts.length;
  const options = { discount, rationality, tolerance: 1e-9 };
  const live = buildTargetMdp(input);
  const bottomMdp = backlog ? buildTargetMdp({ ...input, exhausted: backlog.demand }) : live;
  const M = live.states;
  const A = live.actions;
  const size = M * A;
  const q = new Float64Array(levels * size);
  const dq = new Float64Array(levels * size);
  const choice = new Float64Array(levels * size);
  // du/dP: the support term of the weekly flow (per action only with per-demand payment)
  const supportTerm = (mdp: typeof live): Float64Array => {
    const du = new Float64Array(size);
    for (let m = 0; m < M; m++) {
      const s = input.automaton.support[m]!;
      for (let a = 0; a < A; a++) {
        const paid = s * mdp.supportShare[a]!;
        du[m * A + a] = input.supportValue * (paid + (input.substitution ?? 0) * (1 - paid));
      }
    }
    return du;
  };
  const du = supportTerm(live);
  const duBottom = bottomMdp === live ? du : supportTerm(bottomMdp);
  const exitWeight = new Float64Array(A);
  const exitBy = (level: number) => {
    const span = levelSpan(levelStarts, level, weeks);
    for (let a = 0; a < A; a++)
      exitWeight[a] = ((a >>> backlog!.demand) & 1 ? 1 : backlog!.leakChance) / span;
  };
  const { workspace, derivative: scratch } = scratchFor(M, A);
  const derivative = pressure ? scratch : null;
  const below = new Float64Array(M);
  const dBelow = new Float64Array(M);
  /** Warm start of each level: the level below plus the last step between levels. */
  const guess = new Float64Array(M);
  const step = new Float64Array(M);

  const bottom = softValueIteration(bottomMdp, options, workspace);
  q.set(bottom.q, 0);
  choice.set(bottom.policy, 0);
  if (derivative)
    derivative.solve(bottomMdp, workspace, duBottom, discount, null, null, dq, 0, dBelow);
  below.set(bottom.values);
  for (let level = 1; level < levels; level++) {
    exitBy(level);
    for (let m = 0; m < M; m++) guess[m] = below[m]! + step[m]!;
    const solved = softValueIteration(
      live,
      { ...options, exit: { weight: exitWeight, values: below }, initial: guess },
      workspace,
    );
    const at = level * size;
    q.set(solved.q, at);
    choice.set(solved.policy, at);
    if (derivative)
      derivative.solve(live, workspace, du, discount, exitWeight, dBelow, dq, at, dBelow);
    let change = 0;
    let scale = 1;
    for (let m = 0; m < M; m++) {
      step[m] = solved.values[m]! - below[m]!;
      change = Math.max(change, Math.abs(step[m]!));
      scale = Math.max(scale, Math.abs(solved.values[m]!));
    }
    below.set(solved.values);
    if (change <= 1e-11 * scale) {
      for (let rest = level + 1; rest < levels; rest++) {
        q.copyWithin(rest * size, at, at + size);
        dq.copyWithin(rest * size, at, at + size);
        choice.copyWithin(rest * size, at, at + size);
      }
      break;
    }
  }
  return {
    levels,
    levelStarts,
    states: M,
    actions: A,
    q,
    dq,
    choice,
    pHiddenSignal: live.pHiddenSignal,
  };
}

/** Scratch space per problem size, reused by every plan a thread solves (plans never nest). */
const scratchBySize = new Map<
  number,
  { workspace: SoftValueWorkspace; derivative: PressureDerivative }
>();

function scratchFor(M: number, A: number) {
  const key = M * 65_536 + A;
  let scratch = scratchBySize.get(key);
  if (!scratch) {
    scratch = { workspace: new SoftValueWorkspace(M, A), derivative: new PressureDerivative(M, A) };
    scratchBySize.set(key, scratch);
  }
  return scratch;
}

/**
 * dV/dP and dQ/dP at a level's solution (see {@link solveTargetPlan}): scratch arrays for M
 * states and A actions, reused across levels.
 */
class PressureDerivative {
  private readonly matrix: Float64Array;
  private readonly rhs: Float64Array;
  private readonly ev: Float64Array;
  private readonly evBelow: Float64Array;

  constructor(
    private readonly states: number,
    private readonly actions: number,
  ) {
    this.matrix = new Float64Array(states * states);
    this.rhs = new Float64Array(states);
    this.ev = new Float64Array(2 * states);
    this.evBelow = new Float64Array(2 * states);
  }

  /**
   * Writes dQ/dP into `dq[at …]` and dV/dP into `dv` (which may be `dBelow`: it is read first),
   * from the solved level in `workspace` (its policy), the MDP, du/dP per state and action, and the exit
   * weights with the level below's dV (null at the bottom level).
   */
  solve(
    mdp: SoftMdp,
    workspace: SoftValueWorkspace,
    du: Float64Array,
    discount: number,
    exit: Float64Array | null,
    dBelow: Float64Array | null,
    dq: Float64Array,
    at: number,
    dv: Float64Array,
  ): void {
    const M = this.states;
    const A = this.actions;
    const { transition, pViolation } = mdp;
    let perAction = false;
    for (let k = 0; k < M * A && !perAction; k++) perAction = du[k] !== du[k - (k % A)];
    const policy = workspace.policy;
    const { matrix, rhs, ev, evBelow } = this;
    for (let row = 0; row < 2 * M; row++) {
      let sum = 0;
      if (dBelow) for (let m2 = 0; m2 < M; m2++) sum += transition[row * M + m2]! * dBelow[m2]!;
      evBelow[row] = sum;
    }
    for (let m = 0; m < M; m++) {
      let stayClean = 0;
      let stayViol = 0;
      // whole payment: du is the same for every action (added once, as Σ_a π(a) = 1)
      let r = perAction ? 0 : du[m * A]!;
      for (let a = 0; a < A; a++) {
        const pi = policy[m * A + a]!;
        if (pi === 0) continue;
        if (perAction) r += pi * du[m * A + a]!;
        const p = pViolation[a]!;
        const w = exit ? exit[a]! : 0;
        stayClean += pi * (1 - w) * (1 - p);
        stayViol += pi * (1 - w) * p;
        if (w > 0) r += discount * pi * w * ((1 - p) * evBelow[2 * m]! + p * evBelow[2 * m + 1]!);
      }
      for (let m2 = 0; m2 < M; m2++) {
        const pm =
          stayClean * transition[2 * m * M + m2]! + stayViol * transition[(2 * m + 1) * M + m2]!;
        matrix[m * M + m2] = (m === m2 ? 1 : 0) - discount * pm;
      }
      rhs[m] = r;
    }
    solveInPlace(matrix, rhs, M);
    for (let row = 0; row < 2 * M; row++) {
      let sum = 0;
      for (let m2 = 0; m2 < M; m2++) sum += transition[row * M + m2]! * rhs[m2]!;
      ev[row] = sum;
    }
    for (let m = 0; m < M; m++) {
      for (let a = 0; a < A; a++) {
        const p = pViolation[a]!;
        const w = exit ? exit[a]! : 0;
        const here = (1 - p) * ev[2 * m]! + p * ev[2 * m + 1]!;
        const lower = (1 - p) * evBelow[2 * m]! + p * evBelow[2 * m + 1]!;
        dq[at + m * A + a] = du[m * A + a]! + discount * ((1 - w) * here + w * lower);
      }
    }
    dv.set(rhs);
  }
}
