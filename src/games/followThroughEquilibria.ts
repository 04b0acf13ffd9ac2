import { LinkageError } from "../errors/LinkageError.js";
import { cleanProbability, concessionCost } from "./choiceSignal.js";
import type { LeverageGame, LeveragePolicy } from "./leverageGame.js";
import { concedes, TARGET_TIE_TOLERANCE } from "./targetChoice.js";

/** What the announced rule prescribes at a follow-through node. */
export type FollowThroughKind = "keep" | "refrain" | "withhold" | "escalate";

/**
 * One decision of the normal sender type: at the information set (signal, which observable
 * demands were met), follow the announced rule or depart from it.
 */
export interface FollowThroughDecision {
  readonly kind: FollowThroughKind;
  readonly signal: "clean" | "violation";
  /** The observable demands met, a bit mask over demands (bits of hidden demands are 0). */
  readonly observed: number;
  /** The normal type's probability of following the rule here. */
  readonly normal: number;
  /** What the target expects: π_R + (1 − π_R)·normal. */
  readonly belief: number;
  /** Is the information set reached in the equilibrium? */
  readonly reached: boolean;
  /** P(the information set) in the equilibrium, before the sender's type is known. */
  readonly probability: number;
  /**
   * The normal type's expected gain from following the rule rather than departing, ρ included,
   * at its equilibrium posterior; null where the information set is not reached.
   */
  readonly gain: number | null;
}

/** A sequential equilibrium of a conditional policy's one-shot game with sender follow-through. */
export interface FollowThroughEquilibrium {
  readonly decisions: readonly FollowThroughDecision[];
  /** Each type's mixed response: `[type * 2^n + choice]`. */
  readonly responses: Float64Array;
  /** E[U_S] before the sender's type is known: π_R·resolute + (1 − π_R)·normal. */
  readonly senderValue: number;
  readonly senderValueNormal: number;
  readonly senderValueResolute: number;
  /** Each type's expected payoff in the equilibrium. */
  readonly targetValue: Float64Array;
  /** True when the normal sender or the target mixes. */
  readonly mixed: boolean;
}

/** The equilibria of one policy, and the one the analysis reports. */
export interface FollowThroughSolution {
  readonly equilibria: readonly FollowThroughEquilibrium[];
  /**
   * Index of the equilibrium the analysis reports: the best for the sender among those in which
   * the normal type's follow-through is pure, or among all when none is (ties: the first listed,
   * and the rule-following profiles are listed first). The sender announces the policy, and with
   * it the equilibrium it means to play (docs/model.md, "Credibility in equilibrium").
   */
  readonly selected: number;
  /** Index of the worst equilibrium for the sender: what the policy risks if the target reads it pessimistically. */
  readonly worst: number;
}

const TOLERANCE = 1e-12;
const KINDS: readonly FollowThroughKind[] = ["keep", "refrain", "withhold", "escalate"];
/** Cap on the target's tied pure profiles examined at one point (a degenerate game). */
const MAX_TIED_PROFILES = 256;

interface Node {
  readonly kind: FollowThroughKind;
  readonly signal: "clean" | "violation";
  readonly observed: number;
}

/**
 * All sequential equilibria of a conditional policy's one-shot game when the sender's
 * follow-through is a move (MODEL.md §2b; docs/model.md "Credibility in equilibrium"). The sender
 * is resolute with probability π_R (follows the rule always) or normal; the normal type chooses at
 * each information set — the signal and the observable demands met, as in the compiled game tree
 * — whether to keep the promise after a clean signal, withhold and escalate after a violation, and
 * pays ρ whenever it departs from the rule (under an escalation policy it may also escalate after
 * a clean signal, which the rule forbids). The target anticipates q = π_R + (1 − π_R)·σ at each
 * node. Beliefs at unreached information sets may be anything consistent (the target's trembles
 * are free), so an action there is sequentially rational when some node of the set supports it.
 *
 * The enumeration is exact for every equilibrium in which the normal sender mixes at no more than
 * one information set: all pure follow-through profiles (the target's ties resolved by every
 * mixture on the segments between its tied pure profiles), and for each decision, the mixtures
 * that make a target type indifferent, with the target's mixture that makes the sender indifferent.
 * Mixing at two or more sets at once needs two independent indifferences (a non-generic game); such
 * equilibria are not listed. With `all: false` the mixed ones are sought only when no pure
 * follow-through is an equilibrium, and only the selected one is returned (the fast path of
 * sweeps: `equilibria` has one entry, and `worst` is not computed).
 *
 * @throws {LinkageError} E_SOLVER when no equilibrium of that kind exists (a degenerate game)
 */
