import { describe, expect, it } from "vitest";
import { LinkageError } from "../errors/LinkageError.js";
import { logGamma } from "./betaQuantile.js";
import { type RandomStream, randomStream } from "./randomStream.js";
import {
  bernoulli,
  binomial,
  lognormal,
  MAX_POISSON_MEAN,
  normal,
  poisson,
  powerlaw,
  SEVERITY_EXACT_EVENTS,
  severity,
  uniform,
} from "./samplers.js";

/**
 * Standard errors allowed between a sample moment and its theoretical value. With about 40
 * such checks at fixed seeds, a correct sampler fails one with probability below 1e-4.
 */
const Z_TOL = 5;

interface Moments {
  mean: number;
  variance: number;
}

function sampleMoments(n: number, draw: () => number): Moments {
  let mean = 0;
  let m2 = 0;
  for (let i = 1; i <= n; i++) {
    const x = draw();
    const d = x - mean;
    mean += d / i;
    m2 += d * (x - mean);
  }
  return { mean, variance: m2 / (n - 1) };
}

/** Checks the sample mean (and variance, when the 4th central moment is given) against theory. */
function expectMoments(
  n: number,
  draw: () => number,
  mean: number,
  variance: number,
  fourthCentral?: number,
): void {
  const m = sampleMoments(n, draw);
  expect(Math.abs(m.mean - mean)).toBeLessThanOrEqual(Z_TOL * Math.sqrt(variance / n));
  if (fourthCentral !== undefined) {
    const seVar = Math.sqrt((fourthCentral - variance * variance) / n);
    expect(Math.abs(m.variance - variance)).toBeLessThanOrEqual(Z_TOL * seVar);
  }
}

/** A stream that counts the uniforms it hands out. */
function counting(rng: RandomStream): RandomStream & { count: number } {
  const c = {
    count: 0,
    next() {
      c.count++;
      return rng.next();
    },
    nextUint32() {
      c.count++;
      return rng.nextUint32();
    },
  };
  return c;
}

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    return e instanceof LinkageError ? e.code : "not a LinkageError";
  }
  return undefined;
}

describe("uniform and bernoulli", () => {
  it("uniform is the stream's next()", () => {
    expect(uniform(randomStream(0, 0))).toBe(randomStream(0, 0).next());
  });
  it.each([0.3, 0.01, 0.5])("bernoulli(%f) has mean p and variance p(1−p)", (p) => {
    const rng = randomStream(10, 0);
    expectMoments(100_000, () => bernoulli(rng, p), p, p * (1 - p));
  });
  it("returns 0/1 and handles p = 0 and 1", () => {
    const rng = randomStream(10, 1);
    for (let i = 0; i < 1000; i++) {
      expect(bernoulli(rng, 0)).toBe(0);
      expect(bernoulli(rng, 1)).toBe(1);
    }
    expect(codeOf(() => bernoulli(rng, 1.5))).toBe("E_DOMAIN");
    expect(codeOf(() => bernoulli(rng, Number.NaN))).toBe("E_DOMAIN");
  });
});

