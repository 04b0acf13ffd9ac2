import { LinkageError } from "../errors/LinkageError.js";
import { buildExtensiveGame, type TreeSpec } from "../games/buildExtensiveGame.js";
import type { ExtensiveGame } from "../games/extensiveGame.js";
import type { LeverageGame, LeveragePolicy } from "../games/leverageGame.js";
import { concedes } from "../games/targetChoice.js";
import {
  add,
  compare,
  fromDecimal,
  multiply,
  ONE,
  type Rational,
  subtract,
  ZERO,
} from "../math/rational.js";
import { compileLeverageGame } from "./compileLeverageGame.js";
import type { Scenario } from "./Scenario.js";

export interface GameTreeOptions {
  /** Build the tree of one policy (its id); by default the sender first chooses among all policies. */
  readonly policy?: string;
}

/** The sender's follow-through actions: support or not, and under escalation policies escalate or not. */
const K_ACTIONS = ["support", "withhold"] as const;
const KE_ACTIONS = ["support", "withhold", "support+escalate", "withhold+escalate"] as const;

/**
 * The one-shot game CLG-1 of a scenario (MODEL.md §2) as a real extensive-form game:
 *
 * 1. (without `policy`) the sender announces a policy — player 1's first move;
 * 2. Nature draws the target's type from the type prior;
 * 3. the target, knowing its type, decides each demand in turn (concede or refuse); it sees its
 *    own earlier decisions, so it has perfect recall;
 * 4. under a conditional policy Nature sends the verification signal, clean with probability
 *    Π_j (1 − α_j) or (1 − β_j) over the conditioned hidden demands (an unmet conditioned
 *    observable demand is a violation for certain, and no chance node is drawn when the signal is
 *    certain);
 * 5. the sender follows through, knowing the policy, the signal and which observable demands were
 *    met, but not the type or the hidden choices: support or withhold, and under an escalation
 *    policy also escalate or not.
 *
 * Payoffs are MODEL.md §2's U_T and U_S, and the sender loses the reputation cost ρ for each part
 * of its follow-through (support, escalation) that departs from the announced rule (U: support; W: withhold; K: support iff clean;
 * KE: support iff clean, escalate iff violation). Probabilities are the exact binary values of the
 * parameters (the remainder type's prior is computed exactly). The target's beliefs q_R and q_X
 * are not part of the tree: in a game tree the target anticipates the sender's actual strategy.
 * With equilibrium beliefs (MODEL.md §2b) and π_R > 0, Nature first draws the sender's type under
 * a conditional policy: a resolute sender follows the rule without a move, a normal one chooses;
 * the target's information sets span both (analysis/followThroughEquilibria solves this game).
 *
 * @throws {LinkageError} E_INPUT for an unknown policy id
 */
export function compileGameTree(
  scenario: Scenario,
  values: ArrayLike<number>,
  options: GameTreeOptions = {},
): ExtensiveGame {
  const game = compileLeverageGame(scenario, values);
  const sender = scenario.sender.name;
  const target = scenario.target.name;
  const players = [sender, target === sender ? `${target} (target)` : target];
  if (options.policy !== undefined) {
    const policy = game.policies.find((p) => p.id === options.policy);
    if (!policy) {
      throw new LinkageError(
        "E_INPUT",
        `unknown policy "${options.policy}"; the scenario's policies are ${game.policies.map((p) => p.id).join(", ")}`,
      );
    }
    return buildExtensiveGame({
      title: `${scenario.title} — policy ${policy.id}`,
      comment: treeComment(scenario),
      players,
      root: policyTree(scenario, game, policy),
    });
  }
  return buildExtensiveGame({
    title: scenario.title,
    comment: treeComment(scenario),
    players,
    root: {
      label: "announce",
      player: 0,
      infoset: "announce",
      infosetLabel: "announce a policy",
      actions: game.policies.map((p) => p.id),
      children: game.policies.map((p) => policyTree(scenario, game, p)),
    },
  });
}

function treeComment(scenario: Scenario): string {
  return `CLG-1 of scenario "${scenario.id}" (Linkage). Player 1: ${scenario.sender.name} (sender); player 2: ${scenario.target.name} (target).`;
}

/**
 * Exact type priors: each given prior as the decimal the user wrote, the remainder type (the one
 * whose prior is omitted) as 1 minus their sum, so the draw sums to exactly one.
 */
