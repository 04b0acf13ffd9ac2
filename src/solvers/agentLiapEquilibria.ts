import { LinkageError } from "../errors/LinkageError.js";
import { type BehaviourLayout, behaviourLayout } from "../games/behaviourLayout.js";
import { behaviourToMixed } from "../games/behaviourToMixed.js";
import { CHANCE, type ExtensiveGame, NATURE, PERSONAL } from "../games/extensiveGame.js";
import { mixedToBehaviour } from "../games/mixedToBehaviour.js";
import { assertPerfectRecall } from "../games/perfectRecall.js";
import { type ReducedStrategicForm, reducedStrategicForm } from "../games/reducedStrategicForm.js";
import { minimizeBounded, type SmoothObjective } from "../math/minimizeBounded.js";
import { randomStream } from "../math/randomStream.js";
import { toNumber } from "../math/rational.js";
import type { LiapMinimum, LiapOptions, LiapResult } from "./liapEquilibria.js";
import { refineEquilibrium } from "./newtonRefine.js";
import { behaviourRegret } from "./regret.js";

/** Weight of the penalty that holds each information set's probabilities to a sum of one. */
const SIMPLEX_PENALTY = 1;
/** A profile is an equilibrium when its regret is at most this share of the payoff spread. */
const EQUILIBRIUM_TOLERANCE = 1e-9;
/** Two equilibria are the same when no probability differs by more than this. */
const SAME_PROFILE = 1e-6;
/** Minimisations from one start: the first, then restarts from its result while L keeps falling. */
const POLISHES = 4;
/** A restart that leaves L above this share of its value, away from zero, ends the start. */
const STALL = 0.5;
/** Below this L is near a zero: restarts continue while they lower it at all. */
const POLISH_BELOW = 1e-10;
/** A minimum whose regret is above this share of the spread is finished by Newton's method. */
const POLISH_TARGET = 1e-12;
/** Largest reduced strategic form (pure profiles) built for that finishing step. */
const POLISH_MAX_PROFILES = 1e5;

/**
 * Nash equilibria of an extensive game with perfect recall in behaviour strategies, by
 * minimising a Lyapunov function of its agent form from several starting points (what
 * gambit-liap computes on an extensive game with `-A` in Gambit 17, and by default in Gambit 16).
 *
 * The variables are the behaviour probabilities β, one simplex per information set (the agents).
 * Agent h of player i deviating to action a gains the counterfactual regret
 *   r(h, a) = Σ_{x∈h} π₋ᵢ(x)·(Wᵢ(x·a) − Σ_b β(h, b)·Wᵢ(x·b)),
 * where π₋ᵢ(x) is the probability that chance and the other players lead to x and Wᵢ(y) is i's
 * expected payoff below y under β (Zinkevich, Johanson, Bowling and Piccione 2007). The function
 *   L(β) = Σ_h Σ_a max(0, r(h, a))² + Σ_h (Σ_a β(h, a) − 1)²,
 * payoffs divided by their spread, over the box 0 ≤ β ≤ 1, is minimised by the projected
 * quasi-Newton method of `math/minimizeBounded` with its analytic gradient (a forward and a
 * backward pass over the tree per player: O(nodes · players) an evaluation). Weighting each
 * agent by π₋ᵢ rather than by its full probability of being reached makes the zeros of L Nash
 * equilibria: when no agent of player i has a positive counterfactual regret, i's behaviour is a
 * best response at every information set the others let it reach, so no deviation of i — at any
 * number of its information sets — pays (by induction over i's sequences, perfect recall). With
 * full reach probabilities an agent that i's own earlier move excludes could play anything and L
 * would vanish at profiles that are not equilibria. The zeros are the Nash equilibria that also
 * play well at information sets excluded only by the player's own moves, and every game has one
 * (change any equilibrium there to best replies). Each start's minimum is normalised per
 * information set; when its regret (behaviourRegret: the best response over the whole strategy,
 * not one agent's) is above 1e-12 of the payoff spread — a sum of squares closes in slowly on its
 * zeros, and may stop at a local minimum near one — it is finished as strategic liap finishes
 * its minima, by Newton's method on the supports of the reduced strategic form
 * (refineEquilibrium, forms up to 10⁵ pure profiles), taken back to behaviour strategies where
 * the refined play reaches and left to the agents elsewhere. It is kept when its regret is then
 * at most 1e-9 of the spread; others are reported in `minima` only. Starts: uniform play at
 * every information set, then uniform draws from each set's simplex, one seeded random stream
 * per start.
 *
 * Sources: R. D. McKelvey, "A Liapunov function for Nash equilibria" (1998, Caltech working
 * paper); M. Zinkevich, M. Johanson, M. Bowling and C. Piccione, "Regret minimization in games
 * with incomplete information", NIPS 20 (2007) (counterfactual regret and its bound on regret).
 *
 * @throws {LinkageError} E_DOMAIN when `starts` is not a whole number ≥ 1; E_INPUT when the game
 *   lacks perfect recall
 * @example
 * agentLiapEquilibria(matchingPenniesTree).equilibria[0] // => Float64Array [0.5, 0.5, 0.5, 0.5]
 */
