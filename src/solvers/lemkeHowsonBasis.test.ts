import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { randomStrategicGame } from "../../bench/randomGames.js";
import { exactPivotingOf } from "../gambitSolve/methods/solveLemkeHowson.js";
import { solveGame } from "../gambitSolve/solveGame.js";
import { readGambitGame } from "../games/gambit/readGambitGame.js";
import type { StrategicGame } from "../games/strategicGame.js";
import { strategicGameFromTables } from "../games/strategicGameFromTables.js";
import { formatRational, parseRational, type Rational } from "../math/rational.js";
import {
  type LemkeHowsonEquilibrium,
  lemkeHowsonAllExact,
  lemkeHowsonExact,
} from "./lemkeHowson.js";
import { exactEquilibriumOfBases } from "./lemkeHowsonBasis.js";
import { strategicRegretExact } from "./regret.js";

const line = (e: { strategies: readonly (readonly Rational[])[] }) =>
  e.strategies.flat().map(formatRational).join(",");

const pennies = strategicGameFromTables(
  [2, 2],
  [
    [1, -1, -1, 1],
    [-1, 1, 1, -1],
  ],
);

/** Every complementary pair of bases: P's n basic labels out of m + n, Q's the other m. */
function complementaryPairs(m: number, n: number): [number[], number[]][] {
  const pairs: [number[], number[]][] = [];
  const labels = m + n;
  for (let mask = 0; mask < 1 << labels; mask++) {
    const p: number[] = [];
    const q: number[] = [];
    for (let l = 0; l < labels; l++) ((mask >> l) & 1 ? p : q).push(l);
    if (p.length === n) pairs.push([p, q]);
  }
  return pairs;
}

/** The accepted complementary pairs of a game (each checked to be an exact equilibrium). */
function acceptedPairs(game: StrategicGame): number {
  const m = game.strategies[0]!.length;
  const n = game.strategies[1]!.length;
  let accepted = 0;
  for (const [p, q] of complementaryPairs(m, n)) {
    const check = exactEquilibriumOfBases(game, p, q);
    if (!check.ok) continue;
    accepted++;
    expect(formatRational(strategicRegretExact(game, [...check.strategies]).max)).toBe("0");
  }
  return accepted;
}

describe("exactEquilibriumOfBases", () => {
  it("re-solves matching pennies' full supports exactly", () => {
    const check = exactEquilibriumOfBases(pennies, [0, 1], [2, 3]);
    expect(check.ok).toBe(true);
    if (check.ok) expect(line(check)).toBe("1/2,1/2,1/2,1/2");
  });

  it("refuses the artificial pair, repeated labels, wrong sizes and infeasible bases", () => {
    const reason = (p: number[], q: number[]) => {
      const check = exactEquilibriumOfBases(pennies, p, q);
      return check.ok ? "accepted" : check.reason;
    };
    expect(reason([2, 3], [0, 1])).toMatch(/artificial/);
    expect(reason([0, 2], [0, 3])).toMatch(/basic twice/);
    expect(reason([0], [1, 2, 3])).toMatch(/sizes/);
    // x₀ basic, column 0 tight, y₁ basic, row 0 tight: pure (row 1, column 2) is no equilibrium
    expect(reason([0, 3], [1, 2])).not.toBe("accepted");
  });

  it("accepts an odd number of complementary pairs: the equilibria of the nondegenerate perturbed game", () => {
    // the perturbed game is nondegenerate, so with the artificial pair its equilibria are even in
    // number; the check accepts exactly the perturbed equilibria, an odd number without it
    const degenerate = strategicGameFromTables(
      [3, 3],
      [
        [1, 2, 3, 3, 2, 1, 2, 2, 2],
        [2, 1, 3, 2, 2, 2, 2, 3, 1],
      ],
    );
    expect(acceptedPairs(degenerate) % 2).toBe(1);
    expect(
      acceptedPairs(strategicGameFromTables([3, 3], [new Array(9).fill(0), new Array(9).fill(0)])) %
        2,
    ).toBe(1);
    fc.assert(
      fc.property(
        fc
          .record({ m: fc.integer({ min: 1, max: 4 }), n: fc.integer({ min: 1, max: 4 }) })
          .chain(({ m, n }) =>
            fc
              .array(
                fc.array(fc.integer({ min: -2, max: 2 }), { minLength: m * n, maxLength: m * n }),
                {
                  minLength: 2,
                  maxLength: 2,
                },
              )
              .map((tables) => strategicGameFromTables([m, n], tables)),
          ),
        (game) => acceptedPairs(game) % 2 === 1,
      ),
      { numRuns: 60 },
    );
  });
});

