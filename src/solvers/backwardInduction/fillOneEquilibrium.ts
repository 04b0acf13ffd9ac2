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
  // component p of a goal (`null`: the node's single value) minus the node's own outcome
  const below = (v: number, goal: Float64Array | null, p: number): number => {
    const o = s.nodeOutcome[v]!;
    const x = goal ? goal[p]! : s.value[v * s.nPlayers + p]!;
    return o < 0 ? x : x - s.outcomePayoffs[o * s.nPlayers + p]!;
  };
  const component = (c: number, w: Float64Array | null, p: number) =>
    w ? w[p]! : s.value[c * s.nPlayers + p]!;
  const matches = (
    c: number,
    w: Float64Array | null,
    v: number,
    goal: Float64Array | null,
  ): boolean => {
    for (let p = 0; p < s.nPlayers; p++)
      if (Math.abs(component(c, w, p) - below(v, goal, p)) > s.tol) return false;
    return true;
  };
  const candidates = (c: number): readonly (Float64Array | null)[] => s.extra.get(c) ?? SINGLE;
  while (nodes.length > 0) {
    const v = nodes.pop()!;
    const goal = goals.pop()!;
    if (s.simple[v]) {
      fillSimple(s, v);
      continue;
    }
    const first = s.childStart[v]!;
    const count = s.childStart[v + 1]! - first;
    if (s.nodeKind[v] === PERSONAL) {
      const player = s.game.infosets[s.nodeInfoset[v]!]!.player;
      let chosen = -1;
      let chosenGoal: Float64Array | null = null;
      for (let a = 0; a < count && chosen < 0; a++) {
        const c = s.children[first + a]!;
        for (const w of candidates(c)) {
          if (!matches(c, w, v, goal)) continue;
          const limit = component(c, w, player) + s.tol;
          let feasible = true;
          for (let b = 0; b < count && feasible; b++) {
            const d = s.children[first + b]!;
            if (b !== a && !candidates(d).some((u) => component(d, u, player) <= limit))
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
        throw new LinkageError(
          "E_SOLVER",
          `backward induction: no equilibrium choice at node ${v}`,
        );
      s.current[v] = chosen;
      const limit = component(s.children[first + chosen]!, chosenGoal, player) + s.tol;
      for (let b = 0; b < count; b++) {
        const d = s.children[first + b]!;
        nodes.push(d);
        goals.push(
          b === chosen ? chosenGoal : candidates(d).find((u) => component(d, u, player) <= limit)!,
        );
      }
    } else if (s.nodeKind[v] === CHANCE) {
      const probs = s.probabilities[s.nodeInfoset[v]!]!;
      const target = Float64Array.from({ length: s.nPlayers }, (_, p) => below(v, goal, p));
      const picked = chanceCombination(s, first, count, probs, target);
      if (!picked)
        throw new LinkageError(
          "E_SOLVER",
          `backward induction: no equilibrium combination at chance node ${v}`,
        );
      for (let a = 0; a < count; a++) {
        const c = s.children[first + a]!;
        nodes.push(c);
        goals.push(s.extra.has(c) ? picked[a]! : null);
      }
    }
  }
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
