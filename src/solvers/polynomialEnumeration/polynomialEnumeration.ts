import { LinkageError } from "../../errors/LinkageError.js";
import type { StrategicGame } from "../../games/strategicGame.js";
import { contractBox } from "./affineContraction.js";
import { eliminatedSystem, eliminationChoices, searchPivotSimplex } from "./bilinearElimination.js";
import { conditionallyDominated } from "./conditionalDominance.js";
import { roundingSlack } from "./intervalBox.js";
import {
  KRAWCZYK_EXCLUDED,
  KRAWCZYK_UNIQUE,
  type KrawczykWorkspace,
  krawczyk,
  krawczykWorkspace,
  newtonSolve,
} from "./krawczyk.js";
import { supportProfiles } from "./supportProfiles.js";
import {
  boxExcluded,
  deviationProfitable,
  type SupportSystem,
  type SystemWorkspace,
  setSigma,
  supportSystem,
  systemWorkspace,
} from "./supportSystem.js";

/** Options of {@link polynomialEnumeration}. */
export interface PolynomialEnumerationOptions {
  /** Stop after this many seconds (the result says it stopped early). */
  readonly maxSeconds?: number;
  /** Skip support profiles with a conditionally dominated strategy. @default true */
  readonly prune?: boolean;
  /**
   * Boxes examined in one support before it is given up (and reported); the eliminated search
   * of three-player supports may also examine 4 times as many sub-simplices. @default 50000
   */
  readonly maxBoxesPerSupport?: number;
  /**
   * Narrow boxes by the preconditioned block sweep and the off-support inequalities, and bisect
   * the smallest support's mixture first (three players). false gives the earlier search
   * (unpreconditioned sweep, widest side first): the same equilibria, more boxes; kept as the
   * benchmark's same-run baseline. @default true
   */
  readonly sharper?: boolean;
  /**
   * Three players: where two players' supports have equal size, search the third player's
   * mixture alone, the other two eliminated (bilinearElimination), and hand its surviving
   * pieces to the general search. false: the general search from the whole box. Ignored when
   * `sharper` is false. @default true
   */
  readonly eliminate?: boolean;
  /** Called with the number of equilibria found so far, each time one is found. */
  readonly onProgress?: (found: number) => void;
}

/** A support profile whose system could not be resolved: the list may be incomplete there. */
export interface DegenerateSupport {
  /** Per player, the strategies of the support (0-based). */
  readonly supports: number[][];
  /**
   * `singular`: a box shrank to the width floor without being excluded or certified (a
   * continuum of solutions, or a singular one); `budget`: the support used up its box budget;
   * `boundary`: more than 200 boxes shrank to the width floor on the simplex's boundary (where a
   * probability is 0: solutions there belong to smaller supports, but an equilibrium of this
   * support with a probability within the floor of 0 would be among them undecided).
   */
  readonly reason: "singular" | "budget" | "boundary";
}

/** The result of {@link polynomialEnumeration}. */
export interface PolynomialEnumerationResult {
  /** The equilibria, each a flat profile player by player, in the order found. */
  readonly equilibria: Float64Array[];
  /** Supports where equilibria may be missing (see {@link DegenerateSupport}). */
  readonly degenerateSupports: DegenerateSupport[];
  /** Whether `maxSeconds` stopped the search before every support was examined. */
  readonly truncated: boolean;
  readonly stats: {
    /** Support profiles enumerated. */
    readonly supportProfiles: number;
    /** Of those, skipped by conditional dominance. */
    readonly pruned: number;
    /** Boxes examined in all. */
    readonly boxes: number;
    /** Sub-simplices of a pivot's mixture examined by the eliminated search (three players). */
    readonly simplices: number;
  };
}

