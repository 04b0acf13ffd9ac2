import { describe, expect, it } from "vitest";
import { uniformGame } from "../../../test/support/seededGame.js";
import { solveGame } from "../../gambitSolve/solveGame.js";
import type { SolveMethod } from "../../gambitSolve/solveMethods.js";
import { exactToNumber } from "../../gambitSolve/verifiedBody.js";
import type { StrategicGame } from "../../games/strategicGame.js";
import { strategicGameFromTables } from "../../games/strategicGameFromTables.js";
import { strategicRegret } from "../regret.js";
import { supportEnumeration } from "../supportEnumeration.js";
import { polynomialEnumeration } from "./polynomialEnumeration.js";

/** A flat profile cut per player. */
function perPlayer(game: StrategicGame, flat: Float64Array): number[][] {
  let at = 0;
  return game.strategies.map((s) => {
    const part = Array.from(flat.subarray(at, at + s.length));
    at += s.length;
    return part;
  });
}

/** A game with payoffs drawn uniformly from [−10, 10) (nondegenerate with probability one). */
const randomGame = uniformGame;

function expectContains(
  found: number[][][],
  profile: readonly (readonly number[])[],
  tolerance: number,
): void {
  const hit = found.some((f) =>
    f.every((row, p) => row.every((x, k) => Math.abs(x - profile[p]![k]!) <= tolerance)),
  );
  expect(hit, `missing ${JSON.stringify(profile)}`).toBe(true);
}

/**
 * McKelvey & McLennan (1997), "The maximal number of regular totally mixed Nash equilibria",
 * J. Econ. Theory 72: the 2×2×2 game with 9 equilibria, 2 of them totally mixed, as shipped in
 * Gambit's doc/2x2x2.nfg (payoffs in profile order, player 1 fastest).
 */
const NINE = strategicGameFromTables(
  [2, 2, 2],
  [
    [9, 0, 0, 9, 0, 3, 3, 0],
    [8, 0, 0, 8, 0, 4, 4, 0],
    [12, 0, 0, 2, 0, 6, 6, 0],
  ],
);