export function followThroughEquilibria(
  game: LeverageGame,
  policy: LeveragePolicy,
  options: { readonly all?: boolean } = {},
): FollowThroughSolution {
  const { problem, found, selected, worst } = enumerate(game, policy, options.all !== false);
  if (options.all === false) {
    const only = found[selected]!;
    return { equilibria: [problem.equilibrium(only.follow, only.y)], selected: 0, worst: 0 };
  }
  return { equilibria: found.map((e) => problem.equilibrium(e.follow, e.y)), selected, worst };
}

/** The search behind {@link followThroughEquilibria}: light records, the selected and the worst. */
function enumerate(game: LeverageGame, policy: LeveragePolicy, all: boolean) {
  const problem = new FollowThroughProblem(game, policy);
  const found: { follow: Float64Array; y: Float64Array; senderValue: number }[] = [];
  const seen = new Set<string>();
  // equilibria that differ only off the path of play are one outcome: the first found is kept
  const record = (follow: Float64Array, y: Float64Array) => {
    const key = problem.outcomeKey(follow, y);
    if (seen.has(key)) return;
    seen.add(key);
    found.push({ follow, y, senderValue: problem.senderValue(follow, y) });
  };
  const D = problem.nodes.length;
  // pure follow-through profiles, the rule first; when every type has one best reply (the usual
  // case) the check runs in reused buffers, and only an equilibrium is copied
  // a decision whose gain has one strict sign at every node of its set is the same at any belief
  // (reached or not): it is pinned, and only the others are enumerated
  const pinned = problem.pinnedDecisions();
  const free: number[] = [];
  for (let d = 0; d < D; d++) if (pinned[d]! < 0) free.push(d);
  const F = free.length;
  const follow = new Float64Array(D);
  const y = new Float64Array(game.typeIds.length << game.demandIds.length);
  const fill = (mask: number, skip: number) => {
    for (let d = 0; d < D; d++) if (pinned[d]! >= 0) follow[d] = pinned[d]!;
    for (let k = 0, bit = 0; k < F; k++) {
      if (free[k] === skip) continue;
      follow[free[k]!] = (mask >>> bit++) & 1;
    }
  };
  for (let mask = (1 << F) - 1; mask >= 0; mask--) {
    fill(mask, -1);
    if (problem.writeUniqueResponse(follow, y)) {
      if (problem.supports(follow, y, -1)) record(follow.slice(), y.slice());
      continue;
    }
    const at = follow.slice();
    for (const yy of problem.targetMixtures(at, (m) => problem.supports(at, m, -1))) record(at, yy);
  }
  // one decision mixed, at the points where a target type is indifferent (needed for the
  // selection only when no pure follow-through is an equilibrium)
  const pureCount = found.length;
  for (let k = 0; k < F && (all || pureCount === 0); k++) {
    const mixed = free[k]!;
    for (let mask = (1 << (F - 1)) - 1; mask >= 0; mask--) {
      fill(mask, mixed);
      for (const x of problem.indifferencePoints(follow, mixed)) {
        follow[mixed] = x;
        const at = Float64Array.from(follow);
        for (const y of problem.targetMixtures(at, (yy) => problem.supports(at, yy, mixed)))
          record(at, y);
      }
    }
  }
  if (found.length === 0) {
    throw new LinkageError(
      "E_SOLVER",
      `policy ${policy.id}: no sequential equilibrium in which the sender mixes at most at one information set; the game is degenerate at these parameter values (set credibility.beliefs: fixed to use fixed beliefs)`,
    );
  }
  // the normal type mixes only where no pure follow-through is consistent (MODEL.md §2b)
  const candidates = pureCount > 0 ? pureCount : found.length;
  let selected = 0;
  let worst = 0;
  for (let i = 1; i < found.length; i++) {
    const a = found[i]!.senderValue;
    const tol = (b: number) => TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));
    if (i < candidates && a > found[selected]!.senderValue + tol(found[selected]!.senderValue))
      selected = i;
    if (a < found[worst]!.senderValue - tol(found[worst]!.senderValue)) worst = i;
  }
  return { problem, found, selected, worst };
}