/** A box narrower than this in every unknown that is neither excluded nor certified is singular. */
const WIDTH_FLOOR = 1e-8;
/** Boxes at most this wide are tried for a root by Newton's method and an inflated Krawczyk box. */
const INFLATE_WIDTH = 1 / 16;
/** Boxes at most this wide get the Krawczyk test (wider ones are almost never decided by it). */
const KRAWCZYK_WIDTH = 0.25;
/** The Krawczyk test was not run (the box is wider than KRAWCZYK_WIDTH). */
const KRAWCZYK_UNKNOWN_WIDE = 2;
/** A Krawczyk contraction K ∩ X is kept instead of bisecting when it shrinks X at least this much. */
const CONTRACTION = 0.75;
/** Most rounds of contractBox on one box. */
const CONTRACTION_ROUNDS = 3;
/** Floor-width boxes on the simplex's boundary skipped in one support before giving it up (reported as `boundary`). */
const BOUNDARY_BOXES = 200;
/**
 * The pivot block is bisected while its widest side is at least this share of the box's widest
 * (the other blocks are left to blockContraction); below it, the widest side.
 */
const PIVOT_SHARE = 1 / 64;
/** Sub-simplices of the pivot's mixture with edges at most this long go to the general search. */
const HAND_OVER_WIDTH = 1 / 32;
/**
 * The eliminated search may examine this many sub-simplices per box of the support's budget (a
 * sub-simplex costs about an eighth of a box; the full support of a random 5×5×5 game, seed 2,
 * needs 70,000 of them around a point where both cofactor vectors vanish).
 */
const SIMPLICES_PER_BOX = 4;
/** Further choices of the eliminated players tried when one leaves more wide boxes than… */
const ALTERNATIVES = 1;
/** …this many (a few wide boxes are cheaper to search than a second elimination). */
const TOLERATED_WIDE = 64;
/** Two roots of one support (or equilibria of different supports) closer than this are one. */
const SAME_ROOT = 1e-9;

/**
 * All isolated Nash equilibria of a strategic game with any number of players, certified: by
 * enumeration of support profiles and interval subdivision of each support's polynomial system.
 *
 * For each support profile (smallest first, see supportProfiles) not pruned by
 * conditionallyDominated, the system of supportSystem (each player indifferent on its support,
 * D = Σ(|Sᵢ| − 1) multilinear equations in D unknowns) is solved on the product of simplices by
 * branch and bound on boxes of the unknowns, starting from [0, 1]^D:
 * - a box is excluded when an equation's enclosure misses 0, or an off-support strategy pays
 *   strictly more than the support on the whole box (intervals from supportSystem, rounded
 *   outward), or its Krawczyk operator misses it;
 * - a box whose Krawczyk operator lies in its interior holds exactly one root; a small box whose
 *   Newton iterate x* is certified by the Krawczyk test on a box around x* that covers it
 *   (ε-inflation, Rump 1983) likewise; the root is then enclosed tightly by iterating K ∩ X;
 * - otherwise the box is shrunk to K ∩ X or bisected across its widest side.
 * A root is kept when every support probability's enclosure is > 0 and no off-support strategy
 * pays more (roots with a zero probability belong to a smaller support). Each player's first
 * probability is 1 − Σ of the others, which cannot resolve one under an ulp of 1: where only
 * first probabilities may be 0 (a root, or a box at the width floor), that box is searched again
 * with the largest probability as the implicit one (an equilibrium at 10⁻¹⁵ is certified so).
 * A box that reaches the width floor (1e-8) inside the simplex without being decided means a
 * singular root or a continuum: the support is given up and reported in `degenerateSupports`,
 * never silently dropped; so is a support that exceeds its box budget, or whose floor-width
 * boxes on the boundary (a zero probability: skipped) number more than 200, each search again
 * with other implicit strategies counted among them and sharing the support's box budget.
 * Every other equilibrium whose support system has a nonsingular Jacobian is found.
 *
 * Sources: McKelvey & McLennan, "Computation of equilibria in finite games" (Handbook of
 * Computational Economics I, 1996), §6 (support enumeration and polynomial systems); Krawczyk
 * (1969) and Moore, Kearfott & Cloud, "Introduction to Interval Analysis" (2009), ch. 8; Rump
 * (1983) for ε-inflation.
 *
 * @throws {LinkageError} E_INPUT when a player has more than 30 strategies (supports are bit masks)
 * @example
 * const pennies = strategicGameFromTables([2, 2], [[1, -1, -1, 1], [-1, 1, 1, -1]]);
 * polynomialEnumeration(pennies).equilibria // => [Float64Array [0.5, 0.5, 0.5, 0.5]]
 */
