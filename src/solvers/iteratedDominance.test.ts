import { describe, expect, it } from "vitest";
import { strategicGameFromTables as strategicGame } from "../games/strategicGameFromTables.js";
import { iteratedDominanceMixed, iteratedDominancePure } from "./iteratedDominance.js";
import { pureEquilibria } from "./pureEquilibria.js";

describe("iterated elimination of strictly dominated strategies", () => {
  // Row player: T, M, B; column player: L, R. B is dominated only by the mixture ½T + ½M.
  // payoffs in profile order (row fastest): (T,L) (M,L) (B,L) (T,R) (M,R) (B,R)
  const game = strategicGame(
    [3, 2],
    [
      [3, 0, 1, 0, 3, 1],
      [1, 0, 2, 0, 1, 0],
    ],
  );

  it("pure domination alone removes nothing here", () => {
    expect(iteratedDominancePure(game).survivors).toEqual([
      [0, 1, 2],
      [0, 1],
    ]);
  });

  it("mixed domination removes B by ½T + ½M", async () => {
    const r = await iteratedDominanceMixed(game);
    expect(r.eliminations[0]).toMatchObject({ round: 1, player: 0, strategy: 2 });
    const by = r.eliminations[0]!.dominatedBy;
    expect("mixed" in by).toBe(true);
    if ("mixed" in by) {
      const weights = Object.fromEntries(by.mixed);
      expect(weights[0]).toBeCloseTo(0.5, 6);
      expect(weights[1]).toBeCloseTo(0.5, 6);
    }
    expect(r.survivors[0]).toEqual([0, 1]);
  });

  it("iterates: the prisoner's dilemma reduces to (defect, defect)", () => {
    const pd = strategicGame(
      [2, 2],
      [
        [3, 5, 0, 1],
        [3, 0, 5, 1],
      ],
    );
    const r = iteratedDominancePure(pd);
    expect(r.survivors).toEqual([[1], [1]]);
    expect(r.reduced.payoffs).toEqual(Float64Array.from([1, 1]));
  });

  it("a three-round elimination keeps the equilibria of the game", async () => {
    // row: U, D; column: L, C, R — C dominates R, then U dominates D, then L dominates C
    const g = strategicGame(
      [2, 3],
      [
        [1, 0, 1, 0, 0, 2],
        [0, 3, 2, 1, 1, 0],
      ],
    );
    const r = await iteratedDominanceMixed(g);
    const rounds = r.eliminations.map((e) => [e.round, e.player, e.strategy]);
    expect(rounds.length).toBeGreaterThan(0);
    for (const eq of pureEquilibria(g)) {
      expect(r.survivors[0]).toContain(eq[0]);
      expect(r.survivors[1]).toContain(eq[1]);
    }
  });

  it("finds mixed domination when payoffs reach 1e19 (HiGHS refuses entries of 1e15 and more)", async () => {
    // the game above times 1e18 plus a row of 1e19 payoffs: B is still dominated by ½T + ½M
    const big = strategicGame(
      [3, 2],
      [
        [3e18, 0, 1e18, 0, 3e18, 1e18],
        [1, 0, 2, 0, 1, 0],
      ],
    );
    const r = await iteratedDominanceMixed(big);
    expect(r.eliminations[0]).toMatchObject({ player: 0, strategy: 2 });
    expect(r.survivors[0]).toEqual([0, 1]);
  });

  it("does not call a mixture dominating when it only ties at some profile", async () => {
    // B pays 3/2 either way: only ½T + ½M matches it, and only with equality
    const tie = strategicGame(
      [3, 2],
      [
        [3, 0, 1.5, 0, 3, 1.5],
        [1, 0, 2, 0, 1, 0],
      ],
    );
    const r = await iteratedDominanceMixed(tie);
    expect(r.survivors[0]).toContain(2);
  });
});
