import { LinkageError } from "../errors/LinkageError.js";
import type { StrategicGame } from "../games/strategicGame.js";
import { strategyOffsets, strategyPayoffs } from "./newtonRefine.js";
import { strategicRegret } from "./regret.js";

/** Options of {@link simplicialSubdivision}. */
export interface SimplicialSubdivisionOptions {
  /** Mesh of the first pass: the grid has `grid` steps along each ray. @default 4 */
  readonly grid?: number;
  /** Number of restarts, each on a mesh twice as fine as the one before. @default 12 */
  readonly refinements?: number;
  /** Wall-clock budget; the best point found so far is returned when it runs out. @default 10 */
  readonly maxSeconds?: number;
  /** Starting point of the first pass (player by player); the centroid by default. */
  readonly start?: ArrayLike<number>;
}

/** The result of {@link simplicialSubdivision}. */
export interface SimplicialSubdivisionResult {
  /** The approximate equilibrium, player by player (Gambit's order). */
  readonly profile: Float64Array;
  /** Its regret (`strategicRegret(...).max`). */
  readonly regret: number;
  /** Pivots (vertex replacements and dimension changes) over all passes. */
  readonly steps: number;
  /** The finest mesh reached (grid × 2^passes completed − 1). */
  readonly mesh: number;
  /** Whether every pass finished (false: stopped by `maxSeconds`). */
  readonly complete: boolean;
}

/** Pivots per pass before the pass is abandoned (a safeguard; paths are far shorter). */
const MAX_STEPS_PER_PASS = 5_000_000;
/** Weight of the centroid mixed into a restart point, so that it is interior. */
const INTERIOR_WEIGHT = 1e-3;

/**
 * An approximate Nash equilibrium of a strategic game with any number of players, by the
 * variable-dimension restart algorithm of van der Laan, Talman & van der Heyden on the product of
 * the players' simplices.
 *
 * Method. Let v be an interior starting profile. For each player i and each proper subset Tᵢ of
 * its strategies, the set Aᵢ(Tᵢ) = conv({vᵢ} ∪ {eᵢⱼ : j ∈ Tᵢ}) is the part of i's simplex reached
 * from vᵢ by moving towards the pure strategies in Tᵢ: xᵢ = (1 − Σλᵢⱼ)·vᵢ + Σ λᵢⱼ·eᵢⱼ, λ ≥ 0,
 * Σλ ≤ 1. The product A(T) = Πᵢ Aᵢ(Tᵢ) has dimension t = Σ|Tᵢ| and is triangulated with mesh
 * 1/m: in the cumulative integer coordinates Wᵢₖ = m·Σ_{l≥k} λᵢ,Tᵢ[l] (strategies of Tᵢ in
 * increasing order) Aᵢ(Tᵢ) is m ≥ Wᵢ₁ ≥ … ≥ Wᵢₛ ≥ 0, and A(T) carries Freudenthal's
 * triangulation (simplices y, y + u_π(1), y + u_π(1) + u_π(2), …), whose faces on the hyperplanes
 * Wᵢₖ = Wᵢ,ₖ₊₁, Wᵢₛ = 0 (λ = 0, i.e. A(T) meets A(T ∖ {(i,j)})) and Wᵢ₁ = m (xᵢⱼ = 0 for all
 * j ∉ Tᵢ) are the triangulations of those faces.
 *
 * Every vertex x gets one integer label (i, j): the pair with the largest gain uᵢⱼ(x) − uᵢ(x)
 * over all players and strategies (ties to the first). A t-simplex of A(T) is complete when its
 * labels include T. Starting from the 0-simplex {v} in A(∅), the algorithm follows the unique
 * path of complete simplices: when the new vertex's label (i, j) is in T, the other vertex with
 * that label is replaced (a Freudenthal pivot); when it is not, the dimension grows: T gains
 * (i, j) and the simplex becomes the facet of a (t+1)-simplex of A(T ∪ {(i, j)}); when a pivot
 * would cross the face λᵢⱼ = 0, T loses (i, j) and the vertex labelled (i, j) is replaced next.
 * The path ends when a label would complete a player's whole strategy set, or when a complete
 * facet lies on a face Wᵢ₁ = m. At both ends, if M is the largest gain, every label of player
 * i has gain ≈ M and player i's gains average to zero over its mixture, so M ≈ 0: the simplex is
 * an approximate equilibrium with regret O(mesh) (the labelling argument of the 1987 paper).
 *
 * Restarts: the centroid of the final simplex, mixed with 10⁻³ of the uniform profile to keep it
 * interior, is the starting point of the next pass, whose mesh is halved. Passes near an
 * equilibrium are short. The best vertex or centroid by regret over all passes is returned; use
 * {@link refineEquilibrium} (or `nashEquilibrium`) to polish it.
 *
 * Sources: van der Laan, Talman & van der Heyden (1987), "Simplicial variable dimension algorithms
 * for solving the nonlinear complementarity problem on a product of unit simplices using a
 * general labelling", Mathematics of Operations Research 12; van der Laan & Talman (1979),
 * "A restart algorithm for computing fixed points without an extra dimension", Math.
 * Programming 17; McKelvey & McLennan (1996), "Computation of equilibria in finite games",
 * Handbook of Computational Economics I, §4. Written from these descriptions.
 *
 * @param game - a strategic game with any number of players and ≥ 1 strategy each
 * @param options - see {@link SimplicialSubdivisionOptions}
 * @returns the approximate equilibrium, its regret, the pivots taken, the finest mesh and whether
 * all passes completed
 * @throws {LinkageError} E_DOMAIN for a player without strategies, a bad `grid` or
 * `refinements`, or a `start` of the wrong length
 * @example
 * const pennies = strategicGameFromTables([2, 2], [[1, -1, -1, 1], [-1, 1, 1, -1]]);
 * simplicialSubdivision(pennies).profile; // => ≈ [0.5, 0.5, 0.5, 0.5], regret ≈ 1e-4
 */
