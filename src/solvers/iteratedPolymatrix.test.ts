import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { randomStrategicGame } from "../../bench/randomGames.js";
import {
  GAMBIT_GAMES_ABSENT,
  type GambitAnswer,
  gambitGameFiles,
  gambitGameName,
  gambitReferenceCases,
  HAS_GAMBIT_GAMES,
} from "../../test/support/gambitReferenceFiles.js";
import { skipReason } from "../../test/support/skipReason.js";
import { readGambitGame } from "../games/gambit/readGambitGame.js";
import { readNfg } from "../games/gambit/readNfg.js";
import { reducedStrategicForm } from "../games/reducedStrategicForm.js";
import type { StrategicGame } from "../games/strategicGame.js";
import { strategicGameFromTables } from "../games/strategicGameFromTables.js";
import { solveLinearProgram } from "../math/linearProgram.js";
import { parseRational, toNumber } from "../math/rational.js";
import { equilibriumComponents } from "./equilibriumComponents.js";
import { iteratedPolymatrix } from "./iteratedPolymatrix.js";
import { payoffScale } from "./newtonRefine.js";
import { strategicRegret } from "./regret.js";

/** What every answer must meet: regret at most 1e-9 of the payoff spread (independent check). */
const REGRET_SHARE = 1e-9;

/**
 * Whether a two-player profile lies in a maximal Nash subset spanned by a game's extreme
 * equilibria (all of them, as gambit-enummixed lists them): x ∈ conv X and y ∈ conv Y for one
 * biclique X × Y (equilibriumComponents), each hull membership a feasibility LP.
 */
async function inNashSubset(
  profile: Float64Array,
  extreme: readonly (readonly number[])[],
  rows: number,
): Promise<boolean> {
  const split = extreme.map((e) => ({
    strategies: [e.slice(0, rows), e.slice(rows)] as const,
  }));
  const { components, rowVertices, columnVertices } = equilibriumComponents(split);
  const inHull = async (point: ArrayLike<number>, vertices: readonly (readonly number[])[]) => {
    const lp = await solveLinearProgram({
      sense: "minimize",
      objective: vertices.map(() => 0),
      constraints: [
        { coefficients: vertices.map(() => 1), op: "=", rhs: 1 },
        ...Array.from(point, (p, k) => ({
          coefficients: vertices.map((v) => v[k]!),
          op: "=" as const,
          rhs: p,
        })),
      ],
    });
    return lp.status === "optimal";
  };
  const x = profile.subarray(0, rows);
  const y = profile.subarray(rows);
  for (const component of components) {
    for (const subset of component.nashSubsets) {
      const xs = subset.rows.map((r) => split[rowVertices[r]!]!.strategies[0]);
      const ys = subset.columns.map((c) => split[columnVertices[c]!]!.strategies[1]);
      if ((await inHull(x, xs)) && (await inHull(y, ys))) return true;
    }
  }
  return false;
}

function regretShare(game: StrategicGame, profile: Float64Array): number {
  const mixed: number[][] = [];
  let at = 0;
  for (const labels of game.strategies) {
    mixed.push(Array.from(profile.subarray(at, at + labels.length)));
    at += labels.length;
  }
  return strategicRegret(game, mixed).max / payoffScale(game);
}

/** McKelvey and McLennan's 2×2×2 game with nine equilibria (payoffs as published). */
const NINE = readNfg(
  `NFG 1 R "2x2x2 with 9 equilibria" { "1" "2" "3" } { 2 2 2 }
9 8 12 0 0 0 0 0 0 9 8 2 0 0 0 3 4 6 3 4 6 0 0 0
`,
  "nine.nfg",
);
/** Its nine equilibria (McKelvey and McLennan 1996, §5), each player's probabilities of 1, 2. */
const NINE_EQUILIBRIA = [
  [1, 0, 1, 0, 1, 0],
  [0, 1, 0, 1, 1, 0],
  [0, 1, 1, 0, 0, 1],
  [1, 0, 0, 1, 0, 1],
  [0.4, 0.6, 0.5, 0.5, 1 / 3, 2 / 3],
  [0.5, 0.5, 0.4, 0.6, 0.25, 0.75],
  [0.5, 0.5, 0.5, 0.5, 1, 0],
  [0, 1, 0.25, 0.75, 1 / 3, 2 / 3],
  [1 / 3, 2 / 3, 1, 0, 0.25, 0.75],
];

