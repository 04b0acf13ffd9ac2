import { describe, expect, it } from "vitest";
import { strategicGameFromTables } from "../games/strategicGameFromTables.js";
import { simplicialSubdivision } from "./simplicialSubdivision.js";

const pennies = strategicGameFromTables(
  [2, 2],
  [
    [1, -1, -1, 1],
    [-1, 1, 1, -1],
  ],
);
/** van der Laan et al.'s 2×2×2 game with one, completely mixed, equilibrium (Gambit's g1.nfg). */
const g1 = strategicGameFromTables(
  [2, 2, 2],
  [
    [-1, -8, -8, -2, -2, -8, -5, -2],
    [-4, -2, -2, -1, -2, -1, -6, -3],
    [-4, -4, -1, -2, -8, -2, -8, -1],
  ],
);

describe("simplicialSubdivision", () => {
  it("approaches matching pennies' equilibrium as the mesh is refined", () => {
    const coarse = simplicialSubdivision(pennies, { grid: 4, refinements: 0 });
    const fine = simplicialSubdivision(pennies, { grid: 4, refinements: 8 });
    expect(coarse.complete && fine.complete).toBe(true);
    expect(fine.mesh).toBe(4 * 2 ** 8);
    expect(fine.regret).toBeLessThanOrEqual(4 / fine.mesh);
    for (const x of fine.profile) expect(x).toBeCloseTo(0.5, 2);
  });

  it("ends at an approximate equilibrium of a 3-player game whose only equilibrium is mixed", () => {
    const r = simplicialSubdivision(g1, { refinements: 10 });
    expect(r.complete).toBe(true);
    expect(r.regret).toBeLessThan(1e-2);
  });

  it("returns a probability profile for every player", () => {
    const g = strategicGameFromTables(
      [3, 1, 2],
      [
        [1, 2, 3, 4, 5, 6],
        [6, 5, 4, 3, 2, 1],
        [0, 1, 0, 1, 0, 1],
      ],
    );
    const r = simplicialSubdivision(g, { refinements: 4 });
    const sums = [r.profile[0]! + r.profile[1]! + r.profile[2]!, r.profile[3]!];
    sums.push(r.profile[4]! + r.profile[5]!);
    for (const s of sums) expect(s).toBeCloseTo(1, 12);
    for (const x of r.profile) expect(x).toBeGreaterThanOrEqual(0);
  });

  it("finds a pure equilibrium of a dominance-solvable game exactly", () => {
    const pd = strategicGameFromTables(
      [2, 2],
      [
        [3, 5, 0, 1],
        [3, 0, 5, 1],
      ],
    );
    const r = simplicialSubdivision(pd, { refinements: 6 });
    expect(r.regret).toBeLessThan(1e-2);
    expect(r.profile[1]!).toBeGreaterThan(0.99);
  });

  it("honours the time budget", () => {
    const r = simplicialSubdivision(g1, { refinements: 30, maxSeconds: 0 });
    expect(r.complete).toBe(false);
  });

  it("rejects bad options", () => {
    expect(() => simplicialSubdivision(pennies, { grid: 0 })).toThrow(/grid/);
    expect(() => simplicialSubdivision(pennies, { refinements: -1 })).toThrow(/refinements/);
    expect(() => simplicialSubdivision(pennies, { start: [1, 0] })).toThrow(/start/);
  });
});
