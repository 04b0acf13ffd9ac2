import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  GAMBIT_REFERENCES_ABSENT,
  type GambitAnswer,
  gambitReferenceCases,
  HAS_GAMBIT_REFERENCES,
} from "../../test/support/gambitReferenceFiles.js";
import { skipReason } from "../../test/support/skipReason.js";
import { matchingPenniesGame } from "../../test/support/smallExtensiveGames.js";
import { behaviourLayout } from "../games/behaviourLayout.js";
import { buildExtensiveGame } from "../games/buildExtensiveGame.js";
import { readEfg } from "../games/gambit/readEfg.js";
import { perfectRecall } from "../games/perfectRecall.js";
import { behaviourPayoffs } from "../games/realisationProbabilities.js";
import { parseRational, toNumber } from "../math/rational.js";
import { behaviourRegret } from "./regret.js";
import { sequenceFormLp } from "./sequenceFormLp.js";

/** HiGHS solves to about 1e-9; values are compared relative to the payoff scale. */
const VALUE_TOL = 1e-6;

describe("sequence-form LP", () => {
  it("solves matching pennies: value 0, both players 50:50", async () => {
    const lp = await sequenceFormLp(matchingPenniesGame);
    expect(lp.values[0]).toBeCloseTo(0, 9);
    expect(lp.values[1]).toBeCloseTo(0, 9);
    for (const p of lp.behaviour) expect(p).toBeCloseTo(0.5, 9);
  });

  it("reports [v, c − v] for a constant-sum game", async () => {
    const shifted = buildExtensiveGame({
      players: ["1", "2"],
      root: {
        player: 0,
        infoset: "p1",
        actions: ["L", "R"],
        children: [{ outcome: { payoffs: [3, 7] } }, { outcome: { payoffs: [6, 4] } }],
      },
    });
    const lp = await sequenceFormLp(shifted);
    expect(lp.constant).toBe(10);
    expect(lp.values[0]).toBeCloseTo(6, 9);
    expect(lp.values[1]).toBeCloseTo(4, 9);
    expect(Array.from(lp.behaviour)).toEqual([0, 1]);
  });

  it("refuses a game that is not constant-sum with E_INPUT", async () => {
    const game = buildExtensiveGame({
      players: ["1", "2"],
      root: {
        player: 0,
        infoset: "p1",
        actions: ["L", "R"],
        children: [{ outcome: { payoffs: [1, 1] } }, { outcome: { payoffs: [0, 0] } }],
      },
    });
    await expect(sequenceFormLp(game)).rejects.toMatchObject({
      code: "E_INPUT",
      message: expect.stringMatching(/constant-sum/),
    });
  });
});

describe.skipIf(!HAS_GAMBIT_REFERENCES)(
  `sequence-form LP on Gambit's constant-sum games${skipReason(!HAS_GAMBIT_REFERENCES, GAMBIT_REFERENCES_ABSENT)}`,
  () => {
    it("has the value of Gambit's lp profile, with optimal strategies", async () => {
      let checked = 0;
      const cases = gambitReferenceCases<{ lp?: GambitAnswer }>([".efg"]);
      for (const { file: path, name, references: expected } of cases) {
        if (expected.lp?.status !== "ok") continue;
        const game = readEfg(readFileSync(path, "utf8"), name);
        if (game.players.length !== 2 || !perfectRecall(game).ok) continue;
        const reference = expected.lp.equilibria![0]!;
        // reference: gambit-lp (Gambit 17.0.0-alpha.2) in expected/**.json
        const profile = Float64Array.from(reference, (s) => toNumber(parseRational(s)!));
        const value = behaviourPayoffs(game, profile, behaviourLayout(game))[0]!;
        const lp = await sequenceFormLp(game);
        let scale = 1;
        for (const v of game.outcomePayoffs) scale = Math.max(scale, Math.abs(v));
        expect(Math.abs(lp.values[0] - value), name).toBeLessThanOrEqual(VALUE_TOL * scale);
        expect(behaviourRegret(game, lp.behaviour).max, name).toBeLessThanOrEqual(
          VALUE_TOL * scale,
        );
        checked++;
      }
      expect(checked).toBeGreaterThan(20); // 26 in the collection of July 2025
    });
  },
);
