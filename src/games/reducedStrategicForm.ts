import { LinkageError } from "../errors/LinkageError.js";
import { add, multiply, ONE, type Rational, toNumber, ZERO } from "../math/rational.js";
import { behaviourLayout } from "./behaviourLayout.js";
import { CHANCE, type ExtensiveGame, PERSONAL, TERMINAL } from "./extensiveGame.js";
import { assertPerfectRecall } from "./perfectRecall.js";
import type { StrategicGame } from "./strategicGame.js";

/** The most pure profiles {@link reducedStrategicForm} will tabulate. */
export const MAX_REDUCED_PROFILES = 10_000_000;

/** A reduced strategic form and the plan behind each of its strategies. */
export interface ReducedStrategicForm {
  /** Strategies are the reduced plans; profiles are indexed as in {@link StrategicGame}. */
  readonly game: StrategicGame;
  /**
   * Per player p, with K_p = `behaviourLayout(game).playerInfosets[p].length`:
   * `plans[p][s * K_p + k]` is the action index plan s takes at p's k-th information set, or −1
   * when plan s's own earlier moves exclude that set.
   */
  readonly plans: readonly Int32Array[];
}

/** Options of {@link reducedStrategicForm}. */
export interface ReducedStrategicFormOptions {
  /** Refuse (E_INPUT) when the form would have more pure profiles than this. @default MAX_REDUCED_PROFILES */
  readonly maxProfiles?: number;
}

/**
 * The reduced strategic form of an extensive game with perfect recall: each player's strategies
 * are its reduced pure strategies (plans), and payoffs are expected payoffs over chance.
 *
 * A plan of player i fixes an action at every set of i that i's own earlier choices in the plan
 * do not exclude, and nothing at the others; pure strategies that differ only at excluded sets
 * collapse into one plan (von Stengel, "Game Theory Basics" (2022), ch. 10; Gambit's
 * "reduced normal form"). Under perfect recall each set h of i has a unique own parent move
 * (h', a') (or none), and h is reachable under plan s iff h' is and s(h') = a'.
 *
 * Order of plans — Gambit 17's order of reduced strategies, so mixed profiles over this form can
 * be compared with Gambit's `enummixed` and `enumpure -S` answers on `.efg` files position by
 * position. List i's information sets in order of first appearance in a depth-first, left-to-right
 * walk of the tree (layout order, `behaviourLayout(game).playerInfosets[i]`; not the sets' numbers
 * in the file). Plans are ordered lexicographically by their actions at these sets, the first set
 * most significant: an odometer over the actions at the sets the plan reaches, the last set
 * turning fastest, with sets excluded by the plan's own earlier moves skipped (nested loops, first
 * set outermost). Under perfect recall a set's own parent set comes earlier in that order, so two
 * plans first differ at a set both reach, and where excluded sets would sort never matters. This rule was derived from Gambit's answers, not
 * its source: it reproduces every shared reference game (src/solvers/gambitReducedForm.test.ts),
 * while numbering sets as in the file, or letting the first set turn fastest, contradicts some
 * (e.g. tests/test_games/3_player.efg, reduction_both_players_payoff_ties_GTE_survey.efg).
 *
 * Labels concatenate each set's action label (its 1-based number when the label is empty), `*`
 * for an excluded set: e.g. `L*`, `Rl`, `Rr`; when any action name is longer than one character
 * the parts are separated by `/` (`support/withhold/*`). A player without information sets has
 * one plan, labelled "".
 *
 * Payoffs: u_i(s) = Σ_z P(z | s) · Σ_{v ⪯ z} o_i(v), the chance probability of reaching terminal
 * node z under the pure profile s times the sum of the outcomes on z's path (outcomes may sit on
 * internal nodes); computed exactly in rationals (`exactPayoffs`), `payoffs` being the nearest
 * doubles. Cost O(profiles · nodes reached per profile).
 *
 * @throws {LinkageError} E_INPUT when the game lacks perfect recall, when a player's information
 * sets are not in order of first appearance, or when the form would have more than
 * {@link MAX_REDUCED_PROFILES} pure profiles
 * @example
 * // player 1 chooses L or R at the root and again (l or r) after R:
 * reducedStrategicForm(game).game.strategies[0] // => ["L*", "Rl", "Rr"]
 */
