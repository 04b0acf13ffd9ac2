import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { twoStageGame } from "../../test/support/smallExtensiveGames.js";
import { type BehaviourLayout, behaviourLayout } from "./behaviourLayout.js";
import { behaviourToMixed } from "./behaviourToMixed.js";
import { buildExtensiveGame, type GameSpec, type TreeSpec } from "./buildExtensiveGame.js";
import { type ExtensiveGame, PERSONAL, TERMINAL } from "./extensiveGame.js";
import { mixedToBehaviour } from "./mixedToBehaviour.js";
import { perfectRecall } from "./perfectRecall.js";
import { behaviourPayoffs, terminalRealisation } from "./realisationProbabilities.js";
import { type ReducedStrategicForm, reducedStrategicForm } from "./reducedStrategicForm.js";
import { profileAt, profileCount } from "./strategicGame.js";

/** Tolerance for sums and products of a few hundred doubles in [0, 1]. */
const TOL = 1e-9;

describe("behaviourToMixed", () => {
  const game = twoStageGame;
  const rsf = reducedStrategicForm(game);
  const layout = behaviourLayout(game);

  it("multiplies the probabilities of the actions each plan specifies", () => {
    // L* = β(L); Rl = β(R)·β(l); Rr = β(R)·β(r)
    const [ann, bob] = behaviourToMixed(rsf, Float64Array.of(0.4, 0.6, 0.5, 0.5, 0.1, 0.9), layout);
    expect(rsf.game.strategies[0]).toEqual(["L*", "Rl", "Rr"]);
    [0.4, 0.3, 0.3].forEach((x, s) => {
      expect(ann![s]).toBeCloseTo(x, 15);
    });
    [0.1, 0.9].forEach((x, s) => {
      expect(bob![s]).toBeCloseTo(x, 15);
    });
  });

  it("refuses a profile of the wrong length", () => {
    expect(() => behaviourToMixed(rsf, new Float64Array(3), layout)).toThrow(
      /3 entries, expected 6/,
    );
  });
});

describe("Kuhn's theorem on random games with perfect recall", () => {
  it("behaviour and its mixed image induce the same plays and payoffs, and convert back", () => {
    let checkedMixtures = 0;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const random = mulberry32(seed);
        const game = buildExtensiveGame(randomGameSpec(random));
        expect(perfectRecall(game)).toEqual({ ok: true });
        const layout = behaviourLayout(game);
        const rsf = reducedStrategicForm(game);
        const b = randomBehaviour(game, layout, random);
        const mixed = behaviourToMixed(rsf, b, layout);
        for (const x of mixed) expect(Math.abs(x.reduce((s, y) => s + y, 0) - 1)).toBeLessThan(TOL);

        // same expected payoffs in the reduced strategic form
        const fromForm = mixedPayoffs(rsf, mixed);
        const fromTree = behaviourPayoffs(game, b, layout);
        fromTree.forEach((u, i) => {
          expect(Math.abs(u - fromForm[i]!)).toBeLessThan(TOL);
        });

        // back to behaviour: equal wherever the player's own moves reach the set
        const back = mixedToBehaviour(game, rsf, mixed);
        const ownReach = ownRealisation(game, b, layout);
        for (const sets of layout.playerInfosets) {
          for (const h of sets) {
            const m = game.infosets[h]!.actions.length;
            for (let a = 0; a < m; a++) {
              const j = layout.offset[h]! + a;
              const expected = ownReach[h]! > 0 ? b[j]! : 1 / m;
              expect(Math.abs(back[j]! - expected)).toBeLessThan(TOL);
            }
          }
        }

        // same realisation probabilities: b, its round trip, and the mixture of pure plays
        const reach = terminalRealisation(game, b, layout);
        const reachBack = terminalRealisation(game, back, layout);
        reach.forEach((r, v) => {
          expect(Math.abs(r - reachBack[v]!)).toBeLessThan(TOL);
        });
        if (profileCount(rsf.game) <= 2000) {
          checkedMixtures++;
          const reachMixed = mixedRealisation(game, rsf, mixed, layout);
          for (let v = 0; v < reach.length; v++) {
            if (game.nodeKind[v] === TERMINAL)
              expect(Math.abs(reach[v]! - reachMixed[v]!)).toBeLessThan(TOL);
          }
        }
      }),
      { seed: 1953, numRuns: 300 },
    );
    expect(checkedMixtures).toBeGreaterThan(200);
  });
});

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A random tree of depth ≤ 4 with 1–3 players, chance nodes (rational probabilities, some zero),
 * outcomes on some internal nodes, and information sets that group nodes of a player with the same
 * own history (and a random tag), so the game has perfect recall by construction.
 */
