import type { DynamicsSpec } from "../scenario/Scenario.js";

/** One term of the sender's human-cost ledger, run by run: weight·output / weeks. */
export interface SenderCostColumn {
  /** `<output>Cost`, e.g. `fatalitiesCost`. */
  readonly name: string;
  readonly values: Float64Array;
}

/**
 * Counts the human cost in the sender's payoff (`dynamics.senderCosts`, docs/model.md "What the
 * sender counts"): for each run r and each term k, cost_k(r) = w_k(r)·output_k(r) / weeks, in
 * sender units per week like `senderUtility`, from which their sum is subtracted in place.
 *
 * @param outputColumn - the per-run column of output `o` for this policy (written in place for senderUtility)
 * @param weightOf - the weight quantity's value in run r
 */
export function applySenderCosts(
  dynamics: DynamicsSpec,
  outputColumn: (output: number) => Float64Array,
  senderUtility: number,
  weightOf: (term: number, run: number) => number,
  weeks: number,
): SenderCostColumn[] {
  if (dynamics.senderCosts.length === 0 || senderUtility < 0) return [];
  const utility = outputColumn(senderUtility);
  return dynamics.senderCosts.map((term, k) => {
    const counted = outputColumn(term.output);
    const values = new Float64Array(counted.length);
    for (let r = 0; r < counted.length; r++) {
      values[r] = (weightOf(k, r) * counted[r]!) / weeks;
      utility[r] = utility[r]! - values[r]!;
    }
    return { name: `${dynamics.outputs[term.output]!.name}Cost`, values };
  });
}
