import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { randomStrategicGame } from "../../bench/randomGames.js";
import { GAMBIT_GAMES_ABSENT, GAMBIT_GAMES_DIR } from "../../test/support/gambitReferenceFiles.js";
import { skipReason } from "../../test/support/skipReason.js";
import { readNfg } from "../games/gambit/readNfg.js";
import { strategicGameFromTables } from "../games/strategicGameFromTables.js";
import { liapEquilibria, lyapunovObjective } from "./liapEquilibria.js";
import { payoffScale } from "./newtonRefine.js";
import { strategicRegret } from "./regret.js";

/** McKelvey and McLennan's 2×2×2 game with nine equilibria, two totally mixed (payoffs as published). */
const NINE = readNfg(
  `NFG 1 R "2x2x2 with 9 equilibria" { "1" "2" "3" } { 2 2 2 }
9 8 12 0 0 0 0 0 0 9 8 2 0 0 0 3 4 6 3 4 6 0 0 0
`,
  "nine.nfg",
);
/** Its nine equilibria, player by player (each player's probability of strategy 1, 2). */
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

describe("liapEquilibria", () => {
  it("its gradient is the Lyapunov function's (central differences, a random 3-player game)", () => {
    const game = randomStrategicGame([3, 2, 4], 5);
    const f = lyapunovObjective(game);
    const x = Float64Array.of(0.5, 0.2, 0.4, 0.7, 0.2, 0.1, 0.3, 0.1, 0.3, 0.2);
    const gradient = new Float64Array(x.length);
    f(x, gradient);
    const scratch = new Float64Array(x.length);
    for (let k = 0; k < x.length; k++) {
      const h = 1e-6;
      const up = x.slice();
      const down = x.slice();
      up[k]! += h;
      down[k]! -= h;
      const numeric = (f(up, scratch) - f(down, scratch)) / (2 * h);
      expect(gradient[k]).toBeCloseTo(numeric, 6);
    }
  });

  it("is zero exactly at an equilibrium and positive elsewhere", () => {
    const f = lyapunovObjective(NINE);
    const g = new Float64Array(6);
    for (const e of NINE_EQUILIBRIA) expect(f(Float64Array.from(e), g)).toBeCloseTo(0, 20);
    expect(f(Float64Array.of(0.5, 0.5, 0.5, 0.5, 0.5, 0.5), g)).toBeGreaterThan(1e-4);
  });

  it("matching pennies: the mixed equilibrium from the centroid; the prisoner's dilemma: defection", () => {
    const pennies = strategicGameFromTables(
      [2, 2],
      [
        [1, -1, -1, 1],
        [-1, 1, 1, -1],
      ],
    );
    const [e] = liapEquilibria(pennies, { starts: 1 }).equilibria;
    expect(Array.from(e!)).toEqual([0.5, 0.5, 0.5, 0.5]);
    const dilemma = strategicGameFromTables(
      [2, 2],
      [
        [3, 5, 0, 1],
        [3, 0, 5, 1],
      ],
    );
    const found = liapEquilibria(dilemma, { starts: 5, seed: 2 }).equilibria;
    expect(found).toHaveLength(1);
    expect(Array.from(found[0]!)).toEqual([0, 1, 0, 1]);
  });

  it("finds all nine equilibria of McKelvey and McLennan's 2×2×2 game from 100 starts, each verified by its regret", () => {
    const { equilibria } = liapEquilibria(NINE, { starts: 100, seed: 1 });
    expect(equilibria).toHaveLength(9);
    for (const e of equilibria) {
      expect(strategicRegret(NINE, splitIn(e, [2, 2, 2])).max).toBeLessThanOrEqual(
        1e-9 * payoffScale(NINE),
      );
      const match = NINE_EQUILIBRIA.some((known) =>
        known.every((p, k) => Math.abs(p - e[k]!) < 1e-9),
      );
      expect(match, Array.from(e).join(" ")).toBe(true);
    }
  });

  it("is reproducible: the same seed gives the same equilibria in the same order; local minima above zero are not reported", () => {
    const game = randomStrategicGame([3, 3, 3], 11);
    const a = liapEquilibria(game, { starts: 20, seed: 4 });
    const b = liapEquilibria(game, { starts: 20, seed: 4 });
    expect(a.equilibria.map((e) => Array.from(e))).toEqual(b.equilibria.map((e) => Array.from(e)));
    expect(a.minima).toHaveLength(20);
    const scale = payoffScale(game);
    for (const e of a.equilibria)
      expect(strategicRegret(game, splitIn(e, [3, 3, 3])).max).toBeLessThanOrEqual(1e-9 * scale);
    expect(() => liapEquilibria(game, { starts: 0 })).toThrow(/starting points/);
  });
});

function splitIn(profile: Float64Array, sizes: number[]): number[][] {
  const out: number[][] = [];
  let at = 0;
  for (const n of sizes) {
    out.push(Array.from(profile.subarray(at, at + n)));
    at += n;
  }
  return out;
}

// the published game is also Gambit's doc/2x2x2.nfg; when the reference files are here, they agree
const SHARED = join(GAMBIT_GAMES_DIR, "doc", "2x2x2.nfg");
const HAS_SHARED = existsSync(SHARED);
describe.skipIf(!HAS_SHARED)(
  `liap on Gambit's doc/2x2x2.nfg${skipReason(!HAS_SHARED, GAMBIT_GAMES_ABSENT)}`,
  () => {
    it("is the same game as our inline copy", () => {
      const text = readFileSync(SHARED, "utf8");
      expect(Array.from(readNfg(text, "2x2x2.nfg").payoffs)).toEqual(Array.from(NINE.payoffs));
    });
  },
);
