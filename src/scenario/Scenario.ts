import type { PolicyKind, Prior } from "./scenarioSchema.js";
import type { TimeStep } from "./timeStep.js";

export type { PolicyKind, Prior } from "./scenarioSchema.js";

/** A number in a scenario: a literal constant or a reference to a declared parameter. */
export type Quantity =
  | { readonly kind: "constant"; readonly value: number }
  | { readonly kind: "parameter"; readonly index: number };

/** A declared parameter, with its default, its prior and the interval its prior covers. */
export interface ParameterSpec {
  readonly id: string;
  readonly value: number;
  readonly prior: Prior | null;
  /** Interval the prior covers: its bounds, or its 0.1%–99.9% quantiles when unbounded. */
  readonly range: readonly [number, number] | null;
  readonly label: string | null;
  readonly unit: string | null;
  readonly source: string | null;
  /** Document paths (e.g. `demands[1].falsePositive`) where the parameter is used as a probability. */
  readonly probabilityUses: readonly string[];
  /** Does the one-shot game depend on it? (Pivots scan only these.) */
  readonly usedInOneShot: boolean;
}

export interface ActorSpec {
  readonly id: string;
  readonly name: string;
  readonly description: string | null;
}

export interface TargetTypeSpec {
  readonly id: string;
  /** Probability of the type; `null` for the one type that takes the remainder. */
  readonly prior: Quantity | null;
  readonly description: string | null;
}

export interface SubstituteSpec extends ActorSpec {
  readonly coverage: Quantity;
  /** Indices of the inducements it substitutes for. */
  readonly covers: readonly number[];
}

export interface InducementSpec {
  readonly id: string;
  readonly description: string | null;
  readonly valueToTarget: Quantity;
  readonly costToSender: Quantity;
  readonly senderStake: Quantity;
}

export interface DemandSpec {
  readonly id: string;
  readonly description: string | null;
  readonly observable: boolean;
  /** Cost to the target of conceding, one entry per target type. */
  readonly costToTarget: readonly Quantity[];
  readonly valueToSender: Quantity;
  readonly supportPenalty: Quantity;
  /** α; 0 for an observable demand. */
  readonly falsePositive: Quantity;
  /** β; 1 for an observable demand. */
  readonly detection: Quantity;
  /** The divisible demand this is a stage of (its id, which names the share of stages met); null for a whole demand. */
  readonly stageOf: string | null;
}

export interface ThreatSpec {
  readonly id: string;
  readonly description: string | null;
  readonly costToTarget: Quantity;
  readonly costToSender: Quantity;
  /** Benefit to the sender, one entry per target type. */
  readonly benefitToSender: readonly Quantity[];
  readonly sideEffects: Quantity;
}

export interface PolicySpec {
  readonly id: string;
  readonly kind: PolicyKind;
  readonly label: string;
  readonly description: string | null;
  /** One flag per demand: does the policy condition support on it? */
  readonly conditions: readonly boolean[];
  /** Index of the threat used on violation (conditional-escalation), otherwise `null`. */
  readonly threat: number | null;
  /** Part of the one-shot analysis and game tree (false for weekly-only rules such as GT). */
  readonly oneShot: boolean;
  /** The weekly automaton that carries the policy out in the simulation. */
  readonly automaton: AutomatonSpec;
  /**
   * `whole`: the automaton's support level is paid; `per-demand`: it is paid in tranches, the
   * share of the conditioned demands seen met that step (weekly only).
   */
  readonly payment: "whole" | "per-demand";
  /** Steps the automaton waits before acting on a signal (0: none). */
  readonly reportingLag: number;
}

/** A weekly policy automaton (MODEL.md §3), with its numbers resolved. */
export type AutomatonSpec =
  | { readonly kind: "unconditional" }
  | { readonly kind: "withhold" }
  /** K(L); `weeks` may be a parameter; Infinity for grim trigger. */
  | { readonly kind: "punish"; readonly weeks: Quantity }
  | {
      readonly kind: "ladder";
      readonly start: number;
      readonly levels: readonly {
        readonly support: Quantity;
        readonly escalation: Quantity;
        readonly label: string;
      }[];
    }
  | { readonly kind: "generous-tit-for-tat"; readonly forgiveness: Quantity };

/** An expression of the scenario's dynamics, with where it sits in the file (for messages). */
export interface ExpressionSpec {
  readonly text: string;
  /** Path inside the document, e.g. `dynamics.state.I.next`. */
  readonly path: string;
  /** 1-based line and column of the expression in the scenario file, when read from one. */
  readonly line?: number;
  readonly column?: number;
}

/** One term of the sender's human-cost ledger (`dynamics.senderCosts`). */
export interface SenderCostSpec {
  /** Index into `outputs` of the counted output (a `sum`). */
  readonly output: number;
  readonly weight: Quantity;
}

/** How the report names an output or a series; each part is optional (the report falls back on its own). */
export interface OutputWords {
  /** A short name, e.g. "Attacks". */
  readonly label?: string;
  /** The unit of its values, e.g. "attacks". */
  readonly unit?: string;
  /** A phrase saying what it measures, e.g. "ISKP attacks (total over the weeks)". */
  readonly description?: string;
}

