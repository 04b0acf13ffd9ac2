import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  GAMBIT_GAMES_ABSENT,
  gambitGameFiles,
  gambitGameName,
  HAS_GAMBIT_GAMES,
} from "../../test/support/gambitReferenceFiles.js";
import { skipReason } from "../../test/support/skipReason.js";
import { isLinkageError } from "../errors/LinkageError.js";
import { readNfg } from "../games/gambit/readNfg.js";
import type { StrategicGame } from "../games/strategicGame.js";
import { strategicGameFromTables } from "../games/strategicGameFromTables.js";
import { randomStream } from "../math/randomStream.js";
import { type GlobalNewtonResult, globalNewton } from "./globalNewton.js";
import { strategyOffsets } from "./newtonRefine.js";
import { strategicRegret } from "./regret.js";
import { vertexEnumeration } from "./vertexEnumeration/index.js";

/** Regret bound asked of every returned equilibrium (payoff units; reference spreads ≤ 3.1e6). */
const REGRET_TOL = 1e-9;
/** Two profiles are the same equilibrium when they differ by less than this (max norm). */
const SAME = 1e-6;

/** Regret recomputed independently of the solver's own figure. */
function regretOf(game: StrategicGame, profile: Float64Array): number {
  const offset = strategyOffsets(game);
  const mixed = game.strategies.map((_, p) => profile.subarray(offset[p]!, offset[p + 1]!));
  return strategicRegret(game, mixed).max;
}

/** Every returned profile is a probability vector per player with regret ≤ tol × max(1, scale). */
function expectEquilibria(game: StrategicGame, result: GlobalNewtonResult, tol = REGRET_TOL): void {
  const offset = strategyOffsets(game);
  for (const e of result.equilibria) {
    for (let p = 0; p < game.players.length; p++) {
      let sum = 0;
      for (let k = offset[p]!; k < offset[p + 1]!; k++) {
        expect(e.profile[k]).toBeGreaterThanOrEqual(0);
        sum += e.profile[k]!;
      }
      expect(sum).toBeCloseTo(1, 12);
    }
    expect(regretOf(game, e.profile)).toBeLessThanOrEqual(tol * Math.max(1, result.scale));
  }
}

/**
 * A random game from a fixed stream: uniform real payoffs in [−10, 10), or (`integer`) payoffs
 * in {0, …, 3}, which makes ties, weakly dominated strategies and continua common.
 */
function randomGame(sizes: readonly number[], seed: number, integer = false): StrategicGame {
  const rng = randomStream(20030101, seed);
  const count = sizes.reduce((a, b) => a * b, 1);
  const tables = sizes.map(() =>
    Array.from({ length: count }, () =>
      integer ? Math.floor(rng.next() * 4) : 20 * rng.next() - 10,
    ),
  );
  return strategicGameFromTables(sizes, tables);
}

/** Copies player `p`'s strategy `s` as an extra last strategy (a repeated row). */
function withRepeatedStrategy(game: StrategicGame, p: number, s: number): StrategicGame {
  const sizes = game.strategies.map((x) => x.length);
  const bigger = sizes.map((n, q) => (q === p ? n + 1 : n));
  const count = bigger.reduce((a, b) => a * b, 1);
  const n = sizes.length;
  const tables = Array.from({ length: n }, () => new Array<number>(count));
  const digits = new Array<number>(n).fill(0);
  for (let k = 0; k < count; k++) {
    let source = 0;
    for (let q = n - 1; q >= 0; q--) {
      const d = q === p && digits[q] === sizes[q] ? s : digits[q]!;
      source = source * sizes[q]! + d;
    }
    for (let q = 0; q < n; q++) tables[q]![k] = game.payoffs[source * n + q]!;
    for (let q = 0; q < n; q++) {
      if (++digits[q]! < bigger[q]!) break;
      digits[q] = 0;
    }
  }
  return strategicGameFromTables(bigger, tables);
}

