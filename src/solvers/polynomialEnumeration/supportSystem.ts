import type { StrategicGame } from "../../games/strategicGame.js";
import { encloseSimplexLinear, roundingSlack, TINY } from "./intervalBox.js";
import { supportMembers } from "./supportProfiles.js";

/**
 * The polynomial system of one support profile (S₁ … Sₙ) of a strategic game, as coefficient
 * tensors, and its interval enclosures.
 *
 * Unknowns: for each player j, the probabilities σⱼ,ₜ of the support's strategies after the
 * first (t = 1 … |Sⱼ| − 1); the first is σⱼ,₀ = 1 − Σₜ σⱼ,ₜ. That is D = Σ (|Sⱼ| − 1) unknowns.
 * Equations: player i is indifferent between its first support strategy and each other one,
 *   Eᵢ,ₖ(σ₋ᵢ) = Σ_{s₋ᵢ ∈ S₋ᵢ} (uᵢ(Sᵢ[k], s₋ᵢ) − uᵢ(Sᵢ[0], s₋ᵢ)) Π_{j≠i} σⱼ,ₛⱼ = 0,
 * D equations, multilinear in the players' mixtures. Inequalities (no profitable deviation off
 * the support): Gᵢ,ₜ(σ₋ᵢ) = Σ (uᵢ(t, s₋ᵢ) − uᵢ(Sᵢ[0], s₋ᵢ)) Π σ ≤ 0 for each t ∉ Sᵢ.
 *
 * Each tensor runs over the other players' supports, the first other player's index fastest.
 * Enclosures contract one player's axis at a time with {@link encloseSimplexLinear} (the exact
 * range of a linear form over that player's box cut by its simplex, then treated as an interval
 * coefficient for the next player): sound, and of width O(box width).
 */
export interface SupportSystem {
  readonly players: number;
  /**
   * Per player, the support's strategies: the implicit one (probability 1 − Σ of the others)
   * first, the others in increasing order.
   */
  readonly supports: readonly Int32Array[];
  /** Per player, |Sⱼ|. */
  readonly size: Int32Array;
  /** Player j's probabilities sit at sigmaOffset[j] … sigmaOffset[j + 1] − 1 of a σ vector. */
  readonly sigmaOffset: Int32Array;
  /** Player j's unknowns sit at variableOffset[j] … variableOffset[j + 1] − 1. */
  readonly variableOffset: Int32Array;
  /** D, the number of unknowns and of equations. */
  readonly dimension: number;
  /** Per player i, the other players in order (the axes of i's tensors, fastest first). */
  readonly others: readonly Int32Array[];
  /** Per player i, the length of its tensors, Π_{j≠i} |Sⱼ|. */
  readonly tensorLength: Int32Array;
  /** Equation r (r < D) belongs to rowPlayer[r]; its tensor starts at rowStart[r] of coefficients. */
  readonly rowPlayer: Int32Array;
  readonly rowStart: Int32Array;
  /** The deviation inequalities: player and tensor start of each. */
  readonly deviationPlayer: Int32Array;
  readonly deviationStart: Int32Array;
  readonly coefficients: Float64Array;
}

/** Scratch buffers for the enclosures of one game's support systems (allocated once per game). */
export interface SystemWorkspace {
  /** σ intervals of the current box, by sigmaOffset. */
  readonly sLo: Float64Array;
  readonly sHi: Float64Array;
  readonly mid: Float64Array;
  readonly rad: Float64Array;
  readonly order: Int32Array;
  readonly pair: Float64Array;
  readonly axes: Int32Array;
}

/** A workspace large enough for every support system of this game. */
export function systemWorkspace(game: StrategicGame): SystemWorkspace {
  const sizes = game.strategies.map((s) => s.length);
  const total = sizes.reduce((a, b) => a + b, 0);
  let tensor = 1;
  for (const m of sizes) tensor *= m;
  const most = Math.max(1, ...sizes);
  return {
    sLo: new Float64Array(total),
    sHi: new Float64Array(total),
    mid: new Float64Array(tensor),
    rad: new Float64Array(tensor),
    order: new Int32Array(most),
    pair: new Float64Array(2),
    axes: new Int32Array(sizes.length),
  };
}