export function polynomialEnumeration(
  game: StrategicGame,
  options: PolynomialEnumerationOptions = {},
): PolynomialEnumerationResult {
  const sizes = game.strategies.map((s) => s.length);
  if (sizes.some((m) => m > 30)) {
    throw new LinkageError(
      "E_INPUT",
      `enumpoly enumerates supports as bit masks: at most 30 strategies a player, this game has ${Math.max(...sizes)}`,
    );
  }
  const prune = options.prune ?? true;
  const budget = options.maxBoxesPerSupport ?? 50_000;
  const deadline =
    options.maxSeconds === undefined
      ? Number.POSITIVE_INFINITY
      : Date.now() + options.maxSeconds * 1000;
  const offset = new Int32Array(sizes.length + 1);
  sizes.forEach((m, p) => {
    offset[p + 1] = offset[p]! + m;
  });
  const maxDimension = sizes.reduce((a, m) => a + m - 1, 0);
  const context: SearchContext = {
    game,
    offset,
    ws: systemWorkspace(game),
    kw: krawczykWorkspace(maxDimension),
    lo: new Float64Array(Math.max(1, maxDimension)),
    hi: new Float64Array(Math.max(1, maxDimension)),
    kLo: new Float64Array(Math.max(1, maxDimension)),
    kHi: new Float64Array(Math.max(1, maxDimension)),
    x: new Float64Array(Math.max(1, maxDimension)),
    stack: new Float64Array(2 * Math.max(1, maxDimension) * 256),
    budget,
    deadline,
    sharper: options.sharper ?? true,
    reduce: (options.sharper ?? true) && (options.eliminate ?? true),
    boxes: 0,
    simplices: 0,
    supportBoxes: 0,
    supportBoundary: 0,
  };
  const equilibria: Float64Array[] = [];
  const degenerateSupports: DegenerateSupport[] = [];
  let examined = 0;
  let pruned = 0;
  let truncated = false;
  for (const masks of supportProfiles(sizes)) {
    if (Date.now() > deadline) {
      truncated = true;
      break;
    }
    examined++;
    if (prune && conditionallyDominated(game, masks)) {
      pruned++;
      continue;
    }
    const system = supportSystem(game, masks);
    const solved = solveSupport(system, context);
    if (solved.status === "timeout") {
      truncated = true;
      break;
    }
    if (solved.status !== "complete") {
      degenerateSupports.push({
        supports: system.supports.map((s) => Array.from(s)),
        reason: solved.status,
      });
    }
    for (const profile of solved.roots) {
      const known = equilibria.some((e) =>
        e.every((p, k) => Math.abs(p - profile[k]!) < SAME_ROOT),
      );
      if (!known) {
        equilibria.push(profile);
        options.onProgress?.(equilibria.length);
      }
    }
  }
  return {
    equilibria,
    degenerateSupports,
    truncated,
    stats: {
      supportProfiles: examined,
      pruned,
      boxes: context.boxes,
      simplices: context.simplices,
    },
  };
}

/** Buffers and limits shared by every support's search (allocated once per game). */
interface SearchContext {
  readonly game: StrategicGame;
  /** Player j's strategies sit at offset[j] … offset[j + 1] − 1 of a profile. */
  readonly offset: Int32Array;
  readonly ws: SystemWorkspace;
  readonly kw: KrawczykWorkspace;
  readonly lo: Float64Array;
  readonly hi: Float64Array;
  readonly kLo: Float64Array;
  readonly kHi: Float64Array;
  readonly x: Float64Array;
  /** Pending boxes, 2D numbers each (lo then hi); grown when full. */
  stack: Float64Array;
  readonly budget: number;
  readonly deadline: number;
  readonly sharper: boolean;
  readonly reduce: boolean;
  boxes: number;
  simplices: number;
  /** The support at hand's boxes and skipped boundary floor boxes, its re-searches' included. */
  supportBoxes: number;
  supportBoundary: number;
}

interface SupportOutcome {
  readonly status: "complete" | "singular" | "budget" | "boundary" | "timeout";
  /** The equilibria found, as profiles (flat, player by player). */
  readonly roots: Float64Array[];
}

