import type { Credibility } from "./credibility.js";
import type { TippingPoint } from "./tippingPoints.js";

export type { TippingPoint } from "./tippingPoints.js";

/** 0 = refuses, 1 = concedes. */
export type Concession = 0 | 1;

/** One policy's solution, keyed by ids (the `policies` entry of `linkage analyze --json`). */
export interface PolicyResult {
  readonly label: string;
  readonly kind: "unconditional" | "withhold" | "conditional" | "conditional-escalation";
  /** E[U_S], with the policy executed as announced. */
  readonly senderValue: number;
  /** E[U_T] per type, with the policy executed as announced. */
  readonly targetValue: Record<string, number>;
  /** Each type's best response: demand id → 0 | 1. */
  readonly responses: Record<string, Record<string, Concession>>;
  /** P(violation signal) per type given its response. */
  readonly violationProbability: Record<string, number>;
  /**
   * With equilibrium beliefs, a conditional policy's equilibria with the sender's follow-through
   * as a move (MODEL.md §2b): every one found (outcome-distinct), which the values above report
   * (the best for the sender, who announces it) and the worst for the sender. Absent with fixed
   * beliefs and for U and W.
   */
  readonly equilibria?: {
    readonly selected: number;
    readonly worst: number;
    readonly list: readonly EquilibriumResult[];
  };
}

/** One sequential equilibrium of a conditional policy (see analysis/followThroughEquilibria). */
export interface EquilibriumResult {
  /** E[U_S] before the sender's type is known, and for each sender type. */
  readonly senderValue: number;
  readonly senderValueNormal: number;
  readonly senderValueResolute: number;
  /** Each type's response: choice (demands conceded, joined by "+", or "none") → probability. */
  readonly responses: Record<string, Record<string, number>>;
  /** The normal sender's follow-through at each information set, and what the target expects. */
  readonly followThrough: readonly {
    /** keep the promise or refrain from escalating (after a clean signal), withhold or escalate (after a violation). */
    readonly action: "keep" | "refrain" | "withhold" | "escalate";
    readonly signal: "clean" | "violation";
    /** The observable demands met at this information set. */
    readonly observed: readonly string[];
    /** The normal type's probability of following the rule. */
    readonly normal: number;
    /** The target's belief that the rule is followed: π_R + (1 − π_R)·normal. */
    readonly belief: number;
    /** The normal type's gain from following the rule (ρ included) at its posterior; null off the path. */
    readonly gain: number | null;
  }[];
  readonly mixed: boolean;
}

/** The credibility block of `linkage analyze --json`: {@link Credibility}'s verdicts and gains, for one policy, at one ρ. */
export type CredibilityResult = Pick<
  Credibility,
  | "promiseAfterClean"
  | "supportAfterViolation"
  | "escalationAfterViolation"
  | "minReputationStake"
  | "promiseCredible"
  | "withholdCredible"
  | "escalationCredible"
> & {
  /** The policy whose follow-through is assessed (the first escalation policy, else the first conditional one). */
  readonly policy: string;
  /** ρ used for the flags. */
  readonly reputation: number;
};

/**
 * Everything `linkage analyze` reports; `--json` prints exactly this object. Keys named in the
 * CLI contract: scenario, parameters, policies, bestPolicy, posteriors, credibility, thresholds,
 * pivots. The others are extensions.
 */
export interface AnalysisResult {
  readonly scenario: string;
  readonly title: string;
  readonly parameters: Record<string, number>;
  /** Prior probability of each target type. */
  readonly typePrior: Record<string, number>;
  readonly policies: Record<string, PolicyResult>;
  readonly bestPolicy: string;
  /** P(first target type | signal) under the credibility policy; `null` when the signal cannot occur. */
  readonly posteriors: {
    readonly afterViolation: number | null;
    readonly afterClean: number | null;
  };
  /** The type `posteriors` refers to, and the posterior of every type. */
  readonly posteriorType: string | null;
  readonly posteriorsByType: {
    readonly afterViolation: Record<string, number> | null;
    readonly afterClean: Record<string, number> | null;
    readonly violationProbability: number | null;
  };
  /** `null` when the scenario has no conditional policy. */
  readonly credibility: CredibilityResult | null;
  /** Per conditional policy, type and demand: the largest cost at which the type still concedes. */
  readonly thresholds: Record<string, Record<string, Record<string, number>>>;
  /** The same from MODEL.md §2's closed forms; `null` for a policy whose demands have none. */
  readonly closedFormThresholds: Record<string, Record<string, Record<string, number>> | null>;
  readonly pivots: readonly TippingPoint[];
  readonly warnings: readonly string[];
  /** How the target's beliefs in the follow-through are formed (the scenario's `credibility.beliefs`). */
  readonly beliefs: "equilibrium" | "fixed";
  /** π_R, with equilibrium beliefs. */
  readonly resolutePrior: number | null;
}
