import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { xorshift } from "../../bench/randomGames.js";
import { bimatrix } from "../../test/support/bimatrix.js";
import type { StrategicGame } from "../games/strategicGame.js";
import { strategicGameFromTables } from "../games/strategicGameFromTables.js";
import { formatRational, type Rational } from "../math/rational.js";
import { strategicRegret, strategicRegretExact } from "./regret.js";
import { supportEnumeration, supportEnumerationExact } from "./supportEnumeration.js";
import {
  type BimatrixEquilibrium,
  vertexEnumeration,
  vertexEnumerationExact,
} from "./vertexEnumeration/index.js";

/** Tolerance for comparing floating-point equilibria found by the two methods. */
const MATCH_TOL = 1e-7;

/** A game with uniform real payoffs in [−10, 10) from a seeded xorshift (nondegenerate a.s.). */
function randomRealGame(m: number, n: number, seed: number): StrategicGame {
  const random = xorshift(seed);
  const next = () => random() * 20 - 10;
  const pa = Array.from({ length: m * n }, next);
  const pb = Array.from({ length: m * n }, next);
  return strategicGameFromTables([m, n], [pa, pb]);
}

const exactKeys = (es: readonly BimatrixEquilibrium<Rational>[]): string[] =>
  es.map((e) => e.strategies.flat().map(formatRational).join(",")).sort();

describe("supportEnumeration", () => {
  const battle = bimatrix(
    [
      [2, 0],
      [0, 1],
    ],
    [
      [1, 0],
      [0, 2],
    ],
  );

  it("battle of the sexes: (1,0),(1,0); (0,1),(0,1); (2/3,1/3),(1/3,2/3)", () => {
    // reference: von Stengel (2007) §3.2; Gambit's enummixed gives the same three
    const exact = supportEnumerationExact(battle);
    expect(exact.degenerate).toBe(false);
    expect(exactKeys(exact.equilibria)).toEqual(["0,1,0,1", "1,0,1,0", "2/3,1/3,1/3,2/3"]);
    const float = supportEnumeration(battle);
    expect(float.equilibria).toHaveLength(3);
    const mixed = float.equilibria.find((e) => e.strategies[0][0]! > 0 && e.strategies[0][0]! < 1)!;
    expect(mixed.strategies[0][0]).toBeCloseTo(2 / 3, 12);
    expect(mixed.strategies[1][0]).toBeCloseTo(1 / 3, 12);
  });

  it("matching pennies: (1/2, 1/2), (1/2, 1/2)", () => {
    const g = bimatrix(
      [
        [1, -1],
        [-1, 1],
      ],
      [
        [-1, 1],
        [1, -1],
      ],
    );
    expect(exactKeys(supportEnumerationExact(g).equilibria)).toEqual(["1/2,1/2,1/2,1/2"]);
    expect(supportEnumeration(g).equilibria[0]!.strategies[1][0]).toBeCloseTo(0.5, 12);
  });

  it("reports a degenerate game as degenerate", () => {
    // row 2 duplicates row 1: against L both rows are best responses (a support of size 1 with
    // two best responses)
    const g = bimatrix(
      [
        [1, 0],
        [1, 0],
      ],
      [
        [1, 0],
        [1, 0],
      ],
    );
    expect(supportEnumerationExact(g).degenerate).toBe(true);
    expect(supportEnumeration(g).degenerate).toBe(true);
  });

  it("refuses a game without exactly two players", () => {
    const g = strategicGameFromTables([1, 1, 1], [[0], [0], [0]]);
    expect(() => supportEnumeration(g)).toThrow(/two-player/);
  });

  it("equals vertex enumeration on nondegenerate games (random real payoffs, up to 5 × 5)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        (m, n, seed) => {
          const g = randomRealGame(m, n, seed);
          const exact = supportEnumerationExact(g);
          expect(exact.degenerate).toBe(false);
          expect(exactKeys(exact.equilibria)).toEqual(
            exactKeys(vertexEnumerationExact(g).equilibria),
          );
          for (const e of exact.equilibria)
            expect(strategicRegretExact(g, e.strategies).max.n).toBe(0n);

          const float = supportEnumeration(g).equilibria;
          const reference = vertexEnumeration(g).equilibria;
          expect(float.length).toBe(reference.length);
          for (const e of float) {
            expect(strategicRegret(g, e.strategies).max).toBeLessThanOrEqual(1e-9 * 10);
            const twin = reference.find((r) =>
              r.strategies.every((s, p) =>
                s.every((v, i) => Math.abs(v - e.strategies[p]![i]!) <= MATCH_TOL),
              ),
            );
            expect(twin).toBeDefined();
          }
        },
      ),
      { seed: 314, numRuns: 120 },
    );
  });
});
