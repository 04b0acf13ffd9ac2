import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bimatrix } from "../../../test/support/bimatrix.js";
import { GAMBIT_REFERENCES_ABSENT } from "../../../test/support/gambitReferenceFiles.js";
import { skipReason } from "../../../test/support/skipReason.js";
import {
  bothPolytopesExact,
  bothPolytopesFloat,
  faceSearchOnlyExact,
  faceSearchOnlyFloat,
} from "../../../test/support/vertexEnumerationVariants.js";
import { readNfg } from "../../games/gambit/readNfg.js";
import type { StrategicGame } from "../../games/strategicGame.js";
import { strategicGameFromTables } from "../../games/strategicGameFromTables.js";
import {
  add,
  compare,
  divide,
  formatRational,
  multiply,
  ONE,
  type Rational,
  subtract,
  ZERO,
} from "../../math/rational.js";
import { pureEquilibria } from "../pureEquilibria.js";
import { strategicRegret, strategicRegretExact } from "../regret.js";
import { type BimatrixEquilibrium, vertexEnumeration, vertexEnumerationExact } from "./index.js";

/**
 * Tolerance for the regret of floating-point equilibria, relative to the largest payoff (von
 * Stengel's 75-equilibrium game has payoffs near 3·10⁶, where one rounding is already ~5·10⁻¹⁰).
 */
const REGRET_TOL = 1e-9;
const regretBound = (game: StrategicGame): number =>
  REGRET_TOL * Math.max(1, ...Array.from(game.payoffs, Math.abs));

const key = (e: BimatrixEquilibrium<Rational>): string =>
  e.strategies.flat().map(formatRational).join(",");
const keys = (es: readonly BimatrixEquilibrium<Rational>[]): string[] => es.map(key).sort();

function expectEquilibria(game: StrategicGame): string[] {
  const exact = vertexEnumerationExact(game);
  expect(exact.complete).toBe(true);
  for (const e of exact.equilibria) {
    expect(strategicRegretExact(game, e.strategies).max).toEqual(ZERO);
  }
  const float = vertexEnumeration(game);
  for (const e of float.equilibria) {
    expect(strategicRegret(game, e.strategies).max).toBeLessThanOrEqual(regretBound(game));
  }
  const found = keys(exact.equilibria);
  expect(new Set(found).size).toBe(found.length); // no duplicates
  return found;
}

