import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  GAMBIT_REFERENCES_ABSENT,
  type GambitAnswer,
  gambitReferenceCases,
  HAS_GAMBIT_REFERENCES,
} from "../../test/support/gambitReferenceFiles.js";
import { skipReason } from "../../test/support/skipReason.js";
import { readNfg } from "../games/gambit/readNfg.js";
import type { StrategicGame } from "../games/strategicGame.js";
import { strategicGameFromTables } from "../games/strategicGameFromTables.js";
import { formatRational, parseRational, toNumber } from "../math/rational.js";
import { strategicRegret, strategicRegretExact } from "./regret.js";
import { zeroSumLp, zeroSumLpExact } from "./zeroSumLp.js";

/** Float regret accepted as optimal play. */
const REGRET_TOL = 1e-9;

/** x ᵀ A y for player 1. */
function payoff(game: StrategicGame, x: ArrayLike<number>, y: ArrayLike<number>): number {
  const m = x.length;
  let v = 0;
  for (let i = 0; i < m; i++)
    for (let j = 0; j < y.length; j++) v += x[i]! * y[j]! * game.payoffs[2 * (i + m * j)]!;
  return v;
}

describe.skipIf(!HAS_GAMBIT_REFERENCES)(
  `zero-sum LP against Gambit's lp${skipReason(!HAS_GAMBIT_REFERENCES, GAMBIT_REFERENCES_ABSENT)}`,
  () => {
    const cases = gambitReferenceCases<{
      players: number;
      lp?: GambitAnswer;
      enummixed?: GambitAnswer;
    }>([".nfg"]).flatMap(({ name, file, references: r }) => {
      if (r.players !== 2 || !r.lp || r.lp.status === "timeout") return [];
      // the optimum is unique when Gambit finds exactly one extreme equilibrium
      const unique = r.enummixed?.status === "ok" && r.enummixed.equilibria!.length === 1;
      return [{ name, file, lp: r.lp, unique }];
    });
    const solvable = cases.filter((c) => c.lp.status === "ok");
    const refused = cases.filter((c) => c.lp.status === "error");

    it("covers Gambit's constant-sum games and the games it refuses", () => {
      expect(solvable.length).toBe(12);
      expect(refused.length).toBeGreaterThan(20);
    });

    it.each(solvable.map((c) => [c.name, c] as const))("%s", async (_, { file, lp, unique }) => {
      const game = readNfg(readFileSync(file, "utf8"), file);
      const m = game.strategies[0]!.length;
      const theirs = lp.equilibria![0]!.map((s) => parseRational(s)!);
      const theirX = theirs.slice(0, m).map(toNumber);
      const theirY = theirs.slice(m).map(toNumber);

      const ours = await zeroSumLp(game);
      const [x, y] = ours.strategies;
      expect(strategicRegret(game, ours.strategies).max).toBeLessThanOrEqual(REGRET_TOL);
      expect(ours.values[0]).toBeCloseTo(payoff(game, theirX, theirY), 9);
      expect(ours.values[0]).toBeCloseTo(payoff(game, x, y), 9);
      if (unique) {
        expect(Array.from(x)).toEqual(theirX.map((v) => expect.closeTo(v, 9)));
        expect(Array.from(y)).toEqual(theirY.map((v) => expect.closeTo(v, 9)));
      }

      const exact = zeroSumLpExact(game);
      expect(formatRational(strategicRegretExact(game, [...exact.strategies]).max)).toBe("0");
      expect(toNumber(exact.values[0])).toBeCloseTo(ours.values[0], 9);
      if (unique) {
        expect(exact.strategies.flat().map(formatRational)).toEqual(lp.equilibria![0]);
      }
    });

    it.each(refused.map((c) => [c.name, c] as const))("refuses %s", async (_, { file }) => {
      const game = readNfg(readFileSync(file, "utf8"), file);
      await expect(zeroSumLp(game)).rejects.toThrow(/is not constant-sum/);
      expect(() => zeroSumLpExact(game)).toThrow(expect.objectContaining({ code: "E_INPUT" }));
    });
  },
);

/** A random zero-sum (shift 0) or constant-sum game with integer payoffs. */
const arbZeroSum = fc
  .record({
    m: fc.integer({ min: 1, max: 6 }),
    n: fc.integer({ min: 1, max: 6 }),
    shift: fc.integer({ min: -5, max: 5 }),
  })
  .chain(({ m, n, shift }) =>
    fc
      .array(fc.integer({ min: -10, max: 10 }), { minLength: m * n, maxLength: m * n })
      .map((a) => strategicGameFromTables([m, n], [a, a.map((v) => shift - v)])),
  );

describe("zero-sum LP properties", () => {
  it("the value is xᵀAy, both strategies are optimal, and it matches the exact solution", async () => {
    await fc.assert(
      fc.asyncProperty(arbZeroSum, async (game) => {
        const { strategies, values, constant } = await zeroSumLp(game);
        const [x, y] = strategies;
        expect(values[0]).toBeCloseTo(payoff(game, x, y), 9);
        expect(values[0] + values[1]).toBeCloseTo(constant, 9);
        expect(strategicRegret(game, strategies).max).toBeLessThanOrEqual(REGRET_TOL);
        const exact = zeroSumLpExact(game);
        expect(toNumber(exact.values[0])).toBeCloseTo(values[0], 9);
        expect(toNumber(exact.constant)).toBe(constant);
      }),
      { seed: 31, numRuns: 150 },
    );
  });

  it("matching pennies has value 0 and the unique solution (1/2, 1/2)", async () => {
    const pennies = strategicGameFromTables(
      [2, 2],
      [
        [1, -1, -1, 1],
        [-1, 1, 1, -1],
      ],
    );
    const { strategies, values } = await zeroSumLp(pennies);
    for (const s of strategies) for (const p of s) expect(p).toBeCloseTo(0.5, 12);
    expect(values[0]).toBeCloseTo(0, 12);
    expect(zeroSumLpExact(pennies).strategies.flat().map(formatRational)).toEqual([
      "1/2",
      "1/2",
      "1/2",
      "1/2",
    ]);
  });
});

describe("zero-sum LP refusals", () => {
  it("names the two profiles whose payoff sums differ", async () => {
    const pd = strategicGameFromTables(
      [2, 2],
      [
        [3, 5, 0, 1],
        [3, 0, 5, 1],
      ],
    );
    await expect(zeroSumLp(pd)).rejects.toThrow(
      "the game is not constant-sum: payoffs of profile (1, 1) sum to 6, of (2, 1) to 5",
    );
    expect(() => zeroSumLpExact(pd)).toThrow(expect.objectContaining({ code: "E_INPUT" }));
  });

  it("refuses games without exactly two players", async () => {
    const one = strategicGameFromTables([3], [[1, 2, 3]]);
    await expect(zeroSumLp(one)).rejects.toThrow(/needs a two-player game/);
  });
});
