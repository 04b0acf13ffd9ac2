import { describe, expect, it } from "vitest";
import { polymatrixEquilibrium } from "./polymatrixEquilibrium.js";

describe("polymatrixEquilibrium", () => {
  it("matching pennies written as a two-player polymatrix game: (1/2, 1/2) for both", () => {
    const pennies = {
      offset: Int32Array.of(0, 2, 4),
      // rows: player 1's H, T then player 2's H, T; own blocks ignored
      payoff: Float64Array.of(0, 0, 1, -1, 0, 0, -1, 1, -1, 1, 0, 0, 1, -1, 0, 0),
    };
    const tau = polymatrixEquilibrium(pennies);
    for (const p of tau) expect(p).toBeCloseTo(0.5, 12);
  });

  it("a three-player cyclic polymatrix game: its unique equilibrium, found by hand", () => {
    // player 1 gets 2 for (H, H) and 1 for (T, T) with player 2; player 2 gets 3 and 1 matching
    // player 3; player 3 gets 2 for H against player 1's T and 1 for T against H. Indifference:
    // 2y = 1 − y, 3z = 1 − z, 2(1 − x) = x, and no player can be pure (each pure choice forces a
    // chain of pure replies that contradicts it), so (x, y, z) = (2/3, 1/3, 1/4).
    const size = 6;
    const payoff = new Float64Array(size * size);
    const set = (r: number, c: number, v: number) => {
      payoff[r * size + c] = v;
    };
    set(0, 2, 2); // 1: H vs 2's H
    set(1, 3, 1); // 1: T vs 2's T
    set(2, 4, 3); // 2: H vs 3's H
    set(3, 5, 1); // 2: T vs 3's T
    set(4, 1, 2); // 3: H vs 1's T
    set(5, 0, 1); // 3: T vs 1's H
    const tau = polymatrixEquilibrium({ offset: Int32Array.of(0, 2, 4, 6), payoff });
    for (const [k, p] of [2 / 3, 1 / 3, 1 / 3, 2 / 3, 1 / 4, 3 / 4].entries())
      expect(tau[k]).toBeCloseTo(p, 12);
  });

  it("refuses a matrix that does not match the offsets", () => {
    expect(() =>
      polymatrixEquilibrium({ offset: Int32Array.of(0, 2, 4), payoff: new Float64Array(4) }),
    ).toThrow(/expected 4²/);
  });
});