describe("normal and lognormal", () => {
  it("normal(3, 2) has mean 3, variance 4 and kurtosis 3", () => {
    const rng = randomStream(20, 0);
    // μ₄ = 3σ⁴ for the normal
    expectMoments(200_000, () => normal(rng, 3, 2), 3, 4, 3 * 16);
  });
  it("normal is symmetric: P(Z < −1.96) ≈ 0.025", () => {
    const rng = randomStream(20, 1);
    const n = 200_000;
    let below = 0;
    // R: pnorm(-1.959963984540054) = 0.025
    for (let i = 0; i < n; i++) if (normal(rng, 0, 1) < -1.959963984540054) below++;
    expect(Math.abs(below / n - 0.025)).toBeLessThan(Z_TOL * Math.sqrt((0.025 * 0.975) / n));
  });
  it("normal with sd 0 returns the mean", () => {
    expect(normal(randomStream(20, 2), 1.5, 0)).toBe(1.5);
  });
  it("the ziggurat's tails match the normal distribution (P(|Z| > 2), P(|Z| > 3.5) beyond the table's edge)", () => {
    const rng = randomStream(21, 0);
    const n = 2_000_000;
    let beyond2 = 0;
    let beyond35 = 0;
    for (let i = 0; i < n; i++) {
      const z = Math.abs(normal(rng, 0, 1));
      if (z > 2) beyond2++;
      if (z > 3.5) beyond35++;
    }
    // exact: 2·(1 − Φ(2)) = 0.0455003, 2·(1 − Φ(3.5)) = 4.6527e-4; 5 standard errors
    const check = (count: number, p: number) =>
      expect(Math.abs(count / n - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / n));
    check(beyond2, 0.04550026389635842);
    check(beyond35, 4.65258158071e-4);
  });
  it("lognormal(0.2, 0.5) has the lognormal mean and variance", () => {
    const mu = 0.2;
    const s2 = 0.25;
    // raw moments E[Xᵏ] = exp(kμ + k²σ²/2) (Johnson, Kotz & Balakrishnan, eq. 14.8a)
    const raw = (k: number) => Math.exp(k * mu + (k * k * s2) / 2);
    const m1 = raw(1);
    const variance = raw(2) - m1 * m1;
    const mu4 = raw(4) - 4 * raw(3) * m1 + 6 * raw(2) * m1 ** 2 - 3 * m1 ** 4;
    const rng = randomStream(21, 0);
    expectMoments(200_000, () => lognormal(rng, mu, Math.sqrt(s2)), m1, variance, mu4);
  });
  it("refuses negative standard deviations", () => {
    const rng = randomStream(0, 0);
    expect(codeOf(() => normal(rng, 0, -1))).toBe("E_DOMAIN");
    expect(codeOf(() => lognormal(rng, 0, Number.NaN))).toBe("E_DOMAIN");
  });
});

