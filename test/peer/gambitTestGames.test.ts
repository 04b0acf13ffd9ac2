/**
 * The games of Gambit's own test suite (gambitproject/gambit, tests/test_games, copied with
 * Gambit 17's command-line answers under ../shared/games/gambit; GPL-2.0+, data only: see
 * README.md), solved by every applicable method of `solveGame`, as peerSuites.test.ts does for
 * Nashpy's and QuantEcon.py's games. Strategic games: every printed profile has regret ≤ 1e-9 of
 * the payoff spread (exactly 0 in rationals); `enumpure` finds Gambit's pure equilibria and
 * `enummixed` its extreme equilibria (gambit-enummixed), as sets; the vertex methods (`lh`,
 * `lcp`, `lp`) return some of those. Extensive games: the regret check for every method that
 * applies but support enumeration (the others refuse with E_INPUT), searches limited to half a
 * second. Skips itself when the
 * shared folder is absent.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isLinkageError } from "../../src/errors/LinkageError.js";
import { SOLVE_METHODS, type SolveMethod } from "../../src/gambitSolve/solveMethods.js";
import { exactToNumber } from "../../src/gambitSolve/verifiedBody.js";
import { type GambitGame, readGambitGame } from "../../src/games/gambit/readGambitGame.js";
import {
  GAMBIT_EXPECTED_DIR,
  GAMBIT_GAMES_DIR,
  GAMBIT_REFERENCES_ABSENT,
  type GambitAnswer,
  gambitGameFiles,
  HAS_GAMBIT_REFERENCES,
} from "../support/gambitReferenceFiles.js";
import { skipReason } from "../support/skipReason.js";
import {
  EXACT_METHODS,
  methodRuns,
  payoffSpread,
  profileOf,
  sameProfile,
  solveWith,
  strategicMethods,
} from "./peerRuns.js";

const TEST_GAMES = join(GAMBIT_GAMES_DIR, "tests", "test_games");

/** The vertex methods: each answer is an extreme equilibrium. */
const VERTEX_METHODS: ReadonlySet<SolveMethod> = new Set(["lh", "lcp", "lp"]);

/** Test games whose float searches end at non-equilibria, refused by the regret check (see below). */
const REFUSED_BY_FLOAT_SEARCHES: ReadonlySet<string> = new Set(["large_payoff_game.efg"]);

/** Gambit's answers on one game. */
interface Answers {
  readonly enumpure?: GambitAnswer;
  readonly enummixed?: GambitAnswer;
}

function answersOf(file: string): Answers {
  const name = file.slice(GAMBIT_GAMES_DIR.length);
  return JSON.parse(readFileSync(join(GAMBIT_EXPECTED_DIR, `${name}.json`), "utf8")) as Answers;
}

/** Gambit's flat profile split by player, as doubles. */
function split(flat: readonly string[], sizes: readonly number[]): number[][] {
  let at = 0;
  return sizes.map((n) => {
    const row = flat.slice(at, at + n).map(exactToNumber);
    at += n;
    return row;
  });
}

