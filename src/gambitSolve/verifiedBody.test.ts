import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { GAMBIT_GAMES_ABSENT, GAMBIT_GAMES_DIR } from "../../test/support/gambitReferenceFiles.js";
import { skipReason } from "../../test/support/skipReason.js";
import { readGambitGame } from "../games/gambit/readGambitGame.js";
import type { StrategicGame } from "../games/strategicGame.js";
import { strategicRegret } from "../solvers/regret.js";
import type { SolvedBody } from "./SolveResult.js";
import { solveGame } from "./solveGame.js";
import type { SolveMethod } from "./solveMethods.js";
import { exactToNumber, REGRET_TOLERANCE, verifiedBody } from "./verifiedBody.js";

/** Our own badly scaled zero-sum 3×3 game: payoffs from 1e-9 to 1e12 (issue 19, defect 2). */
const BADLY_SCALED = `NFG 1 R "badly scaled" { "P1" "P2" } { 3 3 }
1e12 -1e12 0 0 -3 3 -1e12 1e12 2 -2 0 0 0.001 -0.001 -1 1 1e-9 -1e-9
`;

const METHODS: readonly SolveMethod[] = [
  "enummixed",
  "enumsupport",
  "lh",
  "lcp",
  "lp",
  "simpdiv",
  "gnm",
  "logit",
  "liap",
  "ipa",
  "enumpoly",
];

describe("every reported equilibrium is verified", () => {
  const input = readGambitGame(BADLY_SCALED, "badly-scaled.nfg");
  const game = (input as { game: StrategicGame }).game;

  it.each(METHODS)(
    "--method %s on a badly scaled game reports no profile with a large regret",
    async (method) => {
      const result = await solveGame(input, { method });
      for (const e of result.equilibria) {
        const profile = e.profile.map((row) => row.map(exactToNumber));
        const regret = strategicRegret(game, profile);
        const scale = Math.max(1, ...regret.payoffs.map(Math.abs));
        expect(regret.max).toBeLessThanOrEqual(REGRET_TOLERANCE * scale * 1.0001);
      }
      // an exact method always finds the game's equilibrium (re-solving exactly if it must)
      if (!["simpdiv", "gnm", "logit", "liap", "ipa", "enumpoly"].includes(method))
        expect(result.equilibria.length).toBeGreaterThan(0);
      // what was left out says why
      for (const r of result.rejected ?? []) expect(r.reason).toMatch(/exceeds the tolerance/);
    },
  );

  it("re-solves exactly when a float answer fails, and lists what it cannot mend", async () => {
    const bad = { profile: [[1, 0]], payoffs: [1], regret: 0.5 };
    const good = { profile: [["1", "0"]], payoffs: ["1"], regret: "0" };
    const calls: boolean[] = [];
    const resolve = async (exact: boolean): Promise<SolvedBody> => {
      calls.push(exact);
      return { equilibria: [good] };
    };
    const mended = await verifiedBody("lcp", false, { equilibria: [bad] }, resolve);
    expect(calls).toEqual([true]);
    expect(mended).toEqual({
      equilibria: [{ profile: [[1, 0]], payoffs: [1], regret: 0 }],
      resolvedExactly: true,
    });
    const refused = await verifiedBody(
      "simpdiv",
      false,
      { equilibria: [bad, { ...bad, regret: 0 }] },
      resolve,
    );
    expect(calls).toEqual([true]); // no exact mode: not re-solved
    expect(refused.equilibria).toEqual([{ ...bad, regret: 0 }]);
    expect(refused.rejected).toEqual([
      { profile: [[1, 0]], regret: 0.5, reason: expect.stringMatching(/regret 0.5 exceeds/) },
    ]);
  });
});

const LARGE_PAYOFF = join(GAMBIT_GAMES_DIR, "tests/test_games/large_payoff_game.efg");
const HAS_LARGE = existsSync(LARGE_PAYOFF);

describe.skipIf(!HAS_LARGE)(
  `Gambit's large_payoff_game: no method prints a non-equilibrium${skipReason(!HAS_LARGE, GAMBIT_GAMES_ABSENT)}`,
  () => {
    it.each([...METHODS.filter((m) => m !== "lh" && m !== "enumsupport"), "lcp"] as SolveMethod[])(
      "--method %s",
      async (method) => {
        const input = readGambitGame(readFileSync(LARGE_PAYOFF, "utf8"), LARGE_PAYOFF);
        const result = await solveGame(input, { method, maxSeconds: 10 });
        for (const e of result.equilibria) {
          const scale = Math.max(1, ...e.payoffs.map((p) => Math.abs(exactToNumber(p))));
          expect(exactToNumber(e.regret)).toBeLessThanOrEqual(REGRET_TOLERANCE * scale);
        }
      },
    );

    it("--method liap --agent (behaviour strategies)", async () => {
      const input = readGambitGame(readFileSync(LARGE_PAYOFF, "utf8"), LARGE_PAYOFF);
      const result = await solveGame(input, { method: "liap", agent: true });
      for (const e of result.equilibria) {
        const scale = Math.max(1, ...e.payoffs.map((p) => Math.abs(exactToNumber(p))));
        expect(exactToNumber(e.regret)).toBeLessThanOrEqual(REGRET_TOLERANCE * scale);
      }
      for (const r of result.rejected ?? []) expect(r.reason).toMatch(/exceeds the tolerance/);
    });
  },
);
