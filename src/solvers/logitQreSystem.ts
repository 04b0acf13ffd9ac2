import { LinkageError } from "../errors/LinkageError.js";
import { behaviourLayout } from "../games/behaviourLayout.js";
import { CHANCE, type ExtensiveGame, NATURE, PERSONAL, TERMINAL } from "../games/extensiveGame.js";
import { assertPerfectRecall } from "../games/perfectRecall.js";
import { profileCount, type StrategicGame } from "../games/strategicGame.js";
import { toNumber } from "../math/rational.js";
import { behaviourRegret, strategicRegret } from "./regret.js";

/**
 * The logit equations of a game, in the form the path follower of `logitQre.ts` needs.
 *
 * Variables are log-probabilities x = ln σ, grouped into blocks: one block per player of a
 * strategic game, or one per personal information set of an extensive game (agent form). Each
 * variable k has a value V_k(x): the expected payoff of choosing that strategy or action against
 * the rest of the profile σ = exp(x). A logit QRE at precision λ solves, per block b with first
 * variable b₀,
 *
 *   Σ_{k∈b} exp(x_k) = 1,   x_k − x_{b₀} − λ·(V_k(x) − V_{b₀}(x)) = 0   (k ∈ b, k ≠ b₀).
 *
 * Values are in *scaled* payoff units: the game's payoffs divided by {@link LogitSystem.scale}
 * (the spread of its payoffs), so that the scaled precision λ·scale is free of the payoff unit.
 */
export interface LogitSystem {
  /** Number of variables (Σ strategies over players, or Σ actions over personal sets). */
  readonly size: number;
  /** Block offsets, length blocks + 1: block b holds variables blockStart[b] … blockStart[b+1]−1. */
  readonly blockStart: Int32Array;
  /** The payoff unit: values are payoffs / scale (1 when all payoffs are equal). */
  readonly scale: number;
  /** Scaled values V(x) into `values` (length `size`). */
  values(x: Float64Array, values: Float64Array): void;
  /**
   * Scaled values and their Jacobian with respect to the log-probabilities:
   * `jacobian[k * size + m] = ∂V_k/∂x_m` (row-major).
   */
  valuesAndJacobian(x: Float64Array, values: Float64Array, jacobian: Float64Array): void;
  /** Regret of a probability profile (laid out like x), in the game's own payoff units. */
  regret(profile: Float64Array): number;
}

/**
 * The logit system of a strategic game with any number of players: one block per player, in
 * player order, strategies in file order — the layout of Gambit's mixed profiles.
 *
 * V_{p,s}(σ) = Σ_{pure profiles k with k_p = s} u_p(k) · Π_{q≠p} σ_q(k_q), and for q ≠ p
 * ∂V_{p,s}/∂x_{q,t} = σ_{q,t} · Σ_{k: k_p = s, k_q = t} u_p(k) · Π_{r≠p,q} σ_r(k_r) (0 for q = p).
 * One pass over the payoff table per Jacobian: O(N·P³) for N pure profiles and P players.
 * Payoffs are shifted per player (which changes no QRE) and divided by the largest spread.
 *
 * @throws {LinkageError} E_DOMAIN when a player has no strategies
 * @example strategicLogitSystem(strategicGameFromTables([2, 2], [[1, -1, -1, 1], [-1, 1, 1, -1]])).size // => 4
 */