/**
 * Builds the system of a support profile.
 * @param masks - per player, the support as a bit mask (bit s: strategy s)
 * @param implicit - per player, the support strategy whose probability is 1 − Σ of the others
 *   (−1: the smallest); the others follow in increasing order. Near a root where that
 *   probability is tiny, 1 − Σ cannot resolve it: another choice makes it an unknown.
 */
export function supportSystem(
  game: StrategicGame,
  masks: Int32Array,
  implicit?: Int32Array,
): SupportSystem {
  const n = game.players.length;
  const sizes = game.strategies.map((s) => s.length);
  const supports = Array.from(masks, (mask, j) => {
    const members = supportMembers(mask);
    const first = implicit?.[j] ?? -1;
    if (first < 0) return Int32Array.from(members);
    if (((mask >>> first) & 1) === 0)
      throw new RangeError(`strategy ${first} is not in player ${j}'s support`);
    return Int32Array.from([first, ...members.filter((s) => s !== first)]);
  });
  const size = Int32Array.from(supports, (s) => s.length);
  const sigmaOffset = new Int32Array(n + 1);
  const variableOffset = new Int32Array(n + 1);
  for (let j = 0; j < n; j++) {
    sigmaOffset[j + 1] = sigmaOffset[j]! + size[j]!;
    variableOffset[j + 1] = variableOffset[j]! + size[j]! - 1;
  }
  const dimension = variableOffset[n]!;
  const stride = new Int32Array(n);
  let product = 1;
  for (let p = 0; p < n; p++) {
    stride[p] = product;
    product *= sizes[p]!;
  }
  const others = Array.from({ length: n }, (_, i) =>
    Int32Array.from(Array.from({ length: n }, (_, j) => j).filter((j) => j !== i)),
  );
  const tensorLength = Int32Array.from(others, (o) => o.reduce((a, j) => a * size[j]!, 1));
  // the others' pure profiles within their supports, as offsets into the payoff table
  const bases = others.map((o, i) => {
    const out = new Int32Array(tensorLength[i]!);
    for (let k = 0; k < out.length; k++) {
      let rest = k;
      let base = 0;
      for (const j of o) {
        base += supports[j]![rest % size[j]!]! * stride[j]!;
        rest = Math.floor(rest / size[j]!);
      }
      out[k] = base;
    }
    return out;
  });
  const rows: { player: number; strategy: number }[] = [];
  const deviations: { player: number; strategy: number }[] = [];
  for (let i = 0; i < n; i++) {
    for (let k = 1; k < size[i]!; k++) rows.push({ player: i, strategy: supports[i]![k]! });
    for (let t = 0; t < sizes[i]!; t++)
      if (((masks[i]! >>> t) & 1) === 0) deviations.push({ player: i, strategy: t });
  }
  const all = [...rows, ...deviations];
  const start = new Int32Array(all.length);
  let length = 0;
  all.forEach((row, r) => {
    start[r] = length;
    length += tensorLength[row.player]!;
  });
  const coefficients = new Float64Array(length);
  const payoffs = game.payoffs;
  all.forEach((row, r) => {
    const i = row.player;
    const first = supports[i]![0]!;
    const base = bases[i]!;
    for (let k = 0; k < base.length; k++) {
      const to = payoffs[(base[k]! + row.strategy * stride[i]!) * n + i]!;
      const from = payoffs[(base[k]! + first * stride[i]!) * n + i]!;
      coefficients[start[r]! + k] = to - from;
    }
  });
  return {
    players: n,
    supports,
    size,
    sigmaOffset,
    variableOffset,
    dimension,
    others,
    tensorLength,
    rowPlayer: Int32Array.from(rows, (r) => r.player),
    rowStart: start.slice(0, rows.length),
    deviationPlayer: Int32Array.from(deviations, (r) => r.player),
    deviationStart: start.slice(rows.length),
    coefficients,
  };
}

/**
 * Sets the workspace's σ intervals from a box of the unknowns [lo, hi]. Each first probability
 * is 1 − Σ of the others, enclosed with rounding slack. With `clip`, every σ is cut to [0, 1]
 * (for exclusion tests, which only care about the simplex); without, the enclosure covers the
 * whole box (as the Krawczyk test needs). Returns false when a clipped box misses the simplex.
 */
