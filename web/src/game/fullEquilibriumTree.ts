import type { AnalysisResult } from "linkage/analysis/AnalysisResult";
import type { TreeNode } from "linkage/analysis/ScenarioRun";
import { behaviourLayout } from "linkage/games/behaviourLayout";
import { CHANCE, PERSONAL } from "linkage/games/extensiveGame";
import { toNumber } from "linkage/math/rational";
import { announcedRuleBehaviour, compileGameTree } from "linkage/scenario/compileGameTree";
import type { Scenario } from "linkage/scenario/Scenario";

/**
 * One policy's whole one-shot game tree for drawing, every follow-through action of the sender
 * included: the nodes of `compileGameTree(scenario, values, { policy })` in depth-first order,
 * with the equilibrium path marked as analysis/equilibriumTree marks it (Nature's moves of
 * positive probability, each type's best response from the analysis, the announced rule's
 * action at each follow-through). The core's `equilibriumTree` (what the report draws) keeps
 * the rule's action only; the page shows either.
 */
export function fullEquilibriumTree(
  scenario: Scenario,
  values: Float64Array,
  analysis: AnalysisResult,
  policy: string,
): TreeNode[] {
  const tree = compileGameTree(scenario, values, { policy });
  const layout = behaviourLayout(tree);
  const rule = announcedRuleBehaviour(tree, layout);
  const responses = analysis.policies[policy]?.responses ?? {};
  const nodes: TreeNode[] = [];
  const players = ["sender", "target"] as const;

  const visit = (
    v: number,
    parent: number,
    edge: string,
    probability: number | null,
    onPath: boolean,
    type: string | null,
  ): void => {
    const kind = tree.nodeKind[v]!;
    const id = nodes.length;
    const first = tree.childStart[v]!;
    const o = tree.nodeOutcome[v]!;
    const set = kind === PERSONAL || kind === CHANCE ? tree.infosets[tree.nodeInfoset[v]!]! : null;
    nodes.push({
      id,
      parent,
      kind: kind === CHANCE ? "chance" : kind === PERSONAL ? players[set!.player]! : "terminal",
      edge,
      probability,
      label: set ? set.label.replace(/ \[rule: [^\]]+\]$/, "") : "",
      payoffs: o >= 0 ? [tree.outcomePayoffs[2 * o]!, tree.outcomePayoffs[2 * o + 1]!] : null,
      onPath,
    });
    if (!set) return;
    set.actions.forEach((action, a) => {
      const child = tree.children[first + a]!;
      if (kind === CHANCE) {
        const p = toNumber(set.probabilities![a]!);
        const typeDraw = set.label.includes(": target type");
        visit(child, id, action, p, onPath && p > 0, typeDraw ? action : type);
      } else if (set.player === 0) {
        const follows = rule[layout.offset[tree.nodeInfoset[v]!]! + a] === 1;
        visit(child, id, action, null, onPath && follows, type);
      } else {
        const [verb, demand] = action.split(" ") as [string, string];
        const chosen = type !== null && (responses[type]?.[demand] === 1) === (verb === "concede");
        visit(child, id, action, null, onPath && chosen, type);
      }
    });
  };
  visit(0, -1, "", null, true, null);
  return nodes;
}
