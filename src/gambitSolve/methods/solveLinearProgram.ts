import { LinkageError } from "../../errors/LinkageError.js";
import type { ExtensiveGame } from "../../games/extensiveGame.js";
import { mixedToBehaviourExact } from "../../games/mixedToBehaviour.js";
import { reducedStrategicForm } from "../../games/reducedStrategicForm.js";
import { type Rational, toNumber } from "../../math/rational.js";
import { behaviourRegret } from "../../solvers/regret.js";
import { sequenceFormLp } from "../../solvers/sequenceFormLp.js";
import { zeroSumLp, zeroSumLpExact } from "../../solvers/zeroSumLp.js";
import { type MethodSolver, requireTwoPlayers, strategicFormOf } from "../methodSolver.js";
import {
  behaviourEquilibrium,
  exactBehaviourEquilibrium,
  exactMixedEquilibrium,
  mixedEquilibrium,
} from "../solvedEquilibrium.js";

/**
 * A float answer whose regret exceeds this share of the payoffs' range fails its check
 * (HiGHS works to about 1e-9 relative; payoffs spanning many orders of magnitude break that).
 */
const LP_CHECK_TOLERANCE = 1e-7;
/** Largest reduced strategic form (pure profiles) the exact fallback builds. */
const EXACT_FALLBACK_PROFILES = 1_000_000;

/**
 * `lp`: the value and optimal strategies of a constant-sum two-player game by linear programming;
 * for an extensive game, the sequence-form LP (no strategic form built). An extensive game's
 * float answer is checked: when its regret exceeds 1e-7 of the payoffs' range, or — with
 * `--rational`, or payoffs spanning more than six orders of magnitude — when it is not exactly
 * an equilibrium, the game is solved again exactly on its
 * reduced strategic form (exact Lemke–Howson, whose answer in a constant-sum game is optimal),
 * the plans turned back into behaviour (Kuhn), and the exact answer is what is printed.
 * @throws {LinkageError} E_SOLVER when the check fails and the reduced form is too large to
 *   solve exactly
 */
export const solveLinearProgram: MethodSolver = async (input, { rational: exact }) => {
  if (input.form === "extensive") {
    const game = input.game;
    const solution = await sequenceFormLp(game);
    const found = behaviourEquilibrium(game, solution.behaviour, exact);
    if (passesCheck(game, solution.behaviour, found.regret)) return { equilibria: [found] };
    const behaviour = exactFallback(game, found.regret);
    const checked = exactBehaviourEquilibrium(game, behaviour);
    return {
      equilibria: [
        exact ? checked : behaviourEquilibrium(game, Float64Array.from(behaviour, toNumber), false),
      ],
    };
  }
  const game = strategicFormOf(input);
  requireTwoPlayers(game, "lp");
  if (exact) return { equilibria: [exactMixedEquilibrium(game, zeroSumLpExact(game).strategies)] };
  const solution = await zeroSumLp(game);
  return {
    equilibria: [
      mixedEquilibrium(
        game,
        solution.strategies.map((s) => Array.from(s)),
        false,
      ),
    ],
  };
};

/** Payoffs whose largest and smallest nonzero magnitudes differ by more than this are badly scaled. */
const BADLY_SCALED = 1e6;

/**
 * Whether the LP's answer is an equilibrium: exactly (a rational regret; and always exactly
 * when the payoffs are badly scaled, where a float regret is itself unreliable), or within
 * 1e-7 of the payoffs' range.
 */
function passesCheck(
  game: ExtensiveGame,
  behaviour: Float64Array,
  regret: number | string,
): boolean {
  if (typeof regret === "string") return regret === "0";
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  let smallest = Number.POSITIVE_INFINITY;
  let largest = 0;
  for (const x of game.outcomePayoffs) {
    low = Math.min(low, x);
    high = Math.max(high, x);
    if (x !== 0) smallest = Math.min(smallest, Math.abs(x));
    largest = Math.max(largest, Math.abs(x));
  }
  if (largest > BADLY_SCALED * smallest)
    return behaviourEquilibrium(game, behaviour, true).regret === "0";
  return behaviourRegret(game, behaviour).max <= LP_CHECK_TOLERANCE * Math.max(1, high - low);
}

/** The exact optimal behaviour, through the reduced strategic form (see solveLinearProgram). */
function exactFallback(game: ExtensiveGame, regret: number | string): Rational[] {
  let rsf: ReturnType<typeof reducedStrategicForm>;
  try {
    rsf = reducedStrategicForm(game, { maxProfiles: EXACT_FALLBACK_PROFILES });
  } catch (error) {
    throw new LinkageError(
      "E_SOLVER",
      `the sequence-form LP's answer fails its check (regret ${regret}), and the game is too large to re-solve exactly on its reduced strategic form; no equilibrium is printed`,
      undefined,
      { cause: error },
    );
  }
  return mixedToBehaviourExact(game, rsf, zeroSumLpExact(rsf.game).strategies);
}