/**
 * The sender's value (E[U_S] before its type is known) in the equilibrium
 * {@link followThroughEquilibria} selects, without building the equilibrium: the fast path of
 * sweeps (pivots, tornado, Sobol, best-policy shares).
 */
export function followThroughValue(game: LeverageGame, policy: LeveragePolicy): number {
  const { found, selected } = enumerate(game, policy, false);
  return found[selected]!.senderValue;
}

/** The numbers of one policy's game with follow-through, computed once. */
class FollowThroughProblem {
  readonly nodes: Node[] = [];
  private readonly nTypes: number;
  private readonly nChoices: number;
  private readonly pClean: Float64Array;
  /** Index into `nodes` of each choice's keep / refrain / withhold / escalate node, −1 for none. */
  private readonly keepNode: Int32Array;
  private readonly refrainNode: Int32Array;
  private readonly withholdNode: Int32Array;
  private readonly escalateNode: Int32Array;
  /** S(a) = h_S − k_s − Σ_{j unmet} ℓ_j and v(a) = Σ_{j met} v_j, per choice. */
  private readonly supportValue: Float64Array;
  private readonly concessionValue: Float64Array;
  private readonly cost: Float64Array;
  private readonly escalationValue: Float64Array;
  /** reach[d * C + a] = P(node d | a); gains[(d * T + t) * C + a]; per d the range of gains over reachable nodes. */
  private reachTable!: Float64Array;
  private payoffNode!: Int32Array;
  private payoffCoefficient!: Float64Array;
  private payoffBase!: Float64Array;
  private gainTable!: Float64Array;
  private gainLow!: Float64Array;
  private gainHigh!: Float64Array;
  private readonly resolute: number;
  private readonly rho: number;
  private readonly carrot: number;
  private readonly threat: number;