export function simplicialSubdivision(
  game: StrategicGame,
  options: SimplicialSubdivisionOptions = {},
): SimplicialSubdivisionResult {
  const grid = options.grid ?? 4;
  const refinements = options.refinements ?? 12;
  const maxSeconds = options.maxSeconds ?? 10;
  if (!Number.isInteger(grid) || grid < 1)
    throw new LinkageError("E_DOMAIN", `grid must be a positive integer, got ${grid}`);
  if (!Number.isInteger(refinements) || refinements < 0 || refinements > 40)
    throw new LinkageError("E_DOMAIN", `refinements must be an integer in [0, 40]`);
  game.strategies.forEach((s, p) => {
    if (s.length === 0) throw new LinkageError("E_DOMAIN", `player ${p + 1} has no strategies`);
  });
  const offset = strategyOffsets(game);
  const n = game.players.length;
  const size = offset[n]!;
  const deadline = Date.now() + maxSeconds * 1000;

  let v: Float64Array = new Float64Array(size);
  for (let p = 0; p < n; p++)
    for (let k = offset[p]!; k < offset[p + 1]!; k++) v[k] = 1 / (offset[p + 1]! - offset[p]!);
  if (options.start) {
    if (options.start.length !== size)
      throw new LinkageError("E_DOMAIN", `start has ${options.start.length} entries, not ${size}`);
    v = interior(Float64Array.from(options.start), offset, n);
  }

  const path = new PathFollower(game, offset);
  let best: Float64Array = v.slice();
  let bestRegret = path.regretOf(best);
  let steps = 0;
  let mesh = grid;
  let complete = true;
  for (let pass = 0; pass <= refinements; pass++) {
    const result = path.run(v, mesh, deadline);
    steps += result.steps;
    for (const candidate of result.points) {
      const r = path.regretOf(candidate);
      if (r < bestRegret) {
        bestRegret = r;
        best = candidate;
      }
    }
    if (!result.finished) {
      complete = false;
      break;
    }
    if (pass < refinements) {
      v = interior(result.points[0]!, offset, n);
      mesh *= 2;
    }
  }
  return { profile: best, regret: bestRegret, steps, mesh, complete };
}

