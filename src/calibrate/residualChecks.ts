import type { ResidualChecks } from "./CalibrationResult.js";
import { timeRescalingTest } from "./timeRescalingTest.js";

/**
 * The goodness-of-fit checks of residuals that are Exp(1) under the fitted model, given as their
 * running sum (a point process's compensator at its events, or the count models' PIT residuals
 * mapped to Exp(1) and summed): {@link timeRescalingTest} as plain arrays for calibration.json
 * (an infinite upper QQ band becomes null; a QQ plot of more than 1,000 residuals keeps 1,000 of
 * them, evenly spaced in rank, so calibration.json does not grow with the events; the tests use
 * all of them).
 */
export function residualChecks(compensator: Float64Array): ResidualChecks {
  const test = timeRescalingTest(compensator);
  return {
    ks: { statistic: test.ks.statistic, pValue: test.ks.pValue, n: test.ks.n },
    ljungBox: { ...test.ljungBox },
    qq: {
      theoretical: thin(test.qq.theoretical),
      sample: thin(test.qq.sample),
      lower: thin(test.qq.lower),
      upper: thin(test.qq.upper).map((v) => (Number.isFinite(v) ? v : null)),
    },
    acf: { values: [...test.acf.values], bound: test.acf.bound },
  };
}

/** Points kept of a QQ plot: enough to draw it, few enough that calibration.json stays small. */
export const QQ_POINTS = 1000;

/** At most {@link QQ_POINTS} entries of a sorted array, evenly spaced in rank, ends kept. */
function thin(values: Float64Array): number[] {
  const n = values.length;
  if (n <= QQ_POINTS) return [...values];
  return Array.from(
    { length: QQ_POINTS },
    (_, k) => values[Math.round((k * (n - 1)) / (QQ_POINTS - 1))]!,
  );
}
