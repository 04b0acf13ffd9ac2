import { LinkageError } from "../../errors/LinkageError.js";
import { CHANCE, PERSONAL } from "../../games/extensiveGame.js";
import { fillSimple, type InductionTree, SINGLE, same, vectorsOf } from "./InductionTree.js";

/**
 * Writes one equilibrium of the subgame at `root` giving `target` into `current`. Every vector
 * kept in pass 1 is realisable, so a consistent choice always exists at each node. Goals are
 * `null` when they are the node's own single value (no allocation on the common path).
 */
export function fillOne(s: InductionTree, root: number, target: Float64Array): void {
  const nodes: number[] = [root];
  const goals: (Float64Array | null)[] = [s.extra.has(root) ? target : null];
  while (nodes.length > 0) {
    const v = nodes.pop()!;
    const goal = goals.pop()!;
    if (s.simple[v]) {
      fillSimple(s, v);
      continue;
    }
    const kind = s.nodeKind[v];
    if (kind !== PERSONAL && kind !== CHANCE) continue;
    const childGoals = kind === PERSONAL ? choosePersonal(s, v, goal) : chanceGoals(s, v, goal);
    for (let a = 0; a < childGoals.length; a++) {
      nodes.push(s.children[s.childStart[v]! + a]!);
      goals.push(childGoals[a]!);
    }
  }
}

/**
 * At personal node v: writes into `current` the first action whose continuation gives `goal`
 * while every other action has a continuation no better for the mover; returns the children's
 * goals (the chosen continuation, and one such for each other action).
 */
function choosePersonal(
  s: InductionTree,
  v: number,
  goal: Float64Array | null,
): (Float64Array | null)[] {
  const first = s.childStart[v]!;
  const count = s.childStart[v + 1]! - first;
  const player = s.game.infosets[s.nodeInfoset[v]!]!.player;
  let chosen = -1;
  let chosenGoal: Float64Array | null = null;
  for (let a = 0; a < count && chosen < 0; a++) {
    const c = s.children[first + a]!;
    for (const w of candidates(s, c)) {
      if (!matches(s, c, w, v, goal)) continue;
      const limit = component(s, c, w, player) + s.tol;
      let feasible = true;
      for (let b = 0; b < count && feasible; b++) {
        const d = s.children[first + b]!;
        if (b !== a && !candidates(s, d).some((u) => component(s, d, u, player) <= limit))
          feasible = false;
      }
      if (feasible) {
        chosen = a;
        chosenGoal = w;
        break;
      }
    }
  }
  if (chosen < 0)
    throw new LinkageError("E_SOLVER", `backward induction: no equilibrium choice at node ${v}`);
  s.current[v] = chosen;
  const limit = component(s, s.children[first + chosen]!, chosenGoal, player) + s.tol;
  const childGoals: (Float64Array | null)[] = [];
  for (let b = 0; b < count; b++) {
    const d = s.children[first + b]!;
    childGoals.push(
      b === chosen
        ? chosenGoal
        : candidates(s, d).find((u) => component(s, d, u, player) <= limit)!,
    );
  }
  return childGoals;
}

/** At chance node v: the children's goals, continuations that mix to `goal`. */
function chanceGoals(
  s: InductionTree,
  v: number,
  goal: Float64Array | null,
): (Float64Array | null)[] {
  const first = s.childStart[v]!;
  const count = s.childStart[v + 1]! - first;
  const probs = s.probabilities[s.nodeInfoset[v]!]!;
  const target = Float64Array.from({ length: s.nPlayers }, (_, p) => below(s, v, goal, p));
  const picked = chanceCombination(s, first, count, probs, target);
  if (!picked)
    throw new LinkageError(
      "E_SOLVER",
      `backward induction: no equilibrium combination at chance node ${v}`,
    );
  return picked.map((w, a) => (s.extra.has(s.children[first + a]!) ? w : null));
}

/** The candidate goals of node c: its value vectors, or {@link SINGLE} for its one value. */
function candidates(s: InductionTree, c: number): readonly (Float64Array | null)[] {
  return s.extra.get(c) ?? SINGLE;
}

/** Component p of goal w of node c (`null`: the node's single value). */
function component(s: InductionTree, c: number, w: Float64Array | null, p: number): number {
  return w ? w[p]! : s.value[c * s.nPlayers + p]!;
}

/** Component p of node v's goal minus v's own outcome: what its children must give. */
function below(s: InductionTree, v: number, goal: Float64Array | null, p: number): number {
  const o = s.nodeOutcome[v]!;
  const x = component(s, v, goal, p);
  return o < 0 ? x : x - s.outcomePayoffs[o * s.nPlayers + p]!;
}

/** Does goal w of child c give what node v's goal needs below v (within the tolerance)? */
function matches(
  s: InductionTree,
  c: number,
  w: Float64Array | null,
  v: number,
  goal: Float64Array | null,
): boolean {
  for (let p = 0; p < s.nPlayers; p++)
    if (Math.abs(component(s, c, w, p) - below(s, v, goal, p)) > s.tol) return false;
  return true;
}

/** Continuation vectors of a chance node's children whose mixture is `target` (depth-first search). */
function chanceCombination(
  s: InductionTree,
  first: number,
  count: number,
  probs: Float64Array,
  target: ArrayLike<number>,
): Float64Array[] | null {
  const picked: Float64Array[] = [];
  const search = (a: number, sum: Float64Array): boolean => {
    if (a === count) return same(s, sum, target);
    for (const w of vectorsOf(s, s.children[first + a]!)) {
      picked[a] = w;
      if (
        search(
          a + 1,
          Float64Array.from(sum, (x, p) => x + probs[a]! * w[p]!),
        )
      )
        return true;
    }
    return false;
  };
  return search(0, new Float64Array(s.nPlayers)) ? picked : null;
}