describe.skipIf(!HAS_GAMBIT_REFERENCES)(
  `Gambit's test games${skipReason(!HAS_GAMBIT_REFERENCES, GAMBIT_REFERENCES_ABSENT)}`,
  () => {
    const files = HAS_GAMBIT_REFERENCES ? gambitGameFiles([".nfg", ".efg"], TEST_GAMES) : [];

    it("are all here (7 strategic, 55 extensive)", () => {
      expect(files.filter((f) => f.endsWith(".nfg"))).toHaveLength(7);
      expect(files.filter((f) => f.endsWith(".efg")).length).toBeGreaterThanOrEqual(55);
    });

    describe.each(
      files.filter((f) => f.endsWith(".nfg")).map((f) => [f.slice(TEST_GAMES.length + 1), f]),
    )("%s", (_, file) => {
      const input = readGambitGame(readFileSync(file, "utf8"), file) as GambitGame & {
        form: "strategic";
      };
      const game = input.game;
      const sizes = game.strategies.map((s) => s.length);
      const spread = payoffSpread(game.payoffs);
      const answers = answersOf(file);
      const gambitPure = (answers.enumpure?.equilibria ?? []).map((e) => split(e, sizes));
      const gambitExtreme = (answers.enummixed?.equilibria ?? []).map((e) => split(e, sizes));

      it.each(
        methodRuns(strategicMethods(game)).map(
          (r) => [`${r.method}${r.rational ? " --rational" : ""}`, r] as const,
        ),
      )("%s", async (_, { method, rational }) => {
        const result = await solveWith(input, method, rational);
        expect(result.rejected).toBeUndefined();
        for (const e of result.equilibria) {
          if (rational) expect(e.regret).toBe("0");
          else expect(exactToNumber(e.regret)).toBeLessThanOrEqual(1e-9 * spread);
        }
        const found = result.equilibria.map(profileOf);
        const sameSet = (ours: number[][][], theirs: number[][][]) => {
          expect(ours).toHaveLength(theirs.length);
          for (const q of theirs) expect(ours.some((p) => sameProfile(p, q, 1e-9))).toBe(true);
        };
        if (method === "enumpure" || method === "dominance") sameSet(found, gambitPure);
        if (method === "enummixed") sameSet(found, gambitExtreme);
        // enumpoly: every pure equilibrium, and every extreme one of a two-player game, unless it
        // reports a support it could not resolve (where they may lie)
        if (method === "enumpoly" && result.degenerateSupports === undefined) {
          const expected = game.players.length === 2 ? gambitExtreme : gambitPure;
          for (const q of expected) expect(found.some((p) => sameProfile(p, q, 1e-6))).toBe(true);
        }
        if (VERTEX_METHODS.has(method) && gambitExtreme.length > 0) {
          for (const p of found) {
            expect(gambitExtreme.some((q) => sameProfile(p, q, 1e-9))).toBe(true);
          }
        }
      });
    });

    describe.each(
      files.filter((f) => f.endsWith(".efg")).map((f) => [f.slice(TEST_GAMES.length + 1), f]),
    )("%s", (name, file) => {
      it("every method that applies prints only equilibria", async () => {
        let input: GambitGame;
        try {
          input = readGambitGame(readFileSync(file, "utf8"), file);
        } catch (error) {
          expect(isLinkageError(error)).toBe(true); // a file Gambit 17 rejects too
          return;
        }
        if (input.form !== "extensive") return;
        const spread = payoffSpread(input.game.outcomePayoffs);
        // logit on a tree stops on its agent-form system's regret (LOGIT_TOLERANCE = 1e-9 of
        // its scaled payoffs) and is not refined on a support: the behaviour regret printed
        // reaches 1.5e-9 of the spread (chance_in_middle_with_nonterm_outcomes.efg)
        const bound = (method: SolveMethod) =>
          (method === "logit" ? 1e-8 : 1e-9) * Math.max(spread, 1);
        // support enumeration promises nothing on the (degenerate) reduced forms of trees and
        // takes seconds on some: its regret there is measured by bench/solverRegretTable.ts
        const methods = SOLVE_METHODS.filter((m) => m !== "enumsupport");
        for (const { method, rational } of methodRuns(methods)) {
          let result: Awaited<ReturnType<typeof solveWith>>;
          try {
            result = await solveWith(input, method, rational, 0.5);
          } catch (error) {
            // does not apply: players, constant sum, perfect information, perfect recall
            expect(isLinkageError(error) && error.code === "E_INPUT", `${method}: ${error}`).toBe(
              true,
            );
            continue;
          }
          // large_payoff_game (payoffs ±1e19 beside ±1): the floating-point searches (logit,
          // simpdiv, gnm, liap, ipa) end at non-equilibria, which the regret check refuses to print
          // (`rejected`); the exact methods and lcp/lp solve it
          if (!(REFUSED_BY_FLOAT_SEARCHES.has(name) && !EXACT_METHODS.has(method))) {
            expect(result.rejected, method).toBeUndefined();
          }
          for (const e of result.equilibria) {
            if (rational) expect(e.regret, method).toBe("0");
            else expect(exactToNumber(e.regret), method).toBeLessThanOrEqual(bound(method));
          }
        }
      });
    });
  },
);
