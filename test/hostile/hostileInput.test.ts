/**
 * Regression tests for the findings of issue 20 (hostile input): each input is refused before
 * any work, with exit code 2, one located message and no stack trace.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { type CliCapture, runCliCapture } from "../support/runCliCapture.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const FLAGSHIP = join(ROOT, "scenarios/kabul-2021.yaml");
const dir = mkdtempSync(join(tmpdir(), "linkage-hostile-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function expectRefused(r: CliCapture, ...fragments: (string | RegExp)[]): void {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe("");
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.stderr).not.toMatch(/internal error/);
  for (const f of fragments) expect(r.stderr).toMatch(f);
}

describe("flags: bounds and empty values, checked before any work", () => {
  it.each([
    [["--runs", "1e12"], /--runs 1e12: expected a whole number from 1 to 10,000,000/],
    [["--weeks", "1e9"], /--weeks 1e9: expected a whole number from 1 to 10,000/],
    [["--seed", ""], /--seed: empty value/],
    [["--seed", " "], /--seed: empty value/],
    [["--policies", ""], /--policies "": expected comma-separated ids/],
    [["--policies", "U,,KE"], /none of them empty/],
    [["--threads", "0"], /--threads 0: expected a whole number from 1/],
    [["--runs", "2.5"], /--runs 2.5/],
    [["--max-memory", "abc"], /--max-memory abc/],
  ])("simulate %j", async (flags, message) => {
    expectRefused(await runCliCapture("simulate", FLAGSHIP, ...(flags as string[])), message);
  });

  it("a simulation estimated above --max-memory is refused with what it would need", async () => {
    expectRefused(
      await runCliCapture("simulate", FLAGSHIP, "--runs", "10000000", "--paths"),
      /needs about [\d,]+ MB, above --max-memory 2048 MB/,
    );
    expectRefused(
      await runCliCapture("simulate", FLAGSHIP, "--runs", "1000", "--max-memory", "16"),
      /above --max-memory 16 MB/,
    );
  });

  it("run refuses bad --runs, --seed and --max-memory before the work", async () => {
    expectRefused(await runCliCapture("run", FLAGSHIP, "--runs", "1e12"), /--runs 1e12/);
    expectRefused(await runCliCapture("run", FLAGSHIP, "--seed", ""), /--seed: empty value/);
  });

  it("solve refuses an empty --seed and an unbounded --max-seconds", async () => {
    const game = file("pd.nfg", 'NFG 1 R "pd" { "1" "2" } { 2 2 }\n3 3 0 5 5 0 1 1\n');
    expectRefused(await runCliCapture("solve", game, "--method", "gnm", "--seed", ""), /--seed/);
    expectRefused(await runCliCapture("solve", game, "--max-seconds", "1e300"), /--max-seconds/);
  });
});

describe("output paths are checked before any work", () => {
  const existingFile = file("taken.txt", "keep me\n");
  it.each([
    [["run", FLAGSHIP, "--out", existingFile]],
    [["analyze", FLAGSHIP, "--out", existingFile]],
    [["simulate", FLAGSHIP, "--runs", "10", "--csv", existingFile]],
  ])("%j", async (args) => {
    expectRefused(await runCliCapture(...(args as string[])), /exists and is not a folder/);
  });
  it("export --out naming a folder", async () => {
    expectRefused(
      await runCliCapture("export", FLAGSHIP, "--format", "efg", "--out", dir),
      /is a folder; expected a file name/,
    );
  });
  it("an empty --out", async () => {
    expectRefused(await runCliCapture("analyze", FLAGSHIP, "--out", ""), /--out: empty value/);
  });
});

describe("input files: checked before reading", () => {
  it.each([
    ["analyze", "/dev/zero", /not a regular file/],
    ["solve", "/dev/zero", /not a regular file/],
    ["analyze", ROOT, /it is a directory/],
  ])("%s %s", async (command, path, message) => {
    expectRefused(await runCliCapture(command, path), message);
  });
  it("a scenario over the size limit is refused without parsing it", async () => {
    const big = file("big.yaml", `# ${"x".repeat(5 * 2 ** 20)}\n`);
    expectRefused(await runCliCapture("analyze", big), /above the limit of 1,048,576 bytes/);
  });
});

describe("game files: numbers and players", () => {
  it("a payoff beyond the range of doubles", async () => {
    const game = file("inf.nfg", 'NFG 1 R "x" { "1" "2" } { 1 1 }\n1e400 0\n');
    expectRefused(await runCliCapture("solve", game), /inf\.nfg:2:1: "1e400": a number beyond/);
  });
  it.each([
    ["zero.nfg", 'NFG 1 R "x" { } { }\n'],
    ["zero.efg", 'EFG 2 R "x" { }\nt "" 1 "o" { 1 }\n'],
  ])("a game with no players (%s)", async (name, text) => {
    expectRefused(
      await runCliCapture("solve", file(name, text)),
      /1:13: a game needs at least one player/,
    );
  });
});

describe("errors during a simulation", () => {
  const text = readFileSync(FLAGSHIP, "utf8").replace(
    'attacks: "poisson(rate)"',
    'attacks: "poisson(rate - 1000)"',
  );
  const bad = file("negative-rate.yaml", text);
  it.each(["1", "2"])(
    "name the file, the expression, the week and the values that produced the bad number (threads %s)",
    async (threads) => {
      const r = await runCliCapture("simulate", bad, "--runs", "600", "--threads", threads);
      expectRefused(
        r,
        `${bad}`,
        /:\d+:\d+: dynamics\.week\.attacks: poisson requires a finite mean ≥ 0, got -9\d\d\.\d+ in "poisson\(rate - 1000\)"/,
        /\(week 1 of run 1 under policy U, target type committed; rate = \d+\.\d+\)/,
      );
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
    },
  );
});

describe("game size", () => {
  /** A two-player tree of perfect information `depth` moves deep, each move ending or going on. */
  function deepTree(depth: number): string {
    const lines = ['EFG 2 R "deep" { "1" "2" } ""'];
    for (let i = 0; i < depth; i++) {
      lines.push(`p "" ${1 + (i % 2)} ${Math.floor(i / 2) + 1} "" { "stop" "go" } 0`);
      lines.push(`t "" ${i + 1} "" { ${i}, ${-i} }`);
    }
    lines.push(`t "" ${depth + 1} "" { 0, 0 }`);
    return `${lines.join("\n")}\n`;
  }
  it("lcp refuses a tableau too large for memory (was: a crash after allocating)", async () => {
    const deep = file("deep.efg", deepTree(20_000));
    for (const start of ["covering", "centroid"]) {
      expectRefused(
        await runCliCapture("solve", deep, "--method", "lcp", "--start", start),
        /the sequence-form LCP would need a tableau of [\d,]+ rows/,
      );
    }
  });
  it("backward induction solves the same deep tree", async () => {
    const r = await runCliCapture(
      "solve",
      file("deep2.efg", deepTree(20_000)),
      "--method",
      "backward",
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^NE,/);
  });
});

