/**
 * The Gambit panel's solver, in a Web Worker so that a long search never freezes the page (and
 * Cancel can terminate it): reads the game's text with the core's reader and solves it with the
 * core's `solveGame`, exactly as `linkage solve` does, then names the profile's entries.
 */
import { isLinkageError } from "linkage/errors/LinkageError";
import { solveGame } from "linkage/gambitSolve/solveGame";
import { readGambitGame } from "linkage/games/gambit/readGambitGame";
import { profileColumns } from "./profileColumns.js";
import type { SolveRequest, SolverReply } from "./solverMessages.js";

const scope = self as unknown as {
  postMessage(message: SolverReply): void;
  onmessage: ((event: MessageEvent<SolveRequest>) => void) | null;
};

/** Progress is posted at most this often (ms). */
const PROGRESS_INTERVAL = 250;

scope.onmessage = (event) => {
  void solve(event.data);
};

async function solve({ text, source, options }: SolveRequest): Promise<void> {
  let last = 0;
  try {
    const input = readGambitGame(text, source);
    const result = await solveGame(input, {
      ...options,
      onProgress: (found) => {
        const now = performance.now();
        if (now - last < PROGRESS_INTERVAL) return;
        last = now;
        scope.postMessage({ kind: "progress", found });
      },
    });
    const first = result.equilibria[0] ?? result.qre ?? result.rejected?.[0];
    const lengths = first ? first.profile.map((p) => p.length) : null;
    const { columns, kind } = profileColumns(input, result.method, lengths, options.agent === true);
    scope.postMessage({ kind: "done", result, columns, profileKind: kind });
  } catch (error) {
    // as `linkage solve` says it: a message that does not name the file gets its name in front
    const message = isLinkageError(error)
      ? error.message.startsWith(source)
        ? error.message
        : `${source}: ${error.message}`
      : `the solver failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`;
    scope.postMessage({ kind: "error", message });
  }
}
