import type { SimulatedStatistic } from "../analysis/RecordValidation.js";
import { formatSignificant } from "./formatNumber.js";

/**
 * A simulated statistic against the record, for a table cell (three significant figures): the central value, its 80%
 * interval in brackets and its 95% interval after it.
 * @example formatRecordStatistic({ central: 2614, q10: 250, q90: 3101, q025: 235, q975: 3304, … }) // => "2,610 [250, 3,100]; 95%: 235–3,300"
 */
export function formatRecordStatistic(s: SimulatedStatistic): string {
  const f = (v: number) => formatSignificant(v);
  return `${f(s.central)} [${f(s.q10)}, ${f(s.q90)}]; 95%: ${f(s.q025)}–${f(s.q975)}`;
}
