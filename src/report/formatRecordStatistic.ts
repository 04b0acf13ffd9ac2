import type { SimulatedStatistic } from "../analysis/RecordValidation.js";
import { formatQuantity } from "./formatQuantity.js";

/**
 * A simulated statistic against the record, for a table cell: the central value, its 80%
 * interval in brackets and its 95% interval after it.
 * @example formatRecordStatistic({ central: 280, q10: 250, q90: 310, q025: 235, q975: 330, … }) // => "280 [250, 310]; 95%: 235–330"
 */
export function formatRecordStatistic(s: SimulatedStatistic): string {
  const f = formatQuantity;
  return `${f(s.central)} [${f(s.q10)}, ${f(s.q90)}]; 95%: ${f(s.q025)}–${f(s.q975)}`;
}
