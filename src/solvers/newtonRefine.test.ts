import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { GAMBIT_GAMES_ABSENT, GAMBIT_GAMES_DIR } from "../../test/support/gambitReferenceFiles.js";
import { skipReason } from "../../test/support/skipReason.js";
import { readNfg } from "../games/gambit/readNfg.js";
import { strategicGameFromTables } from "../games/strategicGameFromTables.js";
import {
  payoffScale,
  refineEquilibrium,
  strategyOffsets,
  strategyPayoffs,
} from "./newtonRefine.js";

const has = (path: string): boolean => {
  try {
    readFileSync(GAMBIT_GAMES_DIR + path);
    return true;
  } catch {
    return false;
  }
};
const load = (path: string) => readNfg(readFileSync(GAMBIT_GAMES_DIR + path, "utf8"), path);

const pennies = strategicGameFromTables(
  [2, 2],
  [
    [1, -1, -1, 1],
    [-1, 1, 1, -1],
  ],
);

describe("refineEquilibrium", () => {
  it("recovers matching pennies' mixed equilibrium from a perturbed start", () => {
    const r = refineEquilibrium(pennies, Float64Array.of(0.47, 0.53, 0.55, 0.45));
    expect(r.converged).toBe(true);
    expect(r.refined).toBe(true);
    expect(r.regret).toBeLessThanOrEqual(1e-12 * 2);
    for (const x of r.profile) expect(x).toBeCloseTo(0.5, 14);
  });

  it("snaps a nearly pure profile to the pure equilibrium", () => {
    const pd = strategicGameFromTables(
      [2, 2],
      [
        [3, 5, 0, 1],
        [3, 0, 5, 1],
      ],
    );
    const r = refineEquilibrium(pd, Float64Array.of(0.01, 0.99, 0.02, 0.98));
    expect(Array.from(r.profile)).toEqual([0, 1, 0, 1]);
    expect(r.regret).toBe(0);
  });

  it("returns an exact input unchanged and unrefined", () => {
    const r = refineEquilibrium(pennies, Float64Array.of(0.5, 0.5, 0.5, 0.5));
    expect(r.refined).toBe(false);
    expect(r.regret).toBe(0);
  });

  it("falls back to the input when no support system helps", () => {
    // far from equilibrium: the guessed supports give profiles no better than... the input
    const r = refineEquilibrium(pennies, Float64Array.of(1, 0, 1, 0));
    expect(r.regret).toBeLessThanOrEqual(2);
    expect(r.profile.length).toBe(4);
  });

  it("handles duplicate strategies (singular Jacobian) by a least-change step", () => {
    // pennies with player 1's first strategy duplicated
    const g = strategicGameFromTables(
      [3, 2],
      [
        [1, 1, -1, -1, -1, 1],
        [-1, -1, 1, 1, 1, -1],
      ],
    );
    const r = refineEquilibrium(g, Float64Array.of(0.26, 0.26, 0.48, 0.51, 0.49));
    expect(r.converged).toBe(true);
    expect(r.profile[0]! + r.profile[1]!).toBeCloseTo(0.5, 14);
  });

  it("checks the profile's length", () => {
    expect(() => refineEquilibrium(pennies, [0.5, 0.5, 1])).toThrow(/4 strategies/);
  });

  it.skipIf(!has("contrib/games/g1.nfg"))(
    `recovers van der Laan et al.'s unique mixed equilibrium of a 2×2×2 game exactly${skipReason(!has("contrib/games/g1.nfg"), GAMBIT_GAMES_ABSENT)}`,
    () => {
      const g = load("contrib/games/g1.nfg");
      const exact = [1 / 5, 4 / 5, 3 / 7, 4 / 7, 2 / 3, 1 / 3];
      const start = Float64Array.from(exact, (x, k) => x + (k % 2 === 0 ? 0.01 : -0.01));
      const r = refineEquilibrium(g, start);
      expect(r.converged).toBe(true);
      expect(r.regret).toBeLessThanOrEqual(1e-12 * payoffScale(g));
      for (const [k, x] of r.profile.entries()) expect(x).toBeCloseTo(exact[k]!, 13);
    },
  );

  it.skipIf(!has("catalog/journals/ijgt/nau2004/sec4.nfg"))(
    `recovers Nau et al.'s irrational equilibrium (player 2: (√601 − 13)/24)${skipReason(!has("catalog/journals/ijgt/nau2004/sec4.nfg"), GAMBIT_GAMES_ABSENT)}`,
    () => {
      const g = load("catalog/journals/ijgt/nau2004/sec4.nfg");
      const gambit = [0.6192325563, 0.3807674437, 0.4798042146, 0.5201957854, 0.3788254061];
      const start = Float64Array.of(0.6, 0.4, 0.5, 0.5, 0.4, 0.6);
      const r = refineEquilibrium(g, start);
      expect(r.converged).toBe(true);
      expect(r.profile[2]!).toBeCloseTo((Math.sqrt(601) - 13) / 24, 14);
      // Gambit's logit limit is accurate to about 1e-8
      for (const [k, x] of gambit.entries()) expect(r.profile[k]!).toBeCloseTo(x, 6);
    },
  );
});

describe("strategyPayoffs", () => {
  it("gives the payoffs of pure strategies and their derivatives", () => {
    const offset = strategyOffsets(pennies);
    const out = new Float64Array(4);
    const second = new Float64Array(16);
    strategyPayoffs(pennies, offset, Float64Array.of(0.25, 0.75, 1, 0), out, second);
    expect(Array.from(out)).toEqual([1, -1, 0.5, -0.5]);
    // ∂u_{1,1}/∂σ_{2,2} = payoff of (1, 2) to player 1 = −1
    expect(second[0 * 4 + 3]).toBe(-1);
    expect(second[0 * 4 + 1]).toBe(0);
  });

  it("payoffScale is the spread, or 1 for a constant game", () => {
    expect(payoffScale(pennies)).toBe(2);
    expect(payoffScale(strategicGameFromTables([1], [[0]]))).toBe(1);
  });
});