export function setSigma(
  system: SupportSystem,
  lo: Float64Array,
  hi: Float64Array,
  clip: boolean,
  ws: SystemWorkspace,
): boolean {
  const { sLo, sHi } = ws;
  for (let j = 0; j < system.players; j++) {
    const at = system.sigmaOffset[j]!;
    const m = system.size[j]!;
    if (m === 1) {
      sLo[at] = 1;
      sHi[at] = 1;
      continue;
    }
    const v0 = system.variableOffset[j]! - 1;
    let sumLo = 0;
    let sumHi = 0;
    let abs = 1;
    for (let t = 1; t < m; t++) {
      let l = lo[v0 + t]!;
      let h = hi[v0 + t]!;
      if (clip) {
        if (l < 0) l = 0;
        if (h > 1) h = 1;
        if (l > h) return false;
      }
      sLo[at + t] = l;
      sHi[at + t] = h;
      sumLo += l;
      sumHi += h;
      abs += Math.abs(l) + Math.abs(h);
    }
    const slack = roundingSlack(m) * abs + TINY;
    let l0 = 1 - sumHi - slack;
    let h0 = 1 - sumLo + slack;
    if (clip) {
      if (l0 < 0) l0 = 0;
      if (h0 > 1) h0 = 1;
      if (l0 > h0) return false;
    }
    sLo[at] = l0;
    sHi[at] = h0;
  }
  return true;
}

/**
 * Contracts the tensor held in ws.mid/ws.rad (length `length`, axes ws.axes[0 … count − 1],
 * fastest first) against the σ intervals, one axis at a time; writes [lo, hi] to ws.pair.
 */
function contract(system: SupportSystem, ws: SystemWorkspace, length: number, count: number) {
  const { mid, rad, pair } = ws;
  let current = length;
  for (let a = 0; a < count; a++) {
    const p = ws.axes[a]!;
    const m = system.size[p]!;
    const next = current / m;
    const at = system.sigmaOffset[p]!;
    for (let q = 0; q < next; q++) {
      encloseSimplexLinear(mid, rad, q * m, m, ws.sLo, ws.sHi, at, ws.order, pair);
      if (a === count - 1) return; // next === 1: pair holds the result
      const centre = 0.5 * (pair[0]! + pair[1]!);
      mid[q] = centre;
      rad[q] = Math.max(pair[1]! - centre, centre - pair[0]!) * (1 + 2 ** -50) + TINY;
    }
    current = next;
  }
  pair[0] = mid[0]! - rad[0]!;
  pair[1] = mid[0]! + rad[0]!;
}

/**
 * Sets player j's mixture in `ws` to the point `at` (its free unknowns `at[variableOffset[j] …]`,
 * the first probability 1 − their sum, widened by its rounding): the block at a point, the other
 * players' mixtures left as they are (setSigma). Used for the centred term of a mean-value form.
 */
export function setBlockAt(
  system: SupportSystem,
  ws: SystemWorkspace,
  j: number,
  at: Float64Array,
): void {
  const a = system.variableOffset[j]!;
  const b = system.variableOffset[j + 1]!;
  const first = system.sigmaOffset[j]!;
  let sum = 0;
  for (let v = a; v < b; v++) {
    const t = first + v - a + 1;
    ws.sLo[t] = at[v]!;
    ws.sHi[t] = at[v]!;
    sum += at[v]!;
  }
  const slack = roundingSlack(b - a) * (1 + sum) + TINY;
  ws.sLo[first] = 1 - sum - slack;
  ws.sHi[first] = 1 - sum + slack;
}

/** Loads tensor `start` of player i into the workspace and contracts it: [lo, hi] in ws.pair. */
export function encloseTensor(
  system: SupportSystem,
  ws: SystemWorkspace,
  i: number,
  start: number,
) {
  const length = system.tensorLength[i]!;
  const c = system.coefficients;
  for (let k = 0; k < length; k++) {
    const x = c[start + k]!;
    ws.mid[k] = x;
    ws.rad[k] = Math.abs(x) * 2 ** -53; // the rounding of the payoff difference
  }
  const others = system.others[i]!;
  for (let a = 0; a < others.length; a++) ws.axes[a] = others[a]!;
  contract(system, ws, length, others.length);
}

