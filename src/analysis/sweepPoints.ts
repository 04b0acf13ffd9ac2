import { LinkageError } from "../errors/LinkageError.js";
import { latinHypercube } from "../math/latinHypercube.js";
import { randomStream } from "../math/randomStream.js";
import { parameterValues } from "../scenario/parameterValues.js";
import type { Scenario } from "../scenario/Scenario.js";
import { writePriorPoint } from "../scenario/writePriorPoint.js";
import { assertStableProcess, branchingRatioOf } from "../sim/branchingRatio.js";

/** One `--vary id=lo:hi:n`: `n` evenly spaced values of parameter `id` from `lo` to `hi`. */
export interface VarySpec {
  readonly id: string;
  readonly lo: number;
  readonly hi: number;
  readonly n: number;
}

/** How a sweep's points are chosen. */
export type SweepDesign =
  | {
      /** The full grid over the specs: the first spec varies slowest, the last fastest. */
      readonly kind: "grid";
      readonly vary: readonly VarySpec[];
      /** Parameters held at a value at every point (`--set`). @default none */
      readonly held?: Readonly<Record<string, number>>;
    }
  | {
      /** `n` points by Latin hypercube over the priors of every parameter with one, not held. */
      readonly kind: "lhs";
      readonly n: number;
      readonly seed: number;
      /** Parameters held at a value at every point (`--set`), left out of the design. @default none */
      readonly held?: Readonly<Record<string, number>>;
    };

/** A sweep's points: the ids of the parameters they set, and each point's values in that order. */
export interface SweepPointSet {
  readonly kind: "grid" | "lhs";
  readonly ids: readonly string[];
  readonly points: readonly (readonly number[])[];
  /** Grid only: the number of values along each varied parameter (row-major, the last fastest); [] for a Latin hypercube. */
  readonly shape: readonly number[];
  /**
   * Latin hypercube only: how many points implied an explosive attack process
   * (`dynamics.branchingRatio` ≥ 1) and were redrawn from the priors on their own stream, as
   * `simulate` redraws its runs (the priors conditioned on a stable process). 0 for a grid.
   */
  readonly redrawn: number;
}

/** Stream index of a sweep's Latin-hypercube design: far from the runs' 2i, 2i + 1 and simulate's own design and redraw streams at the top of the range. */
export const SWEEP_DESIGN_STREAM = 2 ** 52;
/** Most draws tried per point: a redrawn Latin-hypercube point, or the search for a stable draw at a grid point. */
const MAX_DRAWS = 1000;

/**
 * The points of a parameter sweep (`linkage sweep`), pure and seed-determined.
 *
 * - **grid**: every combination of the specs' values, value k of spec j being
 *   lo + (hi − lo)·k/(n − 1) (the last exactly hi), in row-major order (the first spec slowest).
 *   When the scenario states its branching ratio, each point must leave the attack process stable
 *   for some draw of the other parameters from their priors (up to 1000 seeded draws), as
 *   `simulate` needs; otherwise the point is refused before any work.
 * - **lhs**: a Latin hypercube (McKay, Beckman & Conover 1979) of `n` points on the unit cube
 *   from stream {@link SWEEP_DESIGN_STREAM} of the seed, one coordinate per parameter with a prior
 *   (in declaration order, those held left out), mapped through each prior's quantile function
 *   (`writePriorPoint`), so each parameter's n values fall one in each of the n equal-probability
 *   strata of its prior. An explosive point is redrawn from the priors on its own stream.
 *
 * @throws {LinkageError} E_INPUT when a grid point leaves the attack process explosive, or the
 *   held values break a rule of the scenario (`parameterValues`)
 * @example sweepPoints(flagship, { kind: "grid", vary: [{ id: "sigma_sub", lo: 0.1, hi: 0.5, n: 3 }] }).points
 * // => [[0.1], [0.3], [0.5]]
 */