/** (1 − w)·x + w·uniform, per player, after normalising x. */
function interior(x: Float64Array, offset: Int32Array, n: number): Float64Array {
  const out = new Float64Array(x.length);
  for (let p = 0; p < n; p++) {
    const count = offset[p + 1]! - offset[p]!;
    let sum = 0;
    for (let k = offset[p]!; k < offset[p + 1]!; k++) sum += Math.max(0, x[k]!);
    for (let k = offset[p]!; k < offset[p + 1]!; k++) {
      const y = sum > 0 ? Math.max(0, x[k]!) / sum : 1 / count;
      out[k] = (1 - INTERIOR_WEIGHT) * y + INTERIOR_WEIGHT / count;
    }
  }
  return out;
}

interface PassResult {
  /** Centroid of the final simplex first, then its vertices. */
  readonly points: Float64Array[];
  readonly steps: number;
  readonly finished: boolean;
}

/**
 * One pass of the variable-dimension algorithm. State: the ordered coordinates (pairs (i, j) of
 * T, sorted by player then strategy), the simplex as a base point and a permutation of the
 * coordinates, and each vertex's label (a flat strategy index).
 */
class PathFollower {
  private readonly n: number;
  private readonly size: number;
  private readonly playerOf: Int32Array;
  private readonly values: Float64Array;
  private readonly x: Float64Array;

  constructor(
    private readonly game: StrategicGame,
    private readonly offset: Int32Array,
  ) {
    this.n = game.players.length;
    this.size = offset[this.n]!;
    this.playerOf = new Int32Array(this.size);
    for (let p = 0; p < this.n; p++)
      for (let k = offset[p]!; k < offset[p + 1]!; k++) this.playerOf[k] = p;
    this.values = new Float64Array(this.size);
    this.x = new Float64Array(this.size);
  }

  regretOf(sigma: Float64Array): number {
    const mixed = this.game.strategies.map((_, p) =>
      sigma.subarray(this.offset[p]!, this.offset[p + 1]!),
    );
    return strategicRegret(this.game, mixed).max;
  }

  /** The profile at integer coordinates W (over `coords`), written into `out`. */
  private pointOf(
    v: Float64Array,
    m: number,
    coords: readonly number[],
    w: Int32Array,
    out: Float64Array,
  ): void {
    out.set(v);
    // per player: x = (1 − W_first/m)·v + Σ_k (W_k − W_{k+1})/m · e_{coords[k]}
    for (let c = 0; c < coords.length; c++) {
      const k = coords[c]!;
      const p = this.playerOf[k]!;
      const first = c === 0 || this.playerOf[coords[c - 1]!] !== p;
      if (first) {
        const shrink = 1 - w[c]! / m;
        for (let s = this.offset[p]!; s < this.offset[p + 1]!; s++) out[s] = v[s]! * shrink;
      }
      const last = c === coords.length - 1 || this.playerOf[coords[c + 1]!] !== p;
      const lambda = (w[c]! - (last ? 0 : w[c + 1]!)) / m;
      out[k] = out[k]! + lambda;
    }
  }

  /** The label of a profile: the strategy with the largest gain over all players. */
  private labelOf(sigma: Float64Array): number {
    strategyPayoffs(this.game, this.offset, sigma, this.values);
    let best = 0;
    let bestGain = Number.NEGATIVE_INFINITY;
    for (let p = 0; p < this.n; p++) {
      let u = 0;
      for (let k = this.offset[p]!; k < this.offset[p + 1]!; k++) u += sigma[k]! * this.values[k]!;
      for (let k = this.offset[p]!; k < this.offset[p + 1]!; k++) {
        const gain = this.values[k]! - u;
        if (gain > bestGain) {
          bestGain = gain;
          best = k;
        }
      }
    }
    return best;
  }

