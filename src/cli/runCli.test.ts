import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { type CliCapture, runCliCapture } from "../../test/support/runCliCapture.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const FLAGSHIP = join(ROOT, "scenarios/kabul-2021.yaml");
const flagshipText = readFileSync(FLAGSHIP, "utf8");
const dir = mkdtempSync(join(tmpdir(), "linkage-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes the flagship with `find` replaced by `replace`; returns the file and the 1-based line of the change. */
function mutated(name: string, find: string, replace: string): { file: string; line: number } {
  const at = flagshipText.indexOf(find);
  if (at < 0) throw new Error(`fixture: "${find}" not in the flagship`);
  const text = flagshipText.slice(0, at) + replace + flagshipText.slice(at + find.length);
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, text);
  return { file, line: text.slice(0, at).split("\n").length };
}

/** One message line on stderr, naming the file and line, no stack trace, exit code 2. */
function expectInputError(r: CliCapture, ...fragments: (string | RegExp)[]) {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe("");
  expect(r.stderr.trim().split("\n")).toHaveLength(1);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  for (const f of fragments) expect(r.stderr).toMatch(f);
}

describe("linkage analyze: bad input", () => {
  it("broken YAML", async () => {
    const { file, line } = mutated("broken", "  mu0:\n", "  mu0: [0.7\n");
    expectInputError(await runCliCapture("analyze", file), `${file}:${line}:`, /invalid YAML/);
  });

  it("unknown key", async () => {
    const { file, line } = mutated(
      "unknown-key",
      "    observable: true\n",
      "    observable: true\n    visible: yes\n",
    );
    expectInputError(
      await runCliCapture("analyze", file),
      `${file}:${line + 1}:5:`,
      "demands[0]",
      'unknown key "visible"',
      /expected one of: .*costToTarget/,
    );
  });

  it("wrong type", async () => {
    const { file, line } = mutated(
      "wrong-type",
      "    valueToSender: vE\n",
      "    valueToSender: true\n",
    );
    expectInputError(
      await runCliCapture("analyze", file),
      `${file}:${line}:20:`,
      "demands[0].valueToSender",
      /expected a number or a parameter name, found true \(a boolean\)/,
    );
  });

  it("missing field", async () => {
    const { file } = mutated("missing", "    costToTarget: cE\n", "");
    expectInputError(
      await runCliCapture("analyze", file),
      "demands[0]",
      /missing required field "costToTarget"/,
    );
  });

  it("undefined parameter", async () => {
    const { file, line } = mutated(
      "undefined-parameter",
      "    valueToSender: vA\n",
      "    valueToSender: vAA\n",
    );
    expectInputError(
      await runCliCapture("analyze", file),
      `${file}:${line}:20:`,
      "demands[1].valueToSender",
      'undefined parameter "vAA"; did you mean "vA"?',
    );
  });

  it("an undefined parameter with nothing close lists the declared ones", async () => {
    const { file, line } = mutated(
      "undefined-parameter-far",
      "    valueToSender: vA\n",
      "    valueToSender: zzzz\n",
    );
    expectInputError(
      await runCliCapture("analyze", file),
      `${file}:${line}:20:`,
      /undefined parameter "zzzz"; declared parameters: mu0/,
    );
  });

  it.each([
    ["a section", "parameters:\n", "paramters:\n", "(document root)", "paramters", "parameters"],
    ["the dynamics", "dynamics:\n", "dynamcs:\n", "(document root)", "dynamcs", "dynamics"],
    [
      "a key inside a section",
      "    discount:",
      "    dicsount:",
      "dynamics.target",
      "dicsount",
      "discount",
    ],
    ["a prior's key", "mode: 0.7", "mdoe: 0.7", "parameters.mu0.prior", "mdoe", "mode"],
  ])("a misspelled key in %s: did you mean", async (_, find, replace, path, key, meant) => {
    const { file, line } = mutated(`misspelled-${key}`, find, replace);
    const r = await runCliCapture("analyze", file);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stderr).toContain(`${file}:${line}:`);
    expect(r.stderr).toContain(`${path}: unknown key "${key}"; did you mean "${meant}"?`);
  });

  it("a probability outside [0, 1] given through a parameter", async () => {
    const { file, line } = mutated(
      "probability",
      "    value: 0.1 # MODEL.md §2 and §4: α 0.10, range 0.02–0.3\n    prior: { dist: triangular, min: 0.02, mode: 0.1, max: 0.3 }",
      "    value: 1.5\n    prior: { dist: uniform, min: 0, max: 2 }",
    );
    expectInputError(
      await runCliCapture("analyze", file),
      `${file}:${line}:12:`,
      "parameters.alpha.value",
      /expected a probability in \[0, 1\].*demands\[1\]\.falsePositive, found 1\.5/,
    );
  });

  it("a probability outside [0, 1] given as a literal", async () => {
    const { file, line } = mutated(
      "probability-literal",
      "    falsePositive: alpha\n",
      "    falsePositive: -0.2\n",
    );
    expectInputError(
      await runCliCapture("analyze", file),
      `${file}:${line}:20:`,
      "demands[1].falsePositive",
      /expected a probability in \[0, 1\], found -0\.2/,
    );
  });

  it("a prior whose bounds exclude its default", async () => {
    const { file, line } = mutated(
      "prior-bounds",
      "    value: 0.7 # MODEL.md §4: P(T",
      "    value: 0.95 # MODEL.md §4: P(T",
    );
    expectInputError(
      await runCliCapture("analyze", file),
      `${file}:${line}:12:`,
      "parameters.mu0.value",
      /within its prior's range \[0\.4, 0\.9\], found 0\.95/,
    );
  });

  it("an unknown --set id", async () => {
    expectInputError(
      await runCliCapture("analyze", FLAGSHIP, "--set", "nope=1"),
      "--set nope=1",
      'unknown parameter "nope"',
      /expected one of: mu0/,
    );
  });

  it("a misspelled --set id: did you mean", async () => {
    expectInputError(
      await runCliCapture("analyze", FLAGSHIP, "--set", "sigma_su=0"),
      '--set sigma_su=0: unknown parameter "sigma_su"',
      /did you mean "sigma_sub"\?$/m,
    );
    for (const command of [
      ["simulate", "--fixed", "--runs", "10"],
      ["export", "--format", "efg"],
    ]) {
      const r = await runCliCapture(command[0]!, FLAGSHIP, ...command.slice(1), "--set", "rho0=0");
      expectInputError(r, 'unknown parameter "rho0"', /; did you mean "rho"\?$/m);
    }
  });

  it("a malformed --set and a --set probability outside [0, 1]", async () => {
    expectInputError(
      await runCliCapture("analyze", FLAGSHIP, "--set", "alpha"),
      /expected id=number/,
    );
    expectInputError(
      await runCliCapture("analyze", FLAGSHIP, "--set", "beta=1.2"),
      /"beta" is used as a probability .*demands\[1\]\.detection.* \[0, 1\]/,
    );
  });

  it("a missing file", async () => {
    const file = join(dir, "nowhere.yaml");
    expectInputError(
      await runCliCapture("analyze", file),
      `${file}: cannot read the scenario: no such file`,
    );
  });

  it("an unknown option or command", async () => {
    const r = await runCliCapture("analyze", FLAGSHIP, "--frobnicate");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown option '--frobnicate'/);
    expect((await runCliCapture("solvee")).code).toBe(2);
  });

  it("exits 2 with one message and no stack trace as a real process", async () => {
    const { file } = mutated("process", "    valueToSender: vE\n", "    valueToSender: [1]\n");
    const error = await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", join(ROOT, "src/cli/main.ts"), "analyze", file],
      {
        cwd: ROOT,
      },
    ).then(
      () => null,
      (e: { code: number; stderr: string; stdout: string }) => e,
    );
    expect(error).not.toBeNull();
    expectInputError(
      { code: error!.code, stdout: error!.stdout, stderr: error!.stderr },
      "demands[0].valueToSender",
      /found a list/,
    );
  });
});

