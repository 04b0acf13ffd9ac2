import { describe, expect, it } from "vitest";
import type { SweepResult } from "../analysis/sweepScenario.js";
import { sweepCsv } from "./sweepCsv.js";

const o = (mean: number) => ({ mean, q05: mean - 1, q50: mean, q95: mean + 1 });

const result: SweepResult = {
  scenario: "s",
  design: "grid",
  ids: ["x"],
  shape: [1],
  held: {},
  seed: 1,
  runs: 10,
  weeks: 1,
  policies: ["U", 'say "no", then'],
  outputs: ["attacks"],
  leverageBaseline: "U",
  redrawnPoints: 0,
  points: [
    {
      values: [0.1 + 0.2],
      best: "U",
      leverage: 0,
      policies: {
        U: { outcomes: { attacks: o(1 / 3) }, leverage: o(0), bestShare: 0.6 },
        'say "no", then': { outcomes: {}, leverage: null, bestShare: null },
      },
    },
  ],
};

describe("sweepCsv", () => {
  const lines = sweepCsv(result).split("\r\n");

  it("names the columns after the parameters, the policy and each output's statistics", () => {
    expect(lines[0]).toBe(
      "x,policy,attacks_mean,attacks_q05,attacks_q50,attacks_q95,leverage,leverage_q05,leverage_q50,leverage_q95,best_share",
    );
  });

  it("writes numbers at full precision, missing values as empty fields, and ends lines in CRLF", () => {
    expect(lines[1]).toBe(
      `0.30000000000000004,U,${1 / 3},${1 / 3 - 1},${1 / 3},${1 / 3 + 1},0,-1,0,1,0.6`,
    );
    expect(lines.at(-1)).toBe("");
  });

  it("quotes a field with a comma or a quote as RFC 4180 says", () => {
    expect(lines[2]).toBe('0.30000000000000004,"say ""no"", then",,,,,,,,,');
  });
});