  constructor(
    private readonly game: LeverageGame,
    policy: LeveragePolicy,
  ) {
    const n = game.demandIds.length;
    this.nTypes = game.typeIds.length;
    this.nChoices = 1 << n;
    this.resolute = game.resolutePrior;
    this.rho = game.reputation;
    this.carrot = game.carrot;
    const escalation = policy.kind === "conditional-escalation" ? policy.escalation : null;
    this.threat = escalation ? escalation.costToTarget : 0;
    this.escalationValue = new Float64Array(this.nTypes);
    if (escalation) {
      for (let t = 0; t < this.nTypes; t++)
        this.escalationValue[t] =
          escalation.benefit[t]! - escalation.costToSender - escalation.sideEffects;
    }
    let observableMask = 0;
    for (let j = 0; j < n; j++) if (game.observable[j]) observableMask |= 1 << j;
    const C = this.nChoices;
    this.pClean = new Float64Array(C);
    this.keepNode = new Int32Array(C).fill(-1);
    this.refrainNode = new Int32Array(C).fill(-1);
    this.withholdNode = new Int32Array(C).fill(-1);
    this.escalateNode = new Int32Array(C).fill(-1);
    this.supportValue = new Float64Array(C);
    this.concessionValue = new Float64Array(C);
    this.cost = new Float64Array(this.nTypes * C);
    // node index by (kind, observed demands met): kinds in KINDS order, C masks each
    const nodeIndex = new Int32Array(KINDS.length * C).fill(-1);
    const node = (kind: FollowThroughKind, signal: "clean" | "violation", observed: number) => {
      const key = KINDS.indexOf(kind) * C + observed;
      let index = nodeIndex[key]!;
      if (index < 0) {
        index = this.nodes.length;
        this.nodes.push({ kind, signal, observed });
        nodeIndex[key] = index;
      }
      return index;
    };
    for (let a = 0; a < C; a++) {
      const c = cleanProbability(game, policy, a);
      this.pClean[a] = c;
      const observed = a & observableMask;
      if (c > 0) {
        this.keepNode[a] = node("keep", "clean", observed);
        if (escalation) this.refrainNode[a] = node("refrain", "clean", observed);
      }
      if (c < 1) {
        this.withholdNode[a] = node("withhold", "violation", observed);
        if (escalation) this.escalateNode[a] = node("escalate", "violation", observed);
      }
      let support = game.supportNet;
      let value = 0;
      for (let j = 0; j < n; j++) {
        if (concedes(a, j)) value += game.demandValue[j]!;
        else support -= game.supportPenalty[j]!;
      }
      this.supportValue[a] = support;
      this.concessionValue[a] = value;
      for (let t = 0; t < this.nTypes; t++) this.cost[t * C + a] = concessionCost(game, t, a);
    }
    const D = this.nodes.length;
    const T = this.nTypes;
    // the target's payoff as base + Σ coefficient·belief over the four nodes a choice can reach
    // (a missing node points at slot D of the belief buffer, with coefficient 0)
    this.payoffNode = new Int32Array(4 * C);
    this.payoffCoefficient = new Float64Array(4 * C);
    this.payoffBase = new Float64Array(T * C);
    for (let a = 0; a < C; a++) {
      const c = this.pClean[a]!;
      const slots = [
        this.keepNode[a]!,
        this.refrainNode[a]!,
        this.withholdNode[a]!,
        this.escalateNode[a]!,
      ];
      const coefficients = [
        c * this.carrot,
        c * this.threat,
        -(1 - c) * this.carrot,
        -(1 - c) * this.threat,
      ];
      let constant = 0;
      if (slots[1]! >= 0) constant -= c * this.threat;
      if (slots[2]! >= 0) constant += (1 - c) * this.carrot;
      for (let k = 0; k < 4; k++) {
        this.payoffNode[4 * a + k] = slots[k]! >= 0 ? slots[k]! : D;
        this.payoffCoefficient[4 * a + k] = slots[k]! >= 0 ? coefficients[k]! : 0;
      }
      for (let t = 0; t < T; t++) this.payoffBase[t * C + a] = constant - this.cost[t * C + a]!;
    }
    this.beliefBuffer = new Float64Array(D + 1);
    this.reachTable = new Float64Array(D * C);
    this.gainTable = new Float64Array(D * T * C);
    this.gainLow = new Float64Array(D).fill(Number.POSITIVE_INFINITY);
    this.gainHigh = new Float64Array(D).fill(Number.NEGATIVE_INFINITY);
    for (let d = 0; d < D; d++) {
      for (let a = 0; a < C; a++) {
        const r = this.reachOf(d, a);
        this.reachTable[d * C + a] = r;
        for (let t = 0; t < T; t++) {
          const g = this.gainOf(d, t, a);
          this.gainTable[(d * T + t) * C + a] = g;
          if (r > 0) {
            if (g < this.gainLow[d]!) this.gainLow[d] = g;
            if (g > this.gainHigh[d]!) this.gainHigh[d] = g;
          }
        }
      }
    }
  }