function exactTypePriors(scenario: Scenario, game: LeverageGame): Rational[] {
  const exact = Array.from(game.typePrior, fromDecimal);
  const remainder = scenario.target.types.findIndex((t) => t.prior === null);
  if (remainder >= 0) {
    exact[remainder] = ZERO;
    exact[remainder] = subtract(ONE, exact.reduce(add, ZERO));
  }
  return exact;
}

function policyTree(scenario: Scenario, game: LeverageGame, policy: LeveragePolicy): TreeSpec {
  const conditional = policy.kind === "conditional" || policy.kind === "conditional-escalation";
  if (game.beliefs === "equilibrium" && conditional && game.resolutePrior > 0) {
    // MODEL.md §2b: the sender is resolute (follows its rule, no move) or normal; the target
    // does not know which, so its information sets span both
    const resolute = fromDecimal(game.resolutePrior);
    return {
      label: `${policy.id}: sender type`,
      chance: true,
      infosetLabel: `${policy.id}: sender type`,
      actions: ["resolute", "normal"],
      probabilities: [resolute, subtract(ONE, resolute)],
      children: [
        targetTypeTree(scenario, game, policy, "resolute"),
        targetTypeTree(scenario, game, policy, "normal"),
      ],
    };
  }
  return targetTypeTree(scenario, game, policy, null);
}

function targetTypeTree(
  scenario: Scenario,
  game: LeverageGame,
  policy: LeveragePolicy,
  senderType: "resolute" | "normal" | null,
): TreeSpec {
  const priors = exactTypePriors(scenario, game);
  const nDemands = game.demandIds.length;
  const typeSubtree = (t: number): TreeSpec => {
    const decide = (j: number, choice: number): TreeSpec => {
      if (j === nDemands) return afterChoice(game, policy, t, choice, senderType);
      const history = game.demandIds
        .slice(0, j)
        .map((d, k) => `${d}=${(choice >>> k) & 1}`)
        .join(",");
      return {
        label: "",
        player: 1,
        infoset: `${policy.id}|${game.typeIds[t]}|${history}`,
        infosetLabel: `${policy.id}: ${game.typeIds[t]} decides ${game.demandIds[j]}${history ? ` after ${history}` : ""}`,
        actions: [`refuse ${game.demandIds[j]}`, `concede ${game.demandIds[j]}`],
        children: [decide(j + 1, choice), decide(j + 1, choice | (1 << j))],
      };
    };
    return decide(0, 0);
  };
  return {
    label: `${policy.id}: type${senderType ? ` (${senderType} sender)` : ""}`,
    chance: true,
    infosetLabel: `${policy.id}: target type${senderType ? ` (${senderType} sender)` : ""}`,
    actions: [...game.typeIds],
    probabilities: priors,
    children: game.typeIds.map((_, t) => typeSubtree(t)),
  };
}

/** Signal chance node (if any) and the sender's follow-through after the target's choice. */
function afterChoice(
  game: LeverageGame,
  policy: LeveragePolicy,
  type: number,
  choice: number,
  senderType: "resolute" | "normal" | null,
): TreeSpec {
  const resolute = senderType === "resolute";
  const conditional = policy.kind === "conditional" || policy.kind === "conditional-escalation";
  const observed = game.demandIds
    .map((d, j) => (game.observable[j] ? `${d}=${(choice >>> j) & 1}` : null))
    .filter((x) => x !== null)
    .join(",");
  if (!conditional) return followThrough(game, policy, type, choice, "none", observed, resolute);
  let pClean: Rational = ONE;
  for (let j = 0; j < game.demandIds.length; j++) {
    if (!policy.conditions[j]) continue;
    const conceded = concedes(choice, j);
    const rate = conceded ? game.falsePositive[j]! : game.detection[j]!;
    pClean = multiply(pClean, subtract(ONE, fromDecimal(rate)));
  }
  if (compare(pClean, ONE) === 0)
    return followThrough(game, policy, type, choice, "clean", observed, resolute);
  if (compare(pClean, ZERO) === 0)
    return followThrough(game, policy, type, choice, "violation", observed, resolute);
  return {
    label: "",
    chance: true,
    infosetLabel: `${policy.id}: signal for ${game.typeIds[type]} after ${game.demandIds.map((d, j) => `${d}=${(choice >>> j) & 1}`).join(",")}${senderType ? ` (${senderType} sender)` : ""}`,
    actions: ["clean", "violation"],
    probabilities: [pClean, subtract(ONE, pClean)],
    children: [
      followThrough(game, policy, type, choice, "clean", observed, resolute),
      followThrough(game, policy, type, choice, "violation", observed, resolute),
    ],
  };
}

