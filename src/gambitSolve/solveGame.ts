import { LinkageError } from "../errors/LinkageError.js";
import { RoundingBreakdown } from "../errors/RoundingBreakdown.js";
import type { GambitGame } from "../games/gambit/readGambitGame.js";
import { playerPayoffRanges } from "./playerPayoffRanges.js";
import type { SolvedBody, SolveOptions, SolveResult } from "./SolveResult.js";
import { SOLVE_METHOD_TABLE } from "./solveMethodTable.js";
import { EXACT_METHODS, verifiedBody } from "./verifiedBody.js";

/**
 * Solves a game read from a Gambit file with one method (default `enumpure`), reporting every
 * equilibrium found with its payoffs and regret, in Gambit's profile order. The methods are listed
 * in {@link SOLVE_METHOD_TABLE}; each file of `methods/` says what its method computes.
 *
 * @throws {LinkageError} E_INPUT when the method or an option does not apply to the game
 */
export async function solveGame(
  input: GambitGame,
  options: SolveOptions = {},
): Promise<SolveResult> {
  const method = options.method ?? "enumpure";
  if (options.lambda !== undefined && method !== "logit") {
    throw new LinkageError("E_INPUT", "--lambda applies to --method logit only");
  }
  if (options.label !== undefined && method !== "lh") {
    throw new LinkageError("E_INPUT", "--label applies to --method lh only");
  }
  if (options.agent && method !== "liap") {
    throw new LinkageError("E_INPUT", "--agent applies to --method liap only");
  }
  if (options.components && method !== "enummixed") {
    throw new LinkageError("E_INPUT", "--components applies to --method enummixed only");
  }
  if (
    options.start !== undefined &&
    options.start !== "covering" &&
    !(method === "lcp" && input.form === "extensive")
  ) {
    throw new LinkageError(
      "E_INPUT",
      `--start ${options.start} applies to --method lcp on an extensive game (.efg) only`,
    );
  }
  const rational = options.rational ?? false;
  const solve = async (exact: boolean) =>
    SOLVE_METHOD_TABLE[method](input, { ...options, rational: exact });
  const ranges = playerPayoffRanges(input);
  let first: SolvedBody | null;
  try {
    first = await solve(rational);
  } catch (error) {
    // a floating-point run that broke down on rounding (a pivoting path that cycled or found no
    // pivot row) is solved exactly; a path that is simply too long would be as long exactly
    if (rational || !(error instanceof RoundingBreakdown) || !EXACT_METHODS.has(method))
      throw error;
    first = null;
  }
  const body = await verifiedBody(method, rational, first, solve, ranges);
  const game = { title: input.game.title, players: input.game.players, form: input.form };
  return { game, method, ...body };
}
