import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bimatrix } from "../../test/support/bimatrix.js";
import { GAMBIT_GAMES_ABSENT } from "../../test/support/gambitReferenceFiles.js";
import { skipReason } from "../../test/support/skipReason.js";
import { readNfg } from "../games/gambit/readNfg.js";
import type { StrategicGame } from "../games/strategicGame.js";
import { strategicGameFromTables } from "../games/strategicGameFromTables.js";
import { add, compare, multiply, type Rational, ZERO } from "../math/rational.js";
import { type EquilibriumComponents, equilibriumComponents } from "./equilibriumComponents.js";
import {
  type BimatrixEquilibrium,
  vertexEnumeration,
  vertexEnumerationExact,
} from "./vertexEnumeration/index.js";

const text = (s: readonly (Rational | number)[]) =>
  s.map((v) => (typeof v === "number" ? v.toFixed(6) : `${v.n}/${v.d}`)).join(",");

/** Components in a canonical, readable form: Nash subsets as [row strategies, column strategies]. */
function describe2(
  equilibria: readonly BimatrixEquilibrium<Rational | number>[],
  result: EquilibriumComponents,
): string[][][] {
  const row = (r: number) => text(equilibria[result.rowVertices[r]!]!.strategies[0]);
  const col = (c: number) => text(equilibria[result.columnVertices[c]!]!.strategies[1]);
  return result.components
    .map((comp) =>
      comp.nashSubsets
        .map((s) => [s.rows.map(row).sort().join(" "), s.columns.map(col).sort().join(" ")])
        .sort((a, b) => a.join("|").localeCompare(b.join("|"))),
    )
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

/** The structural properties every result must have, given all extreme equilibria. */
function checkInvariants(
  equilibria: readonly BimatrixEquilibrium<Rational | number>[],
  result: EquilibriumComponents,
): void {
  const rowOf = (e: number) =>
    result.rowVertices.findIndex(
      (r) => text(equilibria[r]!.strategies[0]) === text(equilibria[e]!.strategies[0]),
    );
  const colOf = (e: number) =>
    result.columnVertices.findIndex(
      (c) => text(equilibria[c]!.strategies[1]) === text(equilibria[e]!.strategies[1]),
    );
  const edges = new Set(equilibria.map((_, e) => `${rowOf(e)}:${colOf(e)}`));
  expect(edges.size).toBe(equilibria.length);
  // the components partition the equilibria
  const all = result.components.flatMap((c) => c.equilibria).sort((a, b) => a - b);
  expect(all).toEqual(equilibria.map((_, e) => e));
  for (const comp of result.components) {
    const covered = new Set<string>();
    for (const s of comp.nashSubsets) {
      // every pair is an equilibrium of the component
      for (const r of s.rows) for (const c of s.columns) covered.add(`${r}:${c}`);
      // maximal: no other row (column) of the component is joined to all columns (rows)
      for (const r of comp.rows) {
        if (!s.rows.includes(r)) {
          expect(s.columns.every((c) => edges.has(`${r}:${c}`))).toBe(false);
        }
      }
      for (const c of comp.columns) {
        if (!s.columns.includes(c)) {
          expect(s.rows.every((r) => edges.has(`${r}:${c}`))).toBe(false);
        }
      }
    }
    for (const key of covered) expect(edges.has(key)).toBe(true);
    // the Nash subsets cover the component's equilibria
    expect(covered.size).toBe(comp.equilibria.length);
    for (const e of comp.equilibria) expect(covered.has(`${rowOf(e)}:${colOf(e)}`)).toBe(true);
  }
}

function exactAndFloat(game: StrategicGame) {
  const exact = vertexEnumerationExact(game).equilibria;
  const float = vertexEnumeration(game).equilibria;
  const e = equilibriumComponents(exact);
  const f = equilibriumComponents(float);
  checkInvariants(exact, e);
  checkInvariants(float, f);
  expect(f.components.length).toBe(e.components.length);
  return { exact, components: e };
}

describe("equilibriumComponents", () => {
  it("a nondegenerate game: one single-point component per equilibrium", () => {
    // battle of the sexes
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
    const { exact, components } = exactAndFloat(g);
    expect(components.components).toHaveLength(3);
    for (const c of components.components) {
      expect(c.equilibria).toHaveLength(1);
      expect(c.nashSubsets).toEqual([{ rows: c.rows, columns: c.columns }]);
    }
    expect(describe2(exact, components)).toHaveLength(3);
  });

  it("a row of identical payoffs for the column player: a segment of equilibria", () => {
    // T strictly dominates B; against T the column player is indifferent: (T, y) for every y
    const g = bimatrix(
      [
        [1, 1],
        [0, 0],
      ],
      [
        [1, 1],
        [0, 0],
      ],
    );
    const { exact, components } = exactAndFloat(g);
    expect(components.components).toHaveLength(1);
    expect(components.components[0]!.equilibria).toEqual([0, 1]);
    expect(describe2(exact, components)).toEqual([[["1/1,0/1", "0/1,1/1 1/1,0/1"]]]);
  });

  it("two segments meeting at a vertex: one component, two maximal Nash subsets", () => {
    // A = [[1, 0], [0, 0]], B = [[1, 1], [0, 1]]: equilibria {T} × [L, R] and [T, B] × {R}
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
    const { exact, components } = exactAndFloat(g);
    expect(components.components).toHaveLength(1);
    expect(describe2(exact, components)).toEqual([
      [
        ["0/1,1/1 1/1,0/1", "0/1,1/1"],
        ["1/1,0/1", "0/1,1/1 1/1,0/1"],
      ],
    ]);
  });

  it("a zero game: the whole strategy space, one Nash subset of all pure profiles", () => {
    const zero = [
      [0, 0, 0],
      [0, 0, 0],
    ];
    const { components } = exactAndFloat(bimatrix(zero, zero));
    expect(components.components).toHaveLength(1);
    expect(components.components[0]!.nashSubsets).toEqual([{ rows: [0, 1], columns: [0, 1, 2] }]);
  });

  it("two separate components: a point and a segment", () => {
    // coordination with an indifferent third column for the row player's second strategy
    const g = bimatrix(
      [
        [3, 0, 0],
        [0, 2, 2],
      ],
      [
        [3, 0, 0],
        [0, 1, 1],
      ],
    );
    const { exact, components } = exactAndFloat(g);
    const sizes = components.components.map((c) => c.equilibria.length).sort();
    expect(sizes).toEqual([1, 2, 2]);
    expect(describe2(exact, components)).toContainEqual([["0/1,1/1", "0/1,0/1,1/1 0/1,1/1,0/1"]]);
  });

  it("vertexEnumeration returns the components when asked", () => {
    const g = bimatrix(
      [
        [1, 1],
        [0, 0],
      ],
      [
        [1, 1],
        [0, 0],
      ],
    );
    expect(vertexEnumerationExact(g).components).toBeUndefined();
    expect(vertexEnumerationExact(g, { components: true }).components?.components).toHaveLength(1);
    expect(vertexEnumeration(g, { components: true }).components?.components).toHaveLength(1);
  });

  it("random games with real payoffs (nondegenerate): only single-point components", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.double({ min: -10, max: 10, noNaN: true }), {
          minLength: 50,
          maxLength: 50,
        }),
        (m, n, values) => {
          const pa = values.slice(0, m * n);
          const pb = values.slice(25, 25 + m * n);
          if (new Set([...pa, ...pb]).size < pa.length + pb.length) return; // ties: skip
          const g = strategicGameFromTables([m, n], [pa, pb]);
          const result = equilibriumComponents(vertexEnumerationExact(g).equilibria);
          for (const c of result.components) expect(c.equilibria).toHaveLength(1);
        },
      ),
      { seed: 2010, numRuns: 100 },
    );
  });
});