describe("linkage analyze: output", () => {
  it("--json prints exactly one JSON object with the contract's keys", async () => {
    const r = await runCliCapture(
      "analyze",
      FLAGSHIP,
      "--json",
      "--set",
      "sigma_sub=0",
      "--set",
      "cA_C=3",
      "--set",
      "rho=0.5",
    );
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.scenario).toBe("kabul-2021");
    expect(json.parameters.sigma_sub).toBe(0);
    expect(json.bestPolicy).toBe("K");
    expect(json.policies.KE.senderValue).toBeCloseTo(1.511, 4);
    expect(json.policies.KE.responses.pragmatic).toEqual({ evacuation: 1, alqaeda: 1 });
    expect(json.posteriors.afterViolation).toBeCloseTo(0.9333, 4);
    expect(json.credibility.minReputationStake).toBeCloseTo(0.2533, 4);
    expect(json.thresholds.KE.pragmatic.alqaeda).toBeCloseTo(1.25, 4);
    expect(Array.isArray(json.pivots)).toBe(true);
  });

  it("plain output has the table and the verdict; --out writes analysis.md and analysis.json", async () => {
    const out = join(dir, "report");
    const r = await runCliCapture("analyze", FLAGSHIP, "--out", out);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Best policy: KE/);
    expect(r.stdout).toMatch(/The verdict changes if sigma_sub falls below 0\.2/);
    const md = readFileSync(join(out, "analysis.md"), "utf8");
    expect(md).toMatch(/^# Counterterrorism support/);
    for (const heading of [
      "## Verdict",
      "## Policies",
      "## Credibility of KE",
      "## Thresholds",
      "## Pivots",
      "## Appendix: parameters",
    ]) {
      expect(md).toContain(heading);
    }
    expect(JSON.parse(readFileSync(join(out, "analysis.json"), "utf8")).bestPolicy).toBe("KE");
  });

  it("a value outside its prior's range is allowed with a note", async () => {
    const r = await runCliCapture("analyze", FLAGSHIP, "--set", "cA_C=10", "--no-pivots", "--json");
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/cA_C=10 lies outside its prior's range \[1\.5, 6\]/);
    expect(JSON.parse(r.stdout).pivots).toEqual([]);
  });

  it("linkage schema prints a JSON Schema of the scenario language", async () => {
    const r = await runCliCapture("schema");
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout);
    expect(schema.$schema).toMatch(/json-schema\.org/);
    expect(schema.properties.demands.type).toBe("array");
    expect(schema.additionalProperties).toBe(false);
  });
});
