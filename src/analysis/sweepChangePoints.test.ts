import { describe, expect, it } from "vitest";
import { sweepChangePoints } from "./sweepChangePoints.js";
import type { SweepResult } from "./sweepScenario.js";

/** A grid result with the given best policy at each point (row-major, the last parameter fastest). */
function grid(ids: string[], shape: number[], best: string[]): SweepResult {
  const values = (k: number) => {
    const out: number[] = [];
    let rest = k;
    for (let j = shape.length - 1; j >= 0; j--) {
      out[j] = rest % shape[j]!;
      rest = Math.floor(rest / shape[j]!);
    }
    return out;
  };
  return {
    scenario: "s",
    design: "grid",
    ids,
    shape,
    held: {},
    seed: 1,
    runs: 1,
    weeks: 1,
    policies: ["A", "B"],
    outputs: [],
    leverageBaseline: null,
    redrawnPoints: 0,
    points: best.map((b, k) => ({ values: values(k), best: b, leverage: null, policies: {} })),
  };
}

describe("sweepChangePoints", () => {
  it("finds the one change along one parameter", () => {
    const changes = sweepChangePoints(grid(["x"], [4], ["A", "A", "B", "B"]));
    expect(changes).toEqual([
      { id: "x", from: 1, to: 2, at: {}, before: "A", after: "B", points: [1, 2] },
    ]);
  });

  it("on a 2 × 3 grid, finds the neighbours along each parameter and never wraps a row", () => {
    // x = 0: A A B; x = 1: A B B
    const changes = sweepChangePoints(grid(["x", "y"], [2, 3], ["A", "A", "B", "A", "B", "B"]));
    expect(changes.map((c) => [c.id, c.points, c.at])).toEqual([
      ["x", [1, 4], { y: 1 }],
      ["y", [1, 2], { x: 0 }],
      ["y", [3, 4], { x: 1 }],
    ]);
  });

  it("is empty for a Latin hypercube", () => {
    expect(
      sweepChangePoints({ ...grid(["x"], [2], ["A", "B"]), design: "lhs", shape: [] }),
    ).toEqual([]);
  });
});
