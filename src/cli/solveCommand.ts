import { isLinkageError, LinkageError } from "../errors/LinkageError.js";
import {
  formatEquilibriumLine,
  type SolveMethod,
  type SolveResult,
  solveGame,
} from "../gambitSolve/index.js";
import { exactToNumber } from "../gambitSolve/verifiedBody.js";
import { readGambitGame } from "../games/gambit/readGambitGame.js";
import { readTextFile } from "../scenario/readTextFile.js";
import { wholeNumberFlag } from "./cliFlags.js";
import type { CliIo } from "./cliIo.js";

/** What the note on a degenerate enumpoly support says, by its reason. */
const DEGENERATE_REASON: Record<
  NonNullable<SolveResult["degenerateSupports"]>[number]["reason"],
  string
> = {
  singular: "degenerate (a continuum of equilibria or a singular solution)",
  budget: "too costly to resolve",
  boundary:
    "unresolved on the simplex's boundary (too many undecided boxes where a probability is 0)",
};

/** Largest game file read, in bytes (docs/limits.md). */
export const MAX_GAME_BYTES = 64 * 2 ** 20;

export interface SolveCommandOptions {
  readonly method: SolveMethod;
  readonly rational?: boolean;
  readonly json?: boolean;
  readonly maxSeconds?: string;
  readonly start?: "covering" | "centroid";
  readonly seed?: string;
  readonly starts?: string;
  readonly components?: boolean;
  readonly label?: string;
  readonly lambda?: string;
  readonly allLabels?: boolean;
  readonly branch?: boolean;
  readonly agent?: boolean;
}

/**
 * `linkage solve GAME.nfg|GAME.efg [--method M] [--rational] [--json] [--max-seconds S]
 * [--start covering|centroid] [--seed N] [--starts N] [--agent] [--components] [--label K | --all-labels]
 * [--lambda L] [--branch]`.
 */
export async function solveCommand(
  file: string,
  options: SolveCommandOptions,
  io: CliIo,
): Promise<void> {
  const text = readTextFile(file, MAX_GAME_BYTES, "game");
  const maxSeconds = options.maxSeconds === undefined ? undefined : Number(options.maxSeconds);
  if (
    maxSeconds !== undefined &&
    !(maxSeconds > 0 && maxSeconds <= 1e6 && options.maxSeconds!.trim() !== "")
  ) {
    throw new LinkageError(
      "E_INPUT",
      `--max-seconds ${options.maxSeconds}: expected a positive number of seconds, at most 1,000,000`,
    );
  }
  const seed = wholeNumberFlag("--seed", options.seed);
  if (seed !== undefined && !["gnm", "liap", "ipa"].includes(options.method)) {
    throw new LinkageError("E_INPUT", "--seed applies to --method gnm, liap and ipa only");
  }
  const starts = wholeNumberFlag("--starts", options.starts);
  if (starts !== undefined && options.method !== "liap") {
    throw new LinkageError("E_INPUT", "--starts applies to --method liap only");
  }
  const label = wholeNumberFlag("--label", options.label);
  if (label !== undefined && options.allLabels) {
    throw new LinkageError("E_INPUT", "--label and --all-labels exclude each other");
  }
  if ((label !== undefined || options.allLabels) && options.method !== "lh") {
    throw new LinkageError(
      "E_INPUT",
      `${label !== undefined ? "--label" : "--all-labels"} applies to --method lh only`,
    );
  }
  let lambda: number | undefined;
  if (options.lambda !== undefined) {
    lambda = Number(options.lambda);
    if (options.lambda.trim() === "" || !(lambda >= 0 && Number.isFinite(lambda))) {
      throw new LinkageError("E_INPUT", `--lambda ${options.lambda}: expected a finite number ≥ 0`);
    }
    if (options.method !== "logit") {
      throw new LinkageError("E_INPUT", "--lambda applies to --method logit only");
    }
  }
  if (options.branch && options.method !== "logit") {
    throw new LinkageError("E_INPUT", "--branch applies to --method logit only");
  }
  if (options.agent && options.method !== "liap") {
    throw new LinkageError("E_INPUT", "--agent applies to --method liap only");
  }
  const started = Date.now();
  let reported = 0;
  let result: SolveResult;
  try {
    const game = readGambitGame(text, file);
    result = await solveGame(game, {
      method: options.method,
      rational: options.rational ?? false,
      ...(maxSeconds !== undefined ? { maxSeconds } : {}),
      ...(options.start !== undefined ? { start: options.start } : {}),
      ...(seed !== undefined ? { seed } : {}),
      ...(starts !== undefined ? { starts } : {}),
      ...(options.components ? { components: true } : {}),
      ...(label !== undefined ? { label } : {}),
      ...(lambda !== undefined ? { lambda } : {}),
      ...(options.branch ? { branch: true } : {}),
      ...(options.agent ? { agent: true } : {}),
      onProgress: (found) => {
        // long searches say how far they are, on stderr, at most once a second
        const seconds = Math.floor((Date.now() - started) / 1000);
        if (seconds > reported) {
          reported = seconds;
          io.stderr(`linkage: ${found} equilibria so far (${seconds} s)\n`);
        }
      },
    });
  } catch (error) {
    // a method that does not apply to this game: say which file it is about
    if (isLinkageError(error) && !error.message.startsWith(file)) {
      throw new LinkageError(error.code, `${file}: ${error.message}`, error.location, {
        cause: error,
      });
    }
    throw error;
  }
  if (options.json) {
    io.stdout(`${JSON.stringify(result, null, 2)}\n`);
    refuseWhenNothingFound(file, result, maxSeconds !== undefined);
    return;
  }
  if (result.dominance) {
    for (const e of result.dominance.eliminations) {
      io.stdout(
        `Eliminated (round ${e.round}): player ${e.player} strategy ${e.strategy}, strictly dominated by ${e.dominatedBy}\n`,
      );
    }
    for (const [p, s] of result.dominance.survivors.entries()) {
      io.stdout(`Surviving, player ${p + 1}: ${s.join(" ")}\n`);
    }
  }
  // the branch first, one `λ,probabilities…` line a point, as gambit-logit prints it
  for (const point of result.branch ?? [])
    io.stdout(`${point.lambda},${point.profile.flat().join(",")}\n`);
  for (const equilibrium of result.equilibria) io.stdout(`${formatEquilibriumLine(equilibrium)}\n`);
  // a QRE at a given λ: gambit-logit's "λ,probabilities" line, marked as not an equilibrium
  if (result.qre) io.stdout(`QRE,${result.qre.lambda},${result.qre.profile.flat().join(",")}\n`);
  // components, numbering the NE lines above from 1
  result.components?.forEach((component, k) => {
    const list = (ids: readonly number[]) => ids.map((e) => e + 1).join(",");
    const subsets = component.nashSubsets.map((s) => `{${list(s.equilibria)}}`).join(" ");
    io.stdout(
      `Component ${k + 1}: equilibria ${list(component.equilibria)}; Nash subsets ${subsets}\n`,
    );
  });
  if (result.truncated)
    io.stderr("linkage: note: the search stopped early; the list may be incomplete\n");
  for (const d of result.degenerateSupports ?? []) {
    const supports = d.supports.map((s) => `{${s.join(" ")}}`).join(" ");
    io.stderr(
      `linkage: note: support ${supports} is ${DEGENERATE_REASON[d.reason]}; the list may be incomplete there\n`,
    );
  }
  if (result.resolvedExactly) {
    io.stderr(
      `linkage: note: the floating-point answer of --method ${result.method} failed its regret check; these are from an exact re-solve\n`,
    );
  }
  refuseWhenNothingFound(file, result, maxSeconds !== undefined);
  if (result.rejected && result.rejected.length > 0) {
    io.stderr(
      `linkage: note: --method ${result.method} returned ${result.rejected.length} profile${result.rejected.length === 1 ? "" : "s"} that failed the regret check (${largestRejectedRegret(result)}); not printed as equilibria (see --json "rejected"); try ${otherMethods(result)}\n`,
    );
  }
}

