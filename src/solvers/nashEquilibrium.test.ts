import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { xorshift } from "../../bench/randomGames.js";
import {
  GAMBIT_GAMES_ABSENT,
  gambitGameFiles,
  gambitGameName,
  HAS_GAMBIT_GAMES,
} from "../../test/support/gambitReferenceFiles.js";
import { skipReason } from "../../test/support/skipReason.js";
import { readNfg } from "../games/gambit/readNfg.js";
import type { StrategicGame } from "../games/strategicGame.js";
import { strategicGameFromTables } from "../games/strategicGameFromTables.js";
import { rational } from "../math/rational.js";
import { nashEquilibrium } from "./nashEquilibrium.js";
import { payoffScale } from "./newtonRefine.js";
import { strategicRegretExact } from "./regret.js";

/** Uniform real payoffs in [−10, 10) from a seeded xorshift. */
function randomGame(strategies: number[], seed: number): StrategicGame {
  const next = xorshift(seed);
  const count = strategies.reduce((a, b) => a * b, 1);
  const tables = strategies.map(() => Array.from({ length: count }, () => 20 * next() - 10));
  return strategicGameFromTables(strategies, tables);
}

const TOL = 1e-12;

describe.skipIf(!HAS_GAMBIT_GAMES)(
  `nashEquilibrium on every shared .nfg game${skipReason(!HAS_GAMBIT_GAMES, GAMBIT_GAMES_ABSENT)}`,
  () => {
    const files = HAS_GAMBIT_GAMES ? gambitGameFiles([".nfg"]) : [];
    it("finds the files", () => {
      expect(files.length).toBeGreaterThan(40);
    });
    for (const file of files) {
      it(gambitGameName(file), () => {
        const game = readNfg(readFileSync(file, "utf8"), file);
        const r = nashEquilibrium(game, { maxSeconds: 5 });
        expect(r.converged).toBe(true);
        expect(r.regret).toBeLessThanOrEqual(TOL * payoffScale(game));
      });
    }
  },
);

describe("nashEquilibrium", () => {
  it("random games with 2–4 players and 2–4 strategies (fixed seed)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 4 }).chain((players) =>
          fc.tuple(
            fc.array(fc.integer({ min: 2, max: players === 4 ? 3 : 4 }), {
              minLength: players,
              maxLength: players,
            }),
            fc.integer({ min: 1, max: 2 ** 31 - 1 }),
          ),
        ),
        ([strategies, seed]) => {
          const game = randomGame(strategies, seed);
          const r = nashEquilibrium(game, { maxSeconds: 5 });
          expect(r.regret).toBeLessThanOrEqual(TOL * r.scale);
          expect(r.converged).toBe(true);
        },
      ),
      { seed: 20240611, numRuns: 60 },
    );
  });

  it("van der Laan et al.'s 2×2×2 game: the unique mixed equilibrium, exactly", () => {
    const g1 = strategicGameFromTables(
      [2, 2, 2],
      [
        [-1, -8, -8, -2, -2, -8, -5, -2],
        [-4, -2, -2, -1, -2, -1, -6, -3],
        [-4, -4, -1, -2, -8, -2, -8, -1],
      ],
    );
    const exact = [
      [rational(1n, 5n), rational(4n, 5n)],
      [rational(3n, 7n), rational(4n, 7n)],
      [rational(2n, 3n), rational(1n, 3n)],
    ];
    expect(strategicRegretExact(g1, exact).max.n).toBe(0n);
    const r = nashEquilibrium(g1);
    expect(r.converged).toBe(true);
    const flat = exact.flat().map((x) => Number(x.n) / Number(x.d));
    for (const [k, x] of r.profile.entries()) expect(x).toBeCloseTo(flat[k]!, 13);
  });

  it("all-zero payoffs: any profile, regret 0", () => {
    const g = strategicGameFromTables(
      [2, 3, 2],
      [Array(12).fill(0), Array(12).fill(0), Array(12).fill(0)],
    );
    const r = nashEquilibrium(g);
    expect(r.regret).toBe(0);
    expect(r.converged).toBe(true);
  });

  it("duplicate strategies", () => {
    // a 3-player game where player 1's strategies 1 and 2 are copies and player 3 is indifferent
    const base = randomGame([2, 2, 2], 7);
    const tables: number[][] = [[], [], []];
    for (let k = 0; k < 12; k++) {
      const s1 = k % 3;
      const rest = Math.floor(k / 3);
      const src = (s1 === 2 ? 1 : 0) + 2 * rest;
      for (let p = 0; p < 3; p++) tables[p]!.push(base.payoffs[src * 3 + p]!);
    }
    const g = strategicGameFromTables([3, 2, 2], tables);
    const r = nashEquilibrium(g);
    expect(r.converged).toBe(true);
    expect(r.regret).toBeLessThanOrEqual(TOL * r.scale);
  });

  it("a one-player game and a game with a single-strategy player", () => {
    const solo = strategicGameFromTables([3], [[1, 5, 2]]);
    expect(Array.from(nashEquilibrium(solo).profile)).toEqual([0, 1, 0]);
    const g = strategicGameFromTables(
      [2, 1, 2],
      [
        [1, -1, -1, 1],
        [0, 0, 0, 0],
        [-1, 1, 1, -1],
      ],
    );
    expect(nashEquilibrium(g).converged).toBe(true);
  });
});
