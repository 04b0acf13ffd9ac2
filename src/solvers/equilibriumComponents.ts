import type { Rational } from "../math/rational.js";
import type { BimatrixEquilibrium } from "./vertexEnumeration/index.js";

/**
 * A maximal Nash subset: sets of the row player's and the column player's extreme strategies
 * (indices into {@link EquilibriumComponents}' `rowVertices` / `columnVertices`) such that every
 * pair is an extreme equilibrium, and no strategy can be added to either side. Its convex hull,
 * conv(rows) × conv(columns), lies in the equilibrium set.
 */
export interface NashSubset {
  readonly rows: readonly number[];
  readonly columns: readonly number[];
}

/** A connected component of the set of Nash equilibria, through its extreme equilibria. */
export interface EquilibriumComponent {
  /** Indices of its extreme equilibria in the input list, ascending. */
  readonly equilibria: readonly number[];
  /** Its distinct row and column strategies (indices into `rowVertices` / `columnVertices`). */
  readonly rows: readonly number[];
  readonly columns: readonly number[];
  /** Its maximal Nash subsets; the component is their union. */
  readonly nashSubsets: readonly NashSubset[];
}

/** What {@link equilibriumComponents} returns. */
export interface EquilibriumComponents {
  /** For each distinct row strategy, the index of the first equilibrium that has it. */
  readonly rowVertices: readonly number[];
  /** For each distinct column strategy, the index of the first equilibrium that has it. */
  readonly columnVertices: readonly number[];
  /** Per equilibrium of the input, the index of its row strategy in `rowVertices`. */
  readonly equilibriumRows: readonly number[];
  /** Per equilibrium of the input, the index of its column strategy in `columnVertices`. */
  readonly equilibriumColumns: readonly number[];
  /** The components, ordered by their first equilibrium. */
  readonly components: readonly EquilibriumComponent[];
}

/** Options of {@link equilibriumComponents}. */
export interface EquilibriumComponentsOptions {
  /**
   * For floating-point equilibria: two strategies are the same vertex when no coordinate differs
   * by more than this. Ignored for exact (Rational) equilibria, which are compared exactly.
   * @default 1e-9
   */
  readonly tolerance?: number;
}

/**
 * The connected components and maximal Nash subsets of a two-player game's equilibrium set,
 * from its extreme equilibria (all of them, as {@link vertexEnumerationExact} returns them).
 *
 * Form the bipartite graph whose nodes are the distinct extreme strategies x of the row player
 * and y of the column player, with an edge for each extreme equilibrium (x, y). A maximal Nash
 * subset is a maximal biclique X × Y of this graph: conv X × conv Y is then a maximal convex
 * set of equilibria (Winkels 1979; Jansen 1981), and the equilibrium set is the union of these
 * products. Two of them intersect iff they share a vertex, so the equilibrium set's connected
 * components are the connected components of the graph (Avis, Rosenberg, Savani & von Stengel
 * 2010, §5). Bicliques are found as the closure under intersection of the neighbourhoods N(x)
 * within each component: the column sides of the maximal bicliques are exactly the nonempty
 * intersections of neighbourhoods, and each one's row side is its common neighbourhood (the
 * closure can be exponential, as the number of maximal bicliques can; fine for the degenerate
 * games where components are not single points). A nondegenerate game has only single-point
 * components.
 *
 * Vertices are identified by their normalised strategy vectors: exact equality for Rational
 * equilibria, coordinates within `tolerance` for numbers. (Distinct vertices of a best-response
 * polytope normalise to distinct strategies, as the polytope contains 0.)
 *
 * Sources: D. Avis, G. Rosenberg, R. Savani and B. von Stengel, "Enumeration of Nash equilibria
 * for two-player games", Economic Theory 42 (2010), §5; H.-M. Winkels, "An algorithm to determine
 * all equilibrium points of a bimatrix game", in Game Theory and Related Topics (1979).
 *
 * @param equilibria - all extreme equilibria of the game (fewer give components of a subgraph)
 * @example
 * // A = [[1, 1], [0, 0]], B = [[1, 1], [0, 0]]: (T, y) for every y is an equilibrium
 * equilibriumComponents(vertexEnumerationExact(game).equilibria).components
 * // => [{ equilibria: [0, 1], rows: [0], columns: [0, 1], nashSubsets: [{ rows: [0], columns: [0, 1] }] }]
 */
