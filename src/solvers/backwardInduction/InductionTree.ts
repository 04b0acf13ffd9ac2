import { LinkageError } from "../../errors/LinkageError.js";
import { type ExtensiveGame, PERSONAL } from "../../games/extensiveGame.js";

/** The candidate list of a node with a single value: `null` stands for that value. */
export const SINGLE: readonly null[] = [null];

/** Most distinct equilibrium payoff vectors tracked at one node before refusing. */
export const MAX_VALUE_VECTORS = 100_000;

/**
 * What backward induction's passes share: the tree (as the game's arrays), the tolerance for
 * ties, and what pass 1 finds — each node's first equilibrium value vector in `value` (and all of
 * them in `extra` where there are several), the unique choice of each personal node where there is
 * one, and which subgames are `simple` (one equilibrium, no ties below) — then the choices the
 * later passes write into `current`.
 */
export interface InductionTree {
  readonly game: ExtensiveGame;
  readonly nPlayers: number;
  readonly nodeKind: Uint8Array;
  readonly childStart: Int32Array;
  readonly children: Int32Array;
  readonly nodeInfoset: Int32Array;
  readonly nodeOutcome: Int32Array;
  readonly outcomePayoffs: Float64Array;
  /** Payoffs closer than this are ties. */
  readonly tol: number;
  /** Each chance information set's probabilities as doubles (null for players' sets). */
  readonly probabilities: readonly (Float64Array | null)[];
  readonly value: Float64Array;
  readonly choice: Int32Array;
  readonly extra: Map<number, Float64Array[]>;
  readonly simple: Uint8Array;
  /** Live views into `value`, made once per node that needs one. */
  readonly views: (Float64Array[] | undefined)[];
  /** The action chosen at each personal node by the equilibrium being written. */
  readonly current: Int32Array;
}

/** The value vectors of node v: the first one as a live view into `value`, or all of them. */
export function vectorsOf(s: InductionTree, v: number): Float64Array[] {
  const many = s.extra.get(v);
  if (many) return many;
  let view = s.views[v];
  if (!view) {
    view = [s.value.subarray(v * s.nPlayers, (v + 1) * s.nPlayers)];
    s.views[v] = view;
  }
  return view;
}

/** Are two payoff vectors equal within the tolerance? */
export function same(s: InductionTree, u: ArrayLike<number>, w: ArrayLike<number>): boolean {
  for (let p = 0; p < s.nPlayers; p++) if (Math.abs(u[p]! - w[p]!) > s.tol) return false;
  return true;
}

/** The vectors without repeats (equal within the tolerance), first occurrences kept. */
export function distinct(s: InductionTree, vectors: Float64Array[]): Float64Array[] {
  const out: Float64Array[] = [];
  for (const w of vectors) if (!out.some((u) => same(s, u, w))) out.push(w);
  return out;
}

/** Refuses a node with more than {@link MAX_VALUE_VECTORS} equilibrium payoff vectors below it. */
export function tooManyValueVectors(v: number): never {
  throw new LinkageError(
    "E_INPUT",
    `backward induction: more than ${MAX_VALUE_VECTORS} distinct equilibrium payoff vectors below node ${v}; the game has too many ties to enumerate every subgame-perfect equilibrium`,
  );
}

/** Writes the unique equilibrium choices of a simple subgame into `current` (iteratively). */
export function fillSimple(s: InductionTree, root: number): void {
  const stack = [root];
  while (stack.length > 0) {
    const v = stack.pop()!;
    if (s.nodeKind[v] === PERSONAL) s.current[v] = s.choice[v]!;
    for (let k = s.childStart[v]!; k < s.childStart[v + 1]!; k++) stack.push(s.children[k]!);
  }
}