describe("vertexEnumerationExact: textbook games", () => {
  it("matching pennies: (1/2, 1/2), (1/2, 1/2) only", () => {
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
    expect(expectEquilibria(g)).toEqual(["1/2,1/2,1/2,1/2"]);
    const [e] = vertexEnumeration(g).equilibria;
    expect(e!.strategies[0][0]).toBeCloseTo(0.5, 12);
    expect(e!.strategies[1][1]).toBeCloseTo(0.5, 12);
  });

  it("battle of the sexes: two pure equilibria and (2/3, 1/3), (1/3, 2/3)", () => {
    // reference: von Stengel (2007) §3.2; Gambit's enummixed gives the same three
    const g = bimatrix(
      [
        [2, 0],
        [0, 1],
      ],
      [
        [1, 0],
        [0, 2],
      ],
    );
    expect(expectEquilibria(g)).toEqual(["0,1,0,1", "1,0,1,0", "2/3,1/3,1/3,2/3"]);
  });

  it("a degenerate game with a continuum of equilibria: only the extreme points", () => {
    // A = [[1, 0], [0, 0]], B = [[1, 1], [0, 1]]. Against T the column player is indifferent and
    // T stays a best reply to every y, so (T, y) is an equilibrium for all y; against R the row
    // player is indifferent and R stays a best reply to every x, so (x, R) is one for all x. The
    // equilibrium set is two segments meeting at (T, R); its extreme points are (T, L), (T, R),
    // (B, R) (checked by hand against the best-reply conditions).
    const g = bimatrix(
      [
        [1, 0],
        [0, 0],
      ],
      [
        [1, 1],
        [0, 1],
      ],
    );
    expect(expectEquilibria(g)).toEqual(["0,1,0,1", "1,0,0,1", "1,0,1,0"]);
  });

  it("von Stengel's degenerate 3 × 2 example (AGT 2007, eq. 3.7 with its degenerate B)", () => {
    // reference: lrsnash (lrslib 7.1, Debian) on the same game prints these three
    const g = bimatrix(
      [
        [3, 3],
        [2, 5],
        [0, 6],
      ],
      [
        [3, 2],
        [2, 6],
        [3, 1],
      ],
    );
    expect(expectEquilibria(g)).toEqual(["0,1/3,2/3,1/3,2/3", "1,0,0,1,0", "4/5,1/5,0,2/3,1/3"]);
  });

  it("a zero game: the four pure profiles (as Gambit's enummixed reports)", () => {
    const zero = [
      [0, 0],
      [0, 0],
    ];
    expect(expectEquilibria(bimatrix(zero, zero))).toEqual([
      "0,1,0,1",
      "0,1,1,0",
      "1,0,0,1",
      "1,0,1,0",
    ]);
  });

  it("1 × n and m × 1 games", () => {
    expect(expectEquilibria(bimatrix([[1, 2, 2]], [[3, 1, 3]]))).toEqual(["1,0,0,1", "1,1,0,0"]);
    expect(expectEquilibria(bimatrix([[1], [3]], [[0], [0]]))).toEqual(["0,1,1"]);
  });

  it("label sets over more than one 32-bit word, bases over 52 variables", () => {
    for (const [m, n, seed] of [
      [1, 31, 1],
      [1, 40, 2],
      [3, 33, 3],
      [2, 51, 4],
      [55, 2, 5],
    ] as const) {
      const g = randomIntegerGame(m, n, seed);
      const found = new Set(expectEquilibria(g));
      for (const [i, j] of pureEquilibria(g)) {
        const x = Array.from({ length: m }, (_, s) => (s === i ? "1" : "0"));
        const y = Array.from({ length: n }, (_, s) => (s === j ? "1" : "0"));
        expect(found.has([...x, ...y].join(","))).toBe(true);
      }
      expect(vertexEnumeration(g).equilibria.length).toBe(found.size);
    }
  });

  it("refuses a game without exactly two players", () => {
    const g = strategicGameFromTables(
      [2, 2, 2],
      [Array(8).fill(0), Array(8).fill(0), Array(8).fill(0)],
    );
    expect(() => vertexEnumerationExact(g)).toThrow(/two-player/);
    expect(() => vertexEnumeration(g)).toThrow(/two-player/);
  });

  it("maxSeconds: 0 stops at once with complete: false; onProgress counts equilibria", () => {
    const g = bimatrix(
      [
        [2, 0],
        [0, 1],
      ],
      [
        [1, 0],
        [0, 2],
      ],
    );
    const stopped = vertexEnumerationExact(g, { maxSeconds: 0 });
    expect(stopped.complete).toBe(false);
    expect(stopped.equilibria).toEqual([]);
    const seen: number[] = [];
    const done = vertexEnumeration(g, { onProgress: (found) => seen.push(found) });
    expect(done.complete).toBe(true);
    expect(seen).toEqual([1, 2, 3]);
  });
});

// ---------------------------------------------------------------------------------------------
// An independent oracle: the vertices of P and Q by brute force (every choice of d tight
// constraints, solved by Gaussian elimination in rationals), then the completely labelled pairs.
// Exponential, but independent of the pivoting code and of degeneracy.

/** Vertices ≠ 0 of { z ≥ 0 : Cz ≤ 1 } (C is k × d, entries > 0), each with its tight labels. */
function bruteVertices(c: Rational[][], d: number): { point: Rational[]; tight: number[] }[] {
  const k = c.length;
  // constraint t < d: z_t ≥ 0; constraint d + r: (Cz)_r ≤ 1
  const rowOf = (t: number): { coef: Rational[]; rhs: Rational } =>
    t < d
      ? { coef: Array.from({ length: d }, (_, s) => (s === t ? ONE : ZERO)), rhs: ZERO }
      : { coef: c[t - d]!, rhs: ONE };
  const found = new Map<string, { point: Rational[]; tight: number[] }>();
  const choose = (start: number, picked: number[]): void => {
    if (picked.length === d) {
      const point = solve(picked.map(rowOf), d);
      if (!point || point.every((v) => v.n === 0n)) return;
      const tight: number[] = [];
      for (let t = 0; t < d + k; t++) {
        const { coef, rhs } = rowOf(t);
        let lhs = ZERO;
        for (let s = 0; s < d; s++) lhs = add(lhs, multiply(coef[s]!, point[s]!));
        const cmp = compare(lhs, rhs);
        if (t < d ? cmp < 0 : cmp > 0) return; // infeasible
        if (cmp === 0) tight.push(t);
      }
      found.set(point.map(formatRational).join(","), { point, tight });
      return;
    }
    for (let t = start; t < d + k; t++) choose(t + 1, [...picked, t]);
  };
  choose(0, []);
  return [...found.values()];
}