/**
 * Branch and bound on one support's system (see {@link polynomialEnumeration}), from the whole
 * box (or the eliminated search's pieces), or from `start` (lo then hi) when given. Its pending
 * boxes sit in c.stack from `base` on (a nested search keeps its caller's below).
 */
function solveSupport(
  system: SupportSystem,
  c: SearchContext,
  start?: Float64Array,
  base = 0,
): SupportOutcome {
  const d = system.dimension;
  const { ws, kw, lo, hi, kLo, kHi } = c;
  const roots: Float64Array[] = [];
  if (d === 0) {
    // pure profile: an equilibrium unless some strategy pays strictly more
    setSigma(system, lo, hi, false, ws);
    return {
      status: "complete",
      roots: deviationProfitable(system, ws) ? [] : [profileOf(system, c, new Float64Array(0))],
    };
  }
  /** Boxes (lo, hi) each certified to hold exactly one root, already handled. */
  const certified: Float64Array[] = [];
  let top = 0;
  /** Where pending box k starts in c.stack. */
  const at = (k: number) => base + k * 2 * d;
  const push = (l: Float64Array, h: Float64Array) => {
    if (at(top + 1) > c.stack.length) {
      const bigger = new Float64Array(Math.max(c.stack.length * 2, at(top + 1)));
      bigger.set(c.stack);
      c.stack = bigger;
    }
    c.stack.set(l.subarray(0, d), at(top));
    c.stack.set(h.subarray(0, d), at(top) + d);
    top++;
  };
  const choices = c.reduce && start === undefined ? eliminationChoices(system) : [];
  /**
   * The player whose block is bisected first (see pivotPlayer); −1: the widest side. Boxes
   * handed over by the eliminated search are narrow in its pivot's mixture already, and wide
   * ones sit where the cofactor vectors vanish and blockContraction cannot pin the eliminated
   * blocks: there the first eliminated player's block is bisected instead (random 5×5×5 games:
   * 30,118 boxes instead of 81,919 on seed 3; 12,829 instead of 7,946 on seed 1).
   */
  let bisectFirst = c.sharper ? pivotPlayer(system) : -1;
  if (choices.length > 0) {
    // the first choice, or the next of the same dimension when the first leaves an eliminated
    // mixture unresolved in many boxes (both are sound; narrow boxes are far cheaper to search:
    // on random 5×5×5 games, seed 3, two supports ran out of budget on the first choice's)
    let best: { boxes: Float64Array[]; wide: number; choice: number[] } | null = null;
    for (const choice of choices) {
      if (best !== null && system.size[choice[0]!] !== system.size[choices[0]![0]!]) break;
      const reduced = eliminatedSystem(system, choice)!;
      const found: Float64Array[] = [];
      const outcome = searchPivotSimplex(
        system,
        reduced,
        HAND_OVER_WIDTH,
        SIMPLICES_PER_BOX * c.budget,
        (l, h) => found.push(boxCopy(l, h, d)),
        c.deadline,
      );
      c.simplices += outcome.simplices;
      if (outcome.timedOut) return { status: "timeout", roots };
      if (outcome.complete && (best === null || outcome.wide < best.wide))
        best = { boxes: found, wide: outcome.wide, choice };
      // a square choice's wide boxes sit around points where both its cofactor vectors vanish;
      // trying a second square choice there cost 73,000 more sub-simplices on random 5×5×5
      // games (seed 2) and resolved nothing, so only non-square choices get a second try
      const square = system.size[choice[1]!] === system.size[choice[2]!];
      if (best !== null && (best.wide <= TOLERATED_WIDE || square)) break;
      if (choices.indexOf(choice) >= ALTERNATIVES) break;
    }
    if (best === null) return { status: "budget", roots };
    for (const box of best.boxes) push(box.subarray(0, d), box.subarray(d, 2 * d));
    bisectFirst = best.choice[1]!;
  } else if (start !== undefined) {
    push(start.subarray(0, d), start.subarray(d, 2 * d));
  } else {
    lo.fill(0, 0, d);
    hi.fill(1, 0, d);
    push(lo, hi);
  }
  if (start === undefined) {
    c.supportBoxes = 0;
    c.supportBoundary = 0;
  }
  const pivotFrom = bisectFirst < 0 ? 0 : system.variableOffset[bisectFirst]!;
  const pivotTo = bisectFirst < 0 ? 0 : system.variableOffset[bisectFirst + 1]!;
  while (top > 0) {
    top--;
    lo.set(c.stack.subarray(at(top), at(top) + d));
    hi.set(c.stack.subarray(at(top) + d, at(top) + 2 * d));
    c.supportBoxes++;
    c.boxes++;
    if (c.supportBoxes > c.budget) return { status: "budget", roots };
    if ((c.supportBoxes & 1023) === 0 && Date.now() > c.deadline)
      return { status: "timeout", roots };
    if (insideCertified(certified, lo, hi, d)) continue;
    if (!setSigma(system, lo, hi, true, ws) || boxExcluded(system, ws)) continue;
    if (!contracted(system, c, d)) continue;
    // keep the contracted box where the popped one was (reloaded below)
    c.stack.set(lo.subarray(0, d), at(top));
    c.stack.set(hi.subarray(0, d), at(top) + d);
    const widthBefore = maxWidth(lo, hi, d);
    const verdict =
      widthBefore <= KRAWCZYK_WIDTH
        ? krawczyk(system, ws, kw, lo, hi, kLo, kHi)
        : KRAWCZYK_UNKNOWN_WIDE;
    if (verdict === KRAWCZYK_EXCLUDED) continue;
    if (verdict === KRAWCZYK_UNIQUE) {
      certified.push(boxCopy(lo, hi, d));
      const implicit = keepRoot(system, c, roots);
      if (implicit !== null && start === undefined) {
        const status = rotatedSearch(system, c, implicit, roots, at(top + 1));
        if (status !== "complete") return { status, roots };
      }
      continue;
    }
    // shrink to K ∩ X when that helps much
    if (verdict !== KRAWCZYK_UNKNOWN_WIDE)
      for (let v = 0; v < d; v++) {
        kLo[v] = Math.max(kLo[v]!, lo[v]!);
        kHi[v] = Math.min(kHi[v]!, hi[v]!);
      }
    const narrowed = verdict !== KRAWCZYK_UNKNOWN_WIDE && ordered(kLo, kHi, d);
    if (narrowed) {
      // every root in X lies in K ∩ X: none of the simplex's when that leaves it (a root just
      // outside the simplex is where K's coordinates still meet X but their sum does not; random
      // 5×5×5 games, seed 3: one support's 14,897 boxes → 8,047), else keep K ∩ X for X
      if (outsideSimplex(system, kLo, kHi)) continue;
      c.stack.set(kLo.subarray(0, d), at(top));
      c.stack.set(kHi.subarray(0, d), at(top) + d);
    }
    if (narrowed && maxWidth(kLo, kHi, d) < CONTRACTION * widthBefore) {
      push(kLo, kHi);
      continue;
    }
    if (widthBefore <= INFLATE_WIDTH && inflatedRoot(system, c, d)) {
      // lo/hi now hold a box around the root that covers the popped box
      certified.push(boxCopy(lo, hi, d));
      const implicit = keepRoot(system, c, roots);
      if (implicit !== null && start === undefined) {
        const status = rotatedSearch(system, c, implicit, roots, at(top + 1));
        if (status !== "complete") return { status, roots };
      }
      continue;
    }
    if (widthBefore < WIDTH_FLOOR) {
      // undecided at the floor: singular, unless it sits on the simplex's boundary (a zero
      // probability: that equilibrium belongs to a smaller support)
      lo.set(c.stack.subarray(at(top), at(top) + d));
      hi.set(c.stack.subarray(at(top) + d, at(top) + 2 * d));
      setSigma(system, lo, hi, true, ws);
      let onBoundary = false;
      for (let k = 0; k < system.sigmaOffset[system.players]!; k++)
        if (ws.sLo[k]! <= 0) onBoundary = true;
      if (!onBoundary) return { status: "singular", roots };
      if (++c.supportBoundary > BOUNDARY_BOXES) return { status: "boundary", roots };
      // a first probability (1 − Σ of the others) at 0 may be a tiny positive one that 1 − Σ
      // cannot resolve: search the box again with the largest probability as the implicit one
      // (counted as a boundary box: at most 200 such searches in a support, which share its
      // box budget)
      const implicit = start === undefined ? implicitChoice(system, ws) : null;
      if (implicit !== null) {
        const status = rotatedSearch(system, c, implicit, roots, at(top + 1));
        if (status !== "complete") return { status, roots };
      }
      continue;
    }
    // bisect the widest side (lo/hi may have been overwritten: reload)
    lo.set(c.stack.subarray(at(top), at(top) + d));
    hi.set(c.stack.subarray(at(top) + d, at(top) + 2 * d));
    let widest = 0;
    for (let v = 1; v < d; v++) if (hi[v]! - lo[v]! > hi[widest]! - lo[widest]!) widest = v;
    if (pivotFrom < pivotTo) {
      let best = pivotFrom;
      for (let v = pivotFrom + 1; v < pivotTo; v++)
        if (hi[v]! - lo[v]! > hi[best]! - lo[best]!) best = v;
      if (hi[best]! - lo[best]! >= PIVOT_SHARE * (hi[widest]! - lo[widest]!)) widest = best;
    }
    const cut = 0.5 * (lo[widest]! + hi[widest]!);
    const upper = hi[widest]!;
    hi[widest] = cut;
    push(lo, hi);
    hi[widest] = upper;
    lo[widest] = cut;
    push(lo, hi);
  }
  return { status: "complete", roots };
}

