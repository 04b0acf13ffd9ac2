import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { errorOf } from "../../test/support/errorOf.js";
import { leaf } from "../../test/support/leaf.js";
import { ONE, type Rational, rational } from "../math/rational.js";
import { buildExtensiveGame } from "./buildExtensiveGame.js";
import {
  CHANCE,
  type ExtensiveGame,
  type InformationSet,
  NATURE,
  PERSONAL,
  TERMINAL,
} from "./extensiveGame.js";
import { assertPerfectRecall, perfectRecall } from "./perfectRecall.js";

/** Piccione and Rubinstein's absent-minded driver: both intersections in one set. */
const absentMindedDriver = buildExtensiveGame({
  players: ["Driver"],
  root: {
    player: 0,
    infoset: "X",
    infosetLabel: "intersection",
    actions: ["EXIT", "CONTINUE"],
    children: [
      leaf(0),
      {
        player: 0,
        infoset: "X",
        actions: ["EXIT", "CONTINUE"],
        children: [leaf(4), leaf(1)],
      },
    ],
  },
});

/** Player 1 moves L or R, then player 2, then player 1 again without knowing its first move. */
const forgetfulFirstMover = buildExtensiveGame({
  players: ["Ann", "Bob"],
  root: {
    player: 0,
    infoset: "first",
    actions: ["L", "R"],
    children: ["L", "R"].map((x) => ({
      player: 1,
      infoset: `bob-${x}`,
      actions: ["u", "d"],
      children: ["u", "d"].map(() => ({
        player: 0,
        infoset: "second",
        infosetLabel: "forgot",
        actions: ["l", "r"],
        children: [leaf(1, 0), leaf(0, 1)],
      })),
    })),
  },
});

describe("perfectRecall", () => {
  it("detects the absent-minded driver", () => {
    const result = perfectRecall(absentMindedDriver);
    expect(result).toMatchObject({ ok: false, player: 0, infoset: 0 });
    if (result.ok) return;
    expect(result.reason).toMatch(/nodes 0 and 2/);
    expect(result.reason).toMatch(/absent-mindedness/);
  });

  it("detects a player forgetting its own earlier action", () => {
    const result = perfectRecall(forgetfulFirstMover);
    // sets: 0 = first (Ann), 1 = bob-L, 2 = second (Ann), 3 = bob-R
    expect(result).toMatchObject({ ok: false, player: 0, infoset: 2 });
    if (result.ok) return;
    expect(result.reason).toContain('"L" at information set 1');
    expect(result.reason).toContain('"R" at information set 1');
    expect(result.reason).not.toMatch(/absent-minded/);
  });

  it("detects forgetting what a chance move revealed", () => {
    const game = buildExtensiveGame({
      players: ["Ann"],
      root: {
        chance: true,
        actions: ["H", "T"],
        probabilities: ["1/2", "1/2"],
        children: ["H", "T"].map((c) => ({
          player: 0,
          infoset: `knows-${c}`,
          actions: ["a", "b"],
          children: [
            { player: 0, infoset: "later", actions: ["x", "y"], children: [leaf(1), leaf(0)] },
            leaf(0),
          ],
        })),
      },
    });
    // sets: 0 = chance, 1 = knows-H, 2 = later, 3 = knows-T
    expect(perfectRecall(game)).toMatchObject({ ok: false, player: 0, infoset: 2 });
  });

  it("accepts imperfect information that is not forgetting", () => {
    // matching pennies in extensive form: player 2 never sees player 1's move
    const game = buildExtensiveGame({
      players: ["1", "2"],
      root: {
        player: 0,
        infoset: "p1",
        actions: ["H", "T"],
        children: [0, 1].map((i) => ({
          player: 1,
          infoset: "p2",
          actions: ["H", "T"],
          children: [0, 1].map((j) => leaf(i === j ? 1 : -1, i === j ? -1 : 1)),
        })),
      },
    });
    expect(perfectRecall(game)).toEqual({ ok: true });
    expect(() => assertPerfectRecall(game, "test")).not.toThrow();
  });

  it("accepts a single terminal node", () => {
    expect(perfectRecall(buildExtensiveGame({ players: ["1"], root: leaf(3) }))).toEqual({
      ok: true,
    });
  });

  it("assertPerfectRecall names the method, player and set", () => {
    const error = errorOf(() => assertPerfectRecall(forgetfulFirstMover, "lemkeHowsonExtensive"));
    expect(error.code).toBe("E_INPUT");
    expect(error.message).toMatch(
      /^lemkeHowsonExtensive needs a game with perfect recall: player 1 \(Ann\) forgets its own earlier moves at information set 2 \(forgot\): /,
    );
  });

  it("agrees with a brute-force check on random games, with and without forgetting", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.integer({ min: 1, max: 3 }),
        fc.constantFrom(0, 0.1, 0.4),
        (seed, players, forgetRate) => {
          const game = randomTreeGame({ seed, players, targetNodes: 300, maxDepth: 7, forgetRate });
          const result = perfectRecall(game);
          const brute = bruteForceRecallFailures(game);
          if (forgetRate === 0) expect(result).toEqual({ ok: true });
          expect(result.ok).toBe(brute.size === 0);
          if (!result.ok) {
            expect(brute.has(result.infoset)).toBe(true);
            expect(game.infosets[result.infoset]!.player).toBe(result.player);
          }
        },
      ),
      { seed: 20240611, numRuns: 200 },
    );
  });

  it("handles 10^6 nodes (one linear pass)", () => {
    const game = randomTreeGame({
      seed: 7,
      players: 3,
      targetNodes: 1_000_000,
      maxDepth: 22,
      forgetRate: 0,
    });
    expect(game.nodeKind.length).toBeGreaterThanOrEqual(1_000_000);
    expect(perfectRecall(game)).toEqual({ ok: true });
    const forgetful = randomTreeGame({
      seed: 7,
      players: 3,
      targetNodes: 1_000_000,
      maxDepth: 22,
      forgetRate: 1e-4,
    });
    expect(perfectRecall(forgetful).ok).toBe(false);
  });
});

