/**
 * The Gambit reference games shared by the test suites: the `.nfg` and `.efg` files Gambit ships,
 * copied under ../shared/games/gambit beside this checkout, and Gambit 17's answers on each game
 * in `expected/<path of the game>.json` (one entry a Gambit command: `lcp`, `enumpure`, …).
 * Suites that use them skip themselves when the folder is absent (a clone elsewhere).
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

/** The folder of Gambit's game files (with a trailing slash). */
export const GAMBIT_GAMES_DIR = fileURLToPath(
  new URL("../../../shared/games/gambit/", import.meta.url),
);

/** The folder of Gambit 17's reference answers, inside GAMBIT_GAMES_DIR. */
export const GAMBIT_EXPECTED_DIR = join(GAMBIT_GAMES_DIR, "expected");

/** Whether the game files are here (suites that read them skip themselves when not). */
export const HAS_GAMBIT_GAMES = existsSync(GAMBIT_GAMES_DIR);

/** Whether the reference answers are here (suites that compare with them skip themselves when not). */
export const HAS_GAMBIT_REFERENCES = existsSync(GAMBIT_EXPECTED_DIR);

/** Why a suite that reads the game files skips itself (see skipReason). */
export const GAMBIT_GAMES_ABSENT =
  "needs Gambit's game files in ../shared/games/gambit, absent in a clean clone";

/** Why a suite that compares with the reference answers skips itself (see skipReason). */
export const GAMBIT_REFERENCES_ABSENT =
  "needs Gambit's answers in ../shared/games/gambit/expected, absent in a clean clone";

/** One Gambit command's answer on one game, as stored in a reference file. */
export interface GambitAnswer {
  readonly status: "ok" | "error" | "timeout";
  /** Profiles, each the players' probabilities in Gambit's order, as exact rationals. */
  readonly equilibria?: string[][];
  readonly message?: string;
}

/**
 * Every game file below `dir` whose name ends with one of `extensions` (e.g. ".nfg"), depth first
 * in sorted order, leaving out the reference answers.
 */
export function gambitGameFiles(
  extensions: readonly string[],
  dir: string = GAMBIT_GAMES_DIR,
): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory())
        return path === GAMBIT_EXPECTED_DIR ? [] : gambitGameFiles(extensions, path);
      return extensions.some((extension) => name.endsWith(extension)) ? [path] : [];
    });
}

/** The path of a game file below GAMBIT_GAMES_DIR, e.g. `contrib/games/deg1.nfg`. */
export function gambitGameName(file: string): string {
  return relative(GAMBIT_GAMES_DIR, file);
}

/** One game that has a reference file, with Gambit's answers on it. */
export interface GambitReferenceCase<T> {
  /** The game file's absolute path. */
  readonly file: string;
  /** Its path below GAMBIT_GAMES_DIR (see gambitGameName). */
  readonly name: string;
  /** The parsed reference file, typed by the caller as the entries it reads. */
  readonly references: T;
}

/**
 * The games among gambitGameFiles(extensions) that have a reference file, in that order, each
 * with its parsed answers; none when the reference answers are absent.
 */
export function gambitReferenceCases<T>(extensions: readonly string[]): GambitReferenceCase<T>[] {
  if (!HAS_GAMBIT_REFERENCES) return [];
  return gambitGameFiles(extensions).flatMap((file) => {
    const name = gambitGameName(file);
    const path = join(GAMBIT_EXPECTED_DIR, `${name}.json`);
    if (!existsSync(path)) return [];
    return [{ file, name, references: JSON.parse(readFileSync(path, "utf8")) as T }];
  });
}
