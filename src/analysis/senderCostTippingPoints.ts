import type { Scenario } from "../scenario/Scenario.js";
import type { SimulationResult } from "../sim/SimulationResult.js";

/** Over one stretch of a human-cost weight, the policy with the highest mean sender utility. */
export interface WeightSegment {
  readonly from: number;
  /** Infinity for the last stretch. */
  readonly to: number;
  readonly best: string;
}

/** How the weekly recommendation depends on one weight of the sender's human-cost ledger. */
export interface SenderCostTippingPoint {
  /** The weight's parameter id, e.g. `wF`. */
  readonly parameter: string;
  readonly label: string;
  /** The counted output, e.g. `fatalities`. */
  readonly output: string;
  /** The weight's value (its default; with priors the runs draw it, and the lines set it in every run). */
  readonly value: number;
  /** The recommendation over [0, ∞), in order. */
  readonly segments: readonly WeightSegment[];
  /** The first weight above `value` at which the recommendation changes; null if it never does. */
  readonly tippingValue: number | null;
}

/**
 * Where the weekly recommendation changes as one human-cost weight w_k varies with everything else
 * held, computed exactly from the simulation without running it again: the sender's flow does not
 * feed back into the runs, so each policy's mean utility is a line in w_k,
 *   V_π(w) = Ū_π + C̄_π,k − w·F̄_π,k / weeks,
 * with Ū_π the mean senderUtility (which counts C̄_π,k, the mean of w_k·F_k/weeks at the run's
 * weights) and F̄_π,k the mean of the counted output. The upper envelope of the lines over
 * w ∈ [0, ∞) gives the segments (ties to the earlier-listed policy).
 */
export function senderCostTippingPoints(
  scenario: Scenario,
  simulation: SimulationResult,
  values: ArrayLike<number>,
): SenderCostTippingPoint[] {
  const dynamics = scenario.dynamics;
  if (!dynamics) return [];
  const ids = Object.keys(simulation.policies);
  const result: SenderCostTippingPoint[] = [];
  for (const term of dynamics.senderCosts) {
    if (term.weight.kind !== "parameter") continue;
    const output = dynamics.outputs[term.output]!.name;
    const lines = ids.map((id) => {
      const o = simulation.policies[id]!.outcomes;
      const utility = o["senderUtility"]?.mean;
      const cost = o[`${output}Cost`]?.mean;
      const counted = o[output]?.mean;
      if (utility === undefined || cost === undefined || counted === undefined) return null;
      return { id, intercept: utility + cost, slope: -counted / simulation.weeks };
    });
    if (lines.some((l) => l === null) || lines.length === 0) continue;
    const segments = upperEnvelope(lines as { id: string; intercept: number; slope: number }[]);
    const value = values[term.weight.index]!;
    const next = segments.find((s) => s.from > value);
    const here = segments.find((s) => s.from <= value && value < s.to);
    const parameter = scenario.parameters[term.weight.index]!;
    result.push({
      parameter: parameter.id,
      label: parameter.label ?? parameter.id,
      output,
      value,
      segments,
      tippingValue: next && here && next.best !== here.best ? next.from : null,
    });
  }
  return result;
}

/** The best line over [0, ∞), as segments; ties go to the earlier line. */
function upperEnvelope(
  lines: readonly { id: string; intercept: number; slope: number }[],
): WeightSegment[] {
  const bestAt = (w: number) => {
    let best = 0;
    for (let i = 1; i < lines.length; i++) {
      const a = lines[i]!.intercept + lines[i]!.slope * w;
      const b = lines[best]!.intercept + lines[best]!.slope * w;
      if (a > b + 1e-12 * Math.max(1, Math.abs(a), Math.abs(b))) best = i;
    }
    return best;
  };
  const segments: WeightSegment[] = [];
  let from = 0;
  let current = bestAt(0);
  for (;;) {
    // the nearest crossing ahead where another line overtakes the current one
    let cross = Number.POSITIVE_INFINITY;
    const c = lines[current]!;
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i]!;
      if (i === current || l.slope <= c.slope) continue;
      const w = (c.intercept - l.intercept) / (l.slope - c.slope);
      if (w > from && w < cross) cross = w;
    }
    if (!Number.isFinite(cross)) {
      segments.push({ from, to: Number.POSITIVE_INFINITY, best: lines[current]!.id });
      return segments;
    }
    const after = bestAt(cross * (1 + 1e-9) + 1e-300);
    if (after === current) {
      from = cross;
      continue;
    }
    segments.push({ from, to: cross, best: lines[current]!.id });
    from = cross;
    current = after;
  }
}
