import { describe, expect, it } from "vitest";
import { LinkageError } from "../errors/LinkageError.js";
import { strategicGameFromTables } from "../games/strategicGameFromTables.js";
import { estimateLogitLambda } from "./estimateLogitLambda.js";
import { logitQreAt } from "./logitQre.js";

const asymmetric = strategicGameFromTables(
  [3, 2],
  [
    [4, 1, 0, 0, 3, 2],
    [1, 2, 3, 3, 0, 1],
  ],
);
const three = strategicGameFromTables(
  [2, 2, 2],
  [
    [3, 0, 1, 2, 0, 2, 4, 1],
    [1, 2, 0, 3, 2, 1, 0, 2],
    [2, 1, 3, 0, 1, 2, 2, 3],
  ],
);

/** Counts per player proportional to the QRE at λ (a large, noise-free sample). */
function countsAt(game: typeof asymmetric, lambda: number, size: number): number[][] {
  const profile = logitQreAt(game, lambda);
  const counts: number[][] = [];
  let offset = 0;
  for (const s of game.strategies) {
    counts.push(
      Array.from(profile.subarray(offset, offset + s.length), (p) => Math.round(size * p)),
    );
    offset += s.length;
  }
  return counts;
}

describe("estimateLogitLambda", () => {
  it("recovers λ from counts generated at a known λ", () => {
    for (const [game, lambda] of [
      [asymmetric, 2],
      [asymmetric, 0.5],
      [three, 2],
    ] as const) {
      const estimate = estimateLogitLambda(game, countsAt(game, lambda, 1e7));
      expect(estimate.lambda).toBeCloseTo(lambda, 4);
      const at = logitQreAt(game, estimate.lambda);
      for (let k = 0; k < at.length; k++) expect(estimate.profile[k]!).toBeCloseTo(at[k]!, 6);
    }
  });

  it("returns the log-likelihood of its profile, which beats nearby λ", () => {
    const counts = countsAt(asymmetric, 2, 1000);
    const estimate = estimateLogitLambda(asymmetric, counts);
    const logLikelihood = (profile: Float64Array) =>
      counts.flat().reduce((sum, c, k) => sum + c * Math.log(profile[k]!), 0);
    expect(estimate.logLikelihood).toBeCloseTo(logLikelihood(estimate.profile), 8);
    for (const lambda of [estimate.lambda * 0.9, estimate.lambda * 1.1]) {
      expect(logLikelihood(logitQreAt(asymmetric, lambda))).toBeLessThan(estimate.logLikelihood);
    }
  });

  it("gives λ = 0 for uniform play and a large λ for play at a strict equilibrium", () => {
    expect(
      estimateLogitLambda(asymmetric, [
        [10, 10, 10],
        [7, 7],
      ]).lambda,
    ).toBeCloseTo(0, 8);
    const pd = strategicGameFromTables(
      [2, 2],
      [
        [3, 5, 0, 1],
        [3, 0, 5, 1],
      ],
    );
    expect(
      estimateLogitLambda(pd, [
        [0, 50],
        [0, 50],
      ]).lambda,
    ).toBeGreaterThan(10);
  });

  it("rejects counts of the wrong shape or sign", () => {
    expect(() => estimateLogitLambda(asymmetric, [[1, 2, 3]])).toThrow(LinkageError);
    expect(() =>
      estimateLogitLambda(asymmetric, [
        [1, 2],
        [3, 4],
      ]),
    ).toThrow(/3 strategies/);
    expect(() =>
      estimateLogitLambda(asymmetric, [
        [1, -2, 3],
        [3, 4],
      ]),
    ).toThrow(/finite/);
    expect(() =>
      estimateLogitLambda(asymmetric, [
        [0, 0, 0],
        [0, 0],
      ]),
    ).toThrow(/zero/);
  });
});
