/**
 * The end of a skippable test's title: ` (skipped: REASON)` when `skip` is true, else nothing, so
 * a suite that skips itself says why in every report. Every `skipIf` in the repository uses it
 * (test/architecture/skipReasons.test.ts checks).
 *
 * @example describe.skipIf(!HAS_GAMBIT_GAMES)(`Gambit's games${skipReason(!HAS_GAMBIT_GAMES, GAMBIT_GAMES_ABSENT)}`, …)
 */
export function skipReason(skip: boolean, reason: string): string {
  return skip ? ` (skipped: ${reason})` : "";
}
