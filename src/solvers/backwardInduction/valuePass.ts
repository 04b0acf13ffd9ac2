import { CHANCE, PERSONAL, TERMINAL } from "../../games/extensiveGame.js";
import {
  distinct,
  type InductionTree,
  MAX_VALUE_VECTORS,
  tooManyValueVectors,
} from "./InductionTree.js";

/**
 * Pass 1 of backward induction: walks the nodes in reverse depth-first order (children before
 * parents) and computes, for each node, the set of payoff vectors that subgame-perfect play below
 * it can give — into `value` (the first) and `extra` (all, where there are several), with the
 * argmax in `choice` and `simple` set where the subgame's equilibrium is unique. A mover can
 * choose action a with continuation w when w is at least as good for it as the worst continuation
 * of every other action, so ties and the other subgames' own multiplicity are both accounted for.
 *
 * @returns true when there are no ties anywhere: the argmax at each node is the unique equilibrium
 */
export function computeValues(s: InductionTree): boolean {
  // module constants and the tree as locals: the hot loop avoids property and live-binding lookups
  const [TERMINAL_, PERSONAL_, CHANCE_] = [TERMINAL, PERSONAL, CHANCE];
  const { game, nPlayers, nodeKind, childStart, children, nodeInfoset, nodeOutcome } = s;
  const { outcomePayoffs, tol, probabilities, value, choice, extra, simple } = s;
  const n = nodeKind.length;
  let unique = true;
  for (let v = n - 1; v >= 0; v--) {
    const kind = nodeKind[v]!;
    const base = v * nPlayers;
    const o = nodeOutcome[v]!;
    const first = childStart[v]!;
    const count = childStart[v + 1]! - first;
    if (kind === PERSONAL_) {
      const player = game.infosets[nodeInfoset[v]!]!.player;
      let best = 0;
      let bestValue = Number.NEGATIVE_INFINITY;
      let tie = false;
      let several = false; // some child has several equilibrium values
      for (let a = 0; a < count; a++) {
        const c = children[first + a]!;
        if (extra.has(c)) several = true;
        const x = value[c * nPlayers + player]!;
        if (x > bestValue + tol) {
          best = a;
          bestValue = x;
          tie = false;
        } else if (x >= bestValue - tol) tie = true;
      }
      if (!tie && !several) {
        const c = children[first + best]!;
        for (let p = 0; p < nPlayers; p++) value[base + p] = value[c * nPlayers + p]!;
        choice[v] = best;
        simple[v] = allSimple(s, first, count);
      } else if (!several && tiedChildrenAgree(s, first, count, player, bestValue)) {
        // several best actions, all leading to the same payoffs: one value, several equilibria
        unique = false;
        const c = children[first + best]!;
        for (let p = 0; p < nPlayers; p++) value[base + p] = value[c * nPlayers + p]!;
      } else {
        unique = false;
        setVectors(s, v, personalVectors(s, v, player));
      }
    } else if (kind === CHANCE_) {
      const probs = probabilities[nodeInfoset[v]!]!;
      let single = true;
      for (let a = 0; a < count; a++) if (extra.has(children[first + a]!)) single = false;
      if (single) {
        simple[v] = allSimple(s, first, count);
        for (let p = 0; p < nPlayers; p++) {
          let sum = 0;
          for (let a = 0; a < count; a++)
            sum += probs[a]! * value[children[first + a]! * nPlayers + p]!;
          value[base + p] = sum;
        }
      } else {
        unique = false;
        let mixes: Float64Array[] = [new Float64Array(nPlayers)];
        for (let a = 0; a < count; a++) {
          const next: Float64Array[] = [];
          for (const partial of mixes) {
            const c = children[first + a]!;
            for (const w of extra.get(c) ?? [value.subarray(c * nPlayers, (c + 1) * nPlayers)]) {
              next.push(partial.map((x, p) => x + probs[a]! * w[p]!));
            }
          }
          mixes = distinct(s, next);
          if (mixes.length > MAX_VALUE_VECTORS) tooManyValueVectors(v);
        }
        setVectors(s, v, mixes);
      }
    }
    if (kind === TERMINAL_) simple[v] = 1;
    if (o >= 0) {
      for (let p = 0; p < nPlayers; p++) value[base + p]! += outcomePayoffs[o * nPlayers + p]!;
      const many = extra.get(v);
      if (many)
        for (const w of many)
          for (let p = 0; p < nPlayers; p++) w[p]! += outcomePayoffs[o * nPlayers + p]!;
    }
  }
  return unique;
}

function allSimple(s: InductionTree, first: number, count: number): number {
  for (let a = 0; a < count; a++) if (!s.simple[s.children[first + a]!]) return 0;
  return 1;
}

/** Do all children whose value to `player` ties with `bestValue` have the same payoff vector? */
function tiedChildrenAgree(
  s: InductionTree,
  first: number,
  count: number,
  player: number,
  bestValue: number,
): boolean {
  let reference = -1;
  for (let a = 0; a < count; a++) {
    const c = s.children[first + a]!;
    if (s.value[c * s.nPlayers + player]! < bestValue - s.tol) continue;
    if (reference < 0) reference = c;
    else
      for (let p = 0; p < s.nPlayers; p++)
        if (Math.abs(s.value[c * s.nPlayers + p]! - s.value[reference * s.nPlayers + p]!) > s.tol)
          return false;
  }
  return true;
}

function setVectors(s: InductionTree, v: number, vectors: Float64Array[]): void {
  s.value.set(vectors[0]!, v * s.nPlayers);
  if (vectors.length > 1)
    s.extra.set(
      v,
      vectors.map((w) => Float64Array.from(w)),
    );
  else s.extra.delete(v);
}

/** Continuations a mover can pick: w ∈ V(a) with w_i ≥ max over b ≠ a of min over V(b) of u_i. */
function personalVectors(s: InductionTree, v: number, player: number): Float64Array[] {
  const first = s.childStart[v]!;
  const count = s.childStart[v + 1]! - first;
  const worst = new Float64Array(count);
  for (let a = 0; a < count; a++) {
    const c = s.children[first + a]!;
    const many = s.extra.get(c);
    let low = s.value[c * s.nPlayers + player]!;
    if (many) for (const w of many) low = Math.min(low, w[player]!);
    worst[a] = low;
  }
  const kept: Float64Array[] = [];
  for (let a = 0; a < count; a++) {
    let threshold = Number.NEGATIVE_INFINITY;
    for (let b = 0; b < count; b++) if (b !== a) threshold = Math.max(threshold, worst[b]!);
    const c = s.children[first + a]!;
    const many = s.extra.get(c);
    if (many) {
      for (const w of many) if (w[player]! >= threshold - s.tol) kept.push(Float64Array.from(w));
    } else if (s.value[c * s.nPlayers + player]! >= threshold - s.tol) {
      kept.push(s.value.slice(c * s.nPlayers, (c + 1) * s.nPlayers));
    }
  }
  const result = distinct(s, kept);
  if (result.length > MAX_VALUE_VECTORS) tooManyValueVectors(v);
  return result;
}
