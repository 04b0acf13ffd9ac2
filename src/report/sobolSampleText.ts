import type { SobolIndex, SobolResult } from "../analysis/ScenarioRun.js";
import { formatNumber, formatPercent } from "./formatNumber.js";

/**
 * How a Sobol result was estimated, in words: the base sample size and evaluations, the adaptive
 * rule and whether its target width was met, the bootstrap intervals, and every flagged
 * estimate (first-order above total, or below zero, beyond its interval) with its numbers.
 *
 * @param name - how a flagged parameter is named. @default its id
 * @example sobolSampleText(run.sensitivity.sobol[0]) // "Estimated from 2048 base samples (43008 evaluations; …"
 */
export function sobolSampleText(
  result: SobolResult,
  name: (index: SobolIndex) => string = (i) => i.parameter,
): string {
  const adaptive =
    result.maxSamples > result.initialSamples
      ? `doubled from ${result.initialSamples} until every ${formatPercent(result.confidence)} interval was narrower than ${formatNumber(result.targetWidth)}, at most ${result.maxSamples}`
      : `fixed by the time budget; the target is intervals narrower than ${formatNumber(result.targetWidth)}`;
  const met = result.targetMet
    ? `target met: the widest interval is ${formatNumber(result.widestInterval, 3)}`
    : `target not met: the widest interval is ${formatNumber(result.widestInterval, 2)}, so indices whose intervals overlap are not ranked reliably`;
  const flagged = result.indices.filter((i) => i.flag !== null);
  const flags =
    flagged.length === 0
      ? " No estimate breaks 0 ≤ first-order ≤ total beyond its interval."
      : ` Flagged (⚠; shown as estimated, not clipped): ${flagged
          .map(
            (i) =>
              `${name(i)}, ${i.flag} (first-order ${formatNumber(i.first)} [${formatNumber(i.firstLow)}, ${formatNumber(i.firstHigh)}], total ${formatNumber(i.total)}, total − first-order ${formatNumber(i.interaction)} [${formatNumber(i.interactionLow)}, ${formatNumber(i.interactionHigh)}])`,
          )
          .join("; ")}.`;
  return `Estimated from ${result.baseSamples} base samples (${result.evaluations} model evaluations; ${adaptive}; ${met}), with ${formatPercent(result.confidence)} intervals from ${result.bootstrap} bootstrap resamples.${flags}`;
}
