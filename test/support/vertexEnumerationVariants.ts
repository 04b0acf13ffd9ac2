/**
 * Variants of vertex enumeration kept for cross-checking the production search, in test code
 * only: the earlier method that enumerates both polytopes and matches label sets, and the
 * one-polytope search without the direct partner solve (every partner found by a face search).
 */
import type { StrategicGame } from "../../src/games/strategicGame.js";
import type { Rational } from "../../src/math/rational.js";
import {
  exactPolytopes,
  floatPolytopes,
  type Polytopes,
} from "../../src/solvers/vertexEnumeration/bimatrixPolytopes.js";
import { ExactTableau } from "../../src/solvers/vertexEnumeration/exactTableau.js";
import { FloatTableau } from "../../src/solvers/vertexEnumeration/floatTableau.js";
import {
  normaliseExact,
  normaliseFloat,
  searchEquilibria,
} from "../../src/solvers/vertexEnumeration/searchEquilibria.js";
import type { VertexEnumerationResult } from "../../src/solvers/vertexEnumeration/vertexEnumeration.js";
import {
  type Vertex,
  vertices,
  wholeSpace,
} from "../../src/solvers/vertexEnumeration/vertexSearch.js";
import type { MakeTableau } from "../../src/solvers/vertexEnumeration/vertexTableau.js";

/**
 * The earlier method: enumerate both polytopes alternately and match each new vertex against the
 * other polytope's vertices found so far (complete labelling).
 */
function bothPolytopes<V, T>(
  game: Polytopes,
  make: MakeTableau<V>,
  deadline: number,
  onProgress: ((found: number) => void) | undefined,
  zero: V,
  normalise: (values: readonly V[]) => T[],
): Omit<VertexEnumerationResult<T>, "components"> {
  const { m, n } = game;
  const words = Math.ceil((m + n) / 32);
  const full = new Uint32Array(words);
  for (let label = 0; label < m + n; label++) full[label >>> 5]! |= 1 << (label & 31);
  // P: x_i → label i, s_j → m + j; Q: y_j → m + j, r_i → label i
  const spaceP = wholeSpace(m, n);
  const spaceQ = {
    ...wholeSpace(n, m),
    labelOf: Int32Array.from({ length: n + m }, (_, v) => (v < n ? m + v : v - n)),
  };
  const counter = { bases: 0 };
  const streams = [
    vertices(make(game.p, null), spaceP, zero, counter),
    vertices(make(game.q, null), spaceQ, zero, counter),
  ] as const;
  const found: [Vertex<V>[], Vertex<V>[]] = [[], []];
  const masks = [new LabelSets(words), new LabelSets(words)] as const;
  const pairs: [Vertex<V>, Vertex<V>][] = [];
  const done = [false, false];
  let complete = true;
  for (let steps = 0; !(done[0] && done[1]); steps++) {
    if ((steps & 15) === 0 && performance.now() > deadline) {
      complete = false;
      break;
    }
    for (const side of [0, 1] as const) {
      if (done[side]) continue;
      const step = streams[side].next();
      if (step.done) {
        done[side] = true;
        continue;
      }
      const v = step.value;
      if (!v) continue;
      found[side].push(v);
      masks[side].push(v.labels);
      const other = side === 0 ? 1 : 0;
      masks[other].forEachComplement(v.labels, full, (index) => {
        const mate = found[other][index]!;
        pairs.push(side === 0 ? [v, mate] : [mate, v]);
        onProgress?.(pairs.length);
      });
    }
  }
  return {
    equilibria: pairs.map(([x, y]) => ({ strategies: [normalise(x.values), normalise(y.values)] })),
    complete,
    vertices: [found[0].length, found[1].length],
    bases: counter.bases,
    enumerated: "both",
    partnerSolves: 0,
    faceSearches: 0,
  };
}

/** Label sets of the vertices found so far, packed in one growable typed array for fast scans. */
export class LabelSets {
  private data: Uint32Array;
  private count = 0;

  constructor(private readonly words: number) {
    this.data = new Uint32Array(64 * words);
  }

  push(labels: Uint32Array): void {
    if ((this.count + 1) * this.words > this.data.length) {
      const grown = new Uint32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data.set(labels, this.count * this.words);
    this.count++;
  }

  /** Calls `found(index)` for each stored set S with S ∪ labels = full (complete labelling). */
  forEachComplement(labels: Uint32Array, full: Uint32Array, found: (index: number) => void): void {
    const { data, words, count } = this;
    if (words === 1) {
      const x = labels[0]!;
      const all = full[0]!;
      for (let k = 0; k < count; k++) if ((data[k]! | x) >>> 0 === all) found(k);
      return;
    }
    for (let k = 0; k < count; k++) {
      let ok = true;
      for (let w = 0; w < words && ok; w++)
        ok = (data[k * words + w]! | labels[w]!) >>> 0 === full[w]!;
      if (ok) found(k);
    }
  }
}

/** All extreme equilibria by the both-polytopes method, exactly. */
export function bothPolytopesExact(
  game: StrategicGame,
): Omit<VertexEnumerationResult<Rational>, "components"> {
  return bothPolytopes(
    exactPolytopes(game),
    (c, cols) => new ExactTableau(c, cols),
    Number.POSITIVE_INFINITY,
    undefined,
    0n,
    normaliseExact,
  );
}

/** All extreme equilibria by the both-polytopes method, in doubles. */
export function bothPolytopesFloat(
  game: StrategicGame,
): Omit<VertexEnumerationResult<number>, "components"> {
  return bothPolytopes(
    floatPolytopes(game),
    (c, cols) => new FloatTableau(c, cols),
    Number.POSITIVE_INFINITY,
    undefined,
    0,
    normaliseFloat,
  );
}

/** The one-polytope search with every partner found by a face search (no direct solve), exactly. */
export function faceSearchOnlyExact(
  game: StrategicGame,
): Omit<VertexEnumerationResult<Rational>, "components"> {
  return searchEquilibria(
    exactPolytopes(game),
    (c, cols) => new ExactTableau(c, cols),
    null,
    {},
    0n,
    normaliseExact,
  );
}

/** The one-polytope search with every partner found by a face search, in doubles. */
export function faceSearchOnlyFloat(
  game: StrategicGame,
): Omit<VertexEnumerationResult<number>, "components"> {
  return searchEquilibria(
    floatPolytopes(game),
    (c, cols) => new FloatTableau(c, cols),
    null,
    {},
    0,
    normaliseFloat,
  );
}
