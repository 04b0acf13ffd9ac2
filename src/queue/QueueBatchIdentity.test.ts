import { describe, expect, it } from "vitest";
import {
  parseQueueBatchIdentity,
  type QueueBatchIdentity,
  queueBatchDifferences,
} from "./QueueBatchIdentity.js";

const sweep: QueueBatchIdentity = {
  version: "0.1.0",
  command: "sweep",
  scenarios: ["a1"],
  settings: { "--vary": "sigma_sub=0:0.3:4", "--runs": "500", "--seed": "5" },
};

describe("a queue batch's identity", () => {
  it("the same work has no differences, whatever the order of the settings", () => {
    const reordered = {
      ...sweep,
      settings: { "--seed": "5", "--runs": "500", "--vary": "sigma_sub=0:0.3:4" },
    };
    expect(queueBatchDifferences(sweep, reordered)).toEqual([]);
  });

  it("names each difference with its values then and now", () => {
    const other: QueueBatchIdentity = {
      version: "0.1.0",
      command: "sweep",
      scenarios: ["b2"],
      settings: { "--vary": "sigma_sub=0:0.3:4", "--runs": "400", "--set": "theta=0.2" },
    };
    expect(queueBatchDifferences(sweep, other)).toEqual([
      "the scenario file's text",
      "--runs (500 then, 400 now)",
      "--seed (5 then, not given now)",
      "--set (not given then, theta=0.2 now)",
    ]);
  });

  it("another command is the one difference told", () => {
    expect(queueBatchDifferences(sweep, { ...sweep, command: "run" })).toEqual([
      "the command (linkage sweep then, linkage run now)",
    ]);
  });

  it("several scenario files: the changed one is numbered; another count is told", () => {
    const run = { version: "0.1.0", command: "run", scenarios: ["a", "b"], settings: {} };
    expect(queueBatchDifferences(run, { ...run, scenarios: ["a", "c"] })).toEqual([
      "the text of scenario file 2",
    ]);
    expect(queueBatchDifferences(run, { ...run, scenarios: ["a"] })).toEqual([
      "the number of scenario files (2 then, 1 now)",
    ]);
  });

  it("another linkage version is the one difference told, naming both versions", () => {
    expect(queueBatchDifferences(sweep, { ...sweep, version: "0.2.0", command: "run" })).toEqual([
      "linkage's version (linkage 0.1.0 then, linkage 0.2.0 now)",
    ]);
    const { version: _, ...older } = sweep;
    const recorded = parseQueueBatchIdentity(JSON.stringify(older));
    expect(queueBatchDifferences(recorded!, sweep)).toEqual([
      "linkage's version (linkage (a version that did not record it) then, linkage 0.1.0 now)",
    ]);
  });

  it("reads back what was recorded, and nothing else", () => {
    expect(parseQueueBatchIdentity(JSON.stringify(sweep))).toEqual(sweep);
    for (const text of [
      "not json",
      "null",
      JSON.stringify({ ...sweep, command: 3 }),
      JSON.stringify({ ...sweep, version: 1 }),
      JSON.stringify({ ...sweep, scenarios: "a1" }),
      JSON.stringify({ ...sweep, settings: { "--runs": 500 } }),
    ]) {
      expect(parseQueueBatchIdentity(text)).toBeNull();
    }
  });
});
