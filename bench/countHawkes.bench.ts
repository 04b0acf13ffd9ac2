/**
 * The weekly (discrete-time) Hawkes model behind `linkage calibrate`: its log-likelihood with
 * the analytic gradient by the O(steps) recursion, against the same likelihood summed over every
 * earlier step (O(steps²), the baseline), and whole fits: 104 weeks and 730 days with 10 starts
 * and profile intervals, and the whole calibration of the shipped synthetic GED file.
 * Report as ratios within one run (`npm run bench`).
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { bench, describe } from "vitest";
import { calibrateEvents } from "../src/calibrate/calibrateEvents.js";
import {
  countHawkesLogLikelihood,
  logFactorialSum,
} from "../src/calibrate/countHawkesLogLikelihood.js";
import { fitCountHawkes } from "../src/calibrate/fitCountHawkes.js";
import { parseGedCsv } from "../src/calibrate/parseGedCsv.js";
import { randomStream } from "../src/math/randomStream.js";
import { loadScenario } from "../src/scenario/loadScenario.js";
import { simulateDiscreteHawkes } from "../test/support/discreteHawkes.js";

const series = (steps: number) =>
  simulateDiscreteHawkes(randomStream(1, 0), { steps, baseline: 3, branching: 0.5, tau: 2 });

/** log-likelihood with every earlier step summed directly: the O(steps²) baseline. */
function naiveLogLikelihood(counts: Int32Array, mu: number, n: number, tau: number): number {
  const d = Math.exp(-1 / tau);
  let total = 0;
  for (let t = 0; t < counts.length; t++) {
    let rate = mu;
    for (let s = 0; s < t; s++) rate += n * (1 - d) * d ** (t - s - 1) * counts[s]!;
    total += counts[t]! * Math.log(rate) - rate;
  }
  return total;
}

const theta = Float64Array.of(3, 0.5, 2);
const gradient = new Float64Array(3);
const small = series(10_000);
const large = series(1_000_000);
const smallModel = { counts: small, segmentStarts: [0] };
const largeModel = { counts: large, segmentStarts: [0] };
const smallFactorials = logFactorialSum(small);
const largeFactorials = logFactorialSum(large);

describe("count Hawkes log-likelihood + gradient, 10⁴ steps", () => {
  bench("naive O(steps²) likelihood (no gradient), 10⁴ steps", () => {
    naiveLogLikelihood(small, 3, 0.5, 2);
  });
  bench("recursion with gradient, 10⁴ steps", () => {
    countHawkesLogLikelihood(smallModel, theta, smallFactorials, gradient);
  });
  bench("recursion with gradient, 10⁶ steps", () => {
    countHawkesLogLikelihood(largeModel, theta, largeFactorials, gradient);
  });
});

const weeks = series(104);
const days = simulateDiscreteHawkes(randomStream(2, 0), {
  steps: 730,
  baseline: 0.25,
  branching: 0.5,
  tau: 3,
});
const GED = fileURLToPath(new URL("../test/fixtures/ged-synthetic.csv", import.meta.url));
const events = parseGedCsv(readFileSync(GED, "utf8"), GED, { country: "Afghanistan", actor: "IS" });
const scenario = loadScenario(
  fileURLToPath(new URL("../scenarios/kabul-2021.yaml", import.meta.url)),
);

describe("count Hawkes fits (10 starts, profile intervals)", () => {
  bench("104 weeks", () => {
    fitCountHawkes({ counts: weeks, segmentStarts: [0] });
  });
  bench("730 days", () => {
    fitCountHawkes({ counts: days, segmentStarts: [0] });
  });
  bench(
    "calibrateEvents on the synthetic GED file (weekly + daily, checks, rolling origin)",
    () => {
      calibrateEvents(events, scenario, { changePoints: ["2021-08-15"], time: "discrete-day" });
    },
    { iterations: 5 },
  );
});