  /** P(reaching `node` | choice a). */
  private reachOf(d: number, a: number): number {
    if (this.keepNode[a] === d || this.refrainNode[a] === d) return this.pClean[a]!;
    if (this.withholdNode[a] === d || this.escalateNode[a] === d) return 1 - this.pClean[a]!;
    return 0;
  }

  /** The normal type's gain from following the rule at node d after choice a by type t (ρ included). */
  private gainOf(d: number, t: number, a: number): number {
    const kind = this.nodes[d]!.kind;
    if (kind === "keep") return this.supportValue[a]! + this.rho;
    if (kind === "withhold") return this.rho - this.supportValue[a]!;
    if (kind === "refrain") return this.rho - this.escalationValue[t]!;
    return this.escalationValue[t]! + this.rho;
  }

  /** The target's expected payoff of choice a for type t when it expects follow-through `belief`. */
  targetPayoff(belief: Float64Array, t: number, a: number): number {
    const c = this.pClean[a]!;
    let value = -this.cost[t * this.nChoices + a]!;
    if (c > 0) {
      value += c * this.carrot * belief[this.keepNode[a]!]!;
      const r = this.refrainNode[a]!;
      if (r >= 0) value -= c * this.threat * (1 - belief[r]!);
    }
    if (c < 1) {
      value += (1 - c) * this.carrot * (1 - belief[this.withholdNode[a]!]!);
      const e = this.escalateNode[a]!;
      if (e >= 0) value -= (1 - c) * this.threat * belief[e]!;
    }
    return value;
  }

  private beliefBuffer!: Float64Array;

  /**
   * Writes into y each type's best reply to `follow` when every type has exactly one (within the
   * tie tolerance), and says whether it did.
   */
  writeUniqueResponse(follow: Float64Array, y: Float64Array): boolean {
    const belief = this.beliefBuffer;
    for (let d = 0; d < follow.length; d++)
      belief[d] = this.resolute + (1 - this.resolute) * follow[d]!;
    y.fill(0);
    const C = this.nChoices;
    const node = this.payoffNode;
    const coefficient = this.payoffCoefficient;
    for (let t = 0; t < this.nTypes; t++) {
      let best = 0;
      let bestValue = Number.NEGATIVE_INFINITY;
      let second = Number.NEGATIVE_INFINITY;
      for (let a = 0; a < C; a++) {
        const k = 4 * a;
        const v =
          this.payoffBase[t * C + a]! +
          coefficient[k]! * belief[node[k]!]! +
          coefficient[k + 1]! * belief[node[k + 1]!]! +
          coefficient[k + 2]! * belief[node[k + 2]!]! +
          coefficient[k + 3]! * belief[node[k + 3]!]!;
        if (v > bestValue) {
          second = bestValue;
          best = a;
          bestValue = v;
        } else if (v > second) second = v;
      }
      if (!(bestValue - second > TARGET_TIE_TOLERANCE * Math.max(1, Math.abs(bestValue))))
        return false;
      y[t * C + best] = 1;
    }
    return true;
  }

  private beliefs(follow: Float64Array): Float64Array {
    const b = new Float64Array(follow.length);
    for (let d = 0; d < follow.length; d++) b[d] = this.resolute + (1 - this.resolute) * follow[d]!;
    return b;
  }

  /** Each type's best choices (within the tie tolerance) against `follow`. */
  private maximisers(follow: Float64Array): number[][] {
    const belief = this.beliefs(follow);
    const result: number[][] = [];
    for (let t = 0; t < this.nTypes; t++) {
      const values = new Float64Array(this.nChoices);
      let best = Number.NEGATIVE_INFINITY;
      for (let a = 0; a < this.nChoices; a++) {
        values[a] = this.targetPayoff(belief, t, a);
        if (values[a]! > best) best = values[a]!;
      }
      const tol = TARGET_TIE_TOLERANCE * Math.max(1, Math.abs(best));
      const ties: number[] = [];
      for (let a = 0; a < this.nChoices; a++) if (values[a]! >= best - tol) ties.push(a);
      result.push(ties);
    }
    return result;
  }