// ---------------------------------------------------------------------------------------------

const SHARED = fileURLToPath(new URL("../../../shared/games/gambit/", import.meta.url));

function nfgFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "expected" ? [] : nfgFiles(path);
    return name.endsWith(".nfg") ? [path] : [];
  });
}

/**
 * Whether one player's strategy s has more pure best responses of the other player than its
 * support size: the witness of degeneracy that any extreme equilibrium with two partners has.
 */
function degenerateAt(game: StrategicGame, player: 0 | 1, s: readonly Rational[]): boolean {
  const m = game.strategies[0]!.length;
  const n = game.strategies[1]!.length;
  const exact = game.exactPayoffs!;
  const other = player === 0 ? n : m;
  const payoff = (k: number) => {
    let sum = ZERO;
    s.forEach((p, l) => {
      const [i, j] = player === 0 ? [l, k] : [k, l];
      sum = add(sum, multiply(p, exact[2 * (i + m * j) + (1 - player)]!));
    });
    return sum;
  };
  const values = Array.from({ length: other }, (_, k) => payoff(k));
  const best = values.reduce((a, b) => (compare(a, b) >= 0 ? a : b));
  const replies = values.filter((v) => compare(v, best) === 0).length;
  return replies > s.filter((p) => p.n !== 0n).length;
}

describe.skipIf(!existsSync(SHARED))(
  `equilibriumComponents on Gambit's reference games${skipReason(!existsSync(SHARED), GAMBIT_GAMES_ABSENT)}`,
  () => {
    const games = existsSync(SHARED)
      ? nfgFiles(SHARED).flatMap((file) => {
          const game = readNfg(readFileSync(file, "utf8"), file);
          return game.players.length === 2 && game.exactPayoffs
            ? [[relative(SHARED, file), game] as const]
            : [];
        })
      : [];

    it("covers the two-player reference games", () => {
      expect(games.length).toBeGreaterThanOrEqual(40);
    });

    it.each(games)("%s: sound components; nontrivial ones only in degenerate games", (_, g) => {
      const equilibria = vertexEnumerationExact(g).equilibria;
      const result = equilibriumComponents(equilibria);
      checkInvariants(equilibria, result);
      for (const c of result.components) {
        if (c.equilibria.length === 1) continue;
        // a continuum of equilibria: some extreme strategy in it has more best replies than support
        const witness =
          c.rows.some((r) =>
            degenerateAt(g, 0, equilibria[result.rowVertices[r]!]!.strategies[0]),
          ) ||
          c.columns.some((col) =>
            degenerateAt(g, 1, equilibria[result.columnVertices[col]!]!.strategies[1]),
          );
        expect(witness).toBe(true);
      }
    });
  },
);