function solve(rows: { coef: Rational[]; rhs: Rational }[], d: number): Rational[] | null {
  const mat = rows.map((r) => [...r.coef, r.rhs]);
  for (let col = 0; col < d; col++) {
    const p = mat.findIndex((r, i) => i >= col && r[col]!.n !== 0n);
    if (p < 0) return null;
    [mat[col], mat[p]] = [mat[p]!, mat[col]!];
    const pivot = mat[col]!;
    const pv = pivot[col]!;
    for (let j = col; j <= d; j++) pivot[j] = divide(pivot[j]!, pv);
    for (let i = 0; i < d; i++) {
      if (i === col) continue;
      const f = mat[i]![col]!;
      if (f.n === 0n) continue;
      for (let j = col; j <= d; j++) mat[i]![j] = subtract(mat[i]![j]!, multiply(f, pivot[j]!));
    }
  }
  return mat.map((r) => r[d]!);
}

function bruteForceEquilibria(game: StrategicGame): string[] {
  const m = game.strategies[0]!.length;
  const n = game.strategies[1]!.length;
  const exact = game.exactPayoffs!;
  const shifted = (p: number) => {
    let min = exact[p]!;
    for (let k = 0; k < m * n; k++)
      if (compare(exact[2 * k + p]!, min) < 0) min = exact[2 * k + p]!;
    return (i: number, j: number) => add(subtract(exact[2 * (i + m * j) + p]!, min), ONE);
  };
  const a = shifted(0);
  const b = shifted(1);
  // P in x (d = m; labels: x_i → i, row j → m + j); Q in y (d = n; y_j → m + j, row i → i)
  const vp = bruteVertices(
    Array.from({ length: n }, (_, j) => Array.from({ length: m }, (_, i) => b(i, j))),
    m,
  ).map((v) => ({ point: v.point, labels: new Set(v.tight) }));
  const vq = bruteVertices(
    Array.from({ length: m }, (_, i) => Array.from({ length: n }, (_, j) => a(i, j))),
    n,
  ).map((v) => ({ point: v.point, labels: new Set(v.tight.map((t) => (t < n ? m + t : t - n))) }));
  const normalise = (p: Rational[]) => {
    const sum = p.reduce(add, ZERO);
    return p.map((v) => formatRational(divide(v, sum)));
  };
  const out: string[] = [];
  for (const x of vp) {
    for (const y of vq) {
      let all = true;
      for (let l = 0; l < m + n && all; l++) all = x.labels.has(l) || y.labels.has(l);
      if (all) out.push([...normalise(x.point), ...normalise(y.point)].join(","));
    }
  }
  return out.sort();
}

/** Random bimatrix games, including deliberately degenerate ones. */
const arbGame = fc
  .record({
    m: fc.integer({ min: 1, max: 5 }),
    n: fc.integer({ min: 1, max: 5 }),
    range: fc.constantFrom(10, 10, 2, 1),
    kind: fc.constantFrom(
      "random",
      "random",
      "repeatedRow",
      "zeroColumnPlayer",
      "identity",
      "constantColumn",
    ),
  })
  .chain(({ m, n, range, kind }) =>
    fc
      .tuple(
        fc.array(fc.integer({ min: -range, max: range }), { minLength: m * n, maxLength: m * n }),
        fc.array(fc.integer({ min: -range, max: range }), { minLength: m * n, maxLength: m * n }),
        fc.nat(),
      )
      .map(([pa, pb, pick]) => {
        const at = (i: number, j: number) => i + m * j;
        if (kind === "repeatedRow" && m > 1) {
          const src = pick % m;
          const dst = (src + 1) % m;
          for (let j = 0; j < n; j++) {
            pa[at(dst, j)] = pa[at(src, j)]!;
            pb[at(dst, j)] = pb[at(src, j)]!;
          }
        } else if (kind === "zeroColumnPlayer") {
          pb.fill(0);
        } else if (kind === "identity") {
          for (let i = 0; i < m; i++)
            for (let j = 0; j < n; j++) pa[at(i, j)] = pb[at(i, j)] = i === j ? 1 : 0;
        } else if (kind === "constantColumn") {
          const j = pick % n;
          for (let i = 0; i < m; i++) {
            pa[at(i, j)] = 3;
            pb[at(i, j)] = pb[at(0, j)]!;
          }
        }
        return strategicGameFromTables([m, n], [pa, pb]);
      }),
  );

