import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readEfg } from "../games/gambit/readEfg.js";
import { strategicGameFromTables } from "../games/strategicGameFromTables.js";
import { agentLogitSystem, type LogitSystem, strategicLogitSystem } from "./logitQreSystem.js";

/** Largest |analytic − central difference| over the Jacobian at x. */
function jacobianError(system: LogitSystem, x: Float64Array): number {
  const n = system.size;
  const values = new Float64Array(n);
  const jacobian = new Float64Array(n * n);
  system.valuesAndJacobian(x, values, jacobian);
  const plus = new Float64Array(n);
  const minus = new Float64Array(n);
  const e = 1e-6;
  let worst = 0;
  for (let m = 0; m < n; m++) {
    const xp = x.slice();
    xp[m] = xp[m]! + e;
    const xm = x.slice();
    xm[m] = xm[m]! - e;
    system.values(xp, plus);
    system.values(xm, minus);
    for (let k = 0; k < n; k++) {
      const fd = (plus[k]! - minus[k]!) / (2 * e);
      worst = Math.max(worst, Math.abs(fd - jacobian[k * n + m]!));
    }
  }
  return worst;
}

// three players, chance, a set with two nodes, an outcome on an inner node
const TREE = `EFG 2 R "mixed bag" { "A" "B" "C" } ""
c "" 1 "" { "l" 1/3 "r" 2/3 } 1 "o" { 1, 0, -1 }
p "" 1 1 "" { "a" "b" } 0
p "" 2 1 "" { "c" "d" "e" } 0
t "" 2 "" { 3, 1, 0 }
t "" 3 "" { 0, 2, 1 }
p "" 3 1 "" { "f" "g" } 0
t "" 4 "" { 1, 1, 1 }
t "" 5 "" { 2, 0, 4 }
t "" 6 "" { 5, 5, 0 }
p "" 1 2 "" { "h" "i" } 0
p "" 2 1 "" { "c" "d" "e" } 0
t "" 7 "" { 0, 0, 2 }
t "" 8 "" { 1, 3, 0 }
t "" 9 "" { 4, 1, 1 }
t "" 10 "" { 2, 2, 2 }
`;

const logProbabilities = (system: LogitSystem) =>
  fc
    .array(fc.double({ min: 0.01, max: 1, noNaN: true }), {
      minLength: system.size,
      maxLength: system.size,
    })
    .map((raw) => {
      const x = new Float64Array(system.size);
      for (let b = 0; b + 1 < system.blockStart.length; b++) {
        let sum = 0;
        for (let k = system.blockStart[b]!; k < system.blockStart[b + 1]!; k++) sum += raw[k]!;
        for (let k = system.blockStart[b]!; k < system.blockStart[b + 1]!; k++)
          x[k] = Math.log(raw[k]! / sum);
      }
      return x;
    });

describe("strategicLogitSystem", () => {
  const game = strategicGameFromTables(
    [2, 3, 2],
    [
      Array.from({ length: 12 }, (_, k) => (k * 7) % 5),
      Array.from({ length: 12 }, (_, k) => (k * 3) % 4),
      Array.from({ length: 12 }, (_, k) => (k * 5) % 7),
    ],
  );
  const system = strategicLogitSystem(game);

  it("lays out one block per player and scales by the payoff spread", () => {
    expect(system.size).toBe(7);
    expect(Array.from(system.blockStart)).toEqual([0, 2, 5, 7]);
    expect(system.scale).toBe(6);
  });

  it("has the analytic Jacobian (central differences agree)", () => {
    fc.assert(
      fc.property(logProbabilities(system), (x) => jacobianError(system, x) < 1e-8),
      { seed: 7, numRuns: 50 },
    );
  });
});

describe("agentLogitSystem", () => {
  const game = readEfg(TREE);
  const system = agentLogitSystem(game);

  it("lays out one block per personal information set, in Gambit's order", () => {
    expect(Array.from(system.blockStart)).toEqual([0, 2, 4, 7, 9]);
  });

  it("values are conditional expected payoffs with Bayesian beliefs", () => {
    // uniform play: B's set holds nodes reached with 1/3 · 1/2 and 2/3 · 1/2, so beliefs 1/3, 2/3
    const x = new Float64Array(9);
    for (let b = 0; b < 4; b++) {
      const count = system.blockStart[b + 1]! - system.blockStart[b]!;
      for (let k = system.blockStart[b]!; k < system.blockStart[b + 1]!; k++)
        x[k] = -Math.log(count);
    }
    const values = new Float64Array(9);
    system.values(x, values);
    const scaled = (v: number) => v / system.scale;
    expect(values[4]).toBeCloseTo(scaled((1 / 3) * 1 + (2 / 3) * 0), 12); // B plays c
    expect(values[5]).toBeCloseTo(scaled((1 / 3) * 2 + (2 / 3) * 3), 12); // d
    expect(values[6]).toBeCloseTo(scaled((1 / 3) * ((1 + 0) / 2) + (2 / 3) * 1), 12); // e
  });

  it("has the analytic Jacobian (central differences agree)", () => {
    fc.assert(
      fc.property(logProbabilities(system), (x) => jacobianError(system, x) < 1e-8),
      { seed: 11, numRuns: 50 },
    );
  });
});
