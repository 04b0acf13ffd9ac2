/**
 * Issue 19's closing table: per method of `solveGame`, the games checked, the profiles printed
 * and the largest regret seen — in floats relative to the game's payoff spread, and exactly in
 * rationals (exact methods only). The games: every peer game of test/peer (Nashpy's and
 * QuantEcon.py's tests) and, when ../shared/games/gambit is here, every `.nfg` and `.efg` file
 * Gambit ships (its tests' games among them). Each applicable method runs once per game in
 * floats and, when exact, once with `rational`; long searches get `--max-seconds`.
 *
 *   npx tsx bench/solverRegretTable.ts [--max-seconds S] [--peer-only]
 */
import { readFileSync } from "node:fs";
import { isLinkageError } from "../src/errors/LinkageError.js";
import { SOLVE_METHODS, type SolveMethod } from "../src/gambitSolve/solveMethods.js";
import { exactToNumber } from "../src/gambitSolve/verifiedBody.js";
import { type GambitGame, readGambitGame } from "../src/games/gambit/readGambitGame.js";
import { reducedStrategicForm } from "../src/games/reducedStrategicForm.js";
import {
  compare,
  formatRational,
  parseRational,
  type Rational,
  ZERO,
} from "../src/math/rational.js";
import { NASHPY_GAMES } from "../test/peer/nashpyGames.js";
import {
  EXACT_METHODS,
  methodRuns,
  payoffSpread,
  peerStrategicGame,
  solveWith,
  strategicMethods,
} from "../test/peer/peerRuns.js";
import { QUANTECON_GAMES } from "../test/peer/quanteconGames.js";
import {
  GAMBIT_GAMES_DIR,
  gambitGameFiles,
  gambitGameName,
  HAS_GAMBIT_GAMES,
} from "../test/support/gambitReferenceFiles.js";

/** What one method did over all games. */
interface MethodTally {
  games: Set<string>;
  profiles: number;
  worstFloat: number;
  worstFloatGame: string;
  exactProfiles: number;
  worstExact: Rational;
  worstExactGame: string;
  rejected: number;
  rejectedGames: string[];
  truncated: number;
  failed: string[];
}

const args = process.argv.slice(2);
const maxSeconds = Number(args[args.indexOf("--max-seconds") + 1] ?? 5) || 5;
const peerOnly = args.includes("--peer-only");

const tallies = new Map<SolveMethod, MethodTally>(
  SOLVE_METHODS.map((m) => [
    m,
    {
      games: new Set(),
      profiles: 0,
      worstFloat: 0,
      worstFloatGame: "",
      exactProfiles: 0,
      worstExact: ZERO,
      worstExactGame: "",
      rejected: 0,
      rejectedGames: [],
      truncated: 0,
      failed: [],
    },
  ]),
);

/** Support enumeration is left out above this many candidate supports, C(m + n, min(m, n)). */
const SUPPORT_ENUMERATION_LIMIT = 200_000;

/** C(n, k) as a double. */
function binomial(n: number, k: number): number {
  let c = 1;
  for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i;
  return c;
}
/** Methods on a tree's reduced strategic form are left out when it has more pure profiles than this. */
const REDUCED_FORM_LIMIT = 100_000;
/** The methods that work on a tree's reduced strategic form. */
const REDUCED_FORM_METHODS: ReadonlySet<SolveMethod> = new Set([
  "dominance",
  "enummixed",
  "enumsupport",
  "lh",
  "simpdiv",
  "gnm",
  "liap",
  "ipa",
]);
/** Runs left out for size, per method. */
const skipped = new Map<SolveMethod, number>();

/**
 * Every method that may apply: the strategic ones by the game's shape, all of them on trees;
 * without support enumeration on large games, and without the reduced-form methods on trees
 * whose reduced strategic form is large (counted in `skipped`).
 */
function candidates(input: GambitGame): SolveMethod[] {
  let sizes: number[] | null;
  try {
    sizes = (
      input.form === "strategic"
        ? input.game
        : reducedStrategicForm(input.game, { maxProfiles: REDUCED_FORM_LIMIT }).game
    ).strategies.map((s) => s.length);
  } catch {
    sizes = null;
  }
  const all = input.form === "strategic" ? strategicMethods(input.game) : [...SOLVE_METHODS];
  return all.filter((m) => {
    const tooLarge =
      (sizes === null && REDUCED_FORM_METHODS.has(m)) ||
      (m === "enumsupport" &&
        sizes !== null &&
        binomial(sizes[0]! + sizes[1]!, Math.min(...sizes)) > SUPPORT_ENUMERATION_LIMIT);
    if (tooLarge) skipped.set(m, (skipped.get(m) ?? 0) + 1);
    return !tooLarge;
  });
}

