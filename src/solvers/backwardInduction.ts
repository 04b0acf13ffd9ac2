import { LinkageError } from "../errors/LinkageError.js";
import { behaviourLayout } from "../games/behaviourLayout.js";
import { CHANCE, type ExtensiveGame, PERSONAL, TERMINAL } from "../games/extensiveGame.js";
import { toNumber } from "../math/rational.js";

export interface BackwardInductionOptions {
  /** Stop after this many equilibria (ties can make their number explode; each is a full profile). @default 100 */
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

/** The candidate list of a node with a single value: `null` stands for that value. */
const SINGLE: readonly null[] = [null];

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
  { maxEquilibria = 100, tolerance = 1e-12 }: BackwardInductionOptions = {},
): BackwardInductionResult {
  // module constants as locals: hot loops avoid live-binding lookups under some loaders
  const [TERMINAL_, PERSONAL_, CHANCE_] = [TERMINAL, PERSONAL, CHANCE];
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
  // simple[v]: the subgame at v has exactly one subgame-perfect equilibrium (no ties anywhere below)
  const simple = new Uint8Array(n);
  let unique = true;
  // live views into `value`, made once per node that needs one
  const views: (Float64Array[] | undefined)[] = [];
  const vectorsOf = (v: number): Float64Array[] => {
    const many = extra.get(v);
    if (many) return many;
    let view = views[v];
    if (!view) {
      view = [value.subarray(v * nPlayers, (v + 1) * nPlayers)];
      views[v] = view;
    }
    return view;
  };

  for (let v = n - 1; v >= 0; v--) {
    const kind = nodeKind[v]!;
    const base = v * nPlayers;
    const o = nodeOutcome[v]!;
    const first = childStart[v]!;
    const count = childStart[v + 1]! - first;
    if (kind === PERSONAL_) {
      const player = game.infosets[nodeInfoset[v]!]!.player;
      let best = 0;
      let bestValue = Number.NEGATIVE_INFINITY;
      let tie = false;
      let several = false; // some child has several equilibrium values
      for (let a = 0; a < count; a++) {
        const c = children[first + a]!;
        if (extra.has(c)) several = true;
        const x = value[c * nPlayers + player]!;
        if (x > bestValue + tol) {
          best = a;
          bestValue = x;
          tie = false;
        } else if (x >= bestValue - tol) tie = true;
      }
      if (!tie && !several) {
        const c = children[first + best]!;
        for (let p = 0; p < nPlayers; p++) value[base + p] = value[c * nPlayers + p]!;
        choice[v] = best;
        simple[v] = allSimple(first, count);
      } else if (!several && tiedChildrenAgree(first, count, player, bestValue)) {
        // several best actions, all leading to the same payoffs: one value, several equilibria
        unique = false;
        const c = children[first + best]!;
        for (let p = 0; p < nPlayers; p++) value[base + p] = value[c * nPlayers + p]!;
      } else {
        unique = false;
        setVectors(v, personalVectors(v, player));
      }
    } else if (kind === CHANCE_) {
      const probs = probabilities[nodeInfoset[v]!]!;
      let single = true;
      for (let a = 0; a < count; a++) if (extra.has(children[first + a]!)) single = false;
      if (single) {
        simple[v] = allSimple(first, count);
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
            const c = children[first + a]!;
            for (const w of extra.get(c) ?? [value.subarray(c * nPlayers, (c + 1) * nPlayers)]) {
              next.push(partial.map((x, p) => x + probs[a]! * w[p]!));
            }
          }
          mixes = distinct(next);
          if (mixes.length > MAX_VALUE_VECTORS) tooMany(v);
        }
        setVectors(v, mixes);
      }
    }
    if (kind === TERMINAL_) simple[v] = 1;
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
      if (nodeKind[v] === PERSONAL_) profile[layout.offset[nodeInfoset[v]!]! + choices[v]!] = 1;
    return profile;
  };
  if (unique) {
    return {
      equilibria: [toProfile(choice)],
      payoffs: [Float64Array.from(value.subarray(0, nPlayers))],
      truncated: false,
    };
  }

  const current = new Int32Array(n).fill(-1);
  if (maxEquilibria === 1) {
    // one equilibrium: follow any consistent choice down the tree, iteratively, no backtracking
    const root = vectorsOf(0)[0]!;
    fillOne(0, root);
    return {
      equilibria: [toProfile(current)],
      payoffs: [Float64Array.from(root)],
      truncated: !simple[0],
    };
  }

  // pass 2: enumerate the profiles behind each value vector of the root
  const equilibria: Float64Array[] = [];
  const payoffs: Float64Array[] = [];
  let truncated = false;
  try {
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
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new LinkageError(
      "E_SOLVER",
      "backward induction: ties along a path too deep to enumerate every subgame-perfect equilibrium (call stack exhausted)",
    );
  }
  return { equilibria, payoffs, truncated };

  /**
   * Writes one equilibrium of the subgame at `root` giving `target` into `current`. Every vector
   * kept in pass 1 is realisable, so a consistent choice always exists at each node. Goals are
   * `null` when they are the node's own single value (no allocation on the common path).
   */
  function fillOne(root: number, target: Float64Array): void {
    const nodes: number[] = [root];
    const goals: (Float64Array | null)[] = [extra.has(root) ? target : null];
    // component p of a goal (`null`: the node's single value) minus the node's own outcome
    const below = (v: number, goal: Float64Array | null, p: number): number => {
      const o = nodeOutcome[v]!;
      const x = goal ? goal[p]! : value[v * nPlayers + p]!;
      return o < 0 ? x : x - outcomePayoffs[o * nPlayers + p]!;
    };
    const component = (c: number, w: Float64Array | null, p: number) =>
      w ? w[p]! : value[c * nPlayers + p]!;
    const matches = (
      c: number,
      w: Float64Array | null,
      v: number,
      goal: Float64Array | null,
    ): boolean => {
      for (let p = 0; p < nPlayers; p++)
        if (Math.abs(component(c, w, p) - below(v, goal, p)) > tol) return false;
      return true;
    };
    const candidates = (c: number): readonly (Float64Array | null)[] => extra.get(c) ?? SINGLE;
    while (nodes.length > 0) {
      const v = nodes.pop()!;
      const goal = goals.pop()!;
      if (simple[v]) {
        fillSimple(v);
        continue;
      }
      const first = childStart[v]!;
      const count = childStart[v + 1]! - first;
      if (nodeKind[v] === PERSONAL_) {
        const player = game.infosets[nodeInfoset[v]!]!.player;
        let chosen = -1;
        let chosenGoal: Float64Array | null = null;
        for (let a = 0; a < count && chosen < 0; a++) {
          const c = children[first + a]!;
          for (const w of candidates(c)) {
            if (!matches(c, w, v, goal)) continue;
            const limit = component(c, w, player) + tol;
            let feasible = true;
            for (let b = 0; b < count && feasible; b++) {
              const d = children[first + b]!;
              if (b !== a && !candidates(d).some((u) => component(d, u, player) <= limit))
                feasible = false;
            }
            if (feasible) {
              chosen = a;
              chosenGoal = w;
              break;
            }
          }
        }
        if (chosen < 0)
          throw new LinkageError(
            "E_SOLVER",
            `backward induction: no equilibrium choice at node ${v}`,
          );
        current[v] = chosen;
        const limit = component(children[first + chosen]!, chosenGoal, player) + tol;
        for (let b = 0; b < count; b++) {
          const d = children[first + b]!;
          nodes.push(d);
          goals.push(
            b === chosen
              ? chosenGoal
              : candidates(d).find((u) => component(d, u, player) <= limit)!,
          );
        }
      } else if (nodeKind[v] === CHANCE_) {
        const probs = probabilities[nodeInfoset[v]!]!;
        const target = Float64Array.from({ length: nPlayers }, (_, p) => below(v, goal, p));
        const picked = chanceCombination(first, count, probs, target);
        if (!picked)
          throw new LinkageError(
            "E_SOLVER",
            `backward induction: no equilibrium combination at chance node ${v}`,
          );
        for (let a = 0; a < count; a++) {
          const c = children[first + a]!;
          nodes.push(c);
          goals.push(extra.has(c) ? picked[a]! : null);
        }
      }
    }
  }

  /** Continuation vectors of a chance node's children whose mixture is `target` (depth-first search). */
  function chanceCombination(
    first: number,
    count: number,
    probs: Float64Array,
    target: ArrayLike<number>,
  ): Float64Array[] | null {
    const picked: Float64Array[] = [];
    const search = (a: number, sum: Float64Array): boolean => {
      if (a === count) return same(sum, target);
      for (const w of vectorsOf(children[first + a]!)) {
        picked[a] = w;
        if (
          search(
            a + 1,
            Float64Array.from(sum, (x, p) => x + probs[a]! * w[p]!),
          )
        )
          return true;
      }
      return false;
    };
    return search(0, new Float64Array(nPlayers)) ? picked : null;
  }

  /** Do all children whose value to `player` ties with `bestValue` have the same payoff vector? */
  function tiedChildrenAgree(
    first: number,
    count: number,
    player: number,
    bestValue: number,
  ): boolean {
    let reference = -1;
    for (let a = 0; a < count; a++) {
      const c = children[first + a]!;
      if (value[c * nPlayers + player]! < bestValue - tol) continue;
      if (reference < 0) reference = c;
      else
        for (let p = 0; p < nPlayers; p++)
          if (Math.abs(value[c * nPlayers + p]! - value[reference * nPlayers + p]!) > tol)
            return false;
    }
    return true;
  }

  function allSimple(first: number, count: number): number {
    for (let a = 0; a < count; a++) if (!simple[children[first + a]!]) return 0;
    return 1;
  }

  /** Writes the unique equilibrium choices of a simple subgame into `current` (iteratively). */
  function fillSimple(root: number): void {
    const stack = [root];
    while (stack.length > 0) {
      const v = stack.pop()!;
      if (nodeKind[v] === PERSONAL_) current[v] = choice[v]!;
      for (let k = childStart[v]!; k < childStart[v + 1]!; k++) stack.push(children[k]!);
    }
  }

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
      const c = children[first + a]!;
      const many = extra.get(c);
      let low = value[c * nPlayers + player]!;
      if (many) for (const w of many) low = Math.min(low, w[player]!);
      worst[a] = low;
    }
    const kept: Float64Array[] = [];
    for (let a = 0; a < count; a++) {
      let threshold = Number.NEGATIVE_INFINITY;
      for (let b = 0; b < count; b++) if (b !== a) threshold = Math.max(threshold, worst[b]!);
      const c = children[first + a]!;
      const many = extra.get(c);
      if (many) {
        for (const w of many) if (w[player]! >= threshold - tol) kept.push(Float64Array.from(w));
      } else if (value[c * nPlayers + player]! >= threshold - tol) {
        kept.push(value.slice(c * nPlayers, (c + 1) * nPlayers));
      }
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
    if (simple[v]) {
      if (same(vectorsOf(v)[0]!, target)) {
        fillSimple(v);
        yield;
      }
      return;
    }
    const kind = nodeKind[v]!;
    const o = nodeOutcome[v]!;
    const own = new Float64Array(nPlayers);
    if (o >= 0) for (let p = 0; p < nPlayers; p++) own[p] = outcomePayoffs[o * nPlayers + p]!;
    const below = Float64Array.from(target, (x, p) => x - own[p]!);
    const first = childStart[v]!;
    const count = childStart[v + 1]! - first;
    if (kind === PERSONAL_) {
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
    } else if (kind === CHANCE_) {
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
