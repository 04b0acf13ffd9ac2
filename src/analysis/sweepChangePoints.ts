import type { SweepResult } from "./sweepScenario.js";

/** Two neighbouring grid points, one step apart along one parameter, with different best policies. */
export interface SweepChangePoint {
  /** The parameter along which the two points differ. */
  readonly id: string;
  /** Its value at the first point and at the next. */
  readonly from: number;
  readonly to: number;
  /** The other varied parameters' values, shared by both points (id → value; empty for one parameter). */
  readonly at: Readonly<Record<string, number>>;
  /** The best policy at the first point and at the next. */
  readonly before: string;
  readonly after: string;
  /** Indices of the two points in `SweepResult.points`. */
  readonly points: readonly [number, number];
}

/**
 * Where the best policy changes on a grid sweep: every pair of neighbouring points (one step
 * apart along one varied parameter, in grid order) whose best policies (highest mean
 * senderUtility) differ, along the first parameter first. A Latin-hypercube sweep has no
 * neighbours: the answer is empty.
 *
 * @example sweepChangePoints(result) // => [{ id: "sigma_sub", from: 0.3, to: 0.5, at: {}, before: "K", after: "KE", points: [1, 2] }]
 */
export function sweepChangePoints(result: SweepResult): SweepChangePoint[] {
  if (result.design !== "grid") return [];
  const { ids, shape, points } = result;
  const changes: SweepChangePoint[] = [];
  ids.forEach((id, axis) => {
    const stride = shape.slice(axis + 1).reduce((a, b) => a * b, 1);
    const n = shape[axis]!;
    for (let i = 0; i < points.length; i++) {
      if (Math.floor(i / stride) % n === n - 1) continue; // the last value along this axis
      const a = points[i]!;
      const b = points[i + stride]!;
      if (a.best === b.best) continue;
      const at: Record<string, number> = {};
      ids.forEach((other, k) => {
        if (k !== axis) at[other] = a.values[k]!;
      });
      changes.push({
        id,
        from: a.values[axis]!,
        to: b.values[axis]!,
        at,
        before: a.best,
        after: b.best,
        points: [i, i + stride],
      });
    }
  });
  return changes;
}
