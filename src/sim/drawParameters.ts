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
  return drawParameterRows(parameterDesign(scenario, values, overrides, runs, seed), 0, runs);
}

/**
 * What every run's parameters of a batch are drawn from: the Latin-hypercube design over the
 * free parameters (the one part that needs the whole batch) and the values of the others.
 */
export interface ParameterDesign {
  readonly scenario: Scenario;
  readonly values: Float64Array;
  readonly seed: number;
  /** Indices of the parameters drawn from their priors. */
  readonly free: readonly number[];
  /** `runs × free.length`, row-major, on the unit hypercube. */
  readonly design: Float64Array;
  /** The effective branching ratio of a row, when the scenario states one. */
  readonly ratio: ((values: ArrayLike<number>) => number) | null;
}

/** The design of {@link drawParameters} for a batch (from which any of its rows can be drawn). */
export function parameterDesign(
  scenario: Scenario,
  values: Float64Array,
  overrides: Readonly<Record<string, number>>,
  runs: number,
  seed: number,
): ParameterDesign {
  const free = scenario.parameters.flatMap((p, i) => (p.prior && !(p.id in overrides) ? [i] : []));
  const design = latinHypercube(randomStream(seed, DESIGN_STREAM), runs, free.length);
  return { scenario, values, seed, free, design, ratio: branchingRatioOf(scenario) };
}

/**
 * Runs `from` to `to` (excluded) of {@link drawParameters}'s draw, `(to − from) × parameters`,
 * and how many of them were redrawn: each row depends on its design row and its own redraw
 * stream only, so a worker holding a chunk draws just the chunk's rows, the same to the bit.
 * @throws {LinkageError} E_INPUT when a run stays explosive after MAX_REDRAWS draws
 */
export function drawParameterRows(
  { scenario, values, seed, free, design, ratio }: ParameterDesign,
  from: number,
  to: number,
): { parameters: Float64Array; redrawn: number } {
  const n = scenario.parameters.length;
  const out = new Float64Array((to - from) * n);
  const point = new Float64Array(free.length);
  let redrawn = 0;
  for (let r = from; r < to; r++) {
    const at = (r - from) * n;
    out.set(values, at);
    writePriorPoint(scenario, free, design, r, out, at);
    if (!ratio) continue;
    const row = out.subarray(at, at + n);
    if (!(ratio(row) >= 1)) continue;
    redrawn++;
    const rng = randomStream(seed, redrawStreamIndex(r));
    for (let attempt = 0; ratio(row) >= 1; attempt++) {
      if (attempt === MAX_REDRAWS)
        assertStableProcess(scenario, row, `${MAX_REDRAWS} draws from the priors in a row`);
      for (let k = 0; k < free.length; k++) point[k] = rng.next();
      writePriorPoint(scenario, free, point, 0, out, at);
    }
  }
  return { parameters: out, redrawn };
}
