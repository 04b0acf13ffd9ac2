import { execFile } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { type CliCapture, runCliCapture } from "../../test/support/runCliCapture.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const FLAGSHIP = "scenarios/kabul-2021.yaml";
const NOTE = `linkage: note: no file "kabul-2021": using the scenario ${FLAGSHIP}\n`;
const dir = mkdtempSync(join(tmpdir(), "linkage-scenario-path-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Exit code 2, one message line on stderr (after any notes), no stack trace, nothing on stdout. */
function expectRefused(r: CliCapture, message: string) {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe("");
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.stderr.trim().split("\n").at(-1)).toBe(`linkage: ${message}`);
}

describe("a scenario id where a path is expected", () => {
  it("analyze kabul-2021 reads scenarios/kabul-2021.yaml, says so on stderr, prints the same", async () => {
    const byId = await runCliCapture("analyze", "kabul-2021", "--json", "--no-pivots");
    const byPath = await runCliCapture("analyze", FLAGSHIP, "--json", "--no-pivots");
    expect(byId.code).toBe(0);
    expect(byId.stderr).toBe(NOTE);
    expect(byPath.stderr).toBe("");
    expect(byId.stdout).toBe(byPath.stdout);
  });

  it("export and simulate take the id too", async () => {
    const exported = await runCliCapture(
      "export",
      "kabul-2021",
      "--format",
      "efg",
      "--policy",
      "K",
    );
    expect(exported.code).toBe(0);
    expect(exported.stderr).toBe(NOTE);
    expect(exported.stdout).toMatch(/^EFG 2 R /);
    const simulated = await runCliCapture(
      "simulate",
      "kabul-2021",
      ...["--policies", "U", "--runs", "10", "--fixed", "--threads", "1", "--json"],
    );
    expect(simulated.code).toBe(0);
    expect(simulated.stderr).toBe(NOTE);
    expect(JSON.parse(simulated.stdout).scenario).toBe("kabul-2021");
  });

  it("run takes the id (refused here by --max-memory, after reading the scenario)", async () => {
    const r = await runCliCapture("run", "kabul-2021", "--max-memory", "16", "--out", dir);
    expect(r.code).toBe(2);
    expect(r.stderr.startsWith(NOTE)).toBe(true);
    expect(r.stderr).toMatch(/--max-memory/);
  });

  it("outside the project folder, the id is found in the package's scenarios/", async () => {
    const tsx = pathToFileURL(join(ROOT, "node_modules/tsx/dist/loader.mjs")).href;
    const main = join(ROOT, "src/cli/main.ts");
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ["--import", tsx, main, "analyze", "kabul-2021", "--json", "--no-pivots"],
      { cwd: dir },
    );
    expect(stderr).toBe(
      `linkage: note: no file "kabul-2021": using the scenario ${join(ROOT, FLAGSHIP)}\n`,
    );
    expect(JSON.parse(stdout).bestPolicy).toBe("KE");
  });

  it("a file of that name in the current folder comes first", async () => {
    const r = await runCliCapture("analyze", "scenarios", "--json");
    expectRefused(
      r,
      "scenarios: cannot read the scenario: it is a directory, expected a scenario file",
    );
  });
});

describe("a scenario path that does not exist: did you mean", () => {
  it("a misspelled id", async () => {
    expectRefused(
      await runCliCapture("analyze", "kabul-2012"),
      `kabul-2012: cannot read the scenario: no such file, nor scenarios/kabul-2012.yaml; did you mean "${FLAGSHIP}"?`,
    );
  });

  it("a misspelled file name, and a misspelled folder", async () => {
    expectRefused(
      await runCliCapture("simulate", "scenarios/kabul-2012.yaml"),
      `scenarios/kabul-2012.yaml: cannot read the scenario: no such file; did you mean "${FLAGSHIP}"?`,
    );
    expectRefused(
      await runCliCapture("export", "scenario/kabul-2021.yaml", "--format", "efg"),
      `scenario/kabul-2021.yaml: cannot read the scenario: no such file; did you mean "${FLAGSHIP}"?`,
    );
  });

  it("the closest file in the path's own folder", async () => {
    mkdirSync(join(dir, "cases"));
    copyFileSync(join(ROOT, FLAGSHIP), join(dir, "cases", "my-case.yaml"));
    const missing = join(dir, "cases", "my-cas.yaml");
    expectRefused(
      await runCliCapture("analyze", missing),
      `${missing}: cannot read the scenario: no such file; did you mean "${join(dir, "cases", "my-case.yaml")}"?`,
    );
  });

  it("as a real process: exit code 2, one line, no stack trace", async () => {
    const error = await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", join(ROOT, "src/cli/main.ts"), "run", "kabul-2012"],
      { cwd: ROOT },
    ).then(
      () => null,
      (e: { code: number; stderr: string; stdout: string }) => e,
    );
    expect(error).not.toBeNull();
    expectRefused(
      { code: error!.code, stdout: error!.stdout, stderr: error!.stderr },
      `kabul-2012: cannot read the scenario: no such file, nor scenarios/kabul-2012.yaml; did you mean "${FLAGSHIP}"?`,
    );
    expect(error!.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("nothing close: only where it looked", async () => {
    expectRefused(
      await runCliCapture("run", "zzzz"),
      "zzzz: cannot read the scenario: no such file, nor scenarios/zzzz.yaml",
    );
    const missing = join(dir, "nowhere", "x.yaml");
    expectRefused(
      await runCliCapture("analyze", missing),
      `${missing}: cannot read the scenario: no such file`,
    );
  });
});
