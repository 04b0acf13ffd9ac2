import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadScenario } from "../scenario/loadScenario.js";
import { priorQuantile } from "../scenario/priorQuantile.js";
import { sweepPoints } from "./sweepPoints.js";

const flagship = loadScenario(
  fileURLToPath(new URL("../../scenarios/kabul-2021.yaml", import.meta.url)),
);

describe("sweepPoints on a grid", () => {
  it("lists every combination, the first parameter slowest, from lo to exactly hi", () => {
    const set = sweepPoints(flagship, {
      kind: "grid",
      vary: [
        { id: "sigma_sub", lo: 0.1, hi: 0.5, n: 3 },
        { id: "cA_C", lo: 2, hi: 5, n: 2 },
      ],
    });
    expect(set.ids).toEqual(["sigma_sub", "cA_C"]);
    expect(set.shape).toEqual([3, 2]);
    expect(set.points).toEqual([
      [0.1, 2],
      [0.1, 5],
      [0.3, 2], // not 0.1 + 0.4 · ½ = 0.30000000000000004: the decimal a user types
      [0.3, 5],
      [0.5, 2],
      [0.5, 5],
    ]);
    expect(set.redrawn).toBe(0);
  });

  it("keeps a value off its decimal when the decimal would move it by more than 10⁻⁹ of the step", () => {
    const lo = 0.1;
    const hi = 0.1 + 3e-14;
    const set = sweepPoints(flagship, { kind: "grid", vary: [{ id: "sigma_sub", lo, hi, n: 4 }] });
    const values = set.points.map((p) => p[0]!);
    expect(new Set(values).size).toBe(4);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    expect(values[1]).toBe(lo + (hi - lo) / 3);
  });

  it("refuses a point at which no draw of the other parameters keeps the attack process stable", () => {
    // nH alone at 1.2 is a branching ratio above 1 whatever the others are
    expect(() =>
      sweepPoints(flagship, { kind: "grid", vary: [{ id: "nH", lo: 0.5, hi: 1.2, n: 2 }] }),
    ).toThrow(/--vary: the point nH=1\.2: .*explosive/);
  });
});

describe("sweepPoints by Latin hypercube", () => {
  const n = 20;
  const set = sweepPoints(flagship, { kind: "lhs", n, seed: 1, held: { sigma_sub: 0.2 } });

  it("draws every parameter with a prior but those held", () => {
    const withPrior = flagship.parameters.filter((p) => p.prior && p.id !== "sigma_sub");
    expect(set.ids).toEqual(withPrior.map((p) => p.id));
    expect(set.points).toHaveLength(n);
    expect(set.redrawn).toBe(0); // so the strata below are exact
  });

  it("puts each parameter's n values one in each of the n equal-probability strata of its prior", () => {
    set.ids.forEach((id, k) => {
      const prior = flagship.parameters.find((p) => p.id === id)!.prior!;
      const edges = Array.from({ length: n + 1 }, (_, j) => priorQuantile(prior, j / n));
      const strata = set.points.map((point) => {
        const x = point[k]!;
        return edges.findIndex((edge, j) => j < n && x >= edge && x <= edges[j + 1]!);
      });
      expect(new Set(strata).size, id).toBe(n);
      expect(strata.every((s) => s >= 0)).toBe(true);
    });
  });

  it("is the same for the same seed and differs for another", () => {
    const again = sweepPoints(flagship, { kind: "lhs", n, seed: 1, held: { sigma_sub: 0.2 } });
    expect(again.points).toEqual(set.points);
    const other = sweepPoints(flagship, { kind: "lhs", n, seed: 2, held: { sigma_sub: 0.2 } });
    expect(other.points).not.toEqual(set.points);
  });
});