export function reducedStrategicForm(
  game: ExtensiveGame,
  { maxProfiles = MAX_REDUCED_PROFILES }: ReducedStrategicFormOptions = {},
): ReducedStrategicForm {
  assertPerfectRecall(game, "reducedStrategicForm");
  const layout = behaviourLayout(game);
  const n = game.nodeKind.length;

  const firstNode = new Int32Array(game.infosets.length).fill(-1);
  for (let v = n - 1; v >= 0; v--)
    if (game.nodeKind[v] !== TERMINAL) firstNode[game.nodeInfoset[v]!] = v;
  const position = new Int32Array(game.infosets.length).fill(-1);
  for (const sets of layout.playerInfosets) {
    sets.forEach((h, k) => {
      position[h] = k;
    });
  }

  const structures = layout.playerInfosets.map((sets, p) =>
    planStructure(game, p, sets, firstNode, position),
  );
  const counts = structures.map(countPlans);
  const total = counts.reduce((a, b) => a * b, 1);
  if (total > maxProfiles) {
    throw new LinkageError(
      "E_INPUT",
      `the reduced strategic form would have ${total.toExponential(3)} pure profiles (${counts.join(" × ")} plans), more than the limit of ${maxProfiles}`,
    );
  }
  const plans = structures.map((s, p) => enumeratePlans(s, counts[p]!));
  const strategies = structures.map((s, p) => planLabels(game, s, plans[p]!, counts[p]!));

  const exactPayoffs = tabulatePayoffs(game, structures, plans, counts, position, total);
  return {
    game: {
      title: game.title,
      comment: game.comment,
      players: [...game.players],
      strategies,
      payoffs: Float64Array.from(exactPayoffs, toNumber),
      exactPayoffs,
      outcomes: null,
    },
    plans,
  };
}

/** One player's sets in layout order, with each set's own parent move (position −1: none). */
interface PlanStructure {
  readonly sets: readonly number[];
  readonly actionCount: Int32Array;
  readonly parentPosition: Int32Array;
  readonly parentAction: Int32Array;
}

function planStructure(
  game: ExtensiveGame,
  player: number,
  sets: readonly number[],
  firstNode: Int32Array,
  position: Int32Array,
): PlanStructure {
  const K = sets.length;
  const actionCount = new Int32Array(K);
  const parentPosition = new Int32Array(K).fill(-1);
  const parentAction = new Int32Array(K).fill(-1);
  sets.forEach((h, k) => {
    actionCount[k] = game.infosets[h]!.actions.length;
    // under perfect recall every node of h has the same nearest own ancestor move; use the first
    let child = firstNode[h]!;
    let u = child >= 0 ? game.nodeParent[child]! : -1;
    while (u >= 0) {
      if (game.nodeKind[u] === PERSONAL && game.infosets[game.nodeInfoset[u]!]!.player === player) {
        const start = game.childStart[u]!;
        let a = 0;
        while (game.children[start + a] !== child) a++;
        parentPosition[k] = position[game.nodeInfoset[u]!]!;
        parentAction[k] = a;
        break;
      }
      child = u;
      u = game.nodeParent[u]!;
    }
    if (parentPosition[k]! >= k) {
      throw new LinkageError(
        "E_INPUT",
        `reducedStrategicForm: information sets of player ${player + 1} are not in order of first appearance`,
      );
    }
  });
  return { sets, actionCount, parentPosition, parentAction };
}

/**
 * Number of plans: c(h) = Σ_a Π_{h' follows (h, a)} c(h'), and the player's count is the product
 * of c over sets with no own parent. Doubles (overflow to Infinity only makes the limit fire).
 */
function countPlans(s: PlanStructure): number {
  const K = s.sets.length;
  const below = s.actionCount.reduce((acc, m) => acc + m, 0);
  const start = new Int32Array(K + 1);
  for (let k = 0; k < K; k++) start[k + 1] = start[k]! + s.actionCount[k]!;
  const product = new Float64Array(below).fill(1);
  let total = 1;
  for (let k = K - 1; k >= 0; k--) {
    let c = 0;
    for (let a = 0; a < s.actionCount[k]!; a++) c += product[start[k]! + a]!;
    const parent = s.parentPosition[k]!;
    if (parent < 0) total *= c;
    else {
      const slot = start[parent]! + s.parentAction[k]!;
      product[slot] = product[slot]! * c;
    }
  }
  return total;
}

