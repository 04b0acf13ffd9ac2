import { behaviourLayout } from "../games/behaviourLayout.js";
import { CHANCE, PERSONAL } from "../games/extensiveGame.js";
import { toNumber } from "../math/rational.js";
import { announcedRuleBehaviour, compileGameTree } from "../scenario/compileGameTree.js";
import type { Scenario } from "../scenario/Scenario.js";
import type { AnalysisResult } from "./AnalysisResult.js";
import type { TreeNode } from "./ScenarioRun.js";

/**
 * One policy's one-shot game tree for drawing: the real tree of `compileGameTree`, with the
 * sender's follow-through reduced to the action its announced rule prescribes, and the
 * equilibrium path marked (Nature's moves, each type's best response from the analysis, the
 * signals that can follow, the rule's action). With `followThrough: "all"` (the workbench's
 * tree) every follow-through action is kept, the rule's marked on the path.
 */
export function equilibriumTree(
  scenario: Scenario,
  values: Float64Array,
  analysis: AnalysisResult,
  policy: string,
  options: { readonly followThrough?: "rule" | "all" } = {},
): TreeNode[] {
  const allActions = options.followThrough === "all";
  const tree = compileGameTree(scenario, values, { policy });
  const layout = behaviourLayout(tree);
  const rule = announcedRuleBehaviour(tree, layout);
  const responses = analysis.policies[policy]!.responses;
  const nodes: TreeNode[] = [];
  const players = ["sender", "target"] as const;

  const visit = (
    v: number,
    parent: number,
    edge: string,
    probability: number | null,
    onPath: boolean,
    type: string | null,
  ) => {
    const kind = tree.nodeKind[v]!;
    const id = nodes.length;
    const first = tree.childStart[v]!;
    const count = tree.childStart[v + 1]! - first;
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
    if (kind === CHANCE) {
      set.actions.forEach((action, a) => {
        const p = toNumber(set.probabilities![a]!);
        visit(
          tree.children[first + a]!,
          id,
          action,
          p,
          onPath && p > 0,
          set.label.includes(": target type") ? action : type,
        );
      });
    } else if (set.player === 0 && allActions) {
      set.actions.forEach((action, a) => {
        const follows = rule[layout.offset[tree.nodeInfoset[v]!]! + a] === 1;
        visit(tree.children[first + a]!, id, action, null, onPath && follows, type);
      });
    } else if (set.player === 0) {
      // the sender follows its rule: keep that action only
      const a =
        Array.from({ length: count }, (_, k) => k).find(
          (k) => rule[layout.offset[tree.nodeInfoset[v]!]! + k] === 1,
        ) ?? 0;
      visit(tree.children[first + a]!, id, set.actions[a]!, null, onPath, type);
    } else {
      set.actions.forEach((action, a) => {
        const [verb, demand] = action.split(" ") as [string, string];
        const chosen = type !== null && (responses[type]?.[demand] === 1) === (verb === "concede");
        visit(tree.children[first + a]!, id, action, null, onPath && chosen, type);
      });
    }
  };
  visit(0, -1, "", null, true, null);
  return nodes;
}
