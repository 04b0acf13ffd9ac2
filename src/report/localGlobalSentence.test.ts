import { describe, expect, it } from "vitest";
import type {
  SobolIndex,
  SobolResult,
  TornadoBar,
  TornadoResult,
} from "../analysis/ScenarioRun.js";
import { localGlobalSentence } from "./localGlobalSentence.js";

function bar(parameter: string, swing: number): TornadoBar {
  return {
    parameter,
    label: parameter,
    low: 0,
    high: 1,
    valueAtLow: 1,
    valueAtHigh: 1 + swing,
    bestAtLow: "K",
    bestAtHigh: "K",
  };
}

function index(parameter: string, first: number, total: number): SobolIndex {
  return {
    parameter,
    label: parameter,
    first,
    firstLow: first - 0.02,
    firstHigh: first + 0.02,
    total,
    totalLow: total - 0.02,
    totalHigh: total + 0.02,
    interaction: total - first,
    interactionLow: total - first - 0.03,
    interactionHigh: total - first + 0.03,
    flag: null,
  };
}

function tornado(bars: TornadoBar[]): TornadoResult {
  return { output: "y", description: "output y: a test (units)", label: "y", baseValue: 1, bars };
}

function sobol(indices: SobolIndex[], targetMet = true): SobolResult {
  return {
    output: "y",
    description: "output y: a test (units)",
    baseSamples: 1024,
    bootstrap: 200,
    confidence: 0.95,
    variance: 1,
    indices,
    initialSamples: 1024,
    maxSamples: 1024,
    targetWidth: 0.1,
    targetMet,
    widestInterval: targetMet ? 0.08 : 0.6,
    evaluations: 1024 * (indices.length + 2),
  };
}

describe("localGlobalSentence", () => {
  // a product-like output: a and b matter only together (no swing at the defaults), c and d alone
  const bars = [bar("c", 2), bar("d", 1.5), bar("e", 1), bar("f", 0.5), bar("a", 0), bar("b", 0)];
  const indices = [
    index("a", 0.05, 0.4),
    index("b", 0.04, 0.3),
    index("e", 0.1, 0.12),
    index("f", 0.05, 0.06),
    index("c", 0.04, 0.05),
    index("d", 0.01, 0.02),
  ];

  it("names the parameters that rank differently, with their interactions, from the numbers", () => {
    expect(localGlobalSentence(tornado(bars), sobol(indices))).toBe(
      "Local (tornado) and global (Sobol) rankings of the output y differ: a and b do not move it at all one at a time at the parameters' values (tornado), yet over the priors (Sobol) they rank 1st and 2nd by total index (0.4 and 0.3), of which 0.35 [0.32, 0.38] and 0.26 [0.23, 0.29] are interaction (total − first-order): they matter mostly together with other parameters away from their values; conversely c and d, which swing it among the most locally (2 and 1.5), rank only 5th and 6th of 6 over the priors (total 0.05 and 0.02).",
    );
  });

  it("says when the two rankings agree, with the largest interaction", () => {
    const agree = [
      index("c", 0.5, 0.55),
      index("d", 0.2, 0.22),
      index("e", 0.1, 0.1),
      index("f", 0.05, 0.05),
      index("a", 0, 0),
      index("b", 0, 0),
    ];
    expect(localGlobalSentence(tornado(bars), sobol(agree))).toBe(
      "Local (tornado, one parameter at a time at the parameters' values) and global (Sobol, all parameters over their priors) agree for the output y: c, d and e are among the 3 leading parameters of both rankings, and no leader of one ranks 3 or more places lower in the other; the largest interaction (total − first-order) is 0.05 [0.02, 0.08], for c.",
    );
  });

  it("says how wide the intervals are when the target width was not met", () => {
    expect(localGlobalSentence(tornado(bars), sobol(indices, false))).toMatch(
      /; but the Sobol intervals are up to 0\.6 wide \(target 0\.1, not met at the cap of 1024 base samples\), so the global ranking is tentative\.$/,
    );
  });

  it("is empty for results on different outputs", () => {
    expect(localGlobalSentence({ ...tornado(bars), output: "z" }, sobol(indices))).toBe("");
  });
});
