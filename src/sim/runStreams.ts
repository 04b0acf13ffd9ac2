/**
 * The random streams of a run: index 2i for run i's type draw, 2i + 1 for its dynamics (a fresh
 * copy for every policy: common random numbers). The same on every thread and machine.
 */

/** Stream index of run i's type draw. */
export const typeStreamIndex = (run: number): number => 2 * run;
export const dynamicsStreamIndex = (run: number): number => 2 * run + 1;
/**
 * Stream index of run i's redraws of its parameters (a draw from the priors at which the attack
 * process is explosive is replaced: docs/model.md); far above any run's 2i + 1.
 */
export const redrawStreamIndex = (run: number): number => Number.MAX_SAFE_INTEGER - 1 - run;
