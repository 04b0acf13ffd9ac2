import { CHANCE, PERSONAL } from "../../games/extensiveGame.js";
import { fillSimple, type InductionTree, same, vectorsOf } from "./InductionTree.js";

/** Yields once per assignment of actions in the subtree of v (written into `current`) whose play gives `target`. */
export function* realise(s: InductionTree, v: number, target: ArrayLike<number>): Generator<void> {
  if (s.simple[v]) {
    if (same(s, vectorsOf(s, v)[0]!, target)) {
      fillSimple(s, v);
      yield;
    }
    return;
  }
  const kind = s.nodeKind[v]!;
  const o = s.nodeOutcome[v]!;
  const own = new Float64Array(s.nPlayers);
  if (o >= 0) for (let p = 0; p < s.nPlayers; p++) own[p] = s.outcomePayoffs[o * s.nPlayers + p]!;
  const below = Float64Array.from(target, (x, p) => x - own[p]!);
  const first = s.childStart[v]!;
  const count = s.childStart[v + 1]! - first;
  if (kind === PERSONAL) {
    const player = s.game.infosets[s.nodeInfoset[v]!]!.player;
    for (let a = 0; a < count; a++) {
      const c = s.children[first + a]!;
      for (const w of vectorsOf(s, c)) {
        if (!same(s, w, below)) continue;
        const options: Float64Array[][] = [];
        let feasible = true;
        for (let b = 0; b < count; b++) {
          if (b === a) continue;
          const allowed = vectorsOf(s, s.children[first + b]!).filter(
            (u) => u[player]! <= w[player]! + s.tol,
          );
          if (allowed.length === 0) feasible = false;
          options.push(allowed);
        }
        if (!feasible) continue;
        s.current[v] = a;
        yield* product(s, v, a, w, options, 0);
      }
    }
  } else if (kind === CHANCE) {
    const probs = s.probabilities[s.nodeInfoset[v]!]!;
    yield* chanceCombinations(
      s,
      v,
      first,
      count,
      probs,
      below,
      0,
      new Float64Array(s.nPlayers),
      [],
    );
  } else if (same(s, below, new Float64Array(s.nPlayers))) {
    yield;
  }
}

/** Every child of a personal node v gets a continuation: the chosen one w, the others from `options`. */
function* product(
  s: InductionTree,
  v: number,
  chosen: number,
  w: Float64Array,
  options: Float64Array[][],
  b: number,
): Generator<void> {
  const first = s.childStart[v]!;
  const count = s.childStart[v + 1]! - first;
  if (b === count) return yield;
  const c = s.children[first + b]!;
  if (b === chosen) {
    for (const _ of realise(s, c, w)) yield* product(s, v, chosen, w, options, b + 1);
    return;
  }
  const list = options[b < chosen ? b : b - 1]!;
  for (const u of list)
    for (const _ of realise(s, c, u)) yield* product(s, v, chosen, w, options, b + 1);
}

function* chanceCombinations(
  s: InductionTree,
  v: number,
  first: number,
  count: number,
  probs: Float64Array,
  target: Float64Array,
  a: number,
  sum: Float64Array,
  picked: Float64Array[],
): Generator<void> {
  if (a === count) {
    if (!same(s, sum, target)) return;
    yield* realiseAll(s, first, picked, 0);
    return;
  }
  for (const w of vectorsOf(s, s.children[first + a]!)) {
    const next = Float64Array.from(sum, (x, p) => x + probs[a]! * w[p]!);
    yield* chanceCombinations(s, v, first, count, probs, target, a + 1, next, [...picked, w]);
  }
}

function* realiseAll(
  s: InductionTree,
  first: number,
  picked: Float64Array[],
  a: number,
): Generator<void> {
  if (a === picked.length) return yield;
  for (const _ of realise(s, s.children[first + a]!, picked[a]!))
    yield* realiseAll(s, first, picked, a + 1);
}
