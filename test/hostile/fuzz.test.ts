/**
 * The hostile-input fuzz suite (issue 20): mutated scenarios, dynamics expressions, Gambit game
 * files and flags, run through the CLI in-process. Every case must end with exit 0, or exit 2 and
 * a message on stderr — never a stack trace, never an internal error, and within a time bound.
 * Seeds are fixed, so a failure replays; set FUZZ_RUNS to run more cases, and FUZZ_REPORT to a
 * file to get the counts (cases, located, plain, crashes, hangs).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import {
  applyMutations,
  hostileSimulateFlags,
  hostileToken,
  textMutation,
} from "../support/hostileCases.js";
import { type CliCapture, runCliCapture } from "../support/runCliCapture.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const FLAGSHIP_TEXT = readFileSync(join(ROOT, "scenarios/kabul-2021.yaml"), "utf8");
const dir = mkdtempSync(join(tmpdir(), "linkage-fuzz-"));
const RUNS = Number(process.env["FUZZ_RUNS"] ?? 60);
/** A case taking longer than this is a hang (the slowest valid case here takes well under 2 s). */
const HANG_MS = 15_000;

const counts = { cases: 0, ok: 0, located: 0, plain: 0, crashes: 0, hangs: 0 };
/** A few messages without a location, for the report. */
const plainSamples = new Set<string>();
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  const report = process.env["FUZZ_REPORT"];
  if (report) {
    const summary = { ...counts, plainSamples: [...plainSamples] };
    writeFileSync(report, `${JSON.stringify(summary, null, 2)}\n`);
  }
});

let fileCounter = 0;
function write(name: string, text: string): string {
  const path = join(dir, `${fileCounter++}-${name}`);
  writeFileSync(path, text);
  return path;
}

/** Checks one outcome and counts it; returns false (failing the property) on a crash or hang. */
function judge(r: CliCapture, ms: number, what: string, input?: string): boolean {
  counts.cases++;
  const stack = /\n\s+at |internal error|Error:\s/.test(r.stderr);
  if (ms > HANG_MS) counts.hangs++;
  if (r.code === 0 && !stack) counts.ok++;
  else if (r.code === 2 && !stack && r.stderr.trim() !== "") {
    // located: a line (and column), a flag, or — for a property of the whole game — the file
    if (/:\d+(:\d+)?:|--[a-z-]+/.test(r.stderr) || (input && r.stderr.includes(`${input}: `)))
      counts.located++;
    else {
      counts.plain++;
      if (plainSamples.size < 20) plainSamples.add(r.stderr.trim().slice(0, 200));
    }
  } else counts.crashes++;
  const fine = ms <= HANG_MS && (r.code === 0 || r.code === 2) && !stack;
  if (!fine) {
    // the property fails; say what happened so the shrunk case is readable
    throw new Error(`${what}: exit ${r.code} after ${ms} ms\n${r.stderr.slice(0, 2000)}`);
  }
  return true;
}

async function timed(args: string[]): Promise<{ r: CliCapture; ms: number }> {
  const started = Date.now();
  const r = await runCliCapture(...args);
  return { r, ms: Date.now() - started };
}

const flagshipLines = FLAGSHIP_TEXT.split("\n").length;

describe("fuzz: hostile input never crashes, hangs or hides its location", () => {
  it("mutated scenarios (analyze)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(textMutation(flagshipLines, FLAGSHIP_TEXT.length), { minLength: 1, maxLength: 3 }),
        async (mutations) => {
          const file = write("scenario.yaml", applyMutations(FLAGSHIP_TEXT, mutations));
          const { r, ms } = await timed(["analyze", file, "--no-pivots", "--json"]);
          return judge(r, ms, `analyze ${JSON.stringify(mutations)}`);
        },
      ),
      { seed: 20, numRuns: RUNS },
    );
  }, 300_000);

  it("mutated expressions (simulate)", async () => {
    const at = FLAGSHIP_TEXT.indexOf('attacks: "poisson(rate)"');
    expect(at).toBeGreaterThan(0);
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileToken, fc.string({ maxLength: 30 })), async (expression) => {
        const text =
          FLAGSHIP_TEXT.slice(0, at) +
          `attacks: ${JSON.stringify(expression)}` +
          FLAGSHIP_TEXT.slice(at + 'attacks: "poisson(rate)"'.length);
        const file = write("expression.yaml", text);
        const { r, ms } = await timed([
          "simulate",
          file,
          "--runs",
          "10",
          "--weeks",
          "6",
          "--threads",
          "1",
          "--json",
        ]);
        return judge(r, ms, `simulate with attacks = ${JSON.stringify(expression)}`);
      }),
      { seed: 21, numRuns: RUNS },
    );
  }, 300_000);

  it("hostile flags (simulate)", async () => {
    const flagship = join(ROOT, "scenarios/kabul-2021.yaml");
    await fc.assert(
      fc.asyncProperty(hostileSimulateFlags, async (flags) => {
        const { r, ms } = await timed([
          "simulate",
          flagship,
          "--runs",
          "10",
          "--weeks",
          "6",
          "--threads",
          "1",
          "--json",
          ...flags,
        ]);
        return judge(r, ms, `simulate ${flags.join(" ")}`);
      }),
      { seed: 22, numRuns: RUNS },
    );
  }, 300_000);

  it("mutated Gambit games (solve)", async () => {
    const games = [
      // Shapley's 3 × 3 game (1974, fig. 3), in outcome form, written here so the suite needs no ../shared
      'NFG 1 R "Shapley fig 3" { "1" "2" }\n{ { "a" "b" "c" }\n{ "d" "e" "f" }\n}\n""\n{\n{ "" 0, 0 }\n{ "" 2, 3 }\n{ "" 3, 0 }\n{ "" 3, 2 }\n{ "" 2, 2 }\n{ "" 0, 0 }\n{ "" 0, 3 }\n{ "" 0, 0 }\n{ "" 3, 3 }\n}\n1 2 3 4 5 6 7 8 9\n',
      'EFG 2 R "tree" { "1" "2" } ""\np "" 1 1 "" { "a" "b" } 0\np "" 2 1 "" { "c" "d" } 0\nt "" 1 "" { 1, -1 }\nt "" 2 "" { -1, 1 }\nt "" 3 "" { 0, 0 }\n',
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(0, 1),
        fc.constantFrom("enumpure", "enummixed", "lcp", "logit", "simpdiv", "gnm", "backward"),
        fc.array(textMutation(8, 400), { minLength: 1, maxLength: 3 }),
        async (which, method, mutations) => {
          const game = write(
            which === 0 ? "game.nfg" : "game.efg",
            applyMutations(games[which]!, mutations),
          );
          const { r, ms } = await timed(["solve", game, "--method", method, "--max-seconds", "5"]);
          return judge(r, ms, `solve --method ${method} ${JSON.stringify(mutations)}`, game);
        },
      ),
      { seed: 23, numRuns: RUNS },
    );
  }, 300_000);
});