describe("YAML: reserved names, aliases, tags, duplicates", () => {
  const flagship = readFileSync(FLAGSHIP, "utf8");
  const variant = (name: string, find: string, replace: string) => {
    expect(flagship).toContain(find);
    return file(name, flagship.replace(find, replace));
  };
  it.each([
    ["a parameter", "  mu0:\n", "  __proto__:\n", /parameters: "__proto__" is a reserved name/],
    [
      "a parameter named constructor",
      "  mu0:\n",
      "  constructor:\n",
      /"constructor" is a reserved name/,
    ],
    [
      "an output",
      "  outputs:\n",
      "  outputs:\n    prototype: { sum: attacks }\n",
      /"prototype" is a reserved name/,
    ],
  ])("%s with a reserved name is refused with its location", async (_, find, replace, message) => {
    const path = variant("reserved.yaml", find, replace);
    expectRefused(await runCliCapture("analyze", path), /reserved\.yaml:\d+:\d+: /, message);
  });
  it("--set __proto__=1 is an unknown parameter, not ignored", async () => {
    expectRefused(
      await runCliCapture("analyze", FLAGSHIP, "--set", "__proto__=1"),
      /unknown parameter "__proto__"/,
    );
  });
  it("an alias bomb is refused", async () => {
    let bomb = 'b0: &a0 ["x","x","x","x","x","x","x","x","x"]\n';
    for (let i = 1; i < 9; i++)
      bomb += `b${i}: &a${i} [${Array(9)
        .fill(`*a${i - 1}`)
        .join(",")}]\n`;
    expectRefused(
      await runCliCapture("analyze", file("bomb.yaml", bomb + flagship)),
      /invalid YAML: Excessive alias count/,
    );
  });
  it("an alias without its anchor is refused (was an internal error)", async () => {
    const path = variant("alias.yaml", "  mu0:\n", "  zz: *nowhere\n  mu0:\n");
    expectRefused(await runCliCapture("analyze", path), /invalid YAML: Unresolved alias/);
  });
  it("an unknown tag is refused, not ignored", async () => {
    const path = variant("tag.yaml", "  mu0:\n", "  mu0: !!js/function 'x'\n  mu1:\n");
    expectRefused(
      await runCliCapture("analyze", path),
      /tag:yaml\.org,2002:js\/function is not part of the scenario language/,
    );
  });
  it("a duplicate key is refused", async () => {
    const path = variant("dup.yaml", "  mu0:\n", "  mu0: 1\n  mu0:\n");
    expectRefused(await runCliCapture("analyze", path), /duplicate key "mu0"/);
  });
  it("20,000 unknown keys are reported once, from a linear-time check", async () => {
    const keys = Array.from({ length: 20_000 }, (_, i) => `zz${i}: 1`).join("\n");
    const path = file("keys.yaml", `${flagship}\n${keys}\n`);
    expectRefused(
      await runCliCapture("analyze", path),
      /unknown key "zz0" \(and 19999 more unknown\)/,
    );
  });
});

