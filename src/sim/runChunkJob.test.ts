import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseScenario } from "../scenario/parseScenario.js";
import { batchParameters } from "./batchParameters.js";
import { decodeChunkResults, encodeChunkResults } from "./chunkResultWire.js";
import { runChunk } from "./runChunk.js";
import { runChunkJob } from "./runChunkJob.js";
import { scenarioSha256 } from "./SimulationChunkJob.js";

const PATH = "scenarios/kabul-2021.yaml";
const TEXT = readFileSync(new URL(`../../${PATH}`, import.meta.url), "utf8");
const scenario = parseScenario(TEXT, PATH);

/** A job for runs [250, 330) of a 600-run batch under two policies. */
const job = {
  format: 3,
  scenarioText: TEXT,
  scenarioSha256: scenarioSha256(TEXT),
  source: PATH,
  overrides: { sigma_sub: 0.2 },
  policies: [0, 1],
  weeks: 20,
  seed: 7,
  totalRuns: 600,
  firstRun: 250,
  runs: 80,
  fixed: false,
  keepSeries: true,
};

describe("runChunkJob", () => {
  it("rebuilds the chunk exactly as simulate cuts it: same numbers, bit for bit through the wire form", () => {
    const { parameters } = batchParameters(scenario, {
      overrides: job.overrides,
      runs: 600,
      seed: 7,
      fixed: false,
    });
    const n = scenario.parameters.length;
    const local = runChunk({
      scenario,
      policies: [0, 1],
      weeks: 20,
      seed: 7,
      firstRun: 250,
      runs: 80,
      parameters: parameters.slice(250 * n, 330 * n),
      fixed: false,
      keepSeries: true,
    });
    const [remote] = decodeChunkResults(encodeChunkResults(runChunkJob(job)));
    if (!remote) throw new Error("no result decoded");
    expect(remote.firstRun).toBe(250);
    expect(remote.runs).toBe(80);
    for (const key of ["types", "outputs", "seriesSums", "series", "beliefSums"] as const) {
      const a = local[key]!;
      const b = remote[key]!;
      expect(b.constructor).toBe(a.constructor);
      expect(Buffer.from(b.buffer, b.byteOffset, b.byteLength)).toEqual(
        Buffer.from(a.buffer, a.byteOffset, a.byteLength),
      );
    }
  });

  it("a job of several chunks (chunkRuns): one result per chunk, each equal to that chunk's job alone", () => {
    const whole = { ...job, firstRun: 100, runs: 250, chunkRuns: 100, keepSeries: false };
    const results = runChunkJob(whole);
    expect(results.map((r) => [r.firstRun, r.runs])).toEqual([
      [100, 100],
      [200, 100],
      [300, 50],
    ]);
    const wire = (r: Parameters<typeof encodeChunkResults>[0][number]) => encodeChunkResults([r]);
    for (const result of results) {
      const alone = runChunkJob({
        ...job,
        firstRun: result.firstRun,
        runs: result.runs,
        keepSeries: false,
      });
      expect(wire(result)).toEqual(wire(alone[0]!));
    }
    expect(() => runChunkJob({ ...whole, runs: 250, chunkRuns: 0 })).toThrow(/chunkRuns/);
  });

  it("refuses a job whose scenario text was altered after hashing", () => {
    const tampered = { ...job, scenarioText: TEXT.replace("sigma_sub", "sigma_sub ") };
    expect(() => runChunkJob(tampered)).toThrow(/chunk job refused: the scenario text hashes to/);
  });

  it("refuses malformed jobs with every problem named", () => {
    expect(() => runChunkJob({ ...job, runs: 400 })).toThrow(/runs: the chunk's runs/);
    expect(() => runChunkJob({ ...job, seed: -1, weeks: "20" })).toThrow(
      /chunk job refused: .*weeks.*seed|chunk job refused: .*seed.*weeks/,
    );
    expect(() => runChunkJob({ ...job, script: "process.exit(1)" })).toThrow(/chunk job refused/);
    expect(() => runChunkJob(null)).toThrow(/chunk job refused/);
  });

  it("refuses a policy index the scenario lacks, and reports a bad scenario as the CLI does", () => {
    expect(() => runChunkJob({ ...job, policies: [0, 99] })).toThrow(/policy index 99/);
    const bad = "id: x\nname: [unclosed\n";
    expect(() =>
      runChunkJob({ ...job, scenarioText: bad, scenarioSha256: scenarioSha256(bad) }),
    ).toThrow(/kabul-2021\.yaml/);
  });
});
