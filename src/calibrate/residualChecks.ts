import type { ResidualChecks } from "./CalibrationResult.js";
import { timeRescalingTest } from "./timeRescalingTest.js";

/**
 * The goodness-of-fit checks of residuals that are Exp(1) under the fitted model, given as their
 * running sum (a point process's compensator at its events, or the count models' PIT residuals
 * mapped to Exp(1) and summed): {@link timeRescalingTest} as plain arrays for calibration.json
 * (an infinite upper QQ band becomes null).
 */
export function residualChecks(compensator: Float64Array): ResidualChecks {
  const test = timeRescalingTest(compensator);
  return {
    ks: { statistic: test.ks.statistic, pValue: test.ks.pValue, n: test.ks.n },
    ljungBox: { ...test.ljungBox },
    qq: {
      theoretical: [...test.qq.theoretical],
      sample: [...test.qq.sample],
      lower: [...test.qq.lower],
      upper: [...test.qq.upper].map((v) => (Number.isFinite(v) ? v : null)),
    },
    acf: { values: [...test.acf.values], bound: test.acf.bound },
  };
}