/**
 * Shrinks the box in lo/hi by contractBox while that shrinks it by a fifth or more (at most
 * a few rounds); false when the box holds no equilibrium.
 */
function contracted(system: SupportSystem, c: SearchContext, d: number): boolean {
  for (let round = 0; round < CONTRACTION_ROUNDS; round++) {
    const before = maxWidth(c.lo, c.hi, d);
    if (!contractBox(system, c.ws, c.kw, c.lo, c.hi, c.sharper) || boxExcluded(system, c.ws))
      return false;
    if (!(maxWidth(c.lo, c.hi, d) < 0.8 * before)) break;
  }
  return true;
}

/**
 * ε-inflation: Newton's method from the centre of the box in lo/hi; when it converges to x*
 * near the box, the Krawczyk test on the box centred at x* that covers lo/hi. On success lo/hi
 * hold that certified box and true is returned.
 */
function inflatedRoot(system: SupportSystem, c: SearchContext, d: number): boolean {
  const { ws, kw, lo, hi, kLo, kHi, x } = c;
  for (let v = 0; v < d; v++) x[v] = 0.5 * (lo[v]! + hi[v]!);
  const step = newtonSolve(system, ws, kw, x, 12);
  if (!(step < 1e-10)) return false;
  for (let v = 0; v < d; v++) {
    const w = hi[v]! - lo[v]!;
    if (x[v]! < lo[v]! - w || x[v]! > hi[v]! + w) return false;
  }
  for (let v = 0; v < d; v++) {
    const r = Math.max(x[v]! - lo[v]!, hi[v]! - x[v]!) * (1 + 1e-9) + 1e-12;
    kLo[v] = x[v]! - r;
    kHi[v] = x[v]! + r;
  }
  // kLo/kHi hold the inflated box B ⊇ X; test it (K(B) goes to lo/hi, then swapped)
  const verdict = krawczyk(system, ws, kw, kLo, kHi, lo, hi);
  if (verdict !== KRAWCZYK_UNIQUE) return false;
  lo.set(kLo.subarray(0, d));
  hi.set(kHi.subarray(0, d));
  return true;
}