describe("lemkeHowsonExact: float path, exact basis, exact fallback", () => {
  it("random 30×30 game (seed 4): the float path's bases pass and give the exact path's answer", () => {
    const game = randomStrategicGame([30, 30], 4);
    for (const label of [0, 7, 30, 59]) {
      const fast = lemkeHowsonExact(game, { label });
      const pivoted = lemkeHowsonExact(game, { label, pivoting: "exact" });
      expect(fast.exactBy).toBe("float-basis");
      expect(fast.fallback).toBeUndefined();
      expect(line(fast)).toBe(line(pivoted));
      expect(fast.pivots).toBe(pivoted.pivots);
    }
  });

  it("falls back to exact pivoting when the float path's final bases fail the exact check", () => {
    // a tie tolerance of 10 makes every candidate row a tie in the float ratio test, so the
    // lexicographic rule alone picks the leaving rows and the path ends at bases that are not
    // feasible: the check must catch it and the answer must still be the exact path's
    for (const seed of [1, 2, 3]) {
      const game = randomStrategicGame([6, 6], seed);
      const forced = lemkeHowsonExact(game, { floatTolerance: { pivot: 1e-12, tie: 10 } });
      const pivoted = lemkeHowsonExact(game, { pivoting: "exact" });
      expect(forced.exactBy).toBe("exact-pivoting");
      expect(forced.fallback).toMatch(/failed the exact check/);
      expect(line(forced)).toBe(line(pivoted));
      expect(pivoted.fallback).toBeUndefined();
      // what `linkage solve --json` adds as "exactPivoting" (labels 1-based, as --label)
      expect(exactPivotingOf([forced, lemkeHowsonExact(game)])).toEqual({
        exactPivoting: [{ label: 1, reason: forced.fallback }],
      });
      expect(exactPivotingOf([lemkeHowsonExact(game)])).toEqual({});
    }
  });

  it("a float path led astray past maxPivots falls back to the exact path, under the same bound", () => {
    // with a tie tolerance of 10 the float path on this 6×6 game wanders past the exact path's
    // length: it must not end the search (it did before: E_SOLVER "did not end within …")
    const game = randomStrategicGame([6, 6], 1);
    for (const label of [1, 7, 11]) {
      const pivoted = lemkeHowsonExact(game, { label, pivoting: "exact" });
      const astray = lemkeHowsonExact(game, {
        label,
        maxPivots: pivoted.pivots,
        floatTolerance: { pivot: 1e-12, tie: 10 },
      });
      expect(astray.fallback).toMatch(/did not end within \d+ pivots in doubles/);
      expect(astray.exactBy).toBe("exact-pivoting");
      expect(line(astray)).toBe(line(pivoted));
      // the bound still holds for the exact path
      expect(() =>
        lemkeHowsonExact(game, { label, maxPivots: pivoted.pivots - 1, pivoting: "exact" }),
      ).toThrow(/did not end within \d+ pivots$/);
    }
  });

  it("all labels: the same equilibria by either pivoting", () => {
    const game = randomStrategicGame([12, 12], 5);
    const fast = lemkeHowsonAllExact(game);
    const pivoted = lemkeHowsonAllExact(game, { pivoting: "exact" });
    expect(fast.map(line)).toEqual(pivoted.map(line));
    expect(
      fast.every((e: LemkeHowsonEquilibrium<readonly Rational[]>) => e.exactBy === "float-basis"),
    ).toBe(true);
  });
});

describe("--rational with lh and lcp prints exact fractions, not binary floats", () => {
  // small rational payoffs (thirds and sevenths): a float answer written as a fraction has a
  // denominator 2^k with k around 50; exact answers here have small denominators
  const nfg = `NFG 1 R "thirds" { "1" "2" } { 3 3 }

1/3 2 -1 1/7 2/3 0 0 1 3 -2/7 1 1/3 1/7 0 2 5/3 -1 2/7
`;
  const game = readGambitGame(nfg, "thirds.nfg");
  const isPowerOfTwo = (d: bigint) => d > 1n && (d & (d - 1n)) === 0n;
  it.each([
    ["lcp", {}],
    ["lh", {}],
    ["lh", { label: 4 }],
  ] as const)("%s %o", async (method, extra) => {
    const result = await solveGame(game, { method, rational: true, ...extra });
    expect(result.equilibria.length).toBeGreaterThan(0);
    expect(result.exactPivoting).toBeUndefined();
    for (const e of result.equilibria) {
      expect(e.regret).toBe("0");
      for (const value of [...e.profile.flat(), ...e.payoffs]) {
        const r = parseRational(String(value));
        expect(r).not.toBeNull();
        expect(r!.d < 1n << 20n || !isPowerOfTwo(r!.d)).toBe(true);
      }
    }
  });
});