describe("--max-seconds bounds every search (a generous bound: the regressions took ~10× the limit)", () => {
  /** A degenerate 200 × 200 game (payoffs 0–2): tens of thousands of extreme equilibria. */
  function degenerateGame(): string {
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % 3;
    };
    const payoffs = Array.from({ length: 2 * 200 * 200 }, next).join(" ");
    return `NFG 1 R "degenerate" { "1" "2" } { 200 200 }\n${payoffs}\n`;
  }
  const game = file("degenerate.nfg", degenerateGame());
  it.each(["enummixed", "simpdiv", "logit", "gnm"])(
    "%s stops near the limit and says so",
    async (method) => {
      const started = Date.now();
      const r = await runCliCapture(
        "solve",
        game,
        "--method",
        method,
        "--max-seconds",
        "1",
        "--json",
      );
      const seconds = (Date.now() - started) / 1000;
      expect(seconds).toBeLessThan(8);
      const result = JSON.parse(r.stdout) as {
        truncated?: boolean;
        equilibria: unknown[];
        rejected?: unknown[];
      };
      if (method === "enummixed") expect(result.truncated).toBe(true);
      // a search stopped before it converged prints its profile as rejected, and is refused
      const refused = result.equilibria.length === 0 && (result.rejected?.length ?? 0) > 0;
      expect(r.code).toBe(refused ? 2 : 0);
      if (refused) expect(r.stderr).toMatch(/stopped at --max-seconds before converging/);
    },
    60_000,
  );
});

describe("a scenario with several problems", () => {
  it("gets one located line per problem on stderr, no stack, exit 2", async () => {
    const text = readFileSync(FLAGSHIP, "utf8")
      .replace("  - id: K\n", "  - id: U\n")
      .replace("  resolute: piR\n", "  resolute: 1.5\n")
      .replace("    costToTarget: cE\n", "    costToTarget: cEE\n");
    const path = file("three.yaml", text);
    const r = await runCliCapture("analyze", path);
    expectRefused(r);
    const lines = r.stderr.trim().split("\n");
    // FILE:LINE:COLUMN: path.in.document: message, in document order
    const paths = lines.map((line) => {
      expect(line.startsWith(`linkage: ${path}:`)).toBe(true);
      return /^linkage: .*:\d+:\d+: ([^:]+): /.exec(line)?.[1];
    });
    expect(paths).toEqual(["demands[0].costToTarget", "credibility.resolute", "policies[2].id"]);
  });
});

describe("backward induction beyond what enumeration can follow", () => {
  it("ties nested 20,000 deep are an input limit (exit 2), not an internal error", async () => {
    const lines = ['EFG 2 R "deep ties" { "1" "2" } ""'];
    for (let i = 0; i < 20_000; i++) {
      lines.push(`p "" ${1 + (i % 2)} ${Math.floor(i / 2) + 1} "" { "a" "b" } 0`);
      lines.push('t "" 1 "o" { 0, 0 }');
    }
    lines.push('t "" 1');
    const game = file("deep-ties.efg", `${lines.join("\n")}\n`);
    expectRefused(
      await runCliCapture("solve", game, "--method", "backward"),
      /ties along a path too deep to enumerate/,
    );
  }, 60_000);
});