export function sweepPoints(scenario: Scenario, design: SweepDesign): SweepPointSet {
  const held = design.held ?? {};
  const { values } = parameterValues(scenario, held);
  const ratio = branchingRatioOf(scenario);
  if (design.kind === "grid") {
    const ids = design.vary.map((v) => v.id);
    const axes = design.vary.map(gridValues);
    const points = axes.reduce<number[][]>(
      (prefixes, axis) => prefixes.flatMap((prefix) => axis.map((x) => [...prefix, x])),
      [[]],
    );
    if (ratio) {
      const indices = ids.map((id) => scenario.parameters.findIndex((p) => p.id === id));
      const fixed = new Set([...indices, ...Object.keys(held).map((id) => indexOf(scenario, id))]);
      for (const point of points) checkStableSomewhere(scenario, values, indices, fixed, point);
    }
    return { kind: "grid", ids, points, shape: design.vary.map((v) => v.n), redrawn: 0 };
  }
  const free = scenario.parameters.flatMap((p, i) => (p.prior && !(p.id in held) ? [i] : []));
  const ids = free.map((i) => scenario.parameters[i]!.id);
  const unit = latinHypercube(
    randomStream(design.seed, SWEEP_DESIGN_STREAM),
    design.n,
    free.length,
  );
  const row = Float64Array.from(values);
  const fresh = new Float64Array(free.length);
  const points: number[][] = [];
  let redrawn = 0;
  for (let k = 0; k < design.n; k++) {
    writePriorPoint(scenario, free, unit, k, row);
    if (ratio && ratio(row) >= 1) {
      redrawn++;
      const rng = randomStream(design.seed, SWEEP_DESIGN_STREAM + 1 + k);
      for (let attempt = 0; ratio(row) >= 1; attempt++) {
        if (attempt === MAX_DRAWS)
          assertStableProcess(scenario, row, `${MAX_DRAWS} draws from the priors in a row`);
        for (let j = 0; j < free.length; j++) fresh[j] = rng.next();
        writePriorPoint(scenario, free, fresh, 0, row);
      }
    }
    points.push(free.map((i) => row[i]!));
  }
  return { kind: "lhs", ids, points, shape: [], redrawn };
}

/**
 * The n evenly spaced values of one spec, the last exactly `hi`; each inner value is the shortest
 * decimal of 15 significant digits near it (0.3, not 0.1 + 0.4·½ = 0.30000000000000004, so a CSV
 * can be filtered on the value typed), unless that moves it by more than 10⁻⁹ of the step.
 */
function gridValues({ lo, hi, n }: VarySpec): number[] {
  const step = (hi - lo) / (n - 1);
  return Array.from({ length: n }, (_, k) => {
    if (k === 0) return lo;
    if (k === n - 1) return hi;
    const raw = lo + ((hi - lo) * k) / (n - 1);
    const decimal = Number(raw.toPrecision(15));
    return Math.abs(decimal - raw) <= step * 1e-9 ? decimal : raw;
  });
}

function indexOf(scenario: Scenario, id: string): number {
  return scenario.parameters.findIndex((p) => p.id === id);
}

/**
 * Refuses a grid point at which no draw of the other parameters from their priors (the values
 * first, then up to MAX_DRAWS seeded draws) leaves the attack process stable.
 */
function checkStableSomewhere(
  scenario: Scenario,
  values: Float64Array,
  indices: readonly number[],
  fixed: ReadonlySet<number>,
  point: readonly number[],
): void {
  const ratio = branchingRatioOf(scenario)!;
  const row = Float64Array.from(values);
  indices.forEach((i, k) => {
    row[i] = point[k]!;
  });
  if (ratio(row) < 1) return;
  const free = scenario.parameters.flatMap((p, i) => (p.prior && !fixed.has(i) ? [i] : []));
  const rng = randomStream(0, SWEEP_DESIGN_STREAM);
  const draw = new Float64Array(free.length);
  for (let attempt = 0; attempt < MAX_DRAWS; attempt++) {
    for (let j = 0; j < free.length; j++) draw[j] = rng.next();
    writePriorPoint(scenario, free, draw, 0, row);
    if (ratio(row) < 1) return;
  }
  const at = indices.map((i, k) => `${scenario.parameters[i]!.id}=${point[k]}`).join(", ");
  try {
    assertStableProcess(scenario, row, `${at} for ${MAX_DRAWS} draws of the other parameters`);
  } catch (error) {
    if (error instanceof LinkageError)
      throw new LinkageError("E_INPUT", `--vary: the point ${at}: ${error.message}`);
    throw error;
  }
}
