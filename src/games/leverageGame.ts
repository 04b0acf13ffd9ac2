/**
 * The one-shot conditional-leverage game CLG-1 (MODEL.md §2) in compact numeric form, for one
 * set of parameter values. Nature draws the target's type; the sender announces a policy; the
 * target chooses which demands to concede; a verification signal follows; the sender follows
 * through. Built from a scenario by `compileLeverageGame`; solved by `analysis/`.
 *
 * Per-type arrays are indexed by type; `demandCost` is row-major `[type * demands + demand]`.
 */
export interface LeverageGame {
  readonly typeIds: readonly string[];
  readonly demandIds: readonly string[];
  /** Prior probability of each target type (sums to 1). */
  readonly typePrior: Float64Array;
  /** c_j(θ): the target's cost of conceding demand j, `[type * demands + demand]`. */
  readonly demandCost: Float64Array;
  /** v_j: the sender's value of each concession. */
  readonly demandValue: Float64Array;
  /** ℓ_j: the sender's extra cost of supporting while demand j is not conceded. */
  readonly supportPenalty: Float64Array;
  /** Observable demands: an unmet one is a certain violation. */
  readonly observable: readonly boolean[];
  /** α_j = P(violation signal | conceded); 0 for observable demands. */
  readonly falsePositive: Float64Array;
  /** β_j = P(violation signal | not conceded); 1 for observable demands. */
  readonly detection: Float64Array;
  /** G: value of full support to the target after substitutes, Σ G0_i·(1 − σ_i). */
  readonly carrot: number;
  /** h_S − k_s: the sender's net benefit of supporting a target that concedes everything. */
  readonly supportNet: number;
  /**
   * `equilibrium`: the sender's follow-through is a move and the target's beliefs are consistent
   * with it (analysis/followThroughEquilibria); `fixed`: the sender follows its rule and the
   * target believes q_R and q_X.
   */
  readonly beliefs: "equilibrium" | "fixed";
  /** π_R: prior that the sender is resolute (follows its rule always); equilibrium beliefs. */
  readonly resolutePrior: number;
  /** q_R: the target's belief that the promise is kept (fixed beliefs). */
  readonly promiseBelief: number;
  /** q_X: the target's belief that the threat is carried out (fixed beliefs). */
  readonly threatBelief: number;
  /** ρ: the sender's reputation cost of departing from its announced rule. */
  readonly reputation: number;
  readonly policies: readonly LeveragePolicy[];
}

export type LeveragePolicyKind =
  | "unconditional"
  | "withhold"
  | "conditional"
  | "conditional-escalation";

export interface LeveragePolicy {
  readonly id: string;
  readonly label: string;
  readonly kind: LeveragePolicyKind;
  /** One flag per demand: does support depend on it? */
  readonly conditions: readonly boolean[];
  /** The escalation carried out on a violation (conditional-escalation only). */
  readonly escalation: Escalation | null;
}

export interface Escalation {
  readonly id: string;
  /** D: cost to the target. */
  readonly costToTarget: number;
  /** k_x: cost to the sender. */
  readonly costToSender: number;
  /** h_X: side effects borne by the sender. */
  readonly sideEffects: number;
  /** b_x(θ): the sender's benefit of pressuring each type. */
  readonly benefit: Float64Array;
}