  /**
   * The target's equilibrium responses against `follow` that pass `accept`: each tied pure
   * profile, and on the segment between two of them the points where a sender condition changes.
   */
  targetMixtures(follow: Float64Array, accept: (y: Float64Array) => boolean): Float64Array[] {
    const ties = this.maximisers(follow);
    let count = 1;
    for (const t of ties) count *= t.length;
    if (count > MAX_TIED_PROFILES) {
      throw new LinkageError(
        "E_SOLVER",
        `the target is indifferent among ${count} pure responses at once (a degenerate game); set credibility.beliefs: fixed`,
      );
    }
    const vertices: Float64Array[] = [];
    for (let k = 0; k < count; k++) {
      const y = new Float64Array(this.nTypes * this.nChoices);
      let rest = k;
      for (let t = 0; t < this.nTypes; t++) {
        const options = ties[t]!;
        y[t * this.nChoices + options[rest % options.length]!] = 1;
        rest = Math.floor(rest / options.length);
      }
      vertices.push(y);
    }
    const out: Float64Array[] = [];
    for (let i = 0; i < vertices.length; i++) {
      if (accept(vertices[i]!)) out.push(vertices[i]!);
      for (let j = i + 1; j < vertices.length; j++) {
        for (const lambda of this.segmentPoints(vertices[i]!, vertices[j]!)) {
          const y = mix(vertices[i]!, vertices[j]!, lambda);
          if (accept(y)) out.push(y);
        }
      }
    }
    return out;
  }

  /** Interior points of the segment where some L_d or P_d changes sign, and the midpoints between them. */
  private segmentPoints(y0: Float64Array, y1: Float64Array): number[] {
    const roots: number[] = [0, 1];
    for (let d = 0; d < this.nodes.length; d++) {
      for (const f of [
        (y: Float64Array) => this.weight(d, y),
        (y: Float64Array) => this.score(d, y),
      ]) {
        const a = f(y0);
        const b = f(y1);
        if ((a < 0 && b > 0) || (a > 0 && b < 0)) roots.push(a / (a - b));
      }
    }
    roots.sort((p, q) => p - q);
    const points: number[] = [];
    for (let k = 0; k < roots.length; k++) {
      const r = roots[k]!;
      if (r > 0 && r < 1) points.push(r);
      if (k + 1 < roots.length && roots[k + 1]! > r) points.push((r + roots[k + 1]!) / 2);
    }
    return points;
  }

  /** P(node d) under the target's mixture y. */
  private weight(d: number, y: Float64Array): number {
    const C = this.nChoices;
    let p = 0;
    for (let t = 0; t < this.nTypes; t++) {
      const mu = this.game.typePrior[t]!;
      for (let a = 0; a < C; a++) {
        const ya = y[t * C + a]!;
        if (ya > 0) p += mu * ya * this.reachTable[d * C + a]!;
      }
    }
    return p;
  }

  /** L_d = P(node d)·E[gain | node d]: the normal type's gain from the rule there, unnormalised. */
  private score(d: number, y: Float64Array): number {
    const C = this.nChoices;
    const T = this.nTypes;
    let s = 0;
    for (let t = 0; t < T; t++) {
      const mu = this.game.typePrior[t]!;
      for (let a = 0; a < C; a++) {
        const ya = y[t * C + a]!;
        if (ya > 0)
          s += mu * ya * this.reachTable[d * C + a]! * this.gainTable[(d * T + t) * C + a]!;
      }
    }
    return s;
  }

