import type { GameSpec, TreeSpec } from "../src/games/buildExtensiveGame.js";
/**
 * Random games for benchmarks, generated from a seeded stream (pure-rand is not needed for
 * this: a small xorshift keeps the bench self-contained and deterministic).
 */
import {
  CHANCE,
  type ExtensiveGame,
  type InformationSet,
  type Outcome,
  PERSONAL,
  TERMINAL,
} from "../src/games/extensiveGame.js";
import type { StrategicGame } from "../src/games/strategicGame.js";
import type { RandomStream } from "../src/math/randomStream.js";
import { rational } from "../src/math/rational.js";

export function xorshift(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 4294967296;
  };
}

/**
 * A random perfect-information tree with about `target` nodes, depth first: each inner node has
 * 2–4 children (chance nodes, a tenth of them, have 2 with equal odds), the depth is about
 * log₃(target) with some leaves earlier, and leaves carry integer payoffs in [−10, 10] (so ties
 * are common). Built iteratively as struct-of-arrays.
 */
export function randomPerfectInformationTree(
  target: number,
  players: number,
  seed: number,
): ExtensiveGame {
  const random = xorshift(seed);
  const kind: number[] = [];
  const parent: number[] = [];
  const infoset: number[] = [];
  const outcome: number[] = [];
  const childLists: number[][] = [];
  const infosets: InformationSet[] = [];
  const outcomes: Outcome[] = [];
  const payoffs: number[] = [];
  const perPlayer = new Int32Array(players);
  let budget = target;
  const maxDepth = Math.ceil(Math.log(target) / Math.log(3)) + 1;
  const stack: { parent: number; depth: number }[] = [{ parent: -1, depth: 0 }];
  const halves = [rational(1n, 2n), rational(1n, 2n)];
  while (stack.length > 0) {
    const { parent: p, depth } = stack.pop()!;
    const v = kind.length;
    kind.push(TERMINAL);
    parent.push(p);
    infoset.push(-1);
    outcome.push(-1);
    childLists.push([]);
    if (p >= 0) childLists[p]!.push(v);
    budget--;
    const expand = budget > stack.length + 4 && depth < maxDepth && (depth < 2 || random() < 0.95);
    if (!expand) {
      const values = Array.from({ length: players }, () => Math.floor(random() * 21) - 10);
      outcomes.push({
        number: outcomes.length + 1,
        label: "",
        payoffs: values.map((x) => rational(BigInt(x))),
      });
      payoffs.push(...values);
      outcome[v] = outcomes.length - 1;
      continue;
    }
    const isChance = random() < 0.1;
    const count = isChance ? 2 : 2 + Math.floor(random() * 3);
    if (isChance) {
      kind[v] = CHANCE;
      infosets.push({
        player: -1,
        number: infosets.length + 1,
        label: "",
        actions: ["a", "b"],
        probabilities: halves,
      });
    } else {
      kind[v] = PERSONAL;
      const player = Math.floor(random() * players);
      perPlayer[player]!++;
      infosets.push({
        player,
        number: perPlayer[player]!,
        label: "",
        actions: Array.from({ length: count }, (_, a) => `${a}`),
        probabilities: null,
      });
    }
    infoset[v] = infosets.length - 1;
    // push children in reverse so they are numbered in action order (depth first)
    for (let a = count - 1; a >= 0; a--) stack.push({ parent: v, depth: depth + 1 });
  }
  const n = kind.length;
  const childStart = new Int32Array(n + 1);
  for (let v = 0; v < n; v++) childStart[v + 1] = childStart[v]! + childLists[v]!.length;
  const children = new Int32Array(childStart[n]!);
  for (let v = 0; v < n; v++) children.set(childLists[v]!, childStart[v]!);
  return {
    title: `random perfect-information tree (${n} nodes, seed ${seed})`,
    comment: "",
    players: Array.from({ length: players }, (_, p) => `P${p + 1}`),
    nodeKind: Uint8Array.from(kind),
    nodeLabel: new Array(n).fill(""),
    nodeParent: Int32Array.from(parent),
    childStart,
    children,
    nodeInfoset: Int32Array.from(infoset),
    nodeOutcome: Int32Array.from(outcome),
    infosets,
    outcomes,
    outcomePayoffs: Float64Array.from(payoffs),
  };
}

/** A random strategic game with integer payoffs in [−10, 10] (no exact table: integers are exact as doubles). */
export function randomStrategicGame(sizes: readonly number[], seed: number): StrategicGame {
  const random = xorshift(seed);
  const count = sizes.reduce((a, b) => a * b, 1);
  const payoffs = new Float64Array(count * sizes.length);
  for (let i = 0; i < payoffs.length; i++) payoffs[i] = Math.floor(random() * 21) - 10;
  return {
    title: "random",
    comment: "",
    players: sizes.map((_, p) => `P${p + 1}`),
    strategies: sizes.map((n) => Array.from({ length: n }, (_, s) => `${s + 1}`)),
    payoffs,
    exactPayoffs: null,
    outcomes: null,
  };
}

/**
 * A poker-like layered tree of `rounds` rounds: chance (2 outcomes, random probabilities), then
 * player 1 and player 2 (2 actions each); each player sees one bit of each chance outcome and its
 * own moves (perfect recall), a share `stop` of personal nodes (default a tenth) end the play
 * early. Random integer payoffs. About 2·(8(1 − stop)²)^rounds nodes, but only about 4^rounds
 * sequences per player.
 */
export function layeredTree(rng: RandomStream, rounds: number, stop = 0.1): GameSpec {
  const int = (k: number) => Math.floor(rng.next() * k);
  const leaf = (): TreeSpec => ({ outcome: { payoffs: [int(21) - 10, int(21) - 10] } });
  const node = (
    round: number,
    stage: number,
    history: readonly [string, string],
    seen: number,
  ): TreeSpec => {
    if (round === rounds) return leaf();
    if (stage === 0) {
      const w = 1 + int(4);
      return {
        chance: true,
        actions: ["c0", "c1"],
        probabilities: [`${w}/5`, `${5 - w}/5`],
        children: [0, 1].map((c) => node(round, 1, history, c)),
      };
    }
    if (rng.next() < stop) return leaf();
    const player = stage - 1;
    const key = `${history[player]}|${player === 0 ? seen : (seen + round) % 2}`;
    return {
      player,
      infoset: key,
      actions: ["a0", "a1"],
      children: [0, 1].map((a) => {
        const next: [string, string] = [history[0], history[1]];
        next[player] = `${key}>${a}`;
        return stage === 2 ? node(round + 1, 0, next, seen) : node(round, 2, next, seen);
      }),
    };
  };
  return { players: ["1", "2"], root: node(0, 0, ["", ""], 0) };
}