export function strategicLogitSystem(game: StrategicGame): LogitSystem {
  const nPlayers = game.players.length;
  const counts = game.strategies.map((s) => s.length);
  counts.forEach((n, p) => {
    if (n === 0) throw new LinkageError("E_DOMAIN", `player ${p + 1} has no strategies`);
  });
  const blockStart = new Int32Array(nPlayers + 1);
  for (let p = 0; p < nPlayers; p++) blockStart[p + 1] = blockStart[p]! + counts[p]!;
  const size = blockStart[nPlayers]!;
  const total = profileCount(game);
  // shift each player's payoffs to start at 0, then divide by the largest spread
  const low = new Float64Array(nPlayers).fill(Number.POSITIVE_INFINITY);
  const high = new Float64Array(nPlayers).fill(Number.NEGATIVE_INFINITY);
  for (let k = 0; k < total; k++) {
    for (let p = 0; p < nPlayers; p++) {
      const u = game.payoffs[k * nPlayers + p]!;
      if (u < low[p]!) low[p] = u;
      if (u > high[p]!) high[p] = u;
    }
  }
  let spread = 0;
  for (let p = 0; p < nPlayers; p++) spread = Math.max(spread, high[p]! - low[p]!);
  const scale = spread > 0 ? spread : 1;
  const payoffs = new Float64Array(total * nPlayers);
  for (let k = 0; k < total; k++) {
    for (let p = 0; p < nPlayers; p++)
      payoffs[k * nPlayers + p] = (game.payoffs[k * nPlayers + p]! - low[p]!) / scale;
  }
  const sigma = new Float64Array(size);
  const digits = new Int32Array(nPlayers);
  const prob = new Float64Array(nPlayers); // σ_q(k_q) at the current profile

  const sweep = (x: Float64Array, values: Float64Array, jacobian: Float64Array | null): void => {
    for (let k = 0; k < size; k++) sigma[k] = Math.exp(x[k]!);
    values.fill(0);
    if (jacobian) jacobian.fill(0);
    digits.fill(0);
    for (let k = 0; k < total; k++) {
      for (let q = 0; q < nPlayers; q++) prob[q] = sigma[blockStart[q]! + digits[q]!]!;
      for (let p = 0; p < nPlayers; p++) {
        const u = payoffs[k * nPlayers + p]!;
        if (u === 0) continue;
        const row = blockStart[p]! + digits[p]!;
        let w = u;
        for (let q = 0; q < nPlayers; q++) if (q !== p) w *= prob[q]!;
        values[row] = values[row]! + w;
        if (!jacobian) continue;
        for (let q = 0; q < nPlayers; q++) {
          if (q === p) continue;
          // σ_{q,t} · Π_{r≠p,q} σ_r = Π_{r≠p} σ_r, i.e. w itself (no division, σ may underflow)
          const col = blockStart[q]! + digits[q]!;
          jacobian[row * size + col] = jacobian[row * size + col]! + w;
        }
      }
      for (let p = 0; p < nPlayers; p++) {
        if (++digits[p]! < counts[p]!) break;
        digits[p] = 0;
      }
    }
  };

  return {
    size,
    blockStart,
    scale,
    values: (x, values) => sweep(x, values, null),
    valuesAndJacobian: (x, values, jacobian) => sweep(x, values, jacobian),
    regret: (profile) =>
      strategicRegret(
        game,
        counts.map((_, p) => profile.subarray(blockStart[p]!, blockStart[p + 1]!)),
      ).max,
  };
}

/**
 * The logit system of the agent form of an extensive game with perfect recall: one block per
 * personal information set, in Gambit's behaviour order (player by player, sets in order of first
 * appearance, then actions; see `behaviourLayout`).
 *
 * The value of action a at set h of player i is its conditional expected payoff
 * V_{h,a} = Σ_{v∈h} μ(v)·W_i(child(v, a)), where W_i(w) is i's expected payoff from node w on
 * (outcomes at w and below) under the behaviour profile and chance, and μ are beliefs by Bayes'
 * rule from realisation probabilities: μ(v) ∝ r(v). Beliefs are computed from log-realisation
 * probabilities ℓ(v) = Σ ln π along the path, so sets that the profile reaches with a probability
 * that underflows (large λ) keep well-defined beliefs. A set reachable only through chance moves
 * of probability 0 (never reached by any profile) gets the limit of Bayes' rule when every zero
 * chance probability is replaced by ε → 0: only its nodes behind the fewest zero-probability chance
 * moves count, weighted by the product of the other probabilities on their paths — that is, the
 * conditional expected payoff computed with the profile as if the set were reached.
 *
 * The Jacobian is computed column by column in forward mode: for a variable x_{g,b},
 * ∂ℓ(v)/∂x_{g,b} is 1 when (g, b) lies on the path to v, ∂W/∂x_{g,b} follows the backward
 * recursion of W with π(g, b) replaced by its derivative β_{g,b}, and
 * ∂μ(v) = μ(v)·(∂ℓ(v) − Σ_w μ(w) ∂ℓ(w)). O(nodes·players) per column.
 * Source: McKelvey & Palfrey (1998), "Quantal response equilibria for extensive form games",
 * Experimental Economics 1, §2 (agent QRE).
 *
 * @throws {LinkageError} E_INPUT when the game lacks perfect recall (as Gambit, which refuses it)
 * @example agentLogitSystem(readEfg(text)).size // => Σ actions over personal information sets
 */