/** All plans in lexicographic order (first set slowest): an odometer skipping excluded sets. */
function enumeratePlans(s: PlanStructure, count: number): Int32Array {
  const K = s.sets.length;
  const out = new Int32Array(count * K);
  const current = new Int32Array(K);
  const resetFrom = (k0: number): void => {
    for (let k = k0; k < K; k++) {
      const parent = s.parentPosition[k]!;
      current[k] = parent < 0 || current[parent] === s.parentAction[k] ? 0 : -1;
    }
  };
  resetFrom(0);
  for (let plan = 0; plan < count; plan++) {
    out.set(current, plan * K);
    let k = K - 1;
    while (k >= 0 && (current[k]! < 0 || current[k]! + 1 >= s.actionCount[k]!)) k--;
    if (k < 0) break;
    current[k] = current[k]! + 1;
    resetFrom(k + 1);
  }
  return out;
}

function planLabels(
  game: ExtensiveGame,
  s: PlanStructure,
  plans: Int32Array,
  count: number,
): string[] {
  const K = s.sets.length;
  const names = s.sets.map((h) =>
    game.infosets[h]!.actions.map((label, a) => label || String(a + 1)),
  );
  // one-character action names concatenate as Gambit writes them (`Rl`); longer ones get a separator
  const separator = names.every((list) => list.every((name) => name.length === 1)) ? "" : "/";
  const labels: string[] = [];
  for (let plan = 0; plan < count; plan++) {
    const parts: string[] = [];
    for (let k = 0; k < K; k++) {
      const a = plans[plan * K + k]!;
      parts.push(a < 0 ? "*" : names[k]![a]!);
    }
    labels.push(parts.join(separator));
  }
  return labels;
}

/** Exact expected payoffs, row-major by profile (player 1's plan fastest). */
function tabulatePayoffs(
  game: ExtensiveGame,
  structures: readonly PlanStructure[],
  plans: readonly Int32Array[],
  counts: readonly number[],
  position: Int32Array,
  total: number,
): Rational[] {
  const nPlayers = game.players.length;
  const n = game.nodeKind.length;
  // exact payoff sum along the path to each node, parents first (depth-first numbering)
  const path: Rational[] = new Array<Rational>(n * nPlayers);
  for (let v = 0; v < n; v++) {
    const parent = game.nodeParent[v]!;
    const o = game.nodeOutcome[v]!;
    for (let i = 0; i < nPlayers; i++) {
      const before = parent >= 0 ? path[parent * nPlayers + i]! : ZERO;
      path[v * nPlayers + i] = o >= 0 ? add(before, game.outcomes[o]!.payoffs[i]!) : before;
    }
  }
  const result: Rational[] = new Array<Rational>(total * nPlayers);
  const profile = new Int32Array(nPlayers);
  const stackNode = new Int32Array(n);
  const stackProb: Rational[] = new Array<Rational>(n);
  const acc: Rational[] = new Array<Rational>(nPlayers);
  for (let index = 0; index < total; index++) {
    acc.fill(ZERO);
    let top = 0;
    stackNode[0] = 0;
    stackProb[0] = ONE;
    while (top >= 0) {
      const v = stackNode[top]!;
      const prob = stackProb[top--]!;
      const kind = game.nodeKind[v]!;
      const first = game.childStart[v]!;
      if (kind === TERMINAL) {
        for (let i = 0; i < nPlayers; i++) {
          acc[i] = add(acc[i]!, multiply(prob, path[v * nPlayers + i]!));
        }
      } else if (kind === CHANCE) {
        const probabilities = game.infosets[game.nodeInfoset[v]!]!.probabilities!;
        for (let a = probabilities.length - 1; a >= 0; a--) {
          const q = probabilities[a]!;
          if (q.n === 0n) continue;
          stackNode[++top] = game.children[first + a]!;
          stackProb[top] = multiply(prob, q);
        }
      } else {
        const h = game.nodeInfoset[v]!;
        const p = game.infosets[h]!.player;
        const K = structures[p]!.sets.length;
        const a = plans[p]![profile[p]! * K + position[h]!]!;
        if (a < 0) {
          throw new LinkageError(
            "E_SOLVER",
            `reducedStrategicForm: plan ${profile[p]} of player ${p + 1} reaches node ${v} but is silent there`,
          );
        }
        stackNode[++top] = game.children[first + a]!;
        stackProb[top] = prob;
      }
    }
    for (let i = 0; i < nPlayers; i++) result[index * nPlayers + i] = acc[i]!;
    // next profile, player 1 fastest
    for (let p = 0; p < nPlayers; p++) {
      profile[p] = profile[p]! + 1;
      if (profile[p]! < counts[p]!) break;
      profile[p] = 0;
    }
  }
  return result;
}