describe("vertexEnumerationExact: properties on random games", () => {
  it("equals brute-force vertex enumeration, including degenerate games", () => {
    fc.assert(
      fc.property(arbGame, (g) => {
        expect(keys(vertexEnumerationExact(g).equilibria)).toEqual(bruteForceEquilibria(g));
      }),
      { seed: 20070101, numRuns: 250 },
    );
  });

  it("contains every pure equilibrium, and every profile has regret 0 (exact) / ≤ 1e-9 (float)", () => {
    fc.assert(
      fc.property(arbGame, (g) => {
        const found = new Set(expectEquilibria(g));
        const [m, n] = [g.strategies[0]!.length, g.strategies[1]!.length];
        for (const [i, j] of pureEquilibria(g)) {
          const x = Array.from({ length: m }, (_, s) => (s === i ? "1" : "0"));
          const y = Array.from({ length: n }, (_, s) => (s === j ? "1" : "0"));
          expect(found.has([...x, ...y].join(","))).toBe(true);
        }
      }),
      { seed: 1992, numRuns: 300 },
    );
  });

  it("floating point agrees with exact on games with random real payoffs (nondegenerate)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        (m, n, seed) => {
          const g = randomRealGame(m, n, seed);
          const exact = vertexEnumerationExact(g).equilibria;
          const float = vertexEnumeration(g).equilibria;
          expect(float.length).toBe(exact.length);
          const round = (xs: readonly number[]) => xs.map((v) => v.toFixed(6)).join(",");
          expect(float.map((e) => round(e.strategies.flat())).sort()).toEqual(
            exact
              .map((e) => round(e.strategies.flat().map((v) => Number(v.n) / Number(v.d))))
              .sort(),
          );
        },
      ),
      { seed: 7, numRuns: 100 },
    );
  });
});