/** Encloses every equation over the σ intervals set by {@link setSigma}: fLo[r] ≤ Eᵣ ≤ fHi[r]. */
export function encloseEquations(
  system: SupportSystem,
  ws: SystemWorkspace,
  fLo: Float64Array,
  fHi: Float64Array,
): void {
  for (let r = 0; r < system.dimension; r++) {
    encloseTensor(system, ws, system.rowPlayer[r]!, system.rowStart[r]!);
    fLo[r] = ws.pair[0]!;
    fHi[r] = ws.pair[1]!;
  }
}

/**
 * Whether some equation's enclosure excludes 0 or some off-support strategy pays strictly more
 * than the support over the whole box (σ set by {@link setSigma}): then the box holds no
 * equilibrium with this support.
 */
export function boxExcluded(system: SupportSystem, ws: SystemWorkspace): boolean {
  for (let r = 0; r < system.dimension; r++) {
    encloseTensor(system, ws, system.rowPlayer[r]!, system.rowStart[r]!);
    if (ws.pair[0]! > 0 || ws.pair[1]! < 0) return true;
  }
  return deviationProfitable(system, ws);
}

/** Whether some off-support strategy pays strictly more than the support on the whole box. */
export function deviationProfitable(system: SupportSystem, ws: SystemWorkspace): boolean {
  for (let r = 0; r < system.deviationPlayer.length; r++) {
    encloseTensor(system, ws, system.deviationPlayer[r]!, system.deviationStart[r]!);
    if (ws.pair[0]! > 0) return true;
  }
  return false;
}

/**
 * Encloses the Jacobian ∂Eᵣ/∂xᵥ (D × D, row-major) over the σ intervals set by
 * {@link setSigma} (each row by {@link encloseGradient}).
 */
export function encloseJacobian(
  system: SupportSystem,
  ws: SystemWorkspace,
  jLo: Float64Array,
  jHi: Float64Array,
): void {
  const d = system.dimension;
  for (let r = 0; r < d; r++)
    encloseGradient(system, ws, system.rowPlayer[r]!, system.rowStart[r]!, jLo, jHi, r * d);
}

/**
 * Encloses the gradient of one of player i's tensors (an equation or a deviation inequality,
 * starting at `start` of the coefficients) over the σ intervals set by {@link setSigma}, into
 * gLo/gHi at `at` … `at` + D − 1. xᵥ = σⱼ,ₜ moves σⱼ,₀ the other way, so the derivative is the
 * tensor sliced at t minus sliced at 0, contracted over the remaining players; a player's own
 * unknowns do not enter its tensors (zeros).
 */
export function encloseGradient(
  system: SupportSystem,
  ws: SystemWorkspace,
  i: number,
  start: number,
  gLo: Float64Array,
  gHi: Float64Array,
  at: number,
): void {
  const d = system.dimension;
  gLo.fill(0, at, at + d);
  gHi.fill(0, at, at + d);
  const c = system.coefficients;
  const others = system.others[i]!;
  const length = system.tensorLength[i]!;
  let inner = 1;
  for (let q = 0; q < others.length; q++) {
    const j = others[q]!;
    const m = system.size[j]!;
    const outer = length / (inner * m);
    if (m > 1) {
      let count = 0;
      for (let a = 0; a < others.length; a++) if (a !== q) ws.axes[count++] = others[a]!;
      for (let t = 1; t < m; t++) {
        for (let o = 0; o < outer; o++) {
          for (let w = 0; w < inner; w++) {
            const x1 = c[start + (o * m + t) * inner + w]!;
            const x0 = c[start + o * m * inner + w]!;
            ws.mid[o * inner + w] = x1 - x0;
            ws.rad[o * inner + w] = (Math.abs(x1) + Math.abs(x0)) * 2 ** -52 + TINY;
          }
        }
        contract(system, ws, outer * inner, count);
        const v = system.variableOffset[j]! + t - 1;
        gLo[at + v] = ws.pair[0]!;
        gHi[at + v] = ws.pair[1]!;
      }
    }
    inner *= m;
  }
}