  run(v: Float64Array, m: number, deadline: number): PassResult {
    const { offset, playerOf } = this;
    let coords: number[] = []; // flat strategy indices in T, sorted
    let base: Int32Array = new Int32Array(0);
    let perm: Int32Array = new Int32Array(0);
    let labels: number[] = [];
    const vertexW = (k: number): Int32Array => {
      const w = base.slice();
      for (let l = 0; l < k; l++) w[perm[l]!] = w[perm[l]!]! + 1;
      return w;
    };
    const labelAt = (w: Int32Array): number => {
      this.pointOf(v, m, coords, w, this.x);
      return this.labelOf(this.x);
    };
    const inT = (label: number): boolean => coords.includes(label);
    /** Whether W lies in A(T); else which constraint it breaks: −1 outer, or the coord to drop. */
    const violation = (w: Int32Array): number | null => {
      for (let c = 0; c < coords.length; c++) {
        const p = playerOf[coords[c]!]!;
        const first = c === 0 || playerOf[coords[c - 1]!] !== p;
        const last = c === coords.length - 1 || playerOf[coords[c + 1]!] !== p;
        if (first && w[c]! > m) return -1;
        const next = last ? 0 : w[c + 1]!;
        if (w[c]! < next) return c;
      }
      return null;
    };
    const points = (): Float64Array[] => {
      const t = coords.length;
      const all: Float64Array[] = [];
      const centroid = new Float64Array(this.size);
      for (let k = 0; k <= t; k++) {
        const point = new Float64Array(this.size);
        this.pointOf(v, m, coords, vertexW(k), point);
        all.push(point);
        for (let s = 0; s < this.size; s++) centroid[s] = centroid[s]! + point[s]! / (t + 1);
      }
      return [centroid, ...all];
    };

    labels = [labelAt(base)];
    let steps = 0;
    let newest = 0; // index of the vertex just added
    for (;;) {
      if (++steps > MAX_STEPS_PER_PASS || (steps % 1024 === 0 && Date.now() > deadline))
        return { points: points(), steps, finished: false };
      const label = labels[newest]!;
      let remove: number;
      if (!inT(label)) {
        const p = playerOf[label]!;
        let count = 1;
        for (const c of coords) if (playerOf[c] === p) count++;
        if (count === offset[p + 1]! - offset[p]!)
          return { points: points(), steps, finished: true };
        // grow: insert the coordinate for `label`, equal to the next coordinate of its player
        let at = 0;
        while (at < coords.length && coords[at]! < label) at++;
        const hasNext = at < coords.length && playerOf[coords[at]!] === p;
        const t = coords.length;
        coords = [...coords.slice(0, at), label, ...coords.slice(at)];
        const nb = new Int32Array(t + 1);
        for (let c = 0; c < t; c++) nb[c < at ? c : c + 1] = base[c]!;
        nb[at] = hasNext ? base[at]! : 0;
        base = nb;
        const shifted = Array.from(perm, (c) => (c < at ? c : c + 1));
        let position: number;
        if (hasNext) {
          position = shifted.indexOf(at + 1);
          shifted.splice(position, 0, at);
        } else {
          position = t;
          shifted.push(at);
        }
        perm = Int32Array.from(shifted);
        newest = position + 1;
        labels.splice(newest, 0, labelAt(vertexW(newest)));
        continue;
      }
      // the label is in T: replace the other vertex carrying it
      remove = labels.findIndex((l, k) => l === label && k !== newest);
      if (remove < 0) throw new LinkageError("E_SOLVER", "simplicial subdivision: lost a label");
      for (;;) {
        if (++steps > MAX_STEPS_PER_PASS) return { points: points(), steps, finished: false };
        const t = coords.length;
        // Freudenthal pivot: the candidate replacement of vertex `remove`
        let candidateBase = base;
        let candidatePerm = perm;
        let position: number;
        if (remove === 0) {
          candidateBase = base.slice();
          candidateBase[perm[0]!] = candidateBase[perm[0]!]! + 1;
          candidatePerm = Int32Array.from([...perm.subarray(1), perm[0]!]);
          position = t;
        } else if (remove === t) {
          candidateBase = base.slice();
          candidateBase[perm[t - 1]!] = candidateBase[perm[t - 1]!]! - 1;
          candidatePerm = Int32Array.from([perm[t - 1]!, ...perm.subarray(0, t - 1)]);
          position = 0;
        } else {
          candidatePerm = perm.slice();
          candidatePerm[remove - 1] = perm[remove]!;
          candidatePerm[remove] = perm[remove - 1]!;
          position = remove;
        }
        const w = candidateBase.slice();
        for (let l = 0; l < position; l++) w[candidatePerm[l]!] = w[candidatePerm[l]!]! + 1;
        const broken = violation(w);
        if (broken === null) {
          const newLabel = labelAt(w);
          base = candidateBase;
          perm = candidatePerm;
          if (remove === 0) labels = [...labels.slice(1), newLabel];
          else if (remove === t) labels = [newLabel, ...labels.slice(0, t)];
          else labels[remove] = newLabel;
          newest = position;
          break;
        }
        if (broken === -1) {
          // the complete facet lies where x_ij = 0 for every j ∉ T_i: an end of the path
          const pts: Float64Array[] = [];
          const centroid = new Float64Array(this.size);
          for (let k = 0; k <= t; k++) {
            if (k === remove) continue;
            const point = new Float64Array(this.size);
            this.pointOf(v, m, coords, vertexW(k), point);
            pts.push(point);
            for (let s = 0; s < this.size; s++) centroid[s] = centroid[s]! + point[s]! / t;
          }
          return { points: [centroid, ...pts], steps, finished: true };
        }
        // shrink: drop coordinate `broken`; the facet becomes a simplex of A(T ∖ {coords[broken]})
        const dropped = coords[broken]!;
        labels.splice(remove, 1);
        const facet = this.facet(base, perm, remove);
        const reduced = dropCoordinate(facet.base, facet.perm, broken);
        base = reduced.base;
        perm = reduced.perm;
        coords = coords.filter((_, c) => c !== broken);
        remove = labels.indexOf(dropped);
        if (remove < 0) throw new LinkageError("E_SOLVER", "simplicial subdivision: lost a label");
      }
    }
  }