/** Sets whose nodes disagree on their player's own history, by walking up from every node. */
function bruteForceRecallFailures(game: ExtensiveGame): Set<number> {
  const history = new Map<number, string>();
  const failures = new Set<number>();
  for (let v = 0; v < game.nodeKind.length; v++) {
    if (game.nodeKind[v] !== PERSONAL) continue;
    const h = game.nodeInfoset[v]!;
    const player = game.infosets[h]!.player;
    const moves: string[] = [];
    for (let child = v, u = game.nodeParent[v]!; u >= 0; child = u, u = game.nodeParent[u]!) {
      if (game.nodeKind[u] !== PERSONAL) continue;
      const hu = game.nodeInfoset[u]!;
      if (game.infosets[hu]!.player !== player) continue;
      let a = 0;
      while (game.children[game.childStart[u]! + a] !== child) a++;
      moves.push(`${hu}.${a}`);
    }
    const key = moves.reverse().join("/");
    const seen = history.get(h);
    if (seen === undefined) history.set(h, key);
    else if (seen !== key) failures.add(h);
  }
  return failures;
}

interface RandomTreeOptions {
  readonly seed: number;
  readonly players: number;
  readonly targetNodes: number;
  readonly maxDepth: number;
  /** Chance that a personal node joins a set keyed without its own history (may break recall). */
  readonly forgetRate: number;
}

/**
 * A random tree built directly as arrays, depth first. Personal nodes are grouped into sets by
 * (player, own history so far, random tag), so with forgetRate 0 the game has perfect recall by
 * construction; "forgetful" nodes join a set keyed by (player, tag) only.
 */
function randomTreeGame(o: RandomTreeOptions): ExtensiveGame {
  let state = o.seed >>> 0;
  const random = (): number => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const capacity = o.targetNodes + 64;
  const kind = new Uint8Array(capacity);
  const parent = new Int32Array(capacity);
  const infosetOf = new Int32Array(capacity).fill(-1);
  const childStart = new Int32Array(capacity + 1);
  const children = new Int32Array(capacity);
  const infosets: InformationSet[] = [];
  const setKeys = new Map<string, number>();
  const perPlayer = new Int32Array(o.players + 1);
  const actionLists = [[], ["a"], ["a", "b"], ["a", "b", "c"]] as const;
  const uniform: Rational[][] = [[], [ONE], [rational(1n, 2n), rational(1n, 2n)]];
  // own history per player as an interned id; (id, set, action) -> id
  const histories = new Map<string, number>();
  const own = new Int32Array(o.players);
  let count = 0;

  const getSet = (key: string, player: number, actions: number): number => {
    const existing = setKeys.get(key);
    if (existing !== undefined) return existing;
    perPlayer[player + 1] = perPlayer[player + 1]! + 1;
    infosets.push({
      player,
      number: perPlayer[player + 1]!,
      label: "",
      actions: actionLists[actions]!,
      probabilities: player === NATURE ? uniform[actions]! : null,
    });
    setKeys.set(key, infosets.length - 1);
    return infosets.length - 1;
  };

  const grow = (parentNode: number, depth: number): number => {
    const v = count++;
    parent[v] = parentNode;
    const full = count + 3 >= o.targetNodes || depth >= o.maxDepth;
    const roll = random();
    if (full || (depth > 0 && roll < 0.15)) {
      kind[v] = TERMINAL;
      childStart[v + 1] = childStart[v]!;
      return v;
    }
    let h: number;
    let mover = -1;
    if (roll < 0.3) {
      kind[v] = CHANCE;
      h = getSet("chance", NATURE, 2);
    } else {
      kind[v] = PERSONAL;
      mover = Math.floor(random() * o.players);
      const tag = Math.floor(random() * 2);
      const forget = random() < o.forgetRate;
      const key = forget ? `${mover}|forgot|${tag}` : `${mover}|${own[mover]}|${tag}`;
      h = getSet(key, mover, forget ? 2 : 2 + Math.floor(random() * 2));
    }
    infosetOf[v] = h;
    const m = infosets[h]!.actions.length;
    childStart[v + 1] = childStart[v]! + m;
    const saved = mover >= 0 ? own[mover]! : 0;
    for (let a = 0; a < m; a++) {
      if (mover >= 0) {
        const key = `${saved},${h},${a}`;
        let id = histories.get(key);
        if (id === undefined) {
          id = histories.size + 1;
          histories.set(key, id);
        }
        own[mover] = id;
      }
      children[childStart[v]! + a] = grow(v, depth + 1);
    }
    if (mover >= 0) own[mover] = saved;
    return v;
  };
  grow(-1, 0);

  return {
    title: "random",
    comment: "",
    players: Array.from({ length: o.players }, (_, i) => `P${i + 1}`),
    nodeKind: kind.slice(0, count),
    nodeLabel: new Array<string>(count).fill(""),
    nodeParent: parent.slice(0, count),
    childStart: childStart.slice(0, count + 1),
    children: children.slice(0, childStart[count]!),
    nodeInfoset: infosetOf.slice(0, count),
    nodeOutcome: new Int32Array(count).fill(-1),
    infosets,
    outcomes: [],
    outcomePayoffs: new Float64Array(0),
  };
}
