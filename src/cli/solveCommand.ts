import { readFileSync } from "node:fs";
import { LinkageError } from "../errors/LinkageError.js";
import { formatEquilibriumLine, type SolveMethod, solveGame } from "../gambitSolve/index.js";
import { readGambitGame } from "../games/gambit/readGambitGame.js";
import type { CliIo } from "./cliIo.js";

export interface SolveCommandOptions {
  readonly method: SolveMethod;
  readonly rational?: boolean;
  readonly json?: boolean;
  readonly maxSeconds?: string;
  readonly start?: "covering" | "centroid";
  readonly seed?: string;
  readonly components?: boolean;
}

/**
 * `linkage solve GAME.nfg|GAME.efg [--method M] [--rational] [--json] [--max-seconds S]
 * [--start covering|centroid] [--seed N] [--components]`.
 */
export async function solveCommand(
  file: string,
  options: SolveCommandOptions,
  io: CliIo,
): Promise<void> {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new LinkageError(
      "E_INPUT",
      `${file}: cannot read the game: ${code === "ENOENT" ? "no such file" : (error as Error).message}`,
    );
  }
  const maxSeconds = options.maxSeconds === undefined ? undefined : Number(options.maxSeconds);
  if (maxSeconds !== undefined && !(maxSeconds > 0)) {
    throw new LinkageError(
      "E_INPUT",
      `--max-seconds ${options.maxSeconds}: expected a positive number of seconds`,
    );
  }
  const seed = options.seed === undefined ? undefined : Number(options.seed);
  if (seed !== undefined && !(Number.isSafeInteger(seed) && seed >= 0)) {
    throw new LinkageError("E_INPUT", `--seed ${options.seed}: expected a whole number ≥ 0`);
  }
  if (seed !== undefined && options.method !== "gnm") {
    throw new LinkageError("E_INPUT", "--seed applies to --method gnm only");
  }
  const started = Date.now();
  let reported = 0;
  const result = await solveGame(readGambitGame(text, file), {
    method: options.method,
    rational: options.rational ?? false,
    ...(maxSeconds !== undefined ? { maxSeconds } : {}),
    ...(options.start !== undefined ? { start: options.start } : {}),
    ...(seed !== undefined ? { seed } : {}),
    ...(options.components ? { components: true } : {}),
    onProgress: (found) => {
      // long searches say how far they are, on stderr, at most once a second
      const seconds = Math.floor((Date.now() - started) / 1000);
      if (seconds > reported) {
        reported = seconds;
        io.stderr(`linkage: ${found} equilibria so far (${seconds} s)\n`);
      }
    },
  });
  if (options.json) {
    io.stdout(`${JSON.stringify(result, null, 2)}\n`);
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
  for (const equilibrium of result.equilibria) io.stdout(`${formatEquilibriumLine(equilibrium)}\n`);
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
}