/**
 * A three-player cyclic game (after Jordan 1993) with trilinear payoffs: x, y, z are the
 * probabilities that players 1, 2, 3 play H. Player 1 wants to match player 2, player 2 to
 * match player 3, player 3 to mismatch player 1; each gain is scaled by a factor the third player
 * controls, which changes no best response but makes the game non-polymatrix:
 *   u₁(H) − u₁(T) = (2y − (1 − y))·(1 + z),   u₂(H) − u₂(T) = (3z − (1 − z))·(1 + x),
 *   u₃(H) − u₃(T) = (2(1 − x) − x)·(1 + y).
 * By hand: player 1 plays H when y > 1/3 and T when y < 1/3; player 2 H when z > 1/4; player 3 H
 * when x < 2/3. If y > 1/3 then x = 1, so z = 0, so y = 0: impossible; y < 1/3 gives x = 0,
 * z = 1, y = 1: impossible. So y = 1/3, which keeps player 2 indifferent only if z = 1/4, which
 * keeps player 3 indifferent only if x = 2/3: the unique equilibrium is (2/3, 1/3, 1/4).
 */
function cyclicGame(): StrategicGame {
  const tables: number[][] = [[], [], []];
  // profile index: player 1 fastest; strategy 0 = H, 1 = T
  for (let k = 0; k < 8; k++) {
    const h1 = (k & 1) === 0;
    const h2 = (k & 2) === 0;
    const h3 = (k & 4) === 0;
    tables[0]!.push((h1 ? (h2 ? 2 : 0) : h2 ? 0 : 1) * (h3 ? 2 : 1));
    tables[1]!.push((h2 ? (h3 ? 3 : 0) : h3 ? 0 : 1) * (h1 ? 2 : 1));
    tables[2]!.push((h3 ? (h1 ? 0 : 2) : h1 ? 1 : 0) * (h2 ? 2 : 1));
  }
  return strategicGameFromTables([2, 2, 2], tables);
}

describe("iteratedPolymatrix", () => {
  it("matching pennies: the mixed equilibrium (a two-player approximation is the game itself)", () => {
    const pennies = strategicGameFromTables(
      [2, 2],
      [
        [1, -1, -1, 1],
        [-1, 1, 1, -1],
      ],
    );
    // the centroid is already the equilibrium; from a random start one Lemke path finds it
    expect(iteratedPolymatrix(pennies).iterations).toBe(0);
    const result = iteratedPolymatrix(pennies, { seed: 1 });
    expect(result.converged).toBe(true);
    expect(result.lemkePaths).toBe(1);
    for (const p of result.profile) expect(p).toBeCloseTo(0.5, 12);
  });

  it("the 2×2×2 game with nine equilibria: one of them, from the centroid and from seeded starts", () => {
    for (const seed of [undefined, 1, 2, 3, 4, 5]) {
      const result = iteratedPolymatrix(NINE, seed === undefined ? {} : { seed });
      expect(result.converged).toBe(true);
      expect(regretShare(NINE, result.profile)).toBeLessThanOrEqual(REGRET_SHARE);
      const match = NINE_EQUILIBRIA.some((e) =>
        e.every((p, k) => Math.abs(p - result.profile[k]!) < 1e-9),
      );
      expect(match).toBe(true);
    }
  });

  it("a 3-player cyclic game with trilinear payoffs: its unique equilibrium (2/3, 1/3, 1/4), checked by hand", () => {
    const game = cyclicGame();
    for (const seed of [undefined, 1, 2, 3, 4, 5, 6, 7, 8]) {
      const result = iteratedPolymatrix(game, seed === undefined ? {} : { seed });
      expect(result.converged).toBe(true);
      const expected = [2 / 3, 1 / 3, 1 / 3, 2 / 3, 1 / 4, 3 / 4];
      for (const [k, p] of expected.entries()) expect(result.profile[k]).toBeCloseTo(p, 12);
    }
  });

  it("random 3- to 5-player games (fixed seeds): every answer's regret is within 1e-9 of the spread", () => {
    let worst = 0;
    for (const sizes of [
      [3, 3, 3],
      [4, 4, 4],
      [5, 5, 5],
      [3, 3, 3, 3],
      [2, 2, 2, 2, 2],
    ]) {
      for (let g = 0; g < 6; g++) {
        const game = randomStrategicGame(sizes, 100 + g);
        for (const seed of [undefined, 1]) {
          const result = iteratedPolymatrix(game, seed === undefined ? {} : { seed });
          expect(result.converged).toBe(true);
          worst = Math.max(worst, regretShare(game, result.profile));
        }
      }
    }
    expect(worst).toBeLessThanOrEqual(REGRET_SHARE);
  });

  it("a one-player game (a decision problem): the best strategy, without iterating", () => {
    const result = iteratedPolymatrix(strategicGameFromTables([3], [[1, 5, 2]]));
    expect(Array.from(result.profile)).toEqual([0, 1, 0]);
    expect(result.iterations).toBe(0);
  });

  it("the same seed gives the same equilibrium; maxSeconds 0 stops before the first approximation", () => {
    const game = randomStrategicGame([4, 3, 3], 9);
    const a = iteratedPolymatrix(game, { seed: 3 });
    const b = iteratedPolymatrix(game, { seed: 3 });
    expect(Array.from(a.profile)).toEqual(Array.from(b.profile));
    const stopped = iteratedPolymatrix(cyclicGame(), { maxSeconds: 0 });
    expect(stopped.truncated).toBe(true);
    expect(stopped.iterations).toBe(0);
    expect(() => iteratedPolymatrix(game, { maxIterations: 0 })).toThrow(/whole number/);
  });
});

