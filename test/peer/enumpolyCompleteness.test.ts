/**
 * Issue 19: enumpoly "must find every equilibrium that any method finds" (Gambit's enumpoly missed
 * some on random 3-player games). On random three-player games, every equilibrium printed by the
 * other n-player methods (simpdiv, gnm and liap from several seeds, ipa, logit, enumpure) must be
 * one of enumpoly's. On games with payoffs uniform on [−10, 10) (nondegenerate with probability
 * one) enumpoly must also report no degenerate support and an odd number of equilibria (Wilson's
 * oddness theorem), each with regret within rounding.
 */
import { describe, expect, it } from "vitest";
import type { SolveResult } from "../../src/gambitSolve/SolveResult.js";
import { solveGame } from "../../src/gambitSolve/solveGame.js";
import type { SolveMethod } from "../../src/gambitSolve/solveMethods.js";
import { exactToNumber } from "../../src/gambitSolve/verifiedBody.js";
import type { StrategicGame } from "../../src/games/strategicGame.js";
import { seededGame, uniformGame } from "../support/seededGame.js";
import { profileOf, sameProfile } from "./peerRuns.js";

/** The other methods' runs: the seeded searches from several seeds. */
const OTHER_RUNS: readonly { method: SolveMethod; seed?: number; starts?: number }[] = [
  { method: "enumpure" },
  { method: "simpdiv" },
  { method: "logit" },
  { method: "ipa", seed: 1 },
  { method: "ipa", seed: 2 },
  ...[1, 2, 3, 4].map((seed) => ({ method: "gnm" as const, seed })),
  { method: "liap", seed: 1, starts: 30 },
];

/** Integer payoffs in [−10, 10], as the games Gambit's enumpoly was measured on (ties happen). */
function integerGame(sizes: readonly number[], seed: number): StrategicGame {
  return seededGame(sizes, seed, 1, (u) => Math.floor(u * 21) - 10);
}

async function enumpolyAndOthers(game: StrategicGame) {
  const input = { form: "strategic" as const, game };
  const enumpoly = await solveGame(input, { method: "enumpoly" });
  const others: { label: string; result: SolveResult }[] = [];
  for (const run of OTHER_RUNS) {
    const result = await solveGame(input, { ...run, maxSeconds: 20 });
    others.push({
      label: `${run.method}${run.seed === undefined ? "" : ` seed ${run.seed}`}`,
      result,
    });
  }
  return { enumpoly, others };
}

/** Every profile another method printed is within 1e-6 of one of enumpoly's. */
function expectEveryOtherFound(
  enumpoly: SolveResult,
  others: readonly { label: string; result: SolveResult }[],
  name: string,
) {
  const found = enumpoly.equilibria.map(profileOf);
  let checked = 0;
  for (const { label, result } of others) {
    for (const e of result.equilibria) {
      const profile = profileOf(e);
      checked++;
      expect(
        found.some((f) => sameProfile(f, profile, 1e-6)),
        `${name}: ${label} printed ${JSON.stringify(profile)}, which enumpoly did not find`,
      ).toBe(true);
    }
  }
  return checked;
}

describe("enumpoly finds every equilibrium the other methods find (random three-player games)", () => {
  it.each([
    [3, 3, 3],
    [4, 3, 3],
    [3, 4, 2],
  ])(
    "%i×%i×%i, payoffs uniform on [−10, 10): odd count, none degenerate",
    async (...sizes) => {
      let checked = 0;
      for (const seed of [1, 2, 3]) {
        const name = `${sizes.join("×")} seed ${seed}`;
        const { enumpoly, others } = await enumpolyAndOthers(uniformGame(sizes, seed));
        expect(enumpoly.truncated, name).toBeFalsy();
        expect(enumpoly.degenerateSupports ?? [], name).toEqual([]);
        expect(enumpoly.equilibria.length % 2, `${name}: oddness`).toBe(1);
        for (const e of enumpoly.equilibria) {
          expect(exactToNumber(e.regret), name).toBeLessThanOrEqual(1e-9);
        }
        checked += expectEveryOtherFound(enumpoly, others, name);
      }
      // the comparison is not vacuous: the other methods printed equilibria to look up
      expect(checked).toBeGreaterThan(20);
    },
    120_000,
  );

  it("3×3×3 and 4×4×3 with integer payoffs in [−10, 10] (ties possible)", async () => {
    let checked = 0;
    for (const [sizes, seed] of [
      [[3, 3, 3], 1],
      [[3, 3, 3], 2],
      [[4, 4, 3], 1],
    ] as const) {
      const name = `${sizes.join("×")} integer seed ${seed}`;
      const { enumpoly, others } = await enumpolyAndOthers(integerGame(sizes, seed));
      expect(enumpoly.truncated, name).toBeFalsy();
      // none of these three has a tie that makes a support degenerate (a profile another method
      // found inside a continuum need not be one of enumpoly's isolated ones)
      expect(enumpoly.degenerateSupports ?? [], name).toEqual([]);
      checked += expectEveryOtherFound(enumpoly, others, name);
    }
    expect(checked).toBeGreaterThan(5);
  }, 120_000);
});
