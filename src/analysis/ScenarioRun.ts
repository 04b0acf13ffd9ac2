import type { SimulationResult } from "../sim/SimulationResult.js";
import type { AnalysisResult } from "./AnalysisResult.js";
import type { RecordValidation } from "./RecordValidation.js";
import type { WeeklyReconciliation } from "./reconcileWeekly.js";
import type { SenderCostTippingPoint } from "./senderCostTippingPoints.js";
import type { SobolFlag } from "./sobolFlag.js";

/** One bar of a tornado chart: an output at the two ends of a parameter's prior range. */
export interface TornadoBar {
  readonly parameter: string;
  readonly label: string;
  readonly low: number;
  readonly high: number;
  /**
   * The output at `low` and `high`, all other parameters at their values: in
   * `sensitivity.tornado`, the one-shot leverage value (best policy's E[U_S] minus unconditional
   * support's); in `sensitivity.tornadoes`, the output the tornado names.
   */
  readonly valueAtLow: number;
  readonly valueAtHigh: number;
  /** The sender's best policy in the one-shot game at `low` and `high`. */
  readonly bestAtLow: string;
  readonly bestAtHigh: string;
}

/** One-at-a-time sensitivity of one output (the same outputs as `sensitivity.sobol`). */
export interface TornadoResult {
  /** The output, as named in the Sobol result on the same output. */
  readonly output: string;
  /** What the output is, in words, with its unit. */
  readonly description: string;
  /** A short name with its unit (an axis label). */
  readonly label: string;
  /** The output at the parameters' values. */
  readonly baseValue: number;
  /** Sorted by swing |valueAtHigh − valueAtLow|, largest first. */
  readonly bars: readonly TornadoBar[];
}

/** First-order and total Sobol indices of one parameter, with bootstrap confidence intervals. */
export interface SobolIndex {
  readonly parameter: string;
  readonly label: string;
  readonly first: number;
  readonly firstLow: number;
  readonly firstHigh: number;
  readonly total: number;
  readonly totalLow: number;
  readonly totalHigh: number;
  /** total − first: the share of the variance due to the parameter's interactions, with its (paired bootstrap) interval. */
  readonly interaction: number;
  readonly interactionLow: number;
  readonly interactionHigh: number;
  /** Set when the estimates break 0 ≤ first ≤ total beyond their intervals (`sobolFlag`); never clipped. */
  readonly flag: SobolFlag | null;
}

export interface SobolResult {
  /** The output analysed, e.g. "leverageValue" or "attacks". */
  readonly output: string;
  /** What the output is, in words, with its unit. */
  readonly description: string;
  /** Base sample size N used (the model was evaluated N·(d + 2) times). */
  readonly baseSamples: number;
  readonly bootstrap: number;
  readonly confidence: number;
  /** The adaptive rule: N started at `initialSamples` and doubled, up to `maxSamples`, until every first-order and total interval was narrower than `targetWidth`. */
  readonly initialSamples: number;
  readonly maxSamples: number;
  readonly targetWidth: number;
  /** Whether every interval is narrower than `targetWidth` (false: the cap was reached first). */
  readonly targetMet: boolean;
  /** The widest first-order or total interval. */
  readonly widestInterval: number;
  /** Model evaluations, N·(d + 2). */
  readonly evaluations: number;
  /** Variance of the output over the priors. */
  readonly variance: number;
  /** Sorted by total index, largest first. */
  readonly indices: readonly SobolIndex[];
}

/** A node of the one-shot game tree as drawn in the report (one policy's subgame, sender's rule applied). */
export interface TreeNode {
  readonly id: number;
  /** −1 for the root. */
  readonly parent: number;
  readonly kind: "chance" | "target" | "sender" | "terminal";
  /** Label of the edge from the parent (a type, a choice, a signal, an action). */
  readonly edge: string;
  /** Probability of that edge where Nature moves, else null. */
  readonly probability: number | null;
  /** Who moves here, or the outcome at a terminal node. */
  readonly label: string;
  /** [sender, target] payoffs at terminal nodes. */
  readonly payoffs: readonly [number, number] | null;
  /** On the equilibrium path (the types' best responses and the rule's follow-through). */
  readonly onPath: boolean;
}

/**
 * Everything `linkage run` computes for one scenario; `results.json` is exactly this object, and the
 * HTML and Markdown reports are drawn from it (plus the scenario for parameter labels and sources).
 */
export interface ScenarioRun {
  readonly scenario: {
    readonly id: string;
    readonly title: string;
    readonly description: string | null;
  };
  /** The command that reproduces the run. */
  readonly command: string;
  readonly seed: number;
  readonly runs: number;
  /** The one-shot analysis at the parameters' values (with pivots). */
  readonly analysis: AnalysisResult;
  /** The weekly Monte Carlo, parameters drawn from their priors. */
  readonly simulation: SimulationResult;
  readonly sensitivity: {
    /** One-at-a-time sweeps, sorted by the swing of the leverage value. */
    readonly tornado: readonly TornadoBar[];
    /** One-at-a-time sweeps of every output of `sobol`, in the same order (the first is `tornado` again). */
    readonly tornadoes: readonly TornadoResult[];
    readonly sobol: readonly SobolResult[];
    /** Share of prior draws in which each policy is the sender's best (one-shot), and of weekly runs (simulated senderUtility). */
    readonly bestPolicyShare: {
      readonly oneShot: Record<string, number>;
      readonly simulated: Record<string, number>;
    };
    readonly draws: number;
  };
  /**
   * The weekly recommendation as each human-cost weight (`dynamics.senderCosts`) varies: where it
   * changes. Empty when the scenario counts no human cost.
   */
  readonly humanCost: readonly SenderCostTippingPoint[];
  /** The weekly recommendation's one-shot responses against its weekly shares, step by step (null when not comparable). */
  readonly reconciliation: WeeklyReconciliation | null;
  /** The best policy's one-shot game tree, collapsed to the sender's rule, with the equilibrium path. */
  readonly tree: { readonly policy: string; readonly nodes: readonly TreeNode[] };
  /**
   * "Does the model reproduce what happened?": the policy actually followed against the
   * scenario's observations; null when the scenario has none.
   */
  readonly record: RecordValidation | null;
}
