import type { DemandSpec } from "./Scenario.js";

/** A divisible demand: its id and the indices (into `Scenario.demands`) of its stages, in order. */
export interface DivisibleDemand {
  readonly id: string;
  readonly stages: readonly number[];
}

/**
 * The scenario's divisible demands, from the stages' `stageOf`, in the order they were written.
 * @example
 * divisibleDemands([{ id: "a", stageOf: null }, { id: "b1", stageOf: "b" }, { id: "b2", stageOf: "b" }])
 * // => [{ id: "b", stages: [1, 2] }]
 */
export function divisibleDemands(
  demands: readonly Pick<DemandSpec, "id" | "stageOf">[],
): DivisibleDemand[] {
  const byId = new Map<string, number[]>();
  demands.forEach((d, j) => {
    if (d.stageOf === null) return;
    const stages = byId.get(d.stageOf) ?? [];
    stages.push(j);
    byId.set(d.stageOf, stages);
  });
  return [...byId].map(([id, stages]) => ({ id, stages }));
}
