import { LinkageError } from "../errors/LinkageError.js";
import { toNumber } from "../math/rational.js";
import type { BehaviourLayout } from "./behaviourLayout.js";
import { CHANCE, type ExtensiveGame, TERMINAL } from "./extensiveGame.js";

/**
 * The probability that each node is reached when the players follow a behaviour profile and
 * Nature its fixed probabilities (the realisation probability of every node, terminal or not).
 *
 * Formula: r(root) = 1 and r(child of v by action a) = r(v) · π(v, a), where π(v, a) is the
 * chance probability of a at a chance node and β(h(v), a) at a personal node. A terminal node's
 * r is the probability of the play ending there. Source: Kuhn (1953), "Extensive games and the
 * problem of information"; von Stengel, "Game Theory Basics" (2022), ch. 10.
 *
 * Walks the nodes in index order, which visits parents first because nodes are numbered depth
 * first (see {@link ExtensiveGame}).
 *
 * @param behaviour - flat behaviour profile in `layout` order (action probabilities per set)
 * @returns `r[v]` per node v
 * @throws {LinkageError} E_DOMAIN when `behaviour.length` differs from `layout.size`
 * @example terminalRealisation(game, Float64Array.of(0.4, 0.6, 0.5, 0.5), layout) // => r with r[0] = 1
 */
export function terminalRealisation(
  game: ExtensiveGame,
  behaviour: Float64Array,
  layout: BehaviourLayout,
): Float64Array {
  if (behaviour.length !== layout.size) {
    throw new LinkageError(
      "E_DOMAIN",
      `terminalRealisation: behaviour profile has ${behaviour.length} entries, expected ${layout.size}`,
    );
  }
  const n = game.nodeKind.length;
  const reach = new Float64Array(n);
  if (n === 0) return reach;
  const chance = chanceProbabilities(game);
  reach[0] = 1;
  for (let v = 0; v < n; v++) {
    const kind = game.nodeKind[v]!;
    if (kind === TERMINAL) continue;
    const h = game.nodeInfoset[v]!;
    const first = game.childStart[v]!;
    const count = game.childStart[v + 1]! - first;
    const r = reach[v]!;
    const probs = kind === CHANCE ? chance[h]! : behaviour;
    const base = kind === CHANCE ? 0 : layout.offset[h]!;
    for (let a = 0; a < count; a++) reach[game.children[first + a]!] = r * probs[base + a]!;
  }
  return reach;
}

/**
 * Each player's expected payoff under a behaviour profile: u_i(β) = Σ_z r(z) · Σ_{v ⪯ z} o_i(v),
 * the sum over terminal nodes z of the realisation probability (see {@link terminalRealisation})
 * times the payoffs of all outcomes on the path from the root to z (outcomes may sit on any node).
 * Source: Kuhn (1953); von Stengel, "Game Theory Basics" (2022), ch. 10.
 *
 * @param behaviour - flat behaviour profile in `layout` order
 * @returns a Float64Array with one expected payoff per player
 * @throws {LinkageError} E_DOMAIN when `behaviour.length` differs from `layout.size`
 * @example behaviourPayoffs(matchingPenniesTree, Float64Array.of(0.5, 0.5, 0.5, 0.5), layout) // => Float64Array [0, 0]
 */
export function behaviourPayoffs(
  game: ExtensiveGame,
  behaviour: Float64Array,
  layout: BehaviourLayout,
): Float64Array {
  const reach = terminalRealisation(game, behaviour, layout);
  const nPlayers = game.players.length;
  const n = game.nodeKind.length;
  // path payoff per node, filled parents first
  const path = new Float64Array(n * nPlayers);
  const result = new Float64Array(nPlayers);
  for (let v = 0; v < n; v++) {
    const parent = game.nodeParent[v]!;
    const o = game.nodeOutcome[v]!;
    for (let i = 0; i < nPlayers; i++) {
      path[v * nPlayers + i] =
        (parent >= 0 ? path[parent * nPlayers + i]! : 0) +
        (o >= 0 ? game.outcomePayoffs[o * nPlayers + i]! : 0);
    }
    if (game.nodeKind[v] === TERMINAL && reach[v]! !== 0) {
      for (let i = 0; i < nPlayers; i++)
        result[i] = result[i]! + reach[v]! * path[v * nPlayers + i]!;
    }
  }
  return result;
}

/** Chance probabilities as doubles per information set (empty for personal sets). */
function chanceProbabilities(game: ExtensiveGame): Float64Array[] {
  return game.infosets.map((set) =>
    set.probabilities === null
      ? new Float64Array(0)
      : Float64Array.from(set.probabilities, toNumber),
  );
}
