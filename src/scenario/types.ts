import type { PolicyKind, Prior } from "./scenarioSchema.js";

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
    readonly promiseBelief: Quantity;
    readonly threatBelief: Quantity;
  };
  readonly policies: readonly PolicySpec[];
}
