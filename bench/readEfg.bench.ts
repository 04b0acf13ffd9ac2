/**
 * Reading a Gambit `.efg` file of about 10^6 nodes: a random perfect-information tree (personal
 * nodes of two players with 2 or 3 actions, some chance nodes, integer payoffs at the leaves),
 * built in memory with buildExtensiveGame, written with writeEfg, then read with readEfg.
 * The floor: well under 2 s per read.
 */
import { afterAll, bench, describe } from "vitest";
import { buildExtensiveGame, type TreeSpec } from "../src/games/buildExtensiveGame.js";
import { readEfg } from "../src/games/gambit/readEfg.js";
import { writeEfg } from "../src/games/gambit/writeEfg.js";

const TARGET_NODES = 1_000_000;

/** mulberry32: a small seeded generator, uniform in [0, 1). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Shape {
  arity: number;
  chance: boolean;
  children: Shape[];
}

/** Grows a tree breadth first until it has about `target` nodes. */
function randomShape(target: number, random: () => number): Shape {
  const root: Shape = { arity: 0, chance: false, children: [] };
  const frontier: Shape[] = [root];
  let count = 1;
  for (let head = 0; head < frontier.length && count < target; head++) {
    const node = frontier[head]!;
    node.arity = random() < 0.5 ? 2 : 3;
    node.chance = random() < 0.1;
    for (let i = 0; i < node.arity; i++) {
      const child: Shape = { arity: 0, chance: false, children: [] };
      node.children.push(child);
      frontier.push(child);
    }
    count += node.arity;
  }
  return root;
}

let nextKey = 0;

function toSpec(shape: Shape, depth: number, random: () => number): TreeSpec {
  if (shape.arity === 0) {
    const payoff = () => Math.floor(random() * 201) - 100;
    return { outcome: { payoffs: [payoff(), payoff()] } };
  }
  const actions = shape.arity === 2 ? ["a", "b"] : ["a", "b", "c"];
  const children = shape.children.map((c) => toSpec(c, depth + 1, random));
  if (shape.chance) {
    const probabilities = shape.arity === 2 ? ["1/2", "1/2"] : ["1/3", "1/3", "1/3"];
    return { chance: true, actions, probabilities, children };
  }
  // perfect information: every personal node is its own information set
  return { player: depth % 2, infoset: String(nextKey++), actions, children };
}

const random = rng(2026);
const game = buildExtensiveGame({
  title: "random perfect-information tree",
  players: ["Player 1", "Player 2"],
  root: toSpec(randomShape(TARGET_NODES, random), 0, random),
});
const text = writeEfg(game);
let sink = 0;

describe(`readEfg: ${game.nodeKind.length} nodes, ${(text.length / 1e6).toFixed(1)} MB of text`, () => {
  bench(
    "readEfg",
    () => {
      sink += readEfg(text, "random.efg").nodeKind.length;
    },
    { iterations: 5, warmupIterations: 1 },
  );
  bench(
    "writeEfg",
    () => {
      sink += writeEfg(game).length;
    },
    { iterations: 5, warmupIterations: 1 },
  );
});

// consume the sink so V8 cannot drop the work
afterAll(() => {
  if (sink === Number.MIN_VALUE) console.log(sink);
});