describe("polynomialEnumeration", () => {
  it("finds all 9 equilibria of McKelvey and McLennan's 2×2×2 game, each with zero regret", () => {
    const result = polynomialEnumeration(NINE);
    expect(result.equilibria).toHaveLength(9);
    expect(result.degenerateSupports).toEqual([]);
    const found = result.equilibria.map((e) => perPlayer(NINE, e));
    for (const profile of found) expect(strategicRegret(NINE, profile).max).toBeLessThan(1e-12);
    // the two totally mixed ones (Gambit's published answers for doc/2x2x2.nfg)
    expectContains(
      found,
      [
        [0.5, 0.5],
        [0.4, 0.6],
        [0.25, 0.75],
      ],
      1e-12,
    );
    expectContains(
      found,
      [
        [0.4, 0.6],
        [0.5, 0.5],
        [1 / 3, 2 / 3],
      ],
      1e-12,
    );
    expectContains(
      found,
      [
        [1 / 3, 2 / 3],
        [1, 0],
        [0.25, 0.75],
      ],
      1e-12,
    );
  });

  it("without pruning finds the same equilibria (pruning only skips supports without any)", () => {
    const game = randomGame([3, 3, 3], 11);
    const pruned = polynomialEnumeration(game);
    const plain = polynomialEnumeration(game, { prune: false });
    expect(pruned.stats.pruned).toBeGreaterThan(0);
    expect(plain.stats.pruned).toBe(0);
    expect(plain.equilibria.length).toBe(pruned.equilibria.length);
    const found = plain.equilibria.map((e) => perPlayer(game, e));
    for (const e of pruned.equilibria) expectContains(found, perPlayer(game, e), 1e-9);
  });

  it("the sharper contractions and pivot bisection keep every equilibrium of the earlier search, in fewer boxes", () => {
    for (const [sizes, seed] of [
      [[3, 3, 3], 31],
      [[3, 4, 4], 32],
      [[4, 3, 2], 33],
    ] as const) {
      const game = randomGame([...sizes], seed);
      const sharp = polynomialEnumeration(game);
      const plain = polynomialEnumeration(game, { sharper: false });
      expect(sharp.degenerateSupports).toEqual(plain.degenerateSupports);
      expect(sharp.equilibria.length).toBe(plain.equilibria.length);
      const found = sharp.equilibria.map((e) => perPlayer(game, e));
      for (const e of plain.equilibria) expectContains(found, perPlayer(game, e), 1e-9);
      expect(sharp.stats.boxes).toBeLessThan(plain.stats.boxes);
    }
  });

  it("agrees with two-player support enumeration on nondegenerate random games", () => {
    for (const [seed, sizes] of [
      [1, [3, 3]],
      [2, [4, 4]],
      [3, [4, 3]],
      [4, [5, 5]],
    ] as const) {
      const game = randomGame([...sizes], seed);
      const reference = supportEnumeration(game).equilibria.map((e) => e.strategies);
      const ours = polynomialEnumeration(game);
      expect(ours.degenerateSupports).toEqual([]);
      expect(ours.equilibria.length).toBe(reference.length);
      const found = ours.equilibria.map((e) => perPlayer(game, e));
      for (const profile of reference) expectContains(found, profile, 1e-9);
    }
  });

  it.each([
    [[3, 3, 3], 21],
    [[3, 3, 3], 22],
    [[3, 3, 3], 23],
    [[4, 4, 4], 24],
  ] as const)(
    "on a random %j game (seed %i) contains every equilibrium that liap, gnm, simpdiv, ipa and enumpure find",
    async (sizes, seed) => {
      const game = randomGame([...sizes], seed);
      const ours = polynomialEnumeration(game);
      expect(ours.degenerateSupports).toEqual([]);
      const found = ours.equilibria.map((e) => perPlayer(game, e));
      for (const profile of found) expect(strategicRegret(game, profile).max).toBeLessThan(1e-9);
      const input = { form: "strategic" as const, game };
      const runs: [SolveMethod, object][] = [
        ["liap", { starts: 30 }],
        ["gnm", {}],
        ["simpdiv", {}],
        ["ipa", {}],
        ["enumpure", {}],
      ];
      let checked = 0;
      for (const [method, options] of runs) {
        const other = await solveGame(input, { method, ...options });
        for (const e of other.equilibria) {
          const profile = e.profile.map((row) => row.map(exactToNumber));
          // only equilibria accurate enough to compare (simpdiv's are approximate)
          if (strategicRegret(game, profile).max > 1e-7) continue;
          expectContains(found, profile, 1e-5);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(0);
    },
    120_000,
  );

  it("reports a support with a continuum of equilibria instead of dropping it", () => {
    // row 1 strictly dominant for player 1; player 2 is paid 0 everywhere, so (row 1, any
    // mixture of the columns) is a segment of equilibria: the support ({1}, {1, 2}) is singular
    const game = strategicGameFromTables(
      [2, 2],
      [
        [1, 0, 1, 0],
        [0, 0, 0, 0],
      ],
    );
    const result = polynomialEnumeration(game);
    expect(result.degenerateSupports).toContainEqual({
      supports: [[0], [0, 1]],
      reason: "singular",
    });
    // its endpoints, the pure equilibria, are still listed
    expect(result.equilibria.map((e) => Array.from(e))).toEqual([
      [1, 0, 1, 0],
      [1, 0, 0, 1],
    ]);
  });

  it("reports a support whose undecided boxes pile up on the simplex's boundary as `boundary`, not `budget`", () => {
    // player 1's rows pay the same (indifferent whatever player 2 does) and player 2's second
    // column pays 1 more against row 2 only: with both rows and both columns in the support,
    // player 2's indifference forces row 2's probability to 0, so the support's solutions are
    // a segment on the simplex's boundary (they belong to the support ({1}, {1, 2})). Column 2
    // weakly dominates column 1 there, so only the unpruned search examines this support.
    const game = strategicGameFromTables(
      [2, 2],
      [
        [1, 1, 0, 0],
        [0, 0, 0, 1],
      ],
    );
    const result = polynomialEnumeration(game, { prune: false });
    expect(result.degenerateSupports).toContainEqual({
      supports: [
        [0, 1],
        [0, 1],
      ],
      reason: "boundary",
    });
    expect(result.degenerateSupports.map((d) => d.reason)).not.toContain("budget");
    // far below the box budget: it is the boundary that gave up, not the budget
    expect(result.stats.boxes).toBeLessThan(50_000);
  });

  it("finds an equilibrium whose probabilities are 10⁻¹⁵ (payoffs ±10¹⁵): 1 − Σ of the others cannot resolve them", () => {
    // matching pennies with one cell of ±B: the only equilibrium puts 1/(B + 2) on the first
    // row and column, the first (implicit) probability of each player's support; the search
    // certifies it after making the other strategy the implicit one
    for (const B of [1e9, 1e12, 1e15]) {
      const game = strategicGameFromTables(
        [2, 2],
        [
          [B, -1, -1, 0],
          [-B, 1, 1, 0],
        ],
      );
      const result = polynomialEnumeration(game);
      expect(result.degenerateSupports, `B = ${B}`).toEqual([]);
      expect(result.equilibria, `B = ${B}`).toHaveLength(1);
      const [p, rest, q] = Array.from(result.equilibria[0]!);
      const exact = 1 / (B + 2);
      // as close as a probability beside one near 1 can be: a few ulps of 1
      expect(p, `B = ${B}`).toBeGreaterThan(0);
      expect(Math.abs(p! - exact), `B = ${B}`).toBeLessThan(1e-15 * exact + 4e-16);
      expect(Math.abs(q! - exact), `B = ${B}`).toBeLessThan(1e-15 * exact + 4e-16);
      expect(Math.abs(rest! - (1 - exact)), `B = ${B}`).toBeLessThan(4e-16);
      const profile = perPlayer(game, result.equilibria[0]!);
      expect(strategicRegret(game, profile).max / B, `B = ${B}`).toBeLessThan(1e-12);
    }
  });

  it("finds a mixed equilibrium with one probability at 10⁻¹⁵ and another at 5·10⁻⁹ (only the first is implicit)", () => {
    // coordination: A = [[1, 0], [0, 2·10⁸]], B = [[10¹⁵, 0], [0, 1]]; the mixed equilibrium
    // puts 1/(10¹⁵ + 1) on row 1 and 1/(2·10⁸ + 1) on column 2
    const game = strategicGameFromTables(
      [2, 2],
      [
        [1, 0, 0, 2e8],
        [1e15, 0, 0, 1],
      ],
    );
    const result = polynomialEnumeration(game);
    expect(result.degenerateSupports).toEqual([]);
    expect(result.equilibria).toHaveLength(3);
    const mixed = result.equilibria.find((e) => e[0]! > 0 && e[0]! < 1)!;
    expect(mixed[0]! * (1e15 + 1)).toBeCloseTo(1, 9);
    expect(mixed[3]! * (2e8 + 1)).toBeCloseTo(1, 9);
  });

  it("charges a support's searches with other implicit strategies to its box budget", () => {
    // a 2×2×2 game with payoffs in {0, 1, 2} whose singular supports leave many floor boxes on
    // the boundary: each may start such a search; uncounted, they once took 284,492 boxes
    const game = strategicGameFromTables(
      [2, 2, 2],
      [
        [1, 1, 2, 2, 0, 1, 0, 0],
        [0, 1, 0, 1, 1, 0, 0, 2],
        [2, 2, 2, 1, 0, 1, 0, 0],
      ],
    );
    const result = polynomialEnumeration(game);
    expect(result.stats.boxes).toBeLessThan(2_000);
    expect(result.degenerateSupports.length).toBeGreaterThan(0);
  });

  it("reports a continuum of equilibria that reaches 2·10⁻⁸ into the simplex", () => {
    // A = [[2, 0, 0], [0, 2, 0], [0, 0, η]], B = [[2, 0, 1], [0, 2, 1], [0, 0, 3]]: every
    // p = (½, ½, 0), q = ((1 − t)/2, (1 − t)/2, t) with 0 ≤ t ≤ 1/(η + 1) is an equilibrium, of
    // support ({1, 2}, {1, 2, 3}) for t > 0
    const eta = 5e7;
    const A = [
      [2, 0, 0],
      [0, 2, 0],
      [0, 0, eta],
    ];
    const B = [
      [2, 0, 1],
      [0, 2, 1],
      [0, 0, 3],
    ];
    const cell = (m: number[][]) => [0, 1, 2].flatMap((c) => [0, 1, 2].map((r) => m[r]![c]!));
    const result = polynomialEnumeration(strategicGameFromTables([3, 3], [cell(A), cell(B)]));
    expect(result.degenerateSupports).toContainEqual({
      supports: [
        [0, 1],
        [0, 1, 2],
      ],
      reason: "singular",
    });
  });

  it("finds the same equilibria after each player's payoffs are scaled by 10⁻⁶ or 10¹⁴ and shifted", () => {
    // a positive affine map of one player's payoffs changes no best response; every enclosure's
    // rounding bound scales with the payoffs, so the search must too
    for (const seed of [51, 52]) {
      const game = randomGame([3, 3, 3], seed);
      const base = polynomialEnumeration(game);
      expect(base.equilibria.length).toBeGreaterThan(0);
      for (const scale of [1e-6, 1e14]) {
        const payoffs = game.payoffs.map((x, k) => x * scale + (k % 3) * 7 * scale);
        const scaled = polynomialEnumeration({ ...game, payoffs });
        const label = `seed ${seed}, scale ${scale}`;
        expect(scaled.degenerateSupports, label).toEqual(base.degenerateSupports);
        expect(scaled.equilibria.length, label).toBe(base.equilibria.length);
        for (const e of base.equilibria)
          expect(
            scaled.equilibria.some((f) => f.every((x, k) => Math.abs(x - e[k]!) < 1e-9)),
            label,
          ).toBe(true);
      }
    }
  });

  it("handles one-player games and players with a single strategy", () => {
    const alone = strategicGameFromTables([3], [[1, 3, 2]]);
    expect(polynomialEnumeration(alone).equilibria.map((e) => Array.from(e))).toEqual([[0, 1, 0]]);
    // player 1 has one strategy; players 2 and 3 then play matching pennies
    const lone = strategicGameFromTables(
      [1, 2, 2],
      [
        [0, 0, 0, 0],
        [1, -1, -1, 1],
        [-1, 1, 1, -1],
      ],
    );
    const result = polynomialEnumeration(lone);
    expect(result.equilibria).toHaveLength(1);
    expect(Array.from(result.equilibria[0]!)).toEqual([1, 0.5, 0.5, 0.5, 0.5]);
  });

  it("stops at maxSeconds and says so", () => {
    const result = polynomialEnumeration(randomGame([5, 5, 5], 3), { maxSeconds: 0.05 });
    expect(result.truncated).toBe(true);
  });
});
