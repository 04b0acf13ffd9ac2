import { LinkageError } from "../../errors/LinkageError.js";
import { behaviourLayout } from "../../games/behaviourLayout.js";
import { type ExtensiveGame, PERSONAL } from "../../games/extensiveGame.js";
import { toNumber } from "../../math/rational.js";
import { assertPerfectInformation } from "./assertPerfectInformation.js";
import { realise } from "./enumerateEquilibria.js";
import { fillOne } from "./fillOneEquilibrium.js";
import { type InductionTree, vectorsOf } from "./InductionTree.js";
import { computeValues } from "./valuePass.js";

export interface BackwardInductionOptions {
  /** Stop after this many equilibria (ties can make their number explode; each is a full profile). @default 100 */
  readonly maxEquilibria?: number;
  /** Payoffs closer than this, relative to the game's payoff scale, are ties. @default 1e-12 */
  readonly tolerance?: number;
}

export interface BackwardInductionResult {
  /** Every subgame-perfect equilibrium in pure behaviour strategies, as 0/1 behaviour profiles in Gambit's order. */
  readonly equilibria: Float64Array[];
  /** Expected payoff per player of each equilibrium. */
  readonly payoffs: Float64Array[];
  /** True when there were more equilibria than `maxEquilibria`. */
  readonly truncated: boolean;
}

/**
 * All subgame-perfect equilibria in pure behaviour strategies of a game of perfect information
 * (every personal information set is a single node), with chance nodes, by backward induction
 * (Kuhn 1953; Zermelo).
 *
 * Pass 1 ({@link computeValues}) computes, for each node, the set of payoff vectors that
 * subgame-perfect play below it can give. Pass 2 enumerates the profiles behind each vector of
 * the root ({@link realise}), or, when one equilibrium is asked for, follows one consistent
 * choice down the tree ({@link fillOne}). When there are no ties anywhere (the generic
 * case) pass 2 is skipped: the argmax at each node is the unique equilibrium, in O(nodes·players).
 *
 * @throws {LinkageError} E_INPUT when the game does not have perfect information
 */
export function backwardInduction(
  game: ExtensiveGame,
  { maxEquilibria = 100, tolerance = 1e-12 }: BackwardInductionOptions = {},
): BackwardInductionResult {
  assertPerfectInformation(game);
  const nPlayers = game.players.length;
  const n = game.nodeKind.length;
  let scale = 1;
  for (const x of game.outcomePayoffs) scale = Math.max(scale, Math.abs(x));
  const s: InductionTree = {
    game,
    nPlayers,
    nodeKind: game.nodeKind,
    childStart: game.childStart,
    children: game.children,
    nodeInfoset: game.nodeInfoset,
    nodeOutcome: game.nodeOutcome,
    outcomePayoffs: game.outcomePayoffs,
    tol: tolerance * scale,
    probabilities: game.infosets.map((set) =>
      set.probabilities ? Float64Array.from(set.probabilities, toNumber) : null,
    ),
    value: new Float64Array(n * nPlayers),
    choice: new Int32Array(n).fill(-1),
    extra: new Map(),
    simple: new Uint8Array(n),
    views: [],
    current: new Int32Array(n).fill(-1),
  };
  const unique = computeValues(s);

  const layout = behaviourLayout(game);
  const toProfile = (choices: Int32Array): Float64Array => {
    const profile = new Float64Array(layout.size);
    for (let v = 0; v < n; v++)
      if (game.nodeKind[v] === PERSONAL)
        profile[layout.offset[game.nodeInfoset[v]!]! + choices[v]!] = 1;
    return profile;
  };
  if (unique) {
    return {
      equilibria: [toProfile(s.choice)],
      payoffs: [Float64Array.from(s.value.subarray(0, nPlayers))],
      truncated: false,
    };
  }

  if (maxEquilibria === 1) {
    // one equilibrium: follow any consistent choice down the tree, iteratively, no backtracking
    const root = vectorsOf(s, 0)[0]!;
    fillOne(s, 0, root);
    return {
      equilibria: [toProfile(s.current)],
      payoffs: [Float64Array.from(root)],
      truncated: !s.simple[0],
    };
  }

  // pass 2: enumerate the profiles behind each value vector of the root
  const equilibria: Float64Array[] = [];
  const payoffs: Float64Array[] = [];
  let truncated = false;
  try {
    outer: for (const target of vectorsOf(s, 0)) {
      for (const _ of realise(s, 0, target)) {
        if (equilibria.length === maxEquilibria) {
          truncated = true;
          break outer;
        }
        equilibria.push(toProfile(s.current));
        payoffs.push(Float64Array.from(target));
      }
    }
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    // the tree's ties nest deeper than enumeration can follow: a limit of the input, not a fault
    throw new LinkageError(
      "E_INPUT",
      "backward induction: ties along a path too deep to enumerate every subgame-perfect equilibrium (call stack exhausted); one equilibrium can still be found (maxEquilibria: 1)",
    );
  }
  return { equilibria, payoffs, truncated };
}