function followThrough(
  game: LeverageGame,
  policy: LeveragePolicy,
  type: number,
  choice: number,
  signal: "none" | "clean" | "violation",
  observed: string,
  resolute: boolean,
): TreeSpec {
  const escalating = policy.kind === "conditional-escalation";
  const actions = escalating ? KE_ACTIONS : K_ACTIONS;
  const rule = ruleAction(policy, signal);
  const payoffsOf = (action: string) =>
    leafPayoffs(
      game,
      policy,
      type,
      choice,
      action.startsWith("support") ? 1 : 0,
      action.endsWith("+escalate") ? 1 : 0,
      departures(action, rule),
    );
  // a resolute sender has no move: it follows the rule
  if (resolute) return { outcome: { payoffs: payoffsOf(rule) } };
  return {
    label: "",
    player: 0,
    infoset: `${policy.id}|${signal}|${observed}`,
    infosetLabel: `${policy.id}: follow-through after ${signal === "none" ? "no signal" : `a ${signal} signal`}${observed ? ` (${observed})` : ""} [rule: ${rule}]`,
    actions: [...actions],
    children: actions.map((action) => ({ outcome: { payoffs: payoffsOf(action) } })),
  };
}

/**
 * How many of the rule's commitments an action breaks: the support part (keep the promise, or
 * withhold) and the escalation part count separately, each costing ρ (so the two decisions at a
 * follow-through set are separable; analysis/followThroughEquilibria counts the same).
 */
function departures(action: string, rule: string): number {
  const support = (a: string) => a.startsWith("support");
  const escalate = (a: string) => a.endsWith("+escalate");
  return (
    (support(action) !== support(rule) ? 1 : 0) + (escalate(action) !== escalate(rule) ? 1 : 0)
  );
}

/** The action the announced rule prescribes after a signal. */
function ruleAction(policy: LeveragePolicy, signal: "none" | "clean" | "violation"): string {
  switch (policy.kind) {
    case "unconditional":
      return "support";
    case "withhold":
      return "withhold";
    case "conditional":
      return signal === "violation" ? "withhold" : "support";
    case "conditional-escalation":
      return signal === "violation" ? "withhold+escalate" : "support";
  }
}

/** [U_S, U_T] at a leaf (MODEL.md §2), exact from the decimal parameter values; the sender pays ρ for departing from the rule. */
function leafPayoffs(
  game: LeverageGame,
  policy: LeveragePolicy,
  type: number,
  choice: number,
  support: number,
  escalation: number,
  departures: number,
): [Rational, Rational] {
  const n = game.demandIds.length;
  let sender = ZERO;
  let target = support ? fromDecimal(game.carrot) : ZERO;
  let supportValue = fromDecimal(game.supportNet);
  for (let j = 0; j < n; j++) {
    if (concedes(choice, j)) {
      sender = add(sender, fromDecimal(game.demandValue[j]!));
      target = subtract(target, fromDecimal(game.demandCost[type * n + j]!));
    } else supportValue = subtract(supportValue, fromDecimal(game.supportPenalty[j]!));
  }
  if (support) sender = add(sender, supportValue);
  if (escalation) {
    const e = policy.escalation!;
    sender = add(
      sender,
      subtract(
        fromDecimal(e.benefit[type]!),
        add(fromDecimal(e.costToSender), fromDecimal(e.sideEffects)),
      ),
    );
    target = subtract(target, fromDecimal(e.costToTarget));
  }
  for (let k = 0; k < departures; k++) sender = subtract(sender, fromDecimal(game.reputation));
  return [sender, target];
}

const RULE_PATTERN = /\[rule: ([^\]]+)\]$/;

/**
 * The sender's announced rule in a tree built by {@link compileGameTree}, as a behaviour profile
 * (Gambit order) that follows the rule at every follow-through set; the other entries are 0.
 * Each follow-through set's label ends with `[rule: action]`.
 */
export function announcedRuleBehaviour(
  tree: ExtensiveGame,
  layout: { readonly offset: Int32Array; readonly size: number },
): Float64Array {
  const behaviour = new Float64Array(layout.size);
  tree.infosets.forEach((set, h) => {
    const match = RULE_PATTERN.exec(set.label);
    if (match && set.player === 0)
      behaviour[layout.offset[h]! + set.actions.indexOf(match[1]!)] = 1;
  });
  return behaviour;
}