/** The dynamic simulation's description (the `dynamics` section), checked. */
export interface DynamicsSpec {
  /** The horizon: the number of steps (`dynamics.steps`, or its older name `weeks`). */
  readonly weeks: number;
  /** The length of one step and its words (`dynamics.step`, a week by default). */
  readonly step: TimeStep;
  readonly target: {
    readonly discount: Quantity;
    /** λ_QR; a constant Infinity for exact best responses. */
    readonly rationality: Quantity;
    readonly supportValue: Quantity;
    readonly escalationCost: Quantity;
    /** Weekly cost of each demand to each type: `costs[demand][type]`. */
    readonly costs: readonly (readonly Quantity[])[];
    /** Weekly α and β of each demand (0 and 1 for observable demands). */
    readonly falsePositive: readonly Quantity[];
    readonly detection: readonly Quantity[];
    /** σ, the share of the support's weekly value substitutes replace while it is withheld. */
    readonly substitution: Quantity;
    /** Multiplier of g_w evaluated each week before the target chooses; null: always 1. */
    readonly pressure: ExpressionSpec | null;
    /** The demand that is used up, and its stock; null when no demand is. */
    readonly backlog: BacklogSpec | null;
  };
  readonly execution: { readonly probability: Quantity; readonly believed: Quantity };
  readonly state: readonly {
    readonly name: string;
    readonly initial: ExpressionSpec;
    readonly next: ExpressionSpec;
  }[];
  /** Week values in evaluation order (dependencies first). */
  readonly week: readonly { readonly name: string; readonly expression: ExpressionSpec }[];
  readonly outputs: readonly ({
    readonly name: string;
    readonly aggregate: "sum" | "mean" | "max" | "final";
    readonly expression: ExpressionSpec;
  } & OutputWords)[];
  /** The series' names (state variables, week values, built-ins or demands). */
  readonly series: readonly string[];
  /** The words of each series, in the order of `series`. */
  readonly seriesWords: readonly OutputWords[];
  /**
   * The human cost in the sender's payoff: each entry's output (a sum over the weeks) counted at
   * `weight` sender units per unit, subtracted from `senderUtility` per week of the horizon.
   */
  readonly senderCosts: readonly SenderCostSpec[];
  /** Effective branching ratio of the attack process (parameters only); null when not stated. */
  readonly branchingRatio: ExpressionSpec | null;
}

/** A demand with a finite stock (MODEL.md §3's evacuation backlog B). */
export interface BacklogSpec {
  /** Index of the demand in `Scenario.demands`. */
  readonly demand: number;
  /** The state variable expressions read it by. */
  readonly name: string;
  readonly initial: Quantity;
  readonly conceded: Quantity;
  readonly otherwise: Quantity;
}

/** A published source (the scenario's `sources` section), with the key it is cited by. */
export interface SourceSpec {
  readonly key: string;
  /** Author or organisation. */
  readonly author: string;
  readonly title: string;
  readonly date: string;
  readonly url: string | null;
  readonly note: string | null;
}

/**
 * One published observation: the range [low, high] that a statistic of an output of the weekly
 * model, over the first `window` weeks, should fall in.
 */
export interface ObservationSpec {
  readonly id: string;
  readonly label: string;
  /** The name of a `dynamics.outputs` entry. */
  readonly output: string;
  readonly statistic: "median" | "mean";
  /** Weeks from the start of the simulation. */
  readonly window: number;
  /** The published figure itself, when there is one. */
  readonly value: number | null;
  readonly low: number;
  readonly high: number;
  readonly unit: string | null;
  /** What the published figure counts. */
  readonly counts: string;
  /** What the model's output counts, where it differs. */
  readonly model: string | null;
  /** How the published figure became the range. */
  readonly conversion: string | null;
  /** Keys of the scenario's `sources`. */
  readonly sources: readonly string[];
}

/** The record the weekly model is checked against (the `observations` section). */
export interface ObservationsSpec {
  /** Index in `Scenario.policies` of the policy actually followed. */
  readonly policy: number;
  readonly period: string | null;
  readonly items: readonly ObservationSpec[];
}

/**
 * A scenario that passed every check of the scenario language: ids resolved to indices,
 * numbers resolved to constants or parameter references. Plain data, safe to send to workers.
 */
export interface Scenario {
  readonly id: string;
  readonly title: string;
  readonly description: string | null;
  /** Where it was read from (a path, or a label such as `<string>`). */
  readonly source: string;
  readonly parameters: readonly ParameterSpec[];
  readonly sender: ActorSpec;
  readonly target: ActorSpec & { readonly types: readonly TargetTypeSpec[] };
  readonly substitutes: readonly SubstituteSpec[];
  readonly spoilers: readonly ActorSpec[];
  readonly inducements: readonly InducementSpec[];
  readonly demands: readonly DemandSpec[];
  readonly threats: readonly ThreatSpec[];
  readonly credibility: {
    readonly reputation: Quantity;
    /** `equilibrium`: beliefs consistent with the sender's incentives (MODEL.md §2b); `fixed`: q_R and q_X given. */
    readonly beliefs: "equilibrium" | "fixed";
    /** π_R (equilibrium beliefs; 0 when not given). */
    readonly resolute: Quantity;
    /** q_R and q_X (fixed beliefs; 1 when not given). */
    readonly promiseBelief: Quantity;
    readonly threatBelief: Quantity;
  };
  readonly policies: readonly PolicySpec[];
  /** The weekly simulation, when the scenario has a `dynamics` section. */
  readonly dynamics: DynamicsSpec | null;
  /** Published sources, by key (the `sources` section), in the order written. */
  readonly sources: readonly SourceSpec[];
  /** The record the weekly model is checked against, when the scenario has one. */
  readonly observations: ObservationsSpec | null;
}
