import { describe, expect, it } from "vitest";
import { seededGame, uniformGame } from "../../../test/support/seededGame.js";
import type { StrategicGame } from "../../games/strategicGame.js";
import { randomStream } from "../../math/randomStream.js";
import { eliminatedSystem, searchPivotSimplex } from "./bilinearElimination.js";
import { polynomialEnumeration } from "./polynomialEnumeration.js";
import {
  addProduct,
  elevationWeights,
  linearForm,
  monomials,
  splitEdge,
  toBernsteinForm,
} from "./simplexBernstein.js";
import { supportSystem } from "./supportSystem.js";

/** A game with payoffs drawn uniformly from [−10, 10) (nondegenerate with probability one). */
const randomGame = uniformGame;

/** A game with integer payoffs in [−10, 10] (ties common, as in bench/randomGames). */
function integerGame(sizes: number[], seed: number): StrategicGame {
  return seededGame(sizes, seed, 1, (u) => Math.floor(u * 21) - 10);
}

/** Value of a polynomial given by monomial coefficients at λ. */
function evaluate(variables: number, degree: number, a: Float64Array, lambda: number[]): number {
  const table = monomials(variables, degree);
  let sum = 0;
  for (let k = 0; k < table.count; k++) {
    let term = a[k]!;
    for (let t = 0; t < variables; t++) term *= lambda[t]! ** table.exponents[k * variables + t]!;
    sum += term;
  }
  return sum;
}

describe("simplexBernstein", () => {
  it("splits an edge so that each piece's corner coefficients are the values at its vertices and its coefficients bound the values inside", () => {
    const K = 3;
    // (λ₀ − 2λ₁ + λ₂)·(3λ₀ + λ₁ − λ₂)·(λ₀ + λ₁ + 4λ₂), degree 3
    const a = linearForm(K, [1, -2, 1]);
    const b = linearForm(K, [3, 1, -1]);
    const c = linearForm(K, [1, 1, 4]);
    const ab = new Float64Array(monomials(K, 2).count);
    addProduct(K, a, 1, b, 1, 1, ab);
    const p = new Float64Array(monomials(K, 3).count);
    addProduct(K, ab, 2, c, 1, 1, p);
    const bern = p.slice();
    toBernsteinForm(K, 3, bern);
    const left = new Float64Array(bern.length);
    const right = new Float64Array(bern.length);
    splitEdge(K, 3, 0, 2, bern, left, right, 0, new Float64Array(8));
    const table = monomials(K, 3);
    const corner = (coefficients: Float64Array, v: number) => {
      for (let k = 0; k < table.count; k++)
        if (table.exponents[k * K + v] === 3) return coefficients[k]!;
      throw new Error("no corner");
    };
    // left keeps vertex 0, vertex 2 is now the midpoint of edge (0, 2); right keeps vertex 2
    const mid = [0.5, 0, 0.5];
    expect(corner(left, 0)).toBeCloseTo(evaluate(K, 3, p, [1, 0, 0]), 12);
    expect(corner(left, 2)).toBeCloseTo(evaluate(K, 3, p, mid), 12);
    expect(corner(right, 0)).toBeCloseTo(evaluate(K, 3, p, mid), 12);
    expect(corner(right, 2)).toBeCloseTo(evaluate(K, 3, p, [0, 0, 1]), 12);
    expect(corner(left, 1)).toBeCloseTo(evaluate(K, 3, p, [0, 1, 0]), 12);
    // values at points of the left piece (λ₂ ≤ λ₀) lie between its least and largest coefficient
    const random = randomStream(5, 0);
    const low = Math.min(...left);
    const high = Math.max(...left);
    for (let n = 0; n < 200; n++) {
      const x = [random.next(), random.next(), random.next()];
      const s = x[0]! + x[1]! + x[2]!;
      const lambda = x.map((v) => v / s);
      if (lambda[2]! > lambda[0]!) continue;
      const value = evaluate(K, 3, p, lambda);
      expect(value).toBeGreaterThanOrEqual(low - 1e-12);
      expect(value).toBeLessThanOrEqual(high + 1e-12);
    }
  });
});