/**
 * The box in lo/hi holds exactly one root: enclose it tightly (iterating K ∩ X) and keep it
 * when every support probability is certainly positive and no off-support strategy certainly
 * pays more. When only first probabilities (1 − Σ of the others) may be 0, returns the
 * implicitChoice to search the root's box again with (else null): 1 − Σ cannot tell a tiny
 * positive probability from 0 (a 2×2 game with payoffs ±10¹⁵ has its equilibrium there).
 */
function keepRoot(
  system: SupportSystem,
  c: SearchContext,
  roots: Float64Array[],
): Int32Array | null {
  const d = system.dimension;
  const { ws, kw, lo, hi, kLo, kHi, x } = c;
  // a Newton iterate from the centre, certified in a tiny box inside X, is the root
  for (let v = 0; v < d; v++) x[v] = 0.5 * (lo[v]! + hi[v]!);
  if (newtonSolve(system, ws, kw, x, 30) < 1e-9) {
    let inside = true;
    for (let v = 0; v < d; v++) {
      const r = 1e-11 * (1 + Math.abs(x[v]!));
      kLo[v] = x[v]! - r;
      kHi[v] = x[v]! + r;
      if (kLo[v]! < lo[v]! || kHi[v]! > hi[v]!) inside = false;
    }
    if (inside) {
      const tinyLo = Float64Array.from(kLo.subarray(0, d));
      const tinyHi = Float64Array.from(kHi.subarray(0, d));
      if (krawczyk(system, ws, kw, tinyLo, tinyHi, kLo, kHi) === KRAWCZYK_UNIQUE) {
        lo.set(tinyLo);
        hi.set(tinyHi);
      }
    }
  }
  for (let it = 0; it < 200; it++) {
    const before = maxWidth(lo, hi, d);
    if (krawczyk(system, ws, kw, lo, hi, kLo, kHi) === KRAWCZYK_EXCLUDED) return null; // cannot happen
    for (let v = 0; v < d; v++) {
      lo[v] = Math.max(kLo[v]!, lo[v]!);
      hi[v] = Math.min(kHi[v]!, hi[v]!);
    }
    if (!(maxWidth(lo, hi, d) < before)) break;
  }
  setSigma(system, lo, hi, false, ws);
  for (let k = 0; k < system.sigmaOffset[system.players]!; k++)
    if (!(ws.sLo[k]! > 0)) return implicitChoice(system, ws);
  if (deviationProfitable(system, ws)) return null;
  const root = new Float64Array(d);
  for (let v = 0; v < d; v++) root[v] = 0.5 * (lo[v]! + hi[v]!);
  addRoot(roots, profileOf(system, c, root));
  return null;
}

