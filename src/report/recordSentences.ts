import type {
  RecordRow,
  RecordValidation,
  SimulatedStatistic,
} from "../analysis/RecordValidation.js";
import { type TimeStep, timeStep } from "../scenario/timeStep.js";
import { formatQuantity } from "./formatQuantity.js";

/** An observed range this many times wider at the top than at the bottom checks little. */
const LOOSE_RATIO = 4;
/** A median within the range but this many times above or below the published figure is said to be far from it. */
const FAR_RATIO = 1.5;

/**
 * The words around the report's "Does the model reproduce what happened?" table: how the
 * comparison was made, then, plainly, what is reproduced; what still misses, each miss with the
 * model's statistic and the observed range at the parameters' values and over the priors; which
 * medians lie in their range but far (× 1.5 or more) from the published figure; where over the
 * priors more than one run in ten falls outside the range; and which ranges are too wide
 * (high ≥ 4 × low) to check much.
 */
export function recordSentences(
  record: RecordValidation,
  step: TimeStep = timeStep("week"),
): string[] {
  const redrawn =
    record.redrawnRuns > 0
      ? `; ${record.redrawnRuns} of those draws implied an explosive attack process and were redrawn`
      : "";
  const sentences = [
    `Under “${record.policyLabel}”, the policy actually followed, the ${step.adjective} model is run from the start for each observation's window: ${record.runs} runs with the parameters at their values, and ${record.runs} with them drawn from their priors (seed ${record.seed}${redrawn}). Its median is compared with what was observed${record.period ? ` in ${record.period}` : ""}: "within" when the median lies in the observed range, else "above" or "below". The model's 80% interval (10th–90th percentile of the runs) is in brackets, its 95% interval after it.`,
  ];
  const misses = record.rows.filter(
    (r) => r.fixed.verdict !== "within" || r.priors.verdict !== "within",
  );
  const held = record.rows.filter((r) => !misses.includes(r));
  if (held.length > 0)
    sentences.push(
      `Reproduced, at the parameters' values and over the priors: ${held.map((r) => r.label).join("; ")}.`,
    );
  if (misses.length === 0)
    sentences.push("Nothing observed is missed: every median lies in its observed range.");
  for (const r of misses) sentences.push(missSentence(r));
  const far = held.filter((r) => {
    const v = r.observed.value;
    const m = r.fixed.central;
    return v !== null && v > 0 && m > 0 && Math.max(m / v, v / m) >= FAR_RATIO;
  });
  for (const r of far)
    sentences.push(
      `Within the range but far from the published figure — ${r.label}: the model's ${r.statistic} at the parameters' values is ${formatQuantity(r.fixed.central)}${unitText(r)}, ${formatQuantity(r.fixed.central / r.observed.value!)} times the published ${formatQuantity(r.observed.value!)} (see what each counts below).`,
    );
  const spread = held.filter(
    (r) => r.priors.q10 < r.observed.low || r.priors.q90 > r.observed.high,
  );
  if (spread.length > 0)
    sentences.push(
      `Over the priors more than one run in ten falls outside the observed range: ${spread.map((r) => `${r.label} (80% of runs: ${formatQuantity(r.priors.q10)} to ${formatQuantity(r.priors.q90)}, observed ${rangeText(r)})`).join("; ")}.`,
    );
  const loose = record.rows.filter(
    (r) => r.observed.low > 0 && r.observed.high >= LOOSE_RATIO * r.observed.low,
  );
  if (loose.length > 0)
    sentences.push(
      `Checked only loosely, because the sources bound the figure rather than measure it: ${loose.map((r) => `${r.label} (${rangeText(r)})`).join("; ")}.`,
    );
  return sentences;
}

function missSentence(r: RecordRow): string {
  const at = (s: SimulatedStatistic) =>
    `${formatQuantity(s.central)}${unitText(r)}, ${s.verdict} the observed ${rangeText(r)}`;
  return `Still missed — ${r.label}: the model's ${r.statistic} is ${at(r.fixed)} at the parameters' values, and ${at(r.priors)} over the priors.`;
}

function unitText(r: RecordRow): string {
  return r.unit ? ` ${r.unit}` : "";
}

/** "82–365". */
function rangeText(r: RecordRow): string {
  return `${formatQuantity(r.observed.low)}–${formatQuantity(r.observed.high)}`;
}