async function measure(name: string, input: GambitGame, spread: number): Promise<void> {
  for (const { method, rational } of methodRuns(candidates(input))) {
    const tally = tallies.get(method)!;
    let result: Awaited<ReturnType<typeof solveWith>>;
    const began = performance.now();
    try {
      result = await solveWith(input, method, rational, maxSeconds);
    } catch (error) {
      // a method that does not apply (E_INPUT: players, constant sum, perfect information, recall)
      if (isLinkageError(error) && error.code === "E_INPUT") continue;
      tally.failed.push(`${name}${rational ? " (rational)" : ""}: ${(error as Error).message}`);
      continue;
    }
    const seconds = (performance.now() - began) / 1000;
    if (seconds > 3)
      process.stderr.write(
        `  ${method}${rational ? " (rational)" : ""}: ${seconds.toFixed(1)} s\n`,
      );
    tally.games.add(name);
    tally.rejected += result.rejected?.length ?? 0;
    if (result.rejected) tally.rejectedGames.push(`${name} (${result.rejected.length})`);
    if (result.truncated) tally.truncated++;
    for (const e of result.equilibria) {
      if (rational) {
        tally.exactProfiles++;
        const r = parseRational(String(e.regret)) ?? ZERO;
        if (compare(r, tally.worstExact) > 0) {
          tally.worstExact = r;
          tally.worstExactGame = name;
        }
      } else {
        tally.profiles++;
        const relative = exactToNumber(e.regret) / Math.max(spread, Number.MIN_VALUE);
        if (relative > tally.worstFloat || (spread === 0 && exactToNumber(e.regret) > 0)) {
          tally.worstFloat = relative;
          tally.worstFloatGame = name;
        }
      }
    }
  }
}

const started = performance.now();
const counts = { Nashpy: 0, "QuantEcon.py": 0, "Gambit (.nfg)": 0, "Gambit (.efg)": 0, unread: 0 };
for (const peer of [...NASHPY_GAMES, ...QUANTECON_GAMES]) {
  counts[peer.source === "Nashpy" ? "Nashpy" : "QuantEcon.py"]++;
  const game = peerStrategicGame(peer);
  await measure(peer.id, { form: "strategic", game }, payoffSpread(game.payoffs));
}
if (HAS_GAMBIT_GAMES && !peerOnly) {
  for (const file of gambitGameFiles([".nfg", ".efg"])) {
    const name = gambitGameName(file);
    let input: GambitGame;
    try {
      input = readGambitGame(readFileSync(file, "utf8"), file);
    } catch {
      counts.unread++; // the files Gambit 17 rejects too (duplicate labels)
      continue;
    }
    counts[input.form === "strategic" ? "Gambit (.nfg)" : "Gambit (.efg)"]++;
    const spread = payoffSpread(
      input.form === "strategic" ? input.game.payoffs : input.game.outcomePayoffs,
    );
    process.stderr.write(`${name}\n`);
    await measure(name, input, spread);
  }
}

console.log(`games: ${JSON.stringify(counts)}; Gambit's files from ${GAMBIT_GAMES_DIR}`);
console.log(
  `--max-seconds ${maxSeconds} for the searches; ${((performance.now() - started) / 1000).toFixed(1)} s in all\n`,
);
console.log(
  "| method | games | profiles (float) | largest regret / spread (float) | profiles (exact) | largest exact regret | rejected | truncated | errors | skipped (size) |",
);
console.log("|---|---|---|---|---|---|---|---|---|---|");
for (const [method, t] of tallies) {
  const exact = EXACT_METHODS.has(method) ? formatRational(t.worstExact) : "n/a";
  console.log(
    `| ${method} | ${t.games.size} | ${t.profiles} | ${t.worstFloat.toExponential(2)}${t.worstFloat > 0 ? ` (${t.worstFloatGame})` : ""} | ${EXACT_METHODS.has(method) ? t.exactProfiles : "n/a"} | ${exact}${exact !== "0" && exact !== "n/a" ? ` (${t.worstExactGame})` : ""} | ${t.rejected} | ${t.truncated} | ${t.failed.length} | ${skipped.get(method) ?? 0} |`,
  );
}
for (const [method, t] of tallies) {
  for (const f of t.failed) console.log(`error: ${method}: ${f}`);
  if (t.rejectedGames.length > 0)
    console.log(`refused (not printed): ${method}: ${t.rejectedGames.join("; ")}`);
}
