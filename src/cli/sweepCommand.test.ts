import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CliCapture, runCliCapture } from "../../test/support/runCliCapture.js";
import { loadScenario } from "../scenario/loadScenario.js";
import { closeSimulationPool, simulate } from "../sim/simulate.js";

const FLAGSHIP = fileURLToPath(new URL("../../scenarios/kabul-2021.yaml", import.meta.url));
const flagship = loadScenario(FLAGSHIP);
const dir = mkdtempSync(join(tmpdir(), "linkage-sweep-"));
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await closeSimulationPool();
});

/** sweep.csv's rows as records (the flagship's fields hold no commas or quotes). */
function csvRows(folder: string): Record<string, string>[] {
  const text = readFileSync(join(folder, "sweep.csv"), "utf8");
  expect(text.endsWith("\r\n")).toBe(true);
  const [header, ...lines] = text.slice(0, -2).split("\r\n");
  const names = header!.split(",");
  return lines.map((line) => {
    const cells = line.split(",");
    expect(cells).toHaveLength(names.length);
    return Object.fromEntries(names.map((name, k) => [name, cells[k]!]));
  });
}

describe("linkage sweep refuses a bad spec before any work, with one located line", () => {
  const out = join(dir, "refused");
  const cases: [string, string[], RegExp][] = [
    [
      "an unknown id, with the closest",
      ["--vary", "sigma_su=0:0.5:3"],
      /^linkage: --vary sigma_su=0:0\.5:3: unknown parameter "sigma_su" in .*kabul-2021\.yaml; did you mean "sigma_sub"\?$/,
    ],
    [
      "a spec without n",
      ["--vary", "sigma_sub=0:0.5"],
      /--vary sigma_sub=0:0\.5: expected id=lo:hi:n/,
    ],
    [
      "a spec that is no assignment",
      ["--vary", "sigma_sub"],
      /--vary sigma_sub: expected id=lo:hi:n/,
    ],
    ["a bound that is not a number", ["--vary", "sigma_sub=a:0.5:3"], /lo "a" is not a number/],
    [
      "lo above hi",
      ["--vary", "sigma_sub=0.5:0.1:3"],
      /--vary sigma_sub=0\.5:0\.1:3: lo 0\.5 is above hi 0\.1/,
    ],
    ["lo equal to hi", ["--vary", "sigma_sub=0.5:0.5:3"], /nothing to vary/],
    [
      "n below 2",
      ["--vary", "sigma_sub=0:0.5:1"],
      /--vary sigma_sub=0:0\.5:1: n 1 must be a whole number from 2/,
    ],
    ["n not whole", ["--vary", "sigma_sub=0:0.5:2.5"], /n 2\.5 must be a whole number/],
    [
      "a probability outside [0, 1]",
      ["--vary", "sigma_sub=0:1.2:3"],
      /--vary sigma_sub=0:1\.2:3: "sigma_sub" is used as a probability .* must lie in \[0, 1\]/,
    ],
    [
      "the same id twice",
      ["--vary", "cE=0:1:2", "--vary", "cE=0:0.5:2"],
      /--vary cE=0:0\.5:2: "cE" is already varied by --vary cE=0:1:2/,
    ],
    [
      "an id both varied and set",
      ["--vary", "cE=0:1:2", "--set", "cE=0.5"],
      /--vary cE=0:1:2: "cE" is also held by --set cE=0\.5/,
    ],
    [
      "both --vary and --lhs",
      ["--vary", "cE=0:1:2", "--lhs", "4"],
      /--vary and --lhs: give one or the other/,
    ],
    ["neither --vary nor --lhs", [], /no points: give --vary/],
    ["--lhs 1", ["--lhs", "1"], /--lhs 1: expected a whole number from 2 to 10,000/],
    [
      "too many points",
      ["--vary", "cE=0:1:200", "--vary", "rho=0:1:200"],
      /200 × 200 = 40,000 points, above the 10,000 a sweep may have/,
    ],
    [
      "too many runs",
      ["--lhs", "2000", "--runs", "100000"],
      /2,000 points × --runs 100,000 = 200,000,000 runs, above the 100,000,000/,
    ],
    [
      "--points-in-flight 0",
      ["--vary", "cE=0:1:2", "--points-in-flight", "0"],
      /--points-in-flight 0: expected a whole number from 1 to 1,024/,
    ],
    [
      "more points in flight than --max-memory holds",
      ["--vary", "cE=0:1:2", "--runs", "500000", "--points-in-flight", "3"],
      /--points-in-flight 3: each point needs about [\d,]+ MB, and 2 points fit in --max-memory 2048 MB/,
    ],
    [
      "a point where the attack process is explosive whatever the others",
      ["--vary", "nH=0.5:1.5:3"],
      /--vary: the point nH=1: .*explosive/,
    ],
  ];
  it.each(cases)("%s", async (_, args, message) => {
    const r: CliCapture = await runCliCapture("sweep", FLAGSHIP, ...args, "--out", out);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    const lines = r.stderr.split("\n").filter((l) => l !== "" && !l.startsWith("linkage: note:"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  });
});

/**
 * Runs `linkage sweep FLAGSHIP --vary VARY --runs 50 MORE… --out DIR/NAME` once, before the tests
 * of the describe block that calls it; returns the folder and a getter of the capture.
 */
function sweepBeforeAll(name: string, vary: string, ...more: string[]) {
  const out = join(dir, name);
  let capture: CliCapture | undefined;
  beforeAll(async () => {
    capture = await runCliCapture(
      "sweep",
      FLAGSHIP,
      "--vary",
      vary,
      "--runs",
      "50",
      ...more,
      "--out",
      out,
    );
  });
  return { out, r: () => capture! };
}

describe("linkage sweep on the flagship", () => {
  const { out, r } = sweepBeforeAll("sigma", "sigma_sub=0.1:0.5:3", "--seed", "3");

  it("writes one row per point × policy, each equal to simulate with the point held and the same seed", async () => {
    expect(r().code).toBe(0);
    expect(r().stderr).toBe("");
    const rows = csvRows(out);
    const policies = flagship.policies.map((p) => p.id);
    expect(rows).toHaveLength(3 * policies.length);
    for (const [k, value] of [0.1, 0.3, 0.5].entries()) {
      const sim = await simulate(flagship, { runs: 50, seed: 3, overrides: { sigma_sub: value } });
      policies.forEach((id, p) => {
        const row = rows[k * policies.length + p]!;
        expect(row["sigma_sub"]).toBe(String(value));
        expect(row["policy"]).toBe(id);
        const outcomes = sim.policies[id]!.outcomes;
        for (const [name, o] of Object.entries(outcomes)) {
          if (name === "leverageValue") continue;
          expect(Number(row[`${name}_mean`]), `${id} ${name}`).toBe(o.mean);
          expect(Number(row[`${name}_q05`])).toBe(o.q05);
          expect(Number(row[`${name}_q50`])).toBe(o.q50);
          expect(Number(row[`${name}_q95`])).toBe(o.q95);
        }
        expect(Number(row["leverage"])).toBe(outcomes["leverageValue"]!.mean);
        expect(Number(row["leverage_q95"])).toBe(outcomes["leverageValue"]!.q95);
        expect(Number(row["best_share"])).toBe(sim.bestPolicyShare![id]);
      });
    }
  });

  it("writes sweep.json with the command, seed and version, and a self-contained sweep.html", () => {
    const json = JSON.parse(readFileSync(join(out, "sweep.json"), "utf8"));
    expect(json.command).toContain("--vary sigma_sub=0.1:0.5:3 --runs 50 --seed 3");
    expect(json.seed).toBe(3);
    expect(typeof json.version).toBe("string");
    expect(json.points).toHaveLength(3);
    const html = readFileSync(join(out, "sweep.html"), "utf8");
    expect(html).toContain('data-chart="sweep-leverage"');
    expect(html).toContain('data-chart="sweep-best-share"');
    expect(html).toContain("common random numbers");
    expect(html).not.toMatch(/<script|<link|src="http/);
  });
});

describe("linkage sweep finds where the best policy changes", () => {
  const { out, r } = sweepBeforeAll("wF", "wF=0:0.05:6");

  it("marks exactly the neighbouring points whose rows' best policies differ", () => {
    expect(r().code).toBe(0);
    const rows = csvRows(out);
    // the best policy at each point, from the rows: the highest mean sender utility, ties to the first
    const best = new Map<string, { id: string; utility: number }>();
    for (const row of rows) {
      const u = Number(row["senderUtility_mean"]);
      const at = best.get(row["wF"]!);
      if (!at || u > at.utility) best.set(row["wF"]!, { id: row["policy"]!, utility: u });
    }
    const values = [...best.keys()];
    const expected: string[] = [];
    for (let k = 1; k < values.length; k++) {
      const a = best.get(values[k - 1]!)!.id;
      const b = best.get(values[k]!)!.id;
      if (a !== b) expected.push(`${a} → ${b} between wF = ${values[k - 1]} and ${values[k]}`);
    }
    expect(expected.length).toBeGreaterThan(0); // this sweep does cross one (KE → GT with seed 1)
    const listed = r()
      .stdout.split("\n")
      .filter((l) => l.includes(" → "))
      .map((l) => l.trim());
    expect(listed).toEqual(expected);
    const html = readFileSync(join(out, "sweep.html"), "utf8");
    for (const line of expected) {
      const [change, between] = line.split(" between ");
      const [a, b] = change!.split(" → ");
      expect(html).toContain(`from ${a} to ${b} between ${between}`);
    }
  });
});

describe("linkage sweep gives the same sweep.csv on any number of threads", () => {
  it("threads 1 and 2, 300 runs a point (two chunks, so the pool is used)", async () => {
    const csv = async (threads: string) => {
      const out = join(dir, `threads-${threads}`);
      const args = ["--vary", "cE=0.2:0.6:2", "--runs", "300", "--seed", "5", "--threads", threads];
      const r = await runCliCapture("sweep", FLAGSHIP, ...args, "--out", out);
      expect(r.code).toBe(0);
      return readFileSync(join(out, "sweep.csv"));
    };
    const one = await csv("1");
    const two = await csv("2");
    expect(two.equals(one)).toBe(true);
  });
  it("three points in flight on one thread: the same bytes as one", async () => {
    const csv = async (inFlight: string) => {
      const out = join(dir, `in-flight-${inFlight}`);
      const args = ["--vary", "cE=0.2:0.6:4", "--runs", "100", "--seed", "5", "--threads", "1"];
      const r = await runCliCapture(
        "sweep",
        FLAGSHIP,
        ...args,
        ...["--points-in-flight", inFlight, "--out", out],
      );
      expect(r.code).toBe(0);
      return readFileSync(join(out, "sweep.csv"));
    };
    expect((await csv("3")).equals(await csv("1"))).toBe(true);
  });
});
