import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { profileAt, profileCount } from "../games/strategicGame.js";
import { strategicGameFromTables as strategicGame } from "../games/strategicGameFromTables.js";
import { pureEquilibria } from "./pureEquilibria.js";
import { strategicRegret } from "./regret.js";

const pure = (sizes: number[], profile: ArrayLike<number>) =>
  sizes.map((n, p) => Array.from({ length: n }, (_, s) => (s === profile[p] ? 1 : 0)));

describe("pureEquilibria", () => {
  it("prisoner's dilemma: (defect, defect) only", () => {
    // strategies: 0 cooperate, 1 defect; profile order (r, c) = (0,0), (1,0), (0,1), (1,1)
    const g = strategicGame(
      [2, 2],
      [
        [3, 5, 0, 1],
        [3, 0, 5, 1],
      ],
    );
    expect(pureEquilibria(g).map((e) => [...e])).toEqual([[1, 1]]);
  });
  it("matching pennies has none; a coordination game has two", () => {
    expect(
      pureEquilibria(
        strategicGame(
          [2, 2],
          [
            [1, -1, -1, 1],
            [-1, 1, 1, -1],
          ],
        ),
      ),
    ).toEqual([]);
    expect(
      pureEquilibria(
        strategicGame(
          [2, 2],
          [
            [2, 0, 0, 1],
            [1, 0, 0, 2],
          ],
        ),
      ).map((e) => [...e]),
    ).toEqual([
      [0, 0],
      [1, 1],
    ]);
  });
  it("a zero game: every profile is an equilibrium", () => {
    expect(
      pureEquilibria(
        strategicGame([2, 3, 2], [Array(12).fill(0), Array(12).fill(0), Array(12).fill(0)]),
      ),
    ).toHaveLength(12);
  });
  it("on random n-player games, exactly the zero-regret profiles are returned", () => {
    const arb = fc
      .array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 })
      .chain((sizes) => {
        const count = sizes.reduce((a, b) => a * b, 1);
        return fc.tuple(
          fc.constant(sizes),
          fc.array(
            fc.array(fc.integer({ min: -2, max: 2 }), { minLength: count, maxLength: count }),
            {
              minLength: sizes.length,
              maxLength: sizes.length,
            },
          ),
        );
      });
    fc.assert(
      fc.property(arb, ([sizes, payoffs]) => {
        const g = strategicGame(sizes, payoffs);
        const found = new Set(pureEquilibria(g).map((e) => e.join(",")));
        for (let k = 0; k < profileCount(g); k++) {
          const profile = profileAt(g, k);
          const regret = strategicRegret(g, pure(sizes, profile)).max;
          expect(found.has(profile.join(","))).toBe(regret === 0);
        }
      }),
      { seed: 11, numRuns: 300 },
    );
  });
});