export function agentLiapEquilibria(game: ExtensiveGame, options: LiapOptions = {}): LiapResult {
  const starts = options.starts ?? 10;
  if (!(Number.isInteger(starts) && starts >= 1)) {
    throw new LinkageError(
      "E_DOMAIN",
      `liap needs a whole number of starting points ≥ 1, got ${starts}`,
    );
  }
  assertPerfectRecall(game, "liap (agent form)");
  const seed = options.seed ?? 0;
  const layout = behaviourLayout(game);
  const size = layout.size;
  const scale = extensivePayoffScale(game);
  const lyapunov = agentLyapunovObjective(game);
  const lower = new Float64Array(size);
  const upper = new Float64Array(size).fill(1);
  const sets = personalSets(game, layout.offset);
  const minima: LiapMinimum[] = [];
  const equilibria: Float64Array[] = [];
  const deadline =
    options.maxSeconds === undefined
      ? Number.POSITIVE_INFINITY
      : Date.now() + options.maxSeconds * 1000;
  let truncated = false;
  let reduced: ReducedStrategicForm | null | undefined;
  for (let start = 0; start < starts; start++) {
    if (start > 0 && Date.now() > deadline) {
      truncated = true;
      break;
    }
    let x = startingBehaviour(sets, size, start, seed);
    let value = Number.POSITIVE_INFINITY;
    // minimisations with tolerances at rounding level (L is a sum of squared regrets), each
    // restarting the quasi-Newton model from the last result put back on the simplices, while
    // that lowers L (near zero) or halves it (elsewhere)
    for (let round = 0; round < POLISHES; round++) {
      const found = minimizeBounded(lyapunov, x, {
        lower,
        upper,
        maxIterations: options.maxIterations ?? 1000,
        gradientTolerance: 1e-24,
        valueTolerance: 1e-32,
      });
      const next = normalised(found.x, sets);
      const nextValue = lyapunov(next, new Float64Array(size));
      if (!(nextValue < value)) break;
      // a local minimum away from zero that a restart barely lowers: stop there
      const stalled = nextValue > STALL * value && nextValue > POLISH_BELOW;
      x = next;
      value = nextValue;
      if (value === 0 || stalled) break;
    }
    let regret = behaviourRegret(game, x).max;
    if (regret > POLISH_TARGET * scale) {
      // a minimum short of an accurate equilibrium (a sum of squares closes in slowly on its
      // zeros, and may stop at a local minimum nearby): finish with Newton's method on the
      // reduced form
      reduced ??= reducedFormOrNull(game);
      const polished = reduced ? polishedBehaviour(game, layout, reduced, x) : null;
      if (polished) {
        const polishedRegret = behaviourRegret(game, polished).max;
        if (polishedRegret < regret) {
          x = polished;
          regret = polishedRegret;
        }
      }
    }
    minima.push({ start, value, profile: x, regret });
    if (regret > EQUILIBRIUM_TOLERANCE * scale) continue;
    const known = equilibria.some((e) => e.every((p, k) => Math.abs(p - x[k]!) <= SAME_PROFILE));
    if (!known) equilibria.push(x);
  }
  return { equilibria, minima, truncated };
}

/** The reduced strategic form for polishing, or null when it is too large (then no polishing). */
function reducedFormOrNull(game: ExtensiveGame): ReducedStrategicForm | null {
  try {
    return reducedStrategicForm(game, { maxProfiles: POLISH_MAX_PROFILES });
  } catch (error) {
    if (error instanceof LinkageError && error.code === "E_INPUT") return null;
    throw error;
  }
}

