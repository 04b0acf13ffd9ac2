import { LinkageError } from "../errors/LinkageError.js";
import { behaviourLayout } from "../games/behaviourLayout.js";
import { CHANCE, type ExtensiveGame, PERSONAL } from "../games/extensiveGame.js";
import { toNumber } from "../math/rational.js";

export interface BackwardInductionOptions {
  /** Stop after this many equilibria (ties can make their number explode). @default 1000 */
  readonly maxEquilibria?: number;
  /** Payoffs closer than this, relative to the game's payoff scale, are ties. @default 1e-12 */
  readonly tolerance?: number;
}

export interface BackwardInductionResult {
  /** Every subgame-perfect equilibrium in pure behaviour strategies, as 0/1 behaviour profiles in Gambit's order. */
  readonly equilibria: Float64Array[];
  /** Expected payoff per player of each equilibrium. */
  readonly payoffs: Float64Array[];
  /** True when there were more equilibria than `maxEquilibria`. */
  readonly truncated: boolean;
}

/** Most distinct equilibrium payoff vectors tracked at one node before refusing. */
const MAX_VALUE_VECTORS = 100_000;

/**
 * All subgame-perfect equilibria in pure behaviour strategies of a game of perfect information
 * (every personal information set is a single node), with chance nodes, by backward induction
 * (Kuhn 1953; Zermelo).
 *
 * Pass 1 walks the nodes in reverse depth-first order (children before parents) and computes, for
 * each node, the set of payoff vectors that subgame-perfect play below it can give. A mover can
 * choose action a with continuation w when w is at least as good for it as the worst continuation
 * of every other action, so ties and the other subgames' own multiplicity are both accounted for.
 * Pass 2 enumerates the profiles behind each vector. When there are no ties anywhere (the generic
 * case) pass 2 is skipped: the argmax at each node is the unique equilibrium, in O(nodes·players).
 *
 * @throws {LinkageError} E_INPUT when the game does not have perfect information
 */