describe("elevationWeights", () => {
  it("raise a linear form's Bernstein coefficients to those of the form times (Σλ)^(n − 1), for every degree and dimension used", () => {
    const random = randomStream(11, 0);
    for (const K of [2, 3, 4, 5])
      for (const n of [1, 2, 3, 4, 5, 8]) {
        const c = Array.from({ length: K }, () => random.next() * 20 - 10);
        // the reference: the product with Σλ, n − 1 times, in monomials, then to Bernstein form
        let product = linearForm(K, c);
        for (let e = 1; e < n; e++) {
          const next = new Float64Array(monomials(K, e + 1).count);
          addProduct(K, product, e, linearForm(K, new Array(K).fill(1)), 1, 1, next);
          product = next;
        }
        toBernsteinForm(K, n, product);
        const linear = linearForm(K, c); // degree 1: Bernstein and monomial coefficients agree
        const lift = elevationWeights(K, n);
        const count = monomials(K, n).count;
        for (let q = 0; q < count; q++) {
          let value = 0;
          for (let j = 0; j < K; j++) value += lift[q * K + j]! * linear[j]!;
          expect(value, `K ${K}, degree ${n}, monomial ${q}`).toBeCloseTo(product[q]!, 12);
        }
      }
  });
});

describe("bilinearElimination", () => {
  it("picks the smallest pivot whose two opponents have equal supports, and none for a one-strategy mix or two players", () => {
    const game = randomGame([4, 4, 4], 3);
    const reduced = eliminatedSystem(supportSystem(game, Int32Array.of(0b111, 0b11, 0b111)));
    expect(reduced?.pivot).toBe(1);
    expect(reduced?.equations.length).toBe(1);
    expect(eliminatedSystem(supportSystem(game, Int32Array.of(0b1, 0b11, 0b111)))).toBeNull();
    expect(eliminatedSystem(supportSystem(randomGame([3, 3], 1), Int32Array.of(3, 3)))).toBeNull();
  });

  it("finds the same equilibria and degenerate supports as the general search on random three-player games", () => {
    const cases: [number[], number, boolean][] = [
      [[3, 3, 3], 1, false],
      [[3, 3, 3], 2, true],
      [[3, 3, 3], 3, true],
      [[4, 4, 4], 4, false],
      [[4, 4, 4], 5, true],
      [[4, 3, 3], 6, false],
      [[2, 4, 4], 7, true],
      [[4, 2, 3], 8, false],
    ];
    for (const [sizes, seed, integer] of cases) {
      const game = integer ? integerGame(sizes, seed) : randomGame(sizes, seed);
      const general = polynomialEnumeration(game, { eliminate: false });
      const reduced = polynomialEnumeration(game);
      const label = `${sizes.join("×")} seed ${seed}`;
      expect(reduced.degenerateSupports, label).toEqual(general.degenerateSupports);
      expect(reduced.equilibria.length, label).toBe(general.equilibria.length);
      for (const e of general.equilibria) {
        const hit = reduced.equilibria.some((f) => f.every((x, k) => Math.abs(x - e[k]!) < 1e-9));
        expect(hit, `${label}: missing ${Array.from(e).join(", ")}`).toBe(true);
      }
      expect(reduced.stats.simplices, label).toBeGreaterThan(0);
      expect(general.stats.simplices, label).toBe(0);
    }
  });

  it("stops at its deadline, checked every 1,024 sub-simplices", () => {
    // the full support of a random 5×5×5 game needs tens of thousands of sub-simplices
    const system = supportSystem(randomGame([5, 5, 5], 2), Int32Array.of(31, 31, 31));
    const reduced = eliminatedSystem(system)!;
    const late = searchPivotSimplex(system, reduced, 1 / 32, 1e9, () => undefined, Date.now() - 1);
    expect(late).toMatchObject({ simplices: 1024, complete: false, timedOut: true });
  });

  it("reports every degenerate support the general search reports on games with payoffs in {0, 1, 2} (continua of equilibria)", () => {
    // such ties make supports whose equilibria form segments; a singular null-vector system once
    // left a stale enclosure that pushed those boxes onto the boundary, dropping the support.
    // A search may report one more: beside a singular root on the simplex's boundary, whether a
    // floor-width box lands just inside (undecided: reported) depends on the search's path
    for (const sizes of [
      [2, 2, 2],
      [3, 2, 2],
      [3, 3, 2],
      [3, 3, 3],
    ]) {
      for (let seed = 1; seed <= 4; seed++) {
        const game = seededGame(sizes, seed, 7, (u) => Math.floor(u * 3));
        const general = polynomialEnumeration(game, { eliminate: false });
        const reduced = polynomialEnumeration(game);
        const label = `${sizes.join("×")} seed ${seed}`;
        for (const support of general.degenerateSupports)
          expect(reduced.degenerateSupports, label).toContainEqual(support);
        const extra = reduced.degenerateSupports.length - general.degenerateSupports.length;
        expect(extra, label).toBeLessThanOrEqual(1);
        expect(reduced.equilibria.length, label).toBe(general.equilibria.length);
      }
    }
  });
});