function randomGameSpec(random: () => number): GameSpec {
  const nPlayers = 1 + Math.floor(random() * 3);
  const int = (lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));
  const payoffs = (): (number | string)[] =>
    Array.from({ length: nPlayers }, () => (random() < 0.2 ? `${int(-5, 5)}/3` : int(-5, 5)));
  const actionCount = new Map<string, number>();
  const setIds = new Map<string, number>();
  const history: string[] = new Array<string>(nPlayers).fill("");
  const labels = (m: number): string[] => Array.from({ length: m }, (_, a) => "abc"[a]!);

  const grow = (depth: number): TreeSpec => {
    const extra = random() < 0.25 ? { outcome: { payoffs: payoffs() } } : {};
    const roll = random();
    if (depth >= 4 || (depth > 0 && roll < 0.3)) {
      return random() < 0.9 ? { outcome: { payoffs: payoffs() } } : {};
    }
    if (roll < 0.45) {
      const m = int(2, 3);
      const weights = Array.from({ length: m }, () => int(0, 3));
      if (!weights.some((w) => w > 0)) weights[0] = 1;
      const total = weights.reduce((s, w) => s + w, 0);
      return {
        ...extra,
        chance: true,
        actions: labels(m),
        probabilities: weights.map((w) => `${w}/${total}`),
        children: weights.map(() => grow(depth + 1)),
      };
    }
    const player = int(0, nPlayers - 1);
    const key = `${history[player]}#${int(0, 1)}`;
    const scoped = `${player}|${key}`;
    let m = actionCount.get(scoped);
    if (m === undefined) {
      m = int(2, 3);
      actionCount.set(scoped, m);
      setIds.set(scoped, setIds.size);
    }
    const id = setIds.get(scoped)!;
    const saved = history[player]!;
    const children: TreeSpec[] = [];
    for (let a = 0; a < m; a++) {
      history[player] = `${saved}/${id}.${a}`;
      children.push(grow(depth + 1));
    }
    history[player] = saved;
    return { ...extra, player, infoset: key, actions: labels(m), children };
  };
  return { players: Array.from({ length: nPlayers }, (_, i) => `P${i + 1}`), root: grow(0) };
}

/** Random action probabilities per set, some of them zero. */
function randomBehaviour(
  game: ExtensiveGame,
  layout: BehaviourLayout,
  random: () => number,
): Float64Array {
  const b = new Float64Array(layout.size);
  for (const sets of layout.playerInfosets) {
    for (const h of sets) {
      const m = game.infosets[h]!.actions.length;
      const base = layout.offset[h]!;
      let total = 0;
      for (let a = 0; a < m; a++) {
        b[base + a] = random() < 0.25 ? 0 : 0.05 + random();
        total += b[base + a]!;
      }
      if (total === 0) {
        b[base] = 1;
        total = 1;
      }
      for (let a = 0; a < m; a++) b[base + a] = b[base + a]! / total;
    }
  }
  return b;
}

/** Expected payoffs Σ_k Π_p σ_p(s_p) · u(k) in a strategic game. */
function mixedPayoffs(rsf: ReducedStrategicForm, mixed: readonly Float64Array[]): Float64Array {
  const nPlayers = rsf.game.players.length;
  const result = new Float64Array(nPlayers);
  const profile = new Int32Array(nPlayers);
  for (let k = 0; k < profileCount(rsf.game); k++) {
    profileAt(rsf.game, k, profile);
    let weight = 1;
    for (let p = 0; p < nPlayers; p++) weight *= mixed[p]![profile[p]!]!;
    for (let i = 0; i < nPlayers; i++) {
      result[i] = result[i]! + weight * rsf.game.payoffs[k * nPlayers + i]!;
    }
  }
  return result;
}

/**
 * Per set h of player i: the product of i's own behaviour probabilities on the path to h's first
 * node (the same for every node of h under perfect recall), found by walking up the tree.
 */
function ownRealisation(
  game: ExtensiveGame,
  b: Float64Array,
  layout: BehaviourLayout,
): Float64Array {
  const result = new Float64Array(game.infosets.length).fill(-1);
  for (let v = 0; v < game.nodeKind.length; v++) {
    if (game.nodeKind[v] !== PERSONAL) continue;
    const h = game.nodeInfoset[v]!;
    if (result[h]! >= 0) continue;
    const player = game.infosets[h]!.player;
    let r = 1;
    for (let child = v, u = game.nodeParent[v]!; u >= 0; child = u, u = game.nodeParent[u]!) {
      if (game.nodeKind[u] !== PERSONAL) continue;
      const hu = game.nodeInfoset[u]!;
      if (game.infosets[hu]!.player !== player) continue;
      let a = 0;
      while (game.children[game.childStart[u]! + a] !== child) a++;
      r *= b[layout.offset[hu]! + a]!;
    }
    result[h] = r;
  }
  return result;
}

/**
 * Realisation probabilities of the mixture: Σ over pure profiles of Π_p σ_p(s_p) times the
 * realisation probabilities when every player follows its plan (uniform where a plan is silent).
 */
function mixedRealisation(
  game: ExtensiveGame,
  rsf: ReducedStrategicForm,
  mixed: readonly Float64Array[],
  layout: BehaviourLayout,
): Float64Array {
  const nPlayers = game.players.length;
  const result = new Float64Array(game.nodeKind.length);
  const profile = new Int32Array(nPlayers);
  for (let k = 0; k < profileCount(rsf.game); k++) {
    profileAt(rsf.game, k, profile);
    let weight = 1;
    for (let p = 0; p < nPlayers; p++) weight *= mixed[p]![profile[p]!]!;
    if (weight === 0) continue;
    const pure = new Float64Array(layout.size);
    layout.playerInfosets.forEach((sets, p) => {
      sets.forEach((h, j) => {
        const m = game.infosets[h]!.actions.length;
        const a = rsf.plans[p]![profile[p]! * sets.length + j]!;
        for (let c = 0; c < m; c++) pure[layout.offset[h]! + c] = a < 0 ? 1 / m : c === a ? 1 : 0;
      });
    });
    const reach = terminalRealisation(game, pure, layout);
    for (let v = 0; v < reach.length; v++) result[v] = result[v]! + weight * reach[v]!;
  }
  return result;
}