/**
 * A near-equilibrium behaviour profile finished on the reduced strategic form: its mixed
 * strategies (behaviourToMixed) refined by Newton's method on their supports
 * (refineEquilibrium), and back in behaviour strategies (mixedToBehaviour) at every information
 * set the refined strategies reach; sets that a player's own refined play excludes keep their
 * agents' choices (they change no play, so the profile stays an equilibrium if the refined one
 * is). Null when refinement did not lower the regret.
 */
function polishedBehaviour(
  game: ExtensiveGame,
  layout: BehaviourLayout,
  reduced: ReducedStrategicForm,
  behaviour: Float64Array,
): Float64Array | null {
  const mixed = behaviourToMixed(reduced, behaviour, layout);
  const flat = new Float64Array(mixed.reduce((total, m) => total + m.length, 0));
  let at = 0;
  for (const m of mixed) {
    flat.set(m, at);
    at += m.length;
  }
  const refined = refineEquilibrium(reduced.game, flat);
  if (!refined.refined) return null;
  const parts: Float64Array[] = [];
  at = 0;
  for (const m of mixed) {
    parts.push(refined.profile.slice(at, at + m.length));
    at += m.length;
  }
  const back = mixedToBehaviour(game, reduced, parts);
  // sets no plan of positive probability reaches came back uniform: keep the agents' play there
  layout.playerInfosets.forEach((sets, p) => {
    const plans = reduced.plans[p]!;
    const K = sets.length;
    sets.forEach((h, k) => {
      let reached = false;
      for (let s = 0; s < parts[p]!.length && !reached; s++)
        if (parts[p]![s]! > 0 && plans[s * K + k]! >= 0) reached = true;
      if (reached) return;
      const first = layout.offset[h]!;
      for (let a = 0; a < game.infosets[h]!.actions.length; a++)
        back[first + a] = behaviour[first + a]!;
    });
  });
  return back;
}

/** The personal information sets as [offset in the profile, number of actions] pairs. */
function personalSets(game: ExtensiveGame, offset: Int32Array): [number, number][] {
  const sets: [number, number][] = [];
  game.infosets.forEach((set, h) => {
    if (set.player !== NATURE) sets.push([offset[h]!, set.actions.length]);
  });
  return sets;
}

/** Each information set's probabilities divided by their sum (uniform when all are zero). */
function normalised(x: Float64Array, sets: readonly [number, number][]): Float64Array {
  const out = x.slice();
  for (const [at, count] of sets) {
    let sum = 0;
    for (let k = at; k < at + count; k++) sum += out[k]!;
    for (let k = at; k < at + count; k++) out[k] = sum > 0 ? out[k]! / sum : 1 / count;
  }
  return out;
}

/** Start 0: uniform play at every set; later starts: uniform draws from each set's simplex. */
function startingBehaviour(
  sets: readonly [number, number][],
  size: number,
  start: number,
  seed: number,
): Float64Array {
  const x = new Float64Array(size);
  const rng = start === 0 ? null : randomStream(seed, start);
  for (const [at, count] of sets) {
    let sum = 0;
    for (let k = at; k < at + count; k++) {
      x[k] = rng ? -Math.log(1 - rng.next()) : 1;
      sum += x[k]!;
    }
    for (let k = at; k < at + count; k++) x[k] = x[k]! / sum;
  }
  return x;
}

/**
 * The spread of an extensive game's payoffs: max − min over every player's payoff at every
 * terminal node (outcomes summed along the path), or max(1, |payoff|) when they are all equal.
 */
export function extensivePayoffScale(game: ExtensiveGame): number {
  const nPlayers = game.players.length;
  const n = game.nodeKind.length;
  const { nodeParent, nodeOutcome, outcomePayoffs, childStart } = game;
  const total = new Float64Array(n * nPlayers);
  let high = Number.NEGATIVE_INFINITY;
  let low = Number.POSITIVE_INFINITY;
  for (let v = 0; v < n; v++) {
    const parent = nodeParent[v]!;
    const o = nodeOutcome[v]!;
    for (let p = 0; p < nPlayers; p++) {
      const own = o >= 0 ? outcomePayoffs[o * nPlayers + p]! : 0;
      total[v * nPlayers + p] = (parent >= 0 ? total[parent * nPlayers + p]! : 0) + own;
    }
    if (childStart[v + 1] === childStart[v]) {
      for (let p = 0; p < nPlayers; p++) {
        const value = total[v * nPlayers + p]!;
        if (value > high) high = value;
        if (value < low) low = value;
      }
    }
  }
  if (!(high > low)) return Math.max(1, Math.abs(high) || 0);
  return high - low;
}