export function equilibriumComponents(
  equilibria: readonly BimatrixEquilibrium<Rational>[] | readonly BimatrixEquilibrium<number>[],
  options: EquilibriumComponentsOptions = {},
): EquilibriumComponents {
  const { tolerance = 1e-9 } = options;
  const list = equilibria as readonly BimatrixEquilibrium<Rational | number>[];
  const rowOf = vertexIndex(
    list.map((e) => e.strategies[0]),
    tolerance,
  );
  const columnOf = vertexIndex(
    list.map((e) => e.strategies[1]),
    tolerance,
  );
  const rowVertices = firstOccurrences(rowOf.index, rowOf.count);
  const columnVertices = firstOccurrences(columnOf.index, columnOf.count);
  // union–find over rows (0..R−1) and columns (R..R+C−1), joined by the equilibria
  const parent = Int32Array.from({ length: rowOf.count + columnOf.count }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  list.forEach((_, e) => {
    const a = find(rowOf.index[e]!);
    const b = find(rowOf.count + columnOf.index[e]!);
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  });
  const byRoot = new Map<number, number[]>();
  list.forEach((_, e) => {
    const root = find(rowOf.index[e]!);
    const members = byRoot.get(root);
    if (members) members.push(e);
    else byRoot.set(root, [e]);
  });
  const components = [...byRoot.values()].map((members) =>
    component(members, rowOf.index, columnOf.index),
  );
  return {
    rowVertices,
    columnVertices,
    equilibriumRows: Array.from(rowOf.index),
    equilibriumColumns: Array.from(columnOf.index),
    components,
  };
}

/** Numbers each distinct vector (in order of first appearance): per vector its index, and the count. */
function vertexIndex(
  vectors: readonly (readonly (Rational | number)[])[],
  tolerance: number,
): { index: Int32Array; count: number } {
  const index = new Int32Array(vectors.length);
  const keys = new Map<string, number>();
  const floats: (readonly number[])[] = [];
  vectors.forEach((v, e) => {
    if (v.length > 0 && typeof v[0] !== "number") {
      const key = (v as readonly Rational[]).map((r) => `${r.n}/${r.d}`).join(",");
      let id = keys.get(key);
      if (id === undefined) {
        id = keys.size;
        keys.set(key, id);
      }
      index[e] = id;
      return;
    }
    const x = v as readonly number[];
    let id = floats.findIndex((y) => x.every((value, s) => Math.abs(value - y[s]!) <= tolerance));
    if (id < 0) {
      id = floats.length;
      floats.push(x);
    }
    index[e] = id;
  });
  return { index, count: keys.size + floats.length };
}

function firstOccurrences(index: Int32Array, count: number): number[] {
  const first = new Array<number>(count).fill(-1);
  index.forEach((id, e) => {
    if (first[id] === -1) first[id] = e;
  });
  return first;
}

/** One component from its equilibria: its vertices and its maximal bicliques. */
function component(
  members: readonly number[],
  rowIndex: Int32Array,
  columnIndex: Int32Array,
): EquilibriumComponent {
  const rows = [...new Set(members.map((e) => rowIndex[e]!))].sort((a, b) => a - b);
  const columns = [...new Set(members.map((e) => columnIndex[e]!))].sort((a, b) => a - b);
  // neighbourhoods as bit sets over the component's columns (local positions)
  const position = new Map(columns.map((c, p) => [c, p]));
  const words = Math.ceil(columns.length / 32);
  const neighbours = rows.map(() => new Uint32Array(words));
  const rowPosition = new Map(rows.map((r, p) => [r, p]));
  for (const e of members) {
    const p = position.get(columnIndex[e]!)!;
    neighbours[rowPosition.get(rowIndex[e]!)!]![p >>> 5]! |= 1 << (p & 31);
  }
  // closure of the neighbourhoods under intersection (all are nonempty within a component)
  const key = (set: Uint32Array) => set.join(",");
  const closed = new Map<string, Uint32Array>();
  let frontier: Uint32Array[] = [];
  for (const set of neighbours) {
    if (!closed.has(key(set))) {
      closed.set(key(set), set);
      frontier.push(set);
    }
  }
  while (frontier.length > 0) {
    const found: Uint32Array[] = [];
    for (const set of frontier) {
      for (const other of neighbours) {
        const meet = set.map((word, w) => word & other[w]!);
        if (meet.every((word) => word === 0) || closed.has(key(meet))) continue;
        closed.set(key(meet), meet);
        found.push(meet);
      }
    }
    frontier = found;
  }
  const has = (set: Uint32Array, p: number) => ((set[p >>> 5]! >>> (p & 31)) & 1) === 1;
  const subset = (a: Uint32Array, b: Uint32Array) => a.every((word, w) => (word & ~b[w]!) === 0);
  const nashSubsets = [...closed.values()]
    .map((set) => ({
      rows: rows.filter((_, q) => subset(set, neighbours[q]!)),
      columns: columns.filter((_, p) => has(set, p)),
    }))
    .sort((a, b) => compareLists(a.rows, b.rows) || compareLists(a.columns, b.columns));
  return { equilibria: [...members].sort((a, b) => a - b), rows, columns, nashSubsets };
}

function compareLists(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}
