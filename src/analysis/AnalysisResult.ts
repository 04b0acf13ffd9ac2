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
}