  /**
   * Is `follow` sequentially rational for the normal sender against y? At a reached set each pure
   * decision must be a best reply (weakly) and the `mixed` one an indifference; at an unreached
   * set some node must support the action (both actions, for the mixed one).
   */
  supports(follow: Float64Array, y: Float64Array, mixed: number): boolean {
    for (let d = 0; d < this.nodes.length; d++) {
      const p = this.weight(d, y);
      const x = follow[d]!;
      if (p > TOLERANCE) {
        const l = this.score(d, y);
        const tol = TOLERANCE * Math.max(1, p);
        if (d === mixed ? Math.abs(l) > tol : x === 1 ? l < -tol : l > tol) return false;
      } else {
        // the gains at the nodes of the set, over every type and choice that can reach it
        const ruleOk = this.gainHigh[d]! >= -TOLERANCE;
        const departOk = this.gainLow[d]! <= TOLERANCE;
        if (d === mixed ? !(ruleOk && departOk) : x === 1 ? !ruleOk : !departOk) return false;
      }
    }
    return true;
  }

  /**
   * Per decision: 1 (0) when following the rule is strictly better (worse) at every node of its
   * set, so at every belief; −1 when it depends on the belief.
   */
  pinnedDecisions(): Int8Array {
    const pinned = new Int8Array(this.nodes.length);
    for (let d = 0; d < this.nodes.length; d++) {
      pinned[d] = this.gainLow[d]! > TOLERANCE ? 1 : this.gainHigh[d]! < -TOLERANCE ? 0 : -1;
    }
    return pinned;
  }

  /** The type's only best choice against `belief`, or −1 when several tie. */
  private uniqueBest(belief: Float64Array, t: number): number {
    let best = 0;
    let bestValue = this.targetPayoff(belief, t, 0);
    let second = Number.NEGATIVE_INFINITY;
    for (let a = 1; a < this.nChoices; a++) {
      const v = this.targetPayoff(belief, t, a);
      if (v > bestValue) {
        second = bestValue;
        best = a;
        bestValue = v;
      } else if (v > second) second = v;
    }
    return bestValue - second > TARGET_TIE_TOLERANCE * Math.max(1, Math.abs(bestValue)) ? best : -1;
  }

  /** Values of decision `mixed` in (0, 1) at which some type is indifferent between two choices. */
  indifferencePoints(follow: Float64Array, mixed: number): number[] {
    const at = (x: number) => {
      const f = Float64Array.from(follow);
      f[mixed] = x;
      return this.beliefs(f);
    };
    const b0 = at(0);
    const b1 = at(1);
    const points: number[] = [];
    for (let t = 0; t < this.nTypes; t++) {
      // payoffs are affine in x: a choice that is the only best at both ends is the best throughout
      const best0 = this.uniqueBest(b0, t);
      if (best0 >= 0 && best0 === this.uniqueBest(b1, t)) continue;
      for (let a = 0; a < this.nChoices; a++) {
        const a0 = this.targetPayoff(b0, t, a);
        const a1 = this.targetPayoff(b1, t, a) - a0;
        for (let b = a + 1; b < this.nChoices; b++) {
          const c0 = this.targetPayoff(b0, t, b);
          const c1 = this.targetPayoff(b1, t, b) - c0;
          if (Math.abs(a1 - c1) <= TOLERANCE) continue;
          const x = (c0 - a0) / (a1 - c1);
          if (x > TOLERANCE && x < 1 - TOLERANCE) points.push(x);
        }
      }
    }
    return [...new Set(points)].sort((p, q) => p - q);
  }

  /** What identifies an equilibrium's outcome: the responses and the follow-through on the path. */
  outcomeKey(follow: Float64Array, y: Float64Array): string {
    let key = "";
    for (let d = 0; d < this.nodes.length; d++)
      key += this.weight(d, y) > TOLERANCE ? `${Math.round(follow[d]! * 1e9)},` : "-,";
    for (const v of y) key += `${Math.round(v * 1e9)},`;
    return key;
  }

