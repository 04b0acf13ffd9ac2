import type { SolveOptions, SolveResult } from "linkage/gambitSolve/SolveResult";

/** The solver's options as they cross to the worker: everything but the progress callback. */
export type WorkerSolveOptions = Omit<SolveOptions, "onProgress">;

/** What the page asks the solver worker: solve this Gambit file's text with these options. */
export interface SolveRequest {
  readonly text: string;
  /** The file name used in located error messages. */
  readonly source: string;
  readonly options: WorkerSolveOptions;
}

/** One header of an equilibrium table's probability columns: a strategy, or an action at a set. */
export interface ProfileColumn {
  /** The information set's label (behaviour profiles), or "" (strategies). */
  readonly group: string;
  readonly label: string;
}

/**
 * What the solver worker answers: progress while a long search runs, then the result (with the
 * headers of each player's probabilities, in the order of `profile`), or a located error.
 */
export type SolverReply =
  | { readonly kind: "progress"; readonly found: number }
  | {
      readonly kind: "done";
      readonly result: SolveResult;
      readonly columns: readonly (readonly ProfileColumn[])[];
      /** How the profile's entries read: strategies of the game, of its reduced form, or behaviour. */
      readonly profileKind: "strategies" | "reduced strategies" | "behaviour";
    }
  | { readonly kind: "error"; readonly message: string };