describe("poisson", () => {
  // Poisson: variance λ, fourth central moment λ(1 + 3λ)
  it.each([
    [0.5, 200_000],
    [5, 200_000],
    [29.9, 200_000],
    [30, 200_000],
    [100, 200_000],
    [1e4, 100_000],
  ])("poisson(%f) has mean and variance λ (n = %i)", (lambda, n) => {
    const rng = randomStream(30, Math.round(lambda * 10));
    expectMoments(n, () => poisson(rng, lambda), lambda, lambda, lambda * (1 + 3 * lambda));
  });

  it.each([
    [5, 1],
    [29.9, 2],
    [30, 3],
    [100, 4],
    [1e4, 5],
  ])("poisson(%f) frequencies match the pmf (chi-square)", (lambda, index) => {
    const rng = randomStream(31, index);
    const n = 100_000;
    const counts = new Map<number, number>();
    let allNatural = true;
    for (let i = 0; i < n; i++) {
      const k = poisson(rng, lambda);
      allNatural &&= Number.isInteger(k) && k >= 0;
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    expect(allNatural).toBe(true);
    // cells with expected count ≥ 20; the two tails pooled
    const pmf = (k: number) => Math.exp(-lambda + k * Math.log(lambda) - logGamma(k + 1));
    let k0 = Math.floor(lambda);
    while (k0 > 0 && n * pmf(k0 - 1) >= 20) k0--;
    let k1 = Math.floor(lambda);
    while (n * pmf(k1 + 1) >= 20) k1++;
    let chi2 = 0;
    let cells = 0;
    let pInside = 0;
    let inside = 0;
    for (let k = k0; k <= k1; k++) {
      const e = n * pmf(k);
      const o = counts.get(k) ?? 0;
      chi2 += (o - e) ** 2 / e;
      pInside += pmf(k);
      inside += o;
      cells++;
    }
    const eOut = n * (1 - pInside);
    chi2 += (n - inside - eOut) ** 2 / Math.max(eOut, 1);
    cells++;
    const df = cells - 1;
    expect(chi2).toBeLessThan(df + Z_TOL * Math.sqrt(2 * df));
  });

  it("gives 0 for mean 0 without consuming randomness", () => {
    const rng = counting(randomStream(32, 0));
    expect(poisson(rng, 0)).toBe(0);
    expect(rng.count).toBe(0);
  });

  it("refuses negative, NaN and infinite means with E_DOMAIN", () => {
    const rng = randomStream(32, 1);
    expect(codeOf(() => poisson(rng, -1))).toBe("E_DOMAIN");
    expect(codeOf(() => poisson(rng, Number.NaN))).toBe("E_DOMAIN");
    expect(codeOf(() => poisson(rng, Number.POSITIVE_INFINITY))).toBe("E_DOMAIN");
  });
});

describe("powerlaw", () => {
  it("has mean xmin(α−1)/(α−2) when α > 3 (finite variance)", () => {
    const [xmin, alpha] = [2, 4.5];
    const mean = (xmin * (alpha - 1)) / (alpha - 2);
    const variance = (xmin * xmin * (alpha - 1)) / (alpha - 3) - mean * mean;
    const rng = randomStream(40, 0);
    expectMoments(200_000, () => powerlaw(rng, xmin, alpha), mean, variance);
  });
  it("has tail P(X > x) = (x/xmin)^{1−α} for α = 2.4", () => {
    const [xmin, alpha] = [10, 2.4];
    const rng = randomStream(40, 1);
    const n = 200_000;
    const xs = [10, 15, 30, 100, 1000];
    const above = new Float64Array(xs.length);
    let least = Number.POSITIVE_INFINITY;
    for (let i = 0; i < n; i++) {
      const x = powerlaw(rng, xmin, alpha);
      least = Math.min(least, x);
      for (let j = 0; j < xs.length; j++) if (x > xs[j]!) above[j]! += 1;
    }
    expect(least).toBeGreaterThanOrEqual(xmin);
    for (let j = 0; j < xs.length; j++) {
      const p = (xs[j]! / xmin) ** (1 - alpha);
      expect(Math.abs(above[j]! / n - p)).toBeLessThanOrEqual(
        Z_TOL * Math.sqrt((p * (1 - p)) / n) + 1e-12,
      );
    }
  });
  it("refuses xmin ≤ 0 and α ≤ 1", () => {
    const rng = randomStream(40, 2);
    expect(codeOf(() => powerlaw(rng, 0, 2))).toBe("E_DOMAIN");
    expect(codeOf(() => powerlaw(rng, 1, 1))).toBe("E_DOMAIN");
  });
});

describe("severity", () => {
  it("has mean n·(pmass·E[Pareto] + (1−pmass)·E[lognormal]) and the matching variance", () => {
    const [n, pmass, median, sigma, xmin, alpha] = [3, 0.1, 2, 0.5, 10, 4.5];
    const paretoMean = (xmin * (alpha - 1)) / (alpha - 2);
    const paretoM2 = (xmin * xmin * (alpha - 1)) / (alpha - 3);
    const lnMean = median * Math.exp((sigma * sigma) / 2);
    const lnM2 = median * median * Math.exp(2 * sigma * sigma);
    const eventMean = pmass * paretoMean + (1 - pmass) * lnMean;
    const eventVar = pmass * paretoM2 + (1 - pmass) * lnM2 - eventMean ** 2;
    const rng = randomStream(50, 0);
    expectMoments(
      200_000,
      () => severity(rng, n, pmass, median, sigma, xmin, alpha),
      n * eventMean,
      n * eventVar,
    );
  });
  it("is 0 for n = 0 and a pure lognormal for pmass = 0", () => {
    const rng = randomStream(50, 1);
    expect(severity(rng, 0, 0.05, 2, 1, 10, 2.4)).toBe(0);
    const a = randomStream(50, 2);
    const b = randomStream(50, 2);
    for (let i = 0; i < 100; i++) {
      const s = severity(a, 1, 0, 2, 1, 10, 2.4);
      b.next(); // the mixture choice
      expect(s).toBe(lognormal(b, Math.log(2), 1));
    }
  });
  it("refuses invalid arguments", () => {
    const rng = randomStream(50, 3);
    expect(codeOf(() => severity(rng, 1.5, 0.1, 2, 1, 10, 2.4))).toBe("E_DOMAIN");
    expect(codeOf(() => severity(rng, 1, 1.1, 2, 1, 10, 2.4))).toBe("E_DOMAIN");
    expect(codeOf(() => severity(rng, 1, 0.1, 0, 1, 10, 2.4))).toBe("E_DOMAIN");
    expect(codeOf(() => severity(rng, 1, 0.1, 2, 1, 10, 1))).toBe("E_DOMAIN");
  });
});

describe("severity of many events (bounded cost)", () => {
  it("keeps the exact mean and variance of the routine part past the exact limit (CLT)", () => {
    const [n, median, sigma] = [250_000, 2, 0.8];
    const lnMean = median * Math.exp((sigma * sigma) / 2);
    const lnVar = median * median * Math.exp(sigma * sigma) * Math.expm1(sigma * sigma);
    const rng = randomStream(51, 0);
    expectMoments(20_000, () => severity(rng, n, 0, median, sigma, 10, 2.4), n * lnMean, n * lnVar);
  });
  it("keeps the mean of the heavy part (scaled draws)", () => {
    const [n, pmass, xmin, alpha] = [50_000, 0.5, 10, 4.5];
    const paretoMean = (xmin * (alpha - 1)) / (alpha - 2);
    const paretoVar = (xmin * xmin * (alpha - 1)) / (alpha - 3) - paretoMean ** 2;
    const lnMean = 2 * Math.exp(0.125);
    const rng = randomStream(51, 1);
    // scaling K/1000 inflates the heavy part's variance by K/1000 ≈ 25: allow for it
    const variance = (n * pmass * paretoVar * n * pmass) / SEVERITY_EXACT_EVENTS;
    expectMoments(
      4_000,
      () => severity(rng, n, pmass, 2, 0.5, xmin, alpha),
      n * (pmass * paretoMean + (1 - pmass) * lnMean),
      variance,
    );
  });
  it("returns a finite total at once for a count of 10¹⁵", () => {
    const rng = counting(randomStream(51, 2));
    const s = severity(rng, 1e15, 0.05, 2, 1, 10, 2.4);
    expect(Number.isFinite(s) && s > 0).toBe(true);
    expect(rng.count).toBeLessThan(5 * SEVERITY_EXACT_EVENTS);
  });
  it("draws every event up to the limit, exactly as before", () => {
    const a = randomStream(51, 3);
    const b = randomStream(51, 3);
    const n = SEVERITY_EXACT_EVENTS;
    let expected = 0;
    for (let i = 0; i < n; i++) {
      expected +=
        b.next() < 0.1 ? powerlaw(b, 10, 2.4) : Math.exp(Math.log(2) + 1 * normal(b, 0, 1));
    }
    expect(severity(a, n, 0.1, 2, 1, 10, 2.4)).toBeCloseTo(expected, 6);
  });
});

describe("binomial", () => {
  it.each([
    [40, 0.3],
    [1_000, 0.02],
    [1_000, 0.985],
    [1_000_000, 0.4],
  ])("has mean np and variance np(1 − p) for n = %d, p = %f", (n, p) => {
    const rng = randomStream(52, n);
    const v = n * p * (1 - p);
    expectMoments(100_000, () => binomial(rng, n, p), n * p, v, v * (1 + 3 * v));
  });
  it("gives 0 and n at the ends, and stays in [0, n]", () => {
    const rng = randomStream(52, 1);
    expect(binomial(rng, 10, 0)).toBe(0);
    expect(binomial(rng, 10, 1)).toBe(10);
    expect(binomial(rng, 0, 0.5)).toBe(0);
    for (let i = 0; i < 1000; i++) {
      const k = binomial(rng, 300, 0.5);
      expect(Number.isInteger(k) && k >= 0 && k <= 300).toBe(true);
    }
  });
  it("refuses invalid arguments", () => {
    const rng = randomStream(52, 2);
    expect(codeOf(() => binomial(rng, -1, 0.5))).toBe("E_DOMAIN");
    expect(codeOf(() => binomial(rng, 1.5, 0.5))).toBe("E_DOMAIN");
    expect(codeOf(() => binomial(rng, 10, 1.5))).toBe("E_DOMAIN");
  });
});

describe("poisson's ceiling", () => {
  it("refuses a mean above MAX_POISSON_MEAN and accepts one at it", () => {
    const rng = randomStream(53, 0);
    expect(codeOf(() => poisson(rng, 1e308))).toBe("E_DOMAIN");
    expect(codeOf(() => poisson(rng, MAX_POISSON_MEAN * 1.0001))).toBe("E_DOMAIN");
    expect(Number.isFinite(poisson(rng, MAX_POISSON_MEAN))).toBe(true);
  });
});