export function backwardInduction(
  game: ExtensiveGame,
  { maxEquilibria = 1000, tolerance = 1e-12 }: BackwardInductionOptions = {},
): BackwardInductionResult {
  assertPerfectInformation(game);
  const nPlayers = game.players.length;
  const n = game.nodeKind.length;
  const { nodeKind, childStart, children, nodeInfoset, nodeOutcome, outcomePayoffs } = game;
  let scale = 1;
  for (const x of outcomePayoffs) scale = Math.max(scale, Math.abs(x));
  const tol = tolerance * scale;
  const probabilities = game.infosets.map((set) =>
    set.probabilities ? Float64Array.from(set.probabilities, toNumber) : null,
  );

  // pass 1: first value vector per node in `value`; nodes with several keep them all in `extra`
  const value = new Float64Array(n * nPlayers);
  const choice = new Int32Array(n).fill(-1);
  const extra = new Map<number, Float64Array[]>();
  let unique = true;
  const vectorsOf = (v: number): Float64Array[] =>
    extra.get(v) ?? [value.subarray(v * nPlayers, (v + 1) * nPlayers)];

  for (let v = n - 1; v >= 0; v--) {
    const kind = nodeKind[v]!;
    const base = v * nPlayers;
    const o = nodeOutcome[v]!;
    const first = childStart[v]!;
    const count = childStart[v + 1]! - first;
    if (kind === PERSONAL) {
      const player = game.infosets[nodeInfoset[v]!]!.player;
      let best = 0;
      let bestValue = Number.NEGATIVE_INFINITY;
      let tie = false;
      for (let a = 0; a < count; a++) {
        const c = children[first + a]!;
        if (extra.has(c)) tie = true;
        const x = value[c * nPlayers + player]!;
        if (x > bestValue + tol) {
          best = a;
          bestValue = x;
        } else if (x >= bestValue - tol) tie = true;
      }
      if (!tie) {
        const c = children[first + best]!;
        for (let p = 0; p < nPlayers; p++) value[base + p] = value[c * nPlayers + p]!;
        choice[v] = best;
      } else {
        unique = false;
        const kept = personalVectors(v, player);
        setVectors(v, kept);
      }
    } else if (kind === CHANCE) {
      const probs = probabilities[nodeInfoset[v]!]!;
      let single = true;
      for (let a = 0; a < count; a++) if (extra.has(children[first + a]!)) single = false;
      if (single) {
        for (let p = 0; p < nPlayers; p++) {
          let sum = 0;
          for (let a = 0; a < count; a++)
            sum += probs[a]! * value[children[first + a]! * nPlayers + p]!;
          value[base + p] = sum;
        }
      } else {
        unique = false;
        let mixes: Float64Array[] = [new Float64Array(nPlayers)];
        for (let a = 0; a < count; a++) {
          const next: Float64Array[] = [];
          for (const partial of mixes) {
            for (const w of vectorsOf(children[first + a]!)) {
              next.push(partial.map((x, p) => x + probs[a]! * w[p]!));
            }
          }
          mixes = distinct(next);
          if (mixes.length > MAX_VALUE_VECTORS) tooMany(v);
        }
        setVectors(v, mixes);
      }
    }
    if (o >= 0) {
      for (let p = 0; p < nPlayers; p++) value[base + p]! += outcomePayoffs[o * nPlayers + p]!;
      const many = extra.get(v);
      if (many)
        for (const w of many)
          for (let p = 0; p < nPlayers; p++) w[p]! += outcomePayoffs[o * nPlayers + p]!;
    }
  }

  const layout = behaviourLayout(game);
  const toProfile = (choices: Int32Array): Float64Array => {
    const profile = new Float64Array(layout.size);
    for (let v = 0; v < n; v++)
      if (nodeKind[v] === PERSONAL) profile[layout.offset[nodeInfoset[v]!]! + choices[v]!] = 1;
    return profile;
  };
  if (unique) {
    return {
      equilibria: [toProfile(choice)],
      payoffs: [Float64Array.from(value.subarray(0, nPlayers))],
      truncated: false,
    };
  }

  // pass 2: enumerate the profiles behind each value vector of the root
  const equilibria: Float64Array[] = [];
  const payoffs: Float64Array[] = [];
  const current = new Int32Array(n).fill(-1);
  let truncated = false;
  outer: for (const target of vectorsOf(0)) {
    for (const _ of realise(0, target)) {
      if (equilibria.length === maxEquilibria) {
        truncated = true;
        break outer;
      }
      equilibria.push(toProfile(current));
      payoffs.push(Float64Array.from(target));
    }
  }
  return { equilibria, payoffs, truncated };

  function setVectors(v: number, vectors: Float64Array[]): void {
    value.set(vectors[0]!, v * nPlayers);
    if (vectors.length > 1)
      extra.set(
        v,
        vectors.map((w) => Float64Array.from(w)),
      );
    else extra.delete(v);
  }

  /** Continuations a mover can pick: w ∈ V(a) with w_i ≥ max over b ≠ a of min over V(b) of u_i. */
  function personalVectors(v: number, player: number): Float64Array[] {
    const first = childStart[v]!;
    const count = childStart[v + 1]! - first;
    const worst = new Float64Array(count);
    for (let a = 0; a < count; a++) {
      worst[a] = Math.min(...vectorsOf(children[first + a]!).map((w) => w[player]!));
    }
    const kept: Float64Array[] = [];
    for (let a = 0; a < count; a++) {
      let threshold = Number.NEGATIVE_INFINITY;
      for (let b = 0; b < count; b++) if (b !== a) threshold = Math.max(threshold, worst[b]!);
      for (const w of vectorsOf(children[first + a]!))
        if (w[player]! >= threshold - tol) kept.push(Float64Array.from(w));
    }
    const result = distinct(kept);
    if (result.length > MAX_VALUE_VECTORS) tooMany(v);
    return result;
  }

  function distinct(vectors: Float64Array[]): Float64Array[] {
    const out: Float64Array[] = [];
    for (const w of vectors) if (!out.some((u) => same(u, w))) out.push(w);
    return out;
  }

  function same(u: ArrayLike<number>, w: ArrayLike<number>): boolean {
    for (let p = 0; p < nPlayers; p++) if (Math.abs(u[p]! - w[p]!) > tol) return false;
    return true;
  }

  function tooMany(v: number): never {
    throw new LinkageError(
      "E_SOLVER",
      `backward induction: more than ${MAX_VALUE_VECTORS} distinct equilibrium payoff vectors below node ${v}; the game has too many ties to enumerate every subgame-perfect equilibrium`,
    );
  }

  /** Yields once per assignment of actions in the subtree of v (written into `current`) whose play gives `target`. */
  function* realise(v: number, target: ArrayLike<number>): Generator<void> {
    const kind = nodeKind[v]!;
    const o = nodeOutcome[v]!;
    const own = new Float64Array(nPlayers);
    if (o >= 0) for (let p = 0; p < nPlayers; p++) own[p] = outcomePayoffs[o * nPlayers + p]!;
    const below = Float64Array.from(target, (x, p) => x - own[p]!);
    const first = childStart[v]!;
    const count = childStart[v + 1]! - first;
    if (kind === PERSONAL) {
      const player = game.infosets[nodeInfoset[v]!]!.player;
      for (let a = 0; a < count; a++) {
        const c = children[first + a]!;
        for (const w of vectorsOf(c)) {
          if (!same(w, below)) continue;
          const options: Float64Array[][] = [];
          let feasible = true;
          for (let b = 0; b < count; b++) {
            if (b === a) continue;
            const allowed = vectorsOf(children[first + b]!).filter(
              (u) => u[player]! <= w[player]! + tol,
            );
            if (allowed.length === 0) feasible = false;
            options.push(allowed);
          }
          if (!feasible) continue;
          current[v] = a;
          yield* product(v, a, w, options, 0);
        }
      }
    } else if (kind === CHANCE) {
      const probs = probabilities[nodeInfoset[v]!]!;
      yield* chanceCombinations(v, first, count, probs, below, 0, new Float64Array(nPlayers), []);
    } else if (same(below, new Float64Array(nPlayers))) {
      yield;
    }
  }

  /** Every child of a personal node v gets a continuation: the chosen one w, the others from `options`. */
  function* product(
    v: number,
    chosen: number,
    w: Float64Array,
    options: Float64Array[][],
    b: number,
  ): Generator<void> {
    const first = childStart[v]!;
    const count = childStart[v + 1]! - first;
    if (b === count) return yield;
    const c = children[first + b]!;
    if (b === chosen) {
      for (const _ of realise(c, w)) yield* product(v, chosen, w, options, b + 1);
      return;
    }
    const list = options[b < chosen ? b : b - 1]!;
    for (const u of list)
      for (const _ of realise(c, u)) yield* product(v, chosen, w, options, b + 1);
  }

  function* chanceCombinations(
    v: number,
    first: number,
    count: number,
    probs: Float64Array,
    target: Float64Array,
    a: number,
    sum: Float64Array,
    picked: Float64Array[],
  ): Generator<void> {
    if (a === count) {
      if (!same(sum, target)) return;
      yield* realiseAll(first, picked, 0);
      return;
    }
    for (const w of vectorsOf(children[first + a]!)) {
      const next = Float64Array.from(sum, (x, p) => x + probs[a]! * w[p]!);
      yield* chanceCombinations(v, first, count, probs, target, a + 1, next, [...picked, w]);
    }
  }

  function* realiseAll(first: number, picked: Float64Array[], a: number): Generator<void> {
    if (a === picked.length) return yield;
    for (const _ of realise(children[first + a]!, picked[a]!))
      yield* realiseAll(first, picked, a + 1);
  }
}

/**
 * Checks that every personal information set has a single node.
 * @throws {LinkageError} E_INPUT naming the first information set with several nodes
 */
export function assertPerfectInformation(game: ExtensiveGame): void {
  const size = new Int32Array(game.infosets.length);
  for (let v = 0; v < game.nodeKind.length; v++) {
    if (game.nodeKind[v] !== PERSONAL) continue;
    const h = game.nodeInfoset[v]!;
    if (++size[h]! > 1) {
      const set = game.infosets[h]!;
      throw new LinkageError(
        "E_INPUT",
        `backward induction needs a game of perfect information, but information set ${set.number}${set.label ? ` ("${set.label}")` : ""} of player ${set.player + 1} has more than one node`,
      );
    }
  }
}