/**
 * The Lyapunov function of {@link agentLiapEquilibria} as a smooth objective over the flat
 * behaviour profile (Gambit's order, see behaviourLayout): returns L(β) and writes its gradient.
 *
 * Gradient, by reverse accumulation over the tree for each player i: with
 * c(h, a) = 2·r⁺(h, a) − 2·β(h, a)·Σ_b r⁺(h, b) (r⁺ = max(0, r), payoffs scaled),
 * ∂L/∂β(h, a) gains −2·Σ_b r⁺(h, b)·v(h, a) directly (v(h, a) = Σ_{x∈h} π₋ᵢ(x)·Wᵢ(x·a)), and the
 * adjoints of Wᵢ (seeded with π₋ᵢ(x)·c(h, a) at x·a, passed down to children times the action's
 * probability) and of π₋ᵢ (seeded with Σ_a c(h, a)·Wᵢ(x·a) at x, passed up to parents times the
 * action's probability when another player moves) give the rest.
 */
export function agentLyapunovObjective(game: ExtensiveGame): SmoothObjective {
  const layout = behaviourLayout(game);
  const size = layout.size;
  const nPlayers = game.players.length;
  const n = game.nodeKind.length;
  const { nodeKind, childStart, children, nodeInfoset, nodeOutcome, outcomePayoffs } = game;
  const scale = extensivePayoffScale(game);
  const nSets = game.infosets.length;
  const setOffset = layout.offset;
  const chance = game.infosets.map((set) =>
    set.player === NATURE ? Float64Array.from(set.probabilities!, toNumber) : null,
  );
  const reach = new Float64Array(n); // π₋ᵢ
  const below = new Float64Array(n); // Wᵢ
  const belowBar = new Float64Array(n); // ∂L/∂Wᵢ
  const reachBar = new Float64Array(n); // ∂L/∂π₋ᵢ
  const coefficient = new Float64Array(size); // max(0, r(h, a)), then c(h, a)
  const counterfactual = new Float64Array(size); // v(h, a)
  const moverOf = new Int32Array(n).fill(-2);
  for (let v = 0; v < n; v++) {
    if (nodeKind[v] === PERSONAL) moverOf[v] = game.infosets[nodeInfoset[v]!]!.player;
    else if (nodeKind[v] === CHANCE) moverOf[v] = NATURE;
  }
  const setPlayer = Int32Array.from(game.infosets, (s) => s.player);
  const setSize = Int32Array.from(game.infosets, (s) => s.actions.length);
  const hasSets = game.players.map((_, i) => game.infosets.some((s) => s.player === i));
  // per edge k (child k of its parent): the profile entry of its action, or −1 and the chance
  // probability in `edgeChance`
  const edgeVar = new Int32Array(children.length).fill(-1);
  const edgeChance = new Float64Array(children.length);
  for (let v = 0; v < n; v++) {
    const h = nodeInfoset[v]!;
    for (let k = childStart[v]!; k < childStart[v + 1]!; k++) {
      const a = k - childStart[v]!;
      if (nodeKind[v] === CHANCE) edgeChance[k] = chance[h]![a]!;
      else edgeVar[k] = setOffset[h]! + a;
    }
  }
  // the payoff collected at each node, per player, scaled
  const ownPayoff = new Float64Array(n * nPlayers);
  for (let v = 0; v < n; v++) {
    const o = nodeOutcome[v]!;
    if (o >= 0)
      for (let p = 0; p < nPlayers; p++)
        ownPayoff[v * nPlayers + p] = outcomePayoffs[o * nPlayers + p]! / scale;
  }
  const at = new Int32Array(n).fill(-1); // profile offset of a personal node's set
  for (let v = 0; v < n; v++) if (nodeKind[v] === PERSONAL) at[v] = setOffset[nodeInfoset[v]!]!;

  return (beta: Float64Array, gradient: Float64Array): number => {
    const p = (k: number): number => {
      const e = edgeVar[k]!;
      return e >= 0 ? beta[e]! : edgeChance[k]!;
    };
    gradient.fill(0);
    let value = 0;
    for (let h = 0; h < nSets; h++) {
      if (setPlayer[h] === NATURE) continue;
      const first = setOffset[h]!;
      const end = first + setSize[h]!;
      let sum = 0;
      for (let k = first; k < end; k++) sum += beta[k]!;
      const excess = sum - 1;
      value += SIMPLEX_PENALTY * excess * excess;
      for (let k = first; k < end; k++) gradient[k]! += 2 * SIMPLEX_PENALTY * excess;
    }
    for (let i = 0; i < nPlayers; i++) {
      if (!hasSets[i]) continue;
      // π₋ᵢ top-down (parents precede children in depth-first numbering)
      reach[0] = 1;
      for (let v = 0; v < n; v++) {
        const own = moverOf[v] === i;
        const r = reach[v]!;
        for (let k = childStart[v]!; k < childStart[v + 1]!; k++)
          reach[children[k]!] = own ? r : r * p(k);
      }
      // Wᵢ bottom-up
      for (let v = n - 1; v >= 0; v--) {
        let w = ownPayoff[v * nPlayers + i]!;
        for (let k = childStart[v]!; k < childStart[v + 1]!; k++) w += p(k) * below[children[k]!]!;
        below[v] = w;
      }
      // counterfactual values v(h, a) and regrets at i's sets
      for (let h = 0; h < nSets; h++) {
        if (setPlayer[h] !== i) continue;
        counterfactual.fill(0, setOffset[h]!, setOffset[h]! + setSize[h]!);
      }
      for (let v = 0; v < n; v++) {
        if (moverOf[v] !== i) continue;
        const base = at[v]! - childStart[v]!;
        for (let k = childStart[v]!; k < childStart[v + 1]!; k++)
          counterfactual[base + k]! += reach[v]! * below[children[k]!]!;
      }
      for (let h = 0; h < nSets; h++) {
        if (setPlayer[h] !== i) continue;
        const first = setOffset[h]!;
        const end = first + setSize[h]!;
        let mean = 0;
        for (let k = first; k < end; k++) mean += beta[k]! * counterfactual[k]!;
        let total = 0;
        for (let k = first; k < end; k++) {
          const r = Math.max(0, counterfactual[k]! - mean);
          coefficient[k] = r;
          value += r * r;
          total += r;
        }
        // the direct term, then c(h, a) for the adjoint seeds
        for (let k = first; k < end; k++) {
          gradient[k]! -= 2 * total * counterfactual[k]!;
          coefficient[k] = 2 * coefficient[k]! - 2 * beta[k]! * total;
        }
      }
      // seeds of the adjoints at i's nodes
      belowBar.fill(0);
      reachBar.fill(0);
      for (let v = 0; v < n; v++) {
        if (moverOf[v] !== i) continue;
        const base = at[v]! - childStart[v]!;
        let seed = 0;
        for (let k = childStart[v]!; k < childStart[v + 1]!; k++) {
          const c = coefficient[base + k]!;
          belowBar[children[k]!] = reach[v]! * c;
          seed += c * below[children[k]!]!;
        }
        reachBar[v] = seed;
      }
      // Wᵢ's adjoint top-down: W(v) = own + Σ_a p(v, a)·W(v·a)
      for (let v = 0; v < n; v++) {
        const bar = belowBar[v]!;
        if (bar === 0) continue;
        for (let k = childStart[v]!; k < childStart[v + 1]!; k++) {
          const child = children[k]!;
          belowBar[child]! += p(k) * bar;
          const e = edgeVar[k]!;
          if (e >= 0) gradient[e]! += bar * below[child]!;
        }
      }
      // π₋ᵢ's adjoint bottom-up: π(v·a) = π(v)·p(v, a) when another player or chance moves
      for (let v = n - 1; v >= 0; v--) {
        const mover = moverOf[v]!;
        if (mover === -2) continue;
        let sum = 0;
        for (let k = childStart[v]!; k < childStart[v + 1]!; k++) {
          const childBar = reachBar[children[k]!]!;
          if (childBar === 0) continue;
          if (mover === i) sum += childBar;
          else {
            sum += childBar * p(k);
            const e = edgeVar[k]!;
            if (e >= 0) gradient[e]! += childBar * reach[v]!;
          }
        }
        reachBar[v]! += sum;
      }
    }
    return value;
  };
}