describe.skipIf(!HAS_GAMBIT_GAMES)(
  `iteratedPolymatrix on Gambit's games${skipReason(!HAS_GAMBIT_GAMES, GAMBIT_GAMES_ABSENT)}`,
  () => {
    it("every .nfg game: an equilibrium, and for two players one that gambit-enummixed's extreme equilibria span", async () => {
      const references = new Map(
        gambitReferenceCases<{ enummixed?: GambitAnswer }>([".nfg"]).map((c) => [
          c.file,
          c.references,
        ]),
      );
      const files = gambitGameFiles([".nfg"]);
      expect(files.length).toBeGreaterThan(50);
      let worst = 0;
      let compared = 0;
      for (const file of files) {
        const input = readGambitGame(readFileSync(file, "utf8"), file);
        if (input.form !== "strategic") continue;
        const game = input.game;
        const result = iteratedPolymatrix(game);
        const share = regretShare(game, result.profile);
        expect(share, gambitGameName(file)).toBeLessThanOrEqual(REGRET_SHARE);
        worst = Math.max(worst, share);
        const listed = references.get(file)?.enummixed;
        if (game.players.length !== 2 || listed?.status !== "ok") continue;
        const all = (listed.equilibria ?? []).map((e) => e.map((p) => toNumber(parseRational(p)!)));
        const found = all.some((e) => e.every((p, k) => Math.abs(p - result.profile[k]!) < 1e-9));
        // a degenerate game's equilibria are the union of its Nash subsets, conv X × conv Y
        const inSubset =
          found || (await inNashSubset(result.profile, all, game.strategies[0]!.length));
        expect(inSubset, gambitGameName(file)).toBe(true);
        compared++;
      }
      expect(compared).toBeGreaterThan(30);
      expect(worst).toBeLessThanOrEqual(REGRET_SHARE);
    });

    it("the reduced strategic forms of the .efg games up to 4096 profiles: each answer an equilibrium, for two players one that gambit-enummixed's extreme equilibria span", async () => {
      const references = new Map(
        gambitReferenceCases<{ enummixed?: GambitAnswer }>([".efg"]).map((c) => [
          c.file,
          c.references,
        ]),
      );
      let solved = 0;
      let compared = 0;
      for (const file of gambitGameFiles([".efg"])) {
        let game: StrategicGame;
        try {
          const input = readGambitGame(readFileSync(file, "utf8"), file);
          if (input.form !== "extensive") continue;
          game = reducedStrategicForm(input.game).game;
        } catch {
          continue; // imperfect recall or a form too large to build: not this method's concern
        }
        if (game.payoffs.length / game.players.length > 4096) continue;
        const result = iteratedPolymatrix(game);
        expect(regretShare(game, result.profile), gambitGameName(file)).toBeLessThanOrEqual(
          REGRET_SHARE,
        );
        solved++;
        // Gambit's reduced strategies are in the same order as ours (see reducedStrategicForm)
        const listed = references.get(file)?.enummixed;
        if (game.players.length !== 2 || listed?.status !== "ok" || !listed.equilibria?.length)
          continue;
        const all = listed.equilibria.map((e) => e.map((p) => toNumber(parseRational(p)!)));
        if (all[0]!.length !== result.profile.length) continue;
        const found = all.some((e) => e.every((p, k) => Math.abs(p - result.profile[k]!) < 1e-9));
        const inSubset =
          found || (await inNashSubset(result.profile, all, game.strategies[0]!.length));
        expect(inSubset, gambitGameName(file)).toBe(true);
        compared++;
      }
      expect(solved).toBeGreaterThan(100);
      expect(compared).toBeGreaterThan(50);
    });
  },
);