describe("vertexEnumeration: one polytope (lrsnash's method) equals both polytopes", () => {
  /** Larger random games than the brute-force oracle can take, degenerate ones included. */
  const arbLargerGame = fc
    .record({
      m: fc.integer({ min: 1, max: 7 }),
      n: fc.integer({ min: 1, max: 7 }),
      range: fc.constantFrom(10, 10, 3, 1),
      kind: fc.constantFrom("random", "random", "repeatedRow", "repeatedColumn", "constantRow"),
      seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
    })
    .map(({ m, n, range, kind, seed }) => {
      const next = xorshift(seed);
      const draw = () => Math.floor(next() * (2 * range + 1)) - range;
      const pa = Array.from({ length: m * n }, draw);
      const pb = Array.from({ length: m * n }, draw);
      const at = (i: number, j: number) => i + m * j;
      if (kind === "repeatedRow" && m > 1) {
        for (let j = 0; j < n; j++) [pa[at(1, j)], pb[at(1, j)]] = [pa[at(0, j)]!, pb[at(0, j)]!];
      } else if (kind === "repeatedColumn" && n > 1) {
        for (let i = 0; i < m; i++) [pa[at(i, 1)], pb[at(i, 1)]] = [pa[at(i, 0)]!, pb[at(i, 0)]!];
      } else if (kind === "constantRow") {
        for (let j = 0; j < n; j++) pb[at(0, j)] = 2; // the column player is indifferent against row 0
      }
      return strategicGameFromTables([m, n], [pa, pb]);
    });

  it("exact: the same extreme equilibria on 200 random games, degenerate ones included", () => {
    fc.assert(
      fc.property(arbLargerGame, (g) => {
        const one = vertexEnumerationExact(g);
        const both = bothPolytopesExact(g);
        expect(one.enumerated).not.toBe("both");
        expect(both.enumerated).toBe("both");
        expect(keys(one.equilibria)).toEqual(keys(both.equilibria));
        expect(new Set(keys(one.equilibria)).size).toBe(one.equilibria.length);
      }),
      { seed: 2010, numRuns: 200 },
    );
  });

  it("floating point: the same equilibria (to 1e-7) on random games, degenerate ones included", () => {
    fc.assert(
      fc.property(arbLargerGame, (g) => {
        const one = vertexEnumeration(g).equilibria.map((e) => e.strategies.flat());
        const both = bothPolytopesFloat(g).equilibria.map((e) => e.strategies.flat());
        expect(one.length).toBe(both.length);
        const close = (a: readonly number[], b: readonly number[]) =>
          a.every((v, s) => Math.abs(v - b[s]!) <= 1e-7);
        for (const e of one) expect(both.some((f) => close(e, f))).toBe(true);
        for (const e of vertexEnumeration(g).equilibria) {
          expect(strategicRegret(g, e.strategies).max).toBeLessThanOrEqual(regretBound(g));
        }
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it("payoffs beyond 2⁵⁰: the bigint fallback gives the same equilibria as small payoffs", () => {
    for (const [m, n, seed] of [
      [6, 6, 11],
      [5, 8, 12],
      [8, 4, 13],
    ] as const) {
      const g = randomIntegerGame(m, n, seed);
      const expected = keys(vertexEnumerationExact(g).equilibria);
      for (const scale of [2 ** 38, 2 ** 48]) {
        // scaling a player's payoffs by a positive constant keeps the equilibria
        const scaled = strategicGameFromTables(
          [m, n],
          [0, 1].map((p) => Array.from({ length: m * n }, (_, k) => g.payoffs[2 * k + p]! * scale)),
        );
        expect(keys(vertexEnumerationExact(scaled).equilibria)).toEqual(expected);
      }
    }
  });

  it("partnerSolve: solving for the partner gives exactly what the face search gives", () => {
    fc.assert(
      fc.property(arbLargerGame, (g) => {
        for (const [solve, faceOnly] of [
          [vertexEnumerationExact, faceSearchOnlyExact],
          [vertexEnumeration, faceSearchOnlyFloat],
        ] as const) {
          const fast = (solve as typeof vertexEnumeration)(g);
          const slow = (faceOnly as typeof faceSearchOnlyFloat)(g);
          // the same equilibria in the same order, bit for bit (floating point included)
          expect(fast.equilibria).toEqual(slow.equilibria);
          expect(fast.vertices).toEqual(slow.vertices);
          expect(fast.bases).toBe(slow.bases);
          const enumerated = fast.vertices[fast.enumerated as 0 | 1];
          expect(fast.partnerSolves + fast.faceSearches).toBe(enumerated);
          expect([slow.partnerSolves, slow.faceSearches]).toEqual([0, enumerated]);
        }
      }),
      { seed: 2007, numRuns: 200 },
    );
  });

  it("partnerSolve: nondegenerate vertices are solved for, degenerate ones searched", () => {
    // random real payoffs: nondegenerate, every vertex decided by its square system (the exact
    // solver in bigints: the payoffs' common denominator makes the integers huge)
    for (const [m, n, seed] of [
      [6, 6, 3],
      [4, 7, 5],
      [7, 4, 8],
    ] as const) {
      const g = randomRealGame(m, n, seed);
      for (const solve of [vertexEnumerationExact, vertexEnumeration] as const) {
        const r = (solve as typeof vertexEnumeration)(g);
        expect(r.faceSearches).toBe(0);
        expect(r.partnerSolves).toBe(r.vertices[r.enumerated as 0 | 1]);
      }
    }
    // degenerate: against row 1 the column player is indifferent between columns 1 and 3, so
    // x = (1, 0) has three labels in the 2-dimensional P; its partners come from the face search
    const g = bimatrix(
      [
        [3, 2, 0],
        [3, 5, 6],
      ],
      [
        [3, 2, 3],
        [2, 6, 1],
      ],
    );
    for (const solve of [vertexEnumerationExact, vertexEnumeration] as const) {
      const r = (solve as typeof vertexEnumeration)(g);
      expect([r.enumerated, r.partnerSolves, r.faceSearches]).toEqual([0, 1, 2]);
    }
    expect(expectEquilibria(g)).toEqual(keys(bothPolytopesExact(g).equilibria));
    // the continuum game above: x = (1, 0) is degenerate, and x = (0, 1) has the degenerate
    // partner y = (0, 1) (both rows are best replies to it: a tie in the solved system)
    const continuum = bimatrix(
      [
        [1, 0],
        [0, 0],
      ],
      [
        [1, 1],
        [0, 1],
      ],
    );
    const r = vertexEnumerationExact(continuum);
    expect([r.partnerSolves, r.faceSearches, r.equilibria.length]).toEqual([0, 2, 3]);
    // payoffs near 2⁵⁰ (the exact solver in bigints) and near 2⁴³ (doubles overflow the bound at
    // the first pivot, so the solver switches to bigints): the same as the face search
    const h = randomIntegerGame(7, 7, 21);
    for (const scale of [2 ** 38, 2 ** 46]) {
      const scaled = strategicGameFromTables(
        [7, 7],
        [0, 1].map((p) => Array.from({ length: 49 }, (_, k) => h.payoffs[2 * k + p]! * scale)),
      );
      const fast = vertexEnumerationExact(scaled);
      expect(fast.partnerSolves).toBeGreaterThan(0);
      expect(fast.equilibria).toEqual(faceSearchOnlyExact(scaled).equilibria);
    }
  });

  it("maxSeconds stops the one-polytope search cleanly", () => {
    const g = randomIntegerGame(12, 12, 99);
    const stopped = vertexEnumerationExact(g, { maxSeconds: 0.005 });
    expect(stopped.complete).toBe(false);
    const all = new Set(keys(vertexEnumerationExact(g).equilibria));
    for (const k of keys(stopped.equilibria)) expect(all.has(k)).toBe(true);
  });
});

/** A game with integer payoffs in [−10, 10] from a seeded xorshift. */
function randomIntegerGame(m: number, n: number, seed: number): StrategicGame {
  const next = xorshift(seed);
  const pa = Array.from({ length: m * n }, () => Math.floor(next() * 21) - 10);
  const pb = Array.from({ length: m * n }, () => Math.floor(next() * 21) - 10);
  return strategicGameFromTables([m, n], [pa, pb]);
}

function xorshift(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
}

/** A game with uniform real payoffs in [−10, 10) from a seeded xorshift (nondegenerate a.s.). */
function randomRealGame(m: number, n: number, seed: number): StrategicGame {
  const next = xorshift(seed);
  const pa = Array.from({ length: m * n }, () => next() * 20 - 10);
  const pb = Array.from({ length: m * n }, () => next() * 20 - 10);
  return strategicGameFromTables([m, n], [pa, pb]);
}

// ---------------------------------------------------------------------------------------------

const SHARED = fileURLToPath(new URL("../../../../shared/games/gambit/", import.meta.url));
const EXPECTED = join(SHARED, "expected");

function nfgFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return path === EXPECTED ? [] : nfgFiles(path);
    return name.endsWith(".nfg") ? [path] : [];
  });
}

describe.skipIf(!existsSync(EXPECTED))(
  `vertexEnumerationExact equals Gambit's enummixed${skipReason(!existsSync(EXPECTED), GAMBIT_REFERENCES_ABSENT)}`,
  () => {
    const cases = existsSync(EXPECTED)
      ? nfgFiles(SHARED).flatMap((file) => {
          const reference = join(EXPECTED, `${relative(SHARED, file)}.json`);
          if (!existsSync(reference)) return [];
          const expected = (
            JSON.parse(readFileSync(reference, "utf8")) as {
              enummixed?: { status: string; equilibria?: string[][] };
            }
          ).enummixed;
          if (expected?.status !== "ok") return [];
          const game = readNfg(readFileSync(file, "utf8"), file);
          if (game.players.length !== 2) return [];
          return [{ name: relative(SHARED, file), game, equilibria: expected.equilibria! }];
        })
      : [];

    it("covers the two-player reference games", () => {
      expect(cases.length).toBeGreaterThanOrEqual(40);
    });

    it.each(cases.map((c) => [c.name, c] as const))("%s", (_, { game, equilibria }) => {
      // Gambit's list can repeat a profile (csg2, csg4: one per degenerate basis): compare as sets
      const theirs = [...new Set(equilibria.map((e) => e.join(",")))].sort();
      expect(expectEquilibria(game)).toEqual(theirs);
    });
  },
);