/**
 * A search that should have found an equilibrium and prints none is a refusal (exit 2, after the
 * JSON), not an empty list that a script could read as "this game has none": every profile it
 * returned failed the regret check (`rejected` lists them), or enumpoly ended its search with
 * nothing although every finite game has an equilibrium. A traced logit branch, printed as asked,
 * is not refused.
 */
function refuseWhenNothingFound(file: string, result: SolveResult, maxSecondsGiven: boolean): void {
  if (result.equilibria.length > 0 || result.branch) return;
  const count = result.rejected?.length ?? 0;
  if (count > 0) {
    const why = !result.truncated
      ? "the payoffs may be too badly scaled for a floating-point search: try"
      : maxSecondsGiven
        ? "it stopped at --max-seconds before converging: give it more time, or try"
        : "it stopped before converging, at its step or time limit (--max-seconds sets the time): give it more time, or try";
    throw new LinkageError(
      "E_INPUT",
      `${file}: --method ${result.method} found no equilibrium: its ${count === 1 ? "profile fails" : `${count} profiles fail`} the regret check (${largestRejectedRegret(result)}), so none is printed; ${why} ${otherMethods(result)}`,
    );
  }
  if (
    result.method === "enumpoly" &&
    !result.truncated &&
    (result.degenerateSupports ?? []).length === 0
  ) {
    throw new LinkageError(
      "E_INPUT",
      `${file}: --method enumpoly found no equilibrium, yet every finite game has one: its floating-point search lost it, as happens when payoffs span many orders of magnitude; try ${otherMethods(result)}`,
    );
  }
}

/** Methods to try instead of the one that failed, among those that apply to the game's players. */
function otherMethods(result: SolveResult): string {
  if (result.game.players.length === 2) {
    return "an exact method such as --method lcp --rational or --method enummixed --rational";
  }
  return result.method === "enumpoly"
    ? "--method simpdiv or --method gnm (their answers are checked by regret too), or rescale the payoffs"
    : "--method enumpoly (every isolated equilibrium, certified) or --method enumpure --rational (pure ones, exactly)";
}

function largestRejectedRegret(result: SolveResult): string {
  return `largest regret ${Math.max(...(result.rejected ?? []).map((r) => exactToNumber(r.regret)))}`;
}