/**
 * Searches the box of the σ enclosures in c.ws again in the same support with other implicit
 * strategies (implicitChoice), its pending boxes from `base` of c.stack on; adds its roots.
 */
function rotatedSearch(
  system: SupportSystem,
  c: SearchContext,
  implicit: Int32Array,
  roots: Float64Array[],
  base: number,
): SupportOutcome["status"] {
  const rotated = supportSystem(c.game, masksOf(system), implicit);
  const sub = solveSupport(rotated, c, rotatedBox(system, rotated, c.ws), base);
  for (const root of sub.roots) addRoot(roots, root);
  return sub.status;
}

/** Adds a profile to a support's roots unless one within SAME_ROOT is there. */
function addRoot(roots: Float64Array[], profile: Float64Array): void {
  if (!roots.some((r) => r.every((p, k) => Math.abs(p - profile[k]!) < SAME_ROOT)))
    roots.push(profile);
}

/** The profile of a root of a support's system (its unknowns x; off-support strategies 0). */
function profileOf(system: SupportSystem, c: SearchContext, x: Float64Array): Float64Array {
  const profile = new Float64Array(c.offset[system.players]!);
  for (let j = 0; j < system.players; j++) {
    const support = system.supports[j]!;
    let rest = 1;
    for (let t = 1; t < support.length; t++) {
      const p = x[system.variableOffset[j]! + t - 1]!;
      profile[c.offset[j]! + support[t]!] = p;
      rest -= p;
    }
    profile[c.offset[j]! + support[0]!] = rest;
  }
  return profile;
}

/**
 * For a box (σ enclosures in ws) on the simplex's boundary only through first probabilities
 * (each 1 − Σ of the player's others, lower bound ≤ 0): per player, the strategy to make
 * implicit instead, that of the largest lower bound (−1: keep the first). Null when some other
 * probability may be 0 too (a root there belongs to a smaller support) or none needs changing.
 */
function implicitChoice(system: SupportSystem, ws: SystemWorkspace): Int32Array | null {
  const out = new Int32Array(system.players).fill(-1);
  let any = false;
  for (let j = 0; j < system.players; j++) {
    const first = system.sigmaOffset[j]!;
    const m = system.size[j]!;
    for (let t = 1; t < m; t++) if (!(ws.sLo[first + t]! > 0)) return null;
    if (m < 2 || ws.sLo[first]! > 0) continue;
    let best = 1;
    for (let t = 2; t < m; t++) if (ws.sLo[first + t]! > ws.sLo[first + best]!) best = t;
    out[j] = system.supports[j]![best]!;
    any = true;
  }
  return any ? out : null;
}