describe.skipIf(!HAS_GAMBIT_GAMES)(
  `globalNewton on every shared .nfg game${skipReason(!HAS_GAMBIT_GAMES, GAMBIT_GAMES_ABSENT)}`,
  () => {
    const files = HAS_GAMBIT_GAMES ? gambitGameFiles([".nfg"]) : [];
    it("finds the files", () => {
      expect(files.length).toBeGreaterThan(40);
    });
    for (const file of files) {
      it(gambitGameName(file), () => {
        const game = readNfg(readFileSync(file, "utf8"), file);
        const result = globalNewton(game, { maxSeconds: 5 });
        expect(result.complete).toBe(true);
        // the regret bound is absolute here: 1e-9 payoff units, whatever the spread
        expectEquilibria(game, { ...result, scale: 1 });
        if (game.players.length <= 5) expect(result.equilibria.length).toBeGreaterThanOrEqual(1);
        // no two returned equilibria are the same
        result.equilibria.forEach((a, i) => {
          for (const b of result.equilibria.slice(i + 1)) {
            const gap = Math.max(...a.profile.map((x, k) => Math.abs(x - b.profile[k]!)));
            expect(gap).toBeGreaterThan(1e-8);
          }
        });
      });
    }
  },
);

describe("globalNewton", () => {
  it("matching pennies: the one mixed equilibrium, one crossing", () => {
    const pennies = strategicGameFromTables(
      [2, 2],
      [
        [1, -1, -1, 1],
        [-1, 1, 1, -1],
      ],
    );
    const result = globalNewton(pennies);
    expect(result.complete).toBe(true);
    expect(result.crossings).toBe(1);
    expect(result.equilibria).toHaveLength(1);
    for (const x of result.equilibria[0]!.profile) expect(x).toBeCloseTo(0.5, 14);
  });

  it("random generic games, 2–5 players with 2–5 strategies: an odd number of crossings", () => {
    const shapes = [
      [2, 2],
      [5, 5],
      [3, 4],
      [2, 5],
      [3, 3, 3],
      [2, 4, 3],
      [5, 2, 2],
      [2, 2, 2, 2],
      [3, 2, 3, 2],
      [2, 2, 2, 2, 2],
      [3, 2, 2, 2, 2],
    ];
    for (const [index, sizes] of shapes.entries()) {
      for (let seed = 0; seed < 4; seed++) {
        const game = randomGame(sizes, 100 * index + seed);
        const result = globalNewton(game);
        expect(result.complete).toBe(true);
        expect(result.crossings % 2).toBe(1);
        expect(result.equilibria.length).toBeGreaterThanOrEqual(1);
        expect(result.unrefined).toHaveLength(0);
        expectEquilibria(game, result);
      }
    }
  });

  it("degenerate random games: small integer payoffs, repeated strategies, zero tables", () => {
    const shapes = [
      [3, 3],
      [4, 2],
      [2, 3, 2],
      [3, 3, 2],
      [2, 2, 2, 2],
      [2, 2, 2, 2, 2],
    ];
    for (const [index, sizes] of shapes.entries()) {
      for (let seed = 0; seed < 3; seed++) {
        const base = randomGame(sizes, 1000 + 100 * index + seed, true);
        const repeated = withRepeatedStrategy(base, seed % sizes.length, 0);
        for (const game of [base, repeated]) {
          const result = globalNewton(game);
          expect(result.complete).toBe(true);
          expect(result.equilibria.length).toBeGreaterThanOrEqual(1);
          expectEquilibria(game, result);
        }
      }
    }
    for (const sizes of [
      [2, 2],
      [3, 1, 2],
      [2, 2, 2],
      [1, 1],
    ]) {
      const count = sizes.reduce((a, b) => a * b, 1);
      const zero = strategicGameFromTables(
        sizes,
        sizes.map(() => new Array<number>(count).fill(0)),
      );
      const result = globalNewton(zero);
      expect(result.complete).toBe(true);
      expect(result.equilibria.length).toBeGreaterThanOrEqual(1);
      expectEquilibria(zero, result);
    }
  });

  it("on nondegenerate random bimatrix games, finds only vertex-enumeration equilibria", () => {
    for (const [rows, cols] of [
      [2, 2],
      [3, 3],
      [4, 3],
      [5, 5],
      [2, 5],
    ] as const) {
      for (let seed = 0; seed < 4; seed++) {
        const game = randomGame([rows, cols], 5000 + 10 * rows + cols + 100 * seed);
        const all = vertexEnumeration(game).equilibria.map((e) => [
          ...e.strategies[0],
          ...e.strategies[1],
        ]);
        const result = globalNewton(game, { seed });
        expect(result.equilibria.length).toBeGreaterThanOrEqual(1);
        // a nondegenerate game has an odd number of equilibria; the path finds an odd number too
        expect(all.length % 2).toBe(1);
        expect(result.equilibria.length % 2).toBe(1);
        for (const e of result.equilibria) {
          const match = all.some((v) => v.every((x, k) => Math.abs(x - e.profile[k]!) < SAME));
          expect(match).toBe(true);
        }
      }
    }
  });

  it("a coordination game: for some g the path turns back and crosses λ = 0 three times", () => {
    // payoffs (2, 2) on (A, A), (1, 1) on (B, B), 0 otherwise: equilibria (A, A), (B, B) and
    // ((1/3, 2/3), (1/3, 2/3)) (solved by hand: each player indifferent when the other plays
    // A with probability 1/3)
    const coordination = strategicGameFromTables(
      [2, 2],
      [
        [2, 0, 0, 1],
        [2, 0, 0, 1],
      ],
    );
    const expected = [
      [1, 0, 1, 0],
      [1 / 3, 2 / 3, 1 / 3, 2 / 3],
      [0, 1, 0, 1],
    ];
    // g favours A for both players, so the path starts at the strict equilibrium (A, A) and must
    // end at (B, B), the profile of the smallest g, which is a strict equilibrium too: the pure
    // piece of (A, A) crosses λ = 0, the path turns back up through the mixed equilibrium and
    // comes down again along the piece of (B, B)
    const three = globalNewton(coordination, { perturbation: [1, 0, 0.5, 0] });
    expect(three.complete).toBe(true);
    expect(three.payoffNoise).toBe(0);
    expect(three.crossings).toBe(3);
    expect(three.equilibria).toHaveLength(3);
    for (const target of expected) {
      const found = three.equilibria.some((e) =>
        target.every((x, k) => Math.abs(x - e.profile[k]!) < 1e-12),
      );
      expect(found).toBe(true);
    }
    // g favours A for player 1 and B for player 2: from (A, B) to (B, A), one crossing at (A, A)
    const one = globalNewton(coordination, { perturbation: [1, 0, 0, 1] });
    expect(one.payoffNoise).toBe(0);
    expect(one.crossings).toBe(1);
    expect(one.equilibria.map((e) => Array.from(e.profile))).toEqual([[1, 0, 1, 0]]);
  });

  it("same seed, same result; the seed picks g", () => {
    const game = randomGame([3, 3, 3], 77);
    const a = globalNewton(game, { seed: 5 });
    const b = globalNewton(game, { seed: 5 });
    expect(b.steps).toBe(a.steps);
    expect(b.crossings).toBe(a.crossings);
    expect(Array.from(b.perturbation)).toEqual(Array.from(a.perturbation));
    expect(b.equilibria.map((e) => Array.from(e.profile))).toEqual(
      a.equilibria.map((e) => Array.from(e.profile)),
    );
    const c = globalNewton(game, { seed: 6 });
    expect(Array.from(c.perturbation)).not.toEqual(Array.from(a.perturbation));
    // passing the drawn g explicitly follows the same path
    const d = globalNewton(game, { perturbation: a.perturbation });
    expect(d.steps).toBe(a.steps);
    expect(d.equilibria.map((e) => Array.from(e.profile))).toEqual(
      a.equilibria.map((e) => Array.from(e.profile)),
    );
  });

  it("one player, and players with a single strategy", () => {
    const alone = strategicGameFromTables([4], [[1, 3, 2, 0]]);
    const solo = globalNewton(alone);
    expect(solo.complete).toBe(true);
    expect(solo.equilibria.map((e) => Array.from(e.profile))).toEqual([[0, 1, 0, 0]]);
    const tied = globalNewton(strategicGameFromTables([3], [[1, 3, 3]]));
    expect(tied.complete).toBe(true);
    expectEquilibria(strategicGameFromTables([3], [[1, 3, 3]]), tied);
    const fixed = strategicGameFromTables([1, 1], [[4], [5]]);
    expect(globalNewton(fixed).equilibria.map((e) => Array.from(e.profile))).toEqual([[1, 1]]);
    // player 2 has one strategy: player 1 and 3 play matching pennies around it
    const middle = strategicGameFromTables(
      [2, 1, 2],
      [
        [1, -1, -1, 1],
        [0, 0, 0, 0],
        [-1, 1, 1, -1],
      ],
    );
    const result = globalNewton(middle);
    expect(result.equilibria).toHaveLength(1);
    const profile = result.equilibria[0]!.profile;
    [0.5, 0.5, 1, 0.5, 0.5].forEach((x, k) => {
      expect(profile[k]).toBeCloseTo(x, 14);
    });
  });

  it("stops cleanly on maxSteps and maxSeconds", () => {
    const game = randomGame([4, 4, 4], 3);
    const capped = globalNewton(game, { maxSteps: 3 });
    expect(capped.complete).toBe(false);
    expect(capped.steps).toBeLessThanOrEqual(3);
    expectEquilibria(game, capped);
    const timed = globalNewton(game, { maxSeconds: 0 });
    expect(timed.complete).toBe(false);
    // a degenerate game whose own path stalls, with no budget left for a perturbed retry: the
    // result describes the path that was followed (no noise), not one that never ran
    const tied = strategicGameFromTables(
      [2, 2],
      [
        [1, 0, 0, 1],
        [1, 0, 0, 1],
      ],
    );
    const stalled = globalNewton(tied, { perturbation: [0, 1, 0, 1], maxSteps: 1 });
    expect(stalled.payoffNoise).toBe(0);
    expect(stalled.complete).toBe(false);
    expect(stalled.steps).toBeLessThanOrEqual(1);
  });

  it("refuses bad input with a LinkageError", () => {
    const pennies = strategicGameFromTables(
      [2, 2],
      [
        [1, -1, -1, 1],
        [-1, 1, 1, -1],
      ],
    );
    const refuses = (run: () => unknown, message: RegExp): void => {
      expect(run).toThrow(message);
      try {
        run();
      } catch (error) {
        expect(isLinkageError(error)).toBe(true);
      }
    };
    refuses(() => globalNewton(pennies, { perturbation: [1, 2, 3] }), /3 entries.*4 strategies/);
    refuses(() => globalNewton(pennies, { perturbation: [1, 1, 0, 1] }), /unique largest/);
    refuses(() => globalNewton(pennies, { perturbation: [1, 0, Number.NaN, 1] }), /not finite/);
    refuses(() => globalNewton(pennies, { maxSteps: 0 }), /maxSteps/);
    refuses(() => globalNewton(pennies, { maxSeconds: -1 }), /maxSeconds/);
    const nobody = strategicGameFromTables([], []);
    refuses(() => globalNewton(nobody), /no players/);
    const empty = { ...pennies, strategies: [["a", "b"], []] };
    refuses(() => globalNewton(empty), /player 2 has no strategies/);
  });
});