export function agentLogitSystem(game: ExtensiveGame): LogitSystem {
  assertPerfectRecall(game, "logit QRE (agent form)");
  const layout = behaviourLayout(game);
  const nPlayers = game.players.length;
  const n = game.nodeKind.length;
  const size = layout.size;
  const { nodeKind, nodeInfoset, nodeOutcome, childStart, children } = game;

  // blocks in profile order; the set of each block
  const blockSets = layout.playerInfosets.flat();
  const blockStart = new Int32Array(blockSets.length + 1);
  blockSets.forEach((h, b) => {
    blockStart[b + 1] = blockStart[b]! + game.infosets[h]!.actions.length;
  });
  const setNodes: number[][] = game.infosets.map(() => []);
  for (let v = 0; v < n; v++) if (nodeKind[v] !== TERMINAL) setNodes[nodeInfoset[v]!]!.push(v);

  // payoff scale: spread of path payoffs (sums of outcomes from the root to each terminal node)
  const path = new Float64Array(n * nPlayers);
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (let v = 0; v < n; v++) {
    const parent = game.nodeParent[v]!;
    const o = nodeOutcome[v]!;
    for (let p = 0; p < nPlayers; p++) {
      const here =
        (parent >= 0 ? path[parent * nPlayers + p]! : 0) +
        (o >= 0 ? game.outcomePayoffs[o * nPlayers + p]! : 0);
      path[v * nPlayers + p] = here;
      if (nodeKind[v] === TERMINAL) {
        low = Math.min(low, here);
        high = Math.max(high, here);
      }
    }
  }
  const scale = high > low ? high - low : 1;
  const outcome = new Float64Array(n * nPlayers); // scaled payoff collected at each node
  for (let v = 0; v < n; v++) {
    const o = nodeOutcome[v]!;
    if (o < 0) continue;
    for (let p = 0; p < nPlayers; p++)
      outcome[v * nPlayers + p] = game.outcomePayoffs[o * nPlayers + p]! / scale;
  }
  // chance probabilities and their logs per node's moves
  const chance = game.infosets.map((set) =>
    set.player === NATURE && set.probabilities
      ? Float64Array.from(set.probabilities, toNumber)
      : null,
  );

  // per-node state, reused between calls
  const prob = new Float64Array(children.length); // π of the move into children[k]
  const logProb = new Float64Array(children.length); // ln π, −∞ marks a zero chance move
  const zeros = new Int32Array(n); // zero-probability chance moves on the path
  // Σ ln π over the nonzero moves on the path, as an unevaluated sum hi + lo: the sums reach
  // −10⁶ and more at large λ while beliefs need their differences to full precision
  const ell = new Float64Array(n);
  const ellLow = new Float64Array(n);
  const w = new Float64Array(n * nPlayers); // W_p(v)
  const mu = new Float64Array(n); // beliefs, per node of its set
  const dEll = new Float64Array(n);
  const dW = new Float64Array(n * nPlayers);
  const moveVariable = new Int32Array(children.length).fill(-1); // variable index of each move

  for (let v = 0; v < n; v++) {
    if (nodeKind[v] !== PERSONAL) continue;
    const base = layout.offset[nodeInfoset[v]!]!;
    for (let k = childStart[v]!; k < childStart[v + 1]!; k++)
      moveVariable[k] = base + k - childStart[v]!;
  }

  const prepare = (x: Float64Array): void => {
    for (let v = 0; v < n; v++) {
      const kind = nodeKind[v]!;
      if (kind === TERMINAL) continue;
      const h = nodeInfoset[v]!;
      for (let k = childStart[v]!; k < childStart[v + 1]!; k++) {
        const a = k - childStart[v]!;
        if (kind === CHANCE) {
          const pr = chance[h]![a]!;
          prob[k] = pr;
          logProb[k] = pr > 0 ? Math.log(pr) : Number.NEGATIVE_INFINITY;
        } else {
          const xi = x[moveVariable[k]!]!;
          prob[k] = Math.exp(xi);
          logProb[k] = xi;
        }
      }
    }
    // top-down: zero-move counts and log-realisation (parents precede children)
    zeros[0] = 0;
    ell[0] = 0;
    ellLow[0] = 0;
    for (let v = 0; v < n; v++) {
      for (let k = childStart[v]!; k < childStart[v + 1]!; k++) {
        const c = children[k]!;
        const lp = logProb[k]!;
        if (lp === Number.NEGATIVE_INFINITY) {
          zeros[c] = zeros[v]! + 1;
          ell[c] = ell[v]!;
          ellLow[c] = ellLow[v]!;
        } else {
          zeros[c] = zeros[v]!;
          // Knuth's TwoSum: hi + err = ell[v] + lp exactly
          const a = ell[v]!;
          const hi = a + lp;
          const b = hi - a;
          const err = a - (hi - b) + (lp - b);
          ell[c] = hi;
          ellLow[c] = ellLow[v]! + err;
        }
      }
    }
    // bottom-up: expected payoffs from each node on
    for (let v = n - 1; v >= 0; v--) {
      for (let p = 0; p < nPlayers; p++) {
        let s = outcome[v * nPlayers + p]!;
        for (let k = childStart[v]!; k < childStart[v + 1]!; k++)
          s += prob[k]! * w[children[k]! * nPlayers + p]!;
        w[v * nPlayers + p] = s;
      }
    }
    // beliefs per set
    for (const h of blockSets) {
      const nodes = setNodes[h]!;
      let zmin = Number.POSITIVE_INFINITY;
      for (const v of nodes) zmin = Math.min(zmin, zeros[v]!);
      let top = -1;
      for (const v of nodes) {
        if (zeros[v] === zmin && (top < 0 || ell[v]! > ell[top]!)) top = v;
      }
      let sum = 0;
      for (const v of nodes) {
        const m =
          zeros[v] === zmin ? Math.exp(ell[v]! - ell[top]! + (ellLow[v]! - ellLow[top]!)) : 0;
        mu[v] = m;
        sum += m;
      }
      for (const v of nodes) mu[v] = mu[v]! / sum;
    }
  };

  const setValues = (values: Float64Array): void => {
    blockSets.forEach((h, b) => {
      const player = game.infosets[h]!.player;
      const first = blockStart[b]!;
      const count = blockStart[b + 1]! - first;
      for (let a = 0; a < count; a++) {
        let s = 0;
        for (const v of setNodes[h]!)
          s += mu[v]! * w[children[childStart[v]! + a]! * nPlayers + player]!;
        values[first + a] = s;
      }
    });
  };

  const jacobianColumn = (m: number, jacobian: Float64Array): void => {
    // forward derivative with respect to x_m
    dEll[0] = 0;
    for (let v = 0; v < n; v++) {
      for (let k = childStart[v]!; k < childStart[v + 1]!; k++)
        dEll[children[k]!] = dEll[v]! + (moveVariable[k] === m ? 1 : 0);
    }
    for (let v = n - 1; v >= 0; v--) {
      for (let p = 0; p < nPlayers; p++) {
        let s = 0;
        for (let k = childStart[v]!; k < childStart[v + 1]!; k++) {
          const c = children[k]!;
          s += prob[k]! * dW[c * nPlayers + p]!;
          if (moveVariable[k] === m) s += prob[k]! * w[c * nPlayers + p]!;
        }
        dW[v * nPlayers + p] = s;
      }
    }
    blockSets.forEach((h, b) => {
      const player = game.infosets[h]!.player;
      const first = blockStart[b]!;
      const count = blockStart[b + 1]! - first;
      const nodes = setNodes[h]!;
      let meanDEll = 0;
      for (const v of nodes) meanDEll += mu[v]! * dEll[v]!;
      for (let a = 0; a < count; a++) {
        let s = 0;
        for (const v of nodes) {
          const c = children[childStart[v]! + a]!;
          s +=
            mu[v]! * (dEll[v]! - meanDEll) * w[c * nPlayers + player]! +
            mu[v]! * dW[c * nPlayers + player]!;
        }
        jacobian[(first + a) * size + m] = s;
      }
    });
  };

  return {
    size,
    blockStart,
    scale,
    values: (x, values) => {
      prepare(x);
      setValues(values);
    },
    valuesAndJacobian: (x, values, jacobian) => {
      prepare(x);
      setValues(values);
      for (let m = 0; m < size; m++) jacobianColumn(m, jacobian);
    },
    regret: (profile) => behaviourRegret(game, profile).max,
  };
}
