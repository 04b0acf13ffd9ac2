import { describe, expect, it } from "vitest";
import { latinHypercube } from "./latinHypercube.js";
import { randomStream } from "./randomStream.js";

/** Standard errors allowed in statistical checks. */
const Z_TOL = 5;

describe("latinHypercube", () => {
  it("puts exactly one value of each column in each stratum", () => {
    for (const [n, d] of [
      [1, 3],
      [2, 1],
      [7, 4],
      [100, 5],
      [1000, 2],
    ] as const) {
      const x = latinHypercube(randomStream(3, n), n, d);
      expect(x.length).toBe(n * d);
      for (let j = 0; j < d; j++) {
        const hits = new Int32Array(n);
        for (let i = 0; i < n; i++) {
          const v = x[i * d + j]!;
          expect(v > 0 && v < 1).toBe(true);
          hits[Math.floor(v * n)]! += 1;
        }
        expect([...hits].every((h) => h === 1)).toBe(true);
      }
    }
  });

  it("is deterministic for a given stream and consumes 2n − 1 uniforms per column", () => {
    const a = latinHypercube(randomStream(9, 0), 50, 3);
    const b = latinHypercube(randomStream(9, 0), 50, 3);
    expect(a).toEqual(b);
    const rng = randomStream(9, 0);
    latinHypercube(rng, 50, 3);
    const reference = randomStream(9, 0);
    for (let i = 0; i < 3 * (2 * 50 - 1); i++) reference.next();
    expect(rng.next()).toBe(reference.next());
  });

  it("gives nearly uncorrelated columns with uniform margins", () => {
    const n = 20_000;
    const x = latinHypercube(randomStream(4, 0), n, 2);
    let sxy = 0;
    let sx = 0;
    for (let i = 0; i < n; i++) {
      sx += x[2 * i]!;
      sxy += (x[2 * i]! - 0.5) * (x[2 * i + 1]! - 0.5);
    }
    // each column's mean is 1/2 up to the within-stratum jitter: |error| ≤ 1/(2n)
    expect(Math.abs(sx / n - 0.5)).toBeLessThan(1 / (2 * n) + 1e-12);
    // correlation of independent permutations ≈ N(0, 1/n)
    expect(Math.abs(sxy / n / (1 / 12))).toBeLessThan(Z_TOL / Math.sqrt(n));
  });

  it("accepts zero dimensions and refuses bad sizes", () => {
    expect(latinHypercube(randomStream(1, 0), 5, 0).length).toBe(0);
    expect(() => latinHypercube(randomStream(1, 0), 0, 2)).toThrow(/positive integer/);
    expect(() => latinHypercube(randomStream(1, 0), 3, 1.5)).toThrow(/non-negative integer/);
  });
});