/** The support profile of a system as bit masks. */
function masksOf(system: SupportSystem): Int32Array {
  return Int32Array.from(system.supports, (s) => s.reduce((mask, t) => mask | (1 << t), 0));
}

/**
 * The box of `rotated`'s unknowns (lo then hi) holding every point of the σ enclosures in ws
 * (of `system`, the same support with another implicit strategy), each side widened by its
 * width (the enclosures were rounded; Krawczyk's test needs room around a root).
 */
function rotatedBox(
  system: SupportSystem,
  rotated: SupportSystem,
  ws: SystemWorkspace,
): Float64Array {
  const d = rotated.dimension;
  const box = new Float64Array(2 * d);
  for (let j = 0; j < rotated.players; j++) {
    const support = rotated.supports[j]!;
    for (let t = 1; t < support.length; t++) {
      const k = system.sigmaOffset[j]! + system.supports[j]!.indexOf(support[t]!);
      const width = ws.sHi[k]! - ws.sLo[k]!;
      const v = rotated.variableOffset[j]! + t - 1;
      box[v] = Math.max(0, ws.sLo[k]! - width);
      box[d + v] = Math.min(1, ws.sHi[k]! + width);
    }
  }
  return box;
}

/**
 * The player whose block of unknowns is bisected first: for three players, the one with the
 * smallest support of at least 2 strategies (ties: the first). Once its mixture x is narrow,
 * each opponent's equations are linear in the other opponent's block with coefficients fixed by
 * x, which blockContraction pins when the two blocks are square (measured on random 4×4×4 games:
 * 1.7–2.5× fewer boxes than bisecting the widest side). −1 (widest side) for other player counts.
 */
function pivotPlayer(system: SupportSystem): number {
  if (system.players !== 3) return -1;
  let pivot = -1;
  for (let p = 0; p < 3; p++)
    if (system.size[p]! >= 2 && (pivot < 0 || system.size[p]! < system.size[pivot]!)) pivot = p;
  return pivot;
}

/**
 * Whether a box of the unknowns misses the product of the players' simplices: some probability's
 * upper bound is negative, or some player's lower bounds sum to more than 1 (its first
 * probability negative), with the sum's rounding allowed for.
 */
function outsideSimplex(system: SupportSystem, lo: Float64Array, hi: Float64Array): boolean {
  for (let j = 0; j < system.players; j++) {
    const a = system.variableOffset[j]!;
    const b = system.variableOffset[j + 1]!;
    let sum = 0;
    for (let v = a; v < b; v++) {
      if (hi[v]! < 0) return true;
      if (lo[v]! > 0) sum += lo[v]!;
    }
    if (sum > 1 + roundingSlack(b - a + 1) * (1 + sum)) return true;
  }
  return false;
}

/** Whether every side of a box has lo ≤ hi (false for NaN: such a box is not used). */
function ordered(lo: Float64Array, hi: Float64Array, d: number): boolean {
  for (let v = 0; v < d; v++) if (!(lo[v]! <= hi[v]!)) return false;
  return true;
}

function insideCertified(
  certified: readonly Float64Array[],
  lo: Float64Array,
  hi: Float64Array,
  d: number,
): boolean {
  outer: for (const box of certified) {
    for (let v = 0; v < d; v++) if (lo[v]! < box[v]! || hi[v]! > box[d + v]!) continue outer;
    return true;
  }
  return false;
}

function boxCopy(lo: Float64Array, hi: Float64Array, d: number): Float64Array {
  const out = new Float64Array(2 * d);
  out.set(lo.subarray(0, d));
  out.set(hi.subarray(0, d), d);
  return out;
}

function maxWidth(lo: Float64Array, hi: Float64Array, d: number): number {
  let w = 0;
  for (let v = 0; v < d; v++) if (hi[v]! - lo[v]! > w) w = hi[v]! - lo[v]!;
  return w;
}
