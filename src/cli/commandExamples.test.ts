import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCliCapture } from "../../test/support/runCliCapture.js";
import { COMMAND_EXAMPLES, type ExampleCommand } from "./commandExamples.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const COMMANDS = Object.keys(COMMAND_EXAMPLES) as ExampleCommand[];
const LINES = COMMANDS.flatMap((command) => COMMAND_EXAMPLES[command].map((e) => e.line));

/** An example's arguments after `linkage`, and the file its standard output goes to, if any. */
function parse(line: string): { args: string[]; redirect: string | undefined } {
  const [command, redirect] = line.split(" > ");
  const words = command!.trim().split(/\s+/);
  if (words[0] !== "linkage") throw new Error(`example does not start with linkage: ${line}`);
  return { args: words.slice(1), redirect: redirect?.trim() };
}

/** Examples that need a Redis (`linkage worker`, `--engine bullmq`): checked against a closed port. */
function needsRedis(line: string): boolean {
  return parse(line).args.includes("--redis");
}

/** Examples whose work takes seconds of simulation: `run`, and `simulate` by sampling. */
function slow(line: string): boolean {
  const { args } = parse(line);
  if (needsRedis(line)) return false;
  return args[0] === "run" || (args[0] === "simulate" && !args.includes("--mean-field"));
}

describe("every command's --help ends with examples", () => {
  it.each(COMMANDS)("%s", async (command) => {
    const r = await runCliCapture(...(command === "linkage" ? [] : [command]), "--help");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("\nExamples:\n");
    const section = r.stdout.slice(r.stdout.indexOf("\nExamples:\n"));
    const examples = COMMAND_EXAMPLES[command];
    expect(examples.length).toBeGreaterThanOrEqual(2);
    expect(examples.length).toBeLessThanOrEqual(4);
    for (const e of examples) expect(section).toContain(`  # ${e.does}\n  ${e.line}\n`);
    if (command !== "linkage") {
      expect(examples.filter((e) => parse(e.line).args[0] === command).length).toBeGreaterThan(1);
    }
  });
});

describe("every example works on the shipped scenario", () => {
  // run in a folder of their own (scenarios/ linked to the shipped one), where they write their files
  const start = process.cwd();
  const dir = mkdtempSync(join(tmpdir(), "linkage-examples-"));
  beforeAll(() => {
    symlinkSync(join(ROOT, "scenarios"), join(dir, "scenarios"));
    symlinkSync(join(ROOT, "test"), join(dir, "test")); // the synthetic event file calibrate reads
    process.chdir(dir);
  });
  afterAll(() => {
    process.chdir(start);
    rmSync(dir, { recursive: true, force: true });
  });

  // in order: solve's examples solve the game its first example exports
  it.each(LINES.filter((line) => !slow(line) && !needsRedis(line)))("%s", async (line) => {
    const { args, redirect } = parse(line);
    const r = await runCliCapture(...args);
    expect(r.stderr).not.toMatch(/^linkage: (?!note:)/m);
    expect(r.code).toBe(0);
    const out = args[args.indexOf("--out") + 1];
    if (args.includes("--out")) expect(existsSync(out!)).toBe(true);
    else expect(r.stdout).not.toBe("");
    if (redirect !== undefined) {
      writeFileSync(redirect, r.stdout);
      expect(readFileSync(redirect, "utf8").length).toBeGreaterThan(0);
    }
  });

  it.each(LINES.filter(needsRedis))(
    "%s (checked up to the connection, with the Redis URL pointed at a closed port)",
    async (line) => {
      const args = parse(line).args;
      args[args.indexOf("--redis") + 1] = "redis://127.0.0.1:1";
      const r = await runCliCapture(...args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(/^linkage: Redis at redis:\/\/127\.0\.0\.1:1 is unreachable/m);
    },
  );

  it.each(LINES.filter(slow))(
    "%s (checked up to the work, not run: it takes seconds; refused here by --max-memory 16)",
    async (line) => {
      const r = await runCliCapture(...parse(line).args, "--max-memory", "16");
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr.trim().split("\n").at(-1)).toMatch(/^linkage: .*--max-memory/);
    },
  );
});
