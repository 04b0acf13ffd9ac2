import { type Rational, rational } from "../../math/rational.js";
import type { Matrix, Polytopes } from "./bimatrixPolytopes.js";
import type { PartnerSolver } from "./partnerSolver.js";
import { EMPTY, partners } from "./partners.js";
import type { VertexEnumerationOptions, VertexEnumerationResult } from "./vertexEnumeration.js";
import { labelKey, type Vertex, vertices, wholeSpace } from "./vertexSearch.js";
import type { MakeTableau } from "./vertexTableau.js";

/**
 * The search behind {@link vertexEnumeration} and {@link vertexEnumerationExact}: the vertices of
 * the smaller player's best-response polytope, enumerated by lexicographic reverse search, and
 * for each its partners in the other polytope — decided by `makeSolver`'s square system when the
 * vertex is nondegenerate, else (or when `makeSolver` is null) found by searching a face.
 */
export function searchEquilibria<V, T>(
  game: Polytopes,
  make: MakeTableau<V>,
  makeSolver: ((c: Matrix) => PartnerSolver) | null,
  options: VertexEnumerationOptions,
  zero: V,
  normalise: (values: readonly V[]) => T[],
): Omit<VertexEnumerationResult<T>, "components"> {
  const { maxSeconds = Infinity, onProgress } = options;
  const deadline = performance.now() + maxSeconds * 1000;
  // enumerate the polytope of the player with fewer strategies: z in it, w in the other
  const swap = game.m > game.n;
  const d = swap ? game.n : game.m;
  const k = swap ? game.m : game.n;
  const primary = swap ? game.q : game.p;
  const partner = swap ? game.p : game.q;
  const space = wholeSpace(d, k);
  const counter = { bases: 0 };
  const stream = vertices(make(primary, null), space, zero, counter);
  const face = make(partner, EMPTY);
  const solver = makeSolver ? makeSolver(partner) : null;
  const stats = { partnerSolves: 0, faceSearches: 0 };
  const clock = { steps: 0, stopped: false };
  const expired = (): boolean => {
    if ((clock.steps++ & 15) === 0 && performance.now() > deadline) clock.stopped = true;
    return clock.stopped;
  };
  const partnerLabels = new Set<number | string>();
  const pairs: [Vertex<V>, Vertex<V>][] = [];
  let count = 0;
  for (;;) {
    if (expired()) break;
    const step = stream.next();
    if (step.done) break;
    const z = step.value;
    if (!z) continue;
    count++;
    for (const w of partners(z, d, k, face, solver, zero, counter, stats, expired)) {
      partnerLabels.add(labelKey(w.labels));
      pairs.push([z, w]);
      onProgress?.(pairs.length);
    }
  }
  return {
    equilibria: pairs.map(([z, w]) => {
      const [x, y] = swap ? [w, z] : [z, w];
      return { strategies: [normalise(x.values), normalise(y.values)] };
    }),
    complete: !clock.stopped,
    vertices: swap ? [partnerLabels.size, count] : [count, partnerLabels.size],
    bases: counter.bases,
    enumerated: swap ? 1 : 0,
    ...stats,
  };
}

export function normaliseExact(values: readonly bigint[]): Rational[] {
  let sum = 0n;
  for (const v of values) sum += v;
  return values.map((v) => rational(v, sum));
}

export function normaliseFloat(values: readonly number[]): number[] {
  let sum = 0;
  for (const v of values) sum += v;
  return values.map((v) => v / sum);
}
