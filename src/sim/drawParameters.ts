import { latinHypercube } from "../math/latinHypercube.js";
import { randomStream } from "../math/randomStream.js";
import type { Scenario } from "../scenario/Scenario.js";
import { writePriorPoint } from "../scenario/writePriorPoint.js";
import { assertStableProcess, branchingRatioOf } from "./branchingRatio.js";
import { redrawStreamIndex } from "./runStreams.js";

/** Stream index of the Latin-hypercube design (far from any run's 2i, 2i + 1). */
const DESIGN_STREAM = Number.MAX_SAFE_INTEGER;

/** Most redraws of one run's parameters before the priors are declared all but explosive. */
const MAX_REDRAWS = 1000;

/**
 * Latin-hypercube draws of every parameter with a prior (not fixed by an override),
 * `runs × parameters`, for a whole batch of runs from one seed. When the scenario states its
 * effective branching ratio, the priors are conditioned on a stable attack process: a run whose
 * draw is explosive (ratio ≥ 1) gets an independent draw from the priors on its own stream
 * ({@link redrawStreamIndex}) until it is stable, so every run and the count of redrawn runs
 * depend on the seed alone (never on how the runs are later cut into chunks).
 * @throws {LinkageError} E_INPUT when a run stays explosive after MAX_REDRAWS draws
 */
export function drawParameters(
  scenario: Scenario,
  values: Float64Array,
  overrides: Readonly<Record<string, number>>,
  runs: number,
  seed: number,
): { parameters: Float64Array; redrawn: number } {
  const free = scenario.parameters.flatMap((p, i) => (p.prior && !(p.id in overrides) ? [i] : []));
  const design = latinHypercube(randomStream(seed, DESIGN_STREAM), runs, free.length);
  const n = scenario.parameters.length;
  const out = new Float64Array(runs * n);
  const ratio = branchingRatioOf(scenario);
  const point = new Float64Array(free.length);
  let redrawn = 0;
  for (let r = 0; r < runs; r++) {
    out.set(values, r * n);
    writePriorPoint(scenario, free, design, r, out, r * n);
    if (!ratio) continue;
    const row = out.subarray(r * n, (r + 1) * n);
    if (!(ratio(row) >= 1)) continue;
    redrawn++;
    const rng = randomStream(seed, redrawStreamIndex(r));
    for (let attempt = 0; ratio(row) >= 1; attempt++) {
      if (attempt === MAX_REDRAWS)
        assertStableProcess(scenario, row, `${MAX_REDRAWS} draws from the priors in a row`);
      for (let k = 0; k < free.length; k++) point[k] = rng.next();
      writePriorPoint(scenario, free, point, 0, out, r * n);
    }
  }
  return { parameters: out, redrawn };
}