  /** The facet without vertex `remove`, as (base, steps) where steps may be double steps. */
  private facet(
    base: Int32Array,
    perm: Int32Array,
    remove: number,
  ): { base: Int32Array; perm: Int32Array } {
    const t = perm.length;
    if (remove === 0) {
      const b = base.slice();
      b[perm[0]!] = b[perm[0]!]! + 1;
      return { base: b, perm: perm.slice(1) };
    }
    if (remove === t) return { base, perm: perm.slice(0, t - 1) };
    // merge steps remove−1 and remove into one double step
    const merged: number[] = [];
    for (let l = 0; l < t; l++) {
      if (l === remove - 1) merged.push(encodePair(perm[l]!, perm[l + 1]!));
      else if (l !== remove) merged.push(perm[l]!);
    }
    return { base, perm: Int32Array.from(merged) };
  }
}

/** A merged step over two coordinates a and b, stored as a negative number. */
function encodePair(a: number, b: number): number {
  return -1 - (a * 65536 + b);
}

/**
 * Drops coordinate `c` from a facet in (base, steps) form, where one step may be a merged pair
 * (two coordinates stepping together, one of which is `c` on the faces we cross).
 */
function dropCoordinate(
  base: Int32Array,
  steps: Int32Array,
  c: number,
): { base: Int32Array; perm: Int32Array } {
  const t = base.length;
  const b = new Int32Array(t - 1);
  for (let k = 0; k < t; k++) if (k !== c) b[k < c ? k : k - 1] = base[k]!;
  const out: number[] = [];
  for (const s of steps) {
    let coords: number[];
    if (s < 0) {
      const code = -1 - s;
      coords = [Math.floor(code / 65536), code % 65536];
    } else coords = [s];
    const kept = coords.filter((k) => k !== c).map((k) => (k < c ? k : k - 1));
    if (kept.length !== 1)
      throw new LinkageError("E_SOLVER", "simplicial subdivision: inconsistent face");
    out.push(kept[0]!);
  }
  return { base: b, perm: Int32Array.from(out) };
}
