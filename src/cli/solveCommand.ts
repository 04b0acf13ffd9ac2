import { readFileSync } from "node:fs";
import { LinkageError } from "../errors/LinkageError.js";
import { readGambitGame } from "../games/gambit/readGambitGame.js";
import { formatEquilibriumLine, type SolveMethod, solveGame } from "../solvers/solveGame.js";
import type { CliIo } from "./cliIo.js";

export interface SolveCommandOptions {
  readonly method: SolveMethod;
  readonly rational?: boolean;
  readonly json?: boolean;
}

/** `linkage solve GAME.nfg|GAME.efg [--method enumpure|dominance|backward] [--rational] [--json]`. */
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
  const result = await solveGame(readGambitGame(text, file), {
    method: options.method,
    rational: options.rational ?? false,
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
  if (result.truncated) io.stderr("linkage: note: more equilibria exist than were listed\n");
}
