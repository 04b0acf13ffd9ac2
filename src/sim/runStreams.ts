/**
 * The random streams of a run: index 2i for run i's type draw, 2i + 1 for its dynamics (a fresh
 * copy for every policy: common random numbers). The same on every thread and machine.
 */

/** Stream index of run i's type draw. */
export const typeStreamIndex = (run: number): number => 2 * run;
export const dynamicsStreamIndex = (run: number): number => 2 * run + 1;