  /** E[U_S] before the sender's type is known (see {@link equilibrium}). */
  senderValue(follow: Float64Array, y: Float64Array): number {
    const [normal, resolute] = this.senderValues(follow, y);
    return this.resolute * resolute + (1 - this.resolute) * normal;
  }

  /** E[U_S] for the normal and for the resolute sender against the target's mixture y. */
  private senderValues(follow: Float64Array, y: Float64Array): [number, number] {
    const C = this.nChoices;
    const allRule = this.ruleProfile(follow.length);
    let normal = 0;
    let resolute = 0;
    for (let t = 0; t < this.nTypes; t++) {
      const mu = this.game.typePrior[t]!;
      for (let a = 0; a < C; a++) {
        const ya = y[t * C + a]!;
        if (ya === 0) continue;
        normal += mu * ya * this.senderPayoff(follow, t, a);
        resolute += mu * ya * this.senderPayoff(allRule, t, a);
      }
    }
    return [normal, resolute];
  }

  private rule: Float64Array | null = null;
  private ruleProfile(length: number): Float64Array {
    if (!this.rule) this.rule = new Float64Array(length).fill(1);
    return this.rule;
  }

  equilibrium(follow: Float64Array, y: Float64Array): FollowThroughEquilibrium {
    const belief = this.beliefs(follow);
    const C = this.nChoices;
    const [normal, resolute] = this.senderValues(follow, y);
    const targetValue = new Float64Array(this.nTypes);
    for (let t = 0; t < this.nTypes; t++) {
      for (let a = 0; a < C; a++) {
        const ya = y[t * C + a]!;
        if (ya === 0) continue;
        targetValue[t] = targetValue[t]! + ya * this.targetPayoff(belief, t, a);
      }
    }
    let mixedProfile = false;
    for (const v of y) if (v > 0 && v < 1) mixedProfile = true;
    for (const v of follow) if (v > 0 && v < 1) mixedProfile = true;
    const decisions = this.nodes.map((node, d): FollowThroughDecision => {
      const p = this.weight(d, y);
      return {
        kind: node.kind,
        signal: node.signal,
        observed: node.observed,
        normal: follow[d]!,
        belief: belief[d]!,
        reached: p > TOLERANCE,
        probability: p,
        gain: p > TOLERANCE ? this.score(d, y) / p : null,
      };
    });
    return {
      decisions,
      responses: y,
      senderValue: this.resolute * resolute + (1 - this.resolute) * normal,
      senderValueNormal: normal,
      senderValueResolute: resolute,
      targetValue,
      mixed: mixedProfile,
    };
  }

  /**
   * The sender's expected payoff after choice a by type t when it follows the rule at each node
   * with probability `follow` (ρ paid on each departure): Σ v_j a_j + E[s]·S(a) + E[x]·(b_x − k_x − h_X) − ρ·E[departures].
   */
  private senderPayoff(follow: Float64Array, t: number, a: number): number {
    const c = this.pClean[a]!;
    let value = this.concessionValue[a]!;
    if (c > 0) {
      const k = follow[this.keepNode[a]!]!;
      value += c * (k * this.supportValue[a]! - (1 - k) * this.rho);
      const r = this.refrainNode[a]!;
      if (r >= 0) value += c * (1 - follow[r]!) * (this.escalationValue[t]! - this.rho);
    }
    if (c < 1) {
      const w = follow[this.withholdNode[a]!]!;
      value += (1 - c) * (1 - w) * (this.supportValue[a]! - this.rho);
      const e = this.escalateNode[a]!;
      if (e >= 0) {
        const x = follow[e]!;
        value += (1 - c) * (x * this.escalationValue[t]! - (1 - x) * this.rho);
      }
    }
    return value;
  }
}

function mix(y0: Float64Array, y1: Float64Array, lambda: number): Float64Array {
  const y = new Float64Array(y0.length);
  for (let i = 0; i < y.length; i++) y[i] = (1 - lambda) * y0[i]! + lambda * y1[i]!;
  return y;
}
