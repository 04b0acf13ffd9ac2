import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { EventTimes } from "./DatedEvents.js";
import type { HawkesSpec } from "./HawkesModel.js";
import { hawkesLogLikelihood } from "./hawkesLogLikelihood.js";
import { hawkesParameterCount } from "./hawkesParameterLayout.js";
import { hawkesWindowLogLikelihood } from "./hawkesWindowLogLikelihood.js";
import { naiveHawkesLogLikelihood } from "./naiveHawkesLogLikelihood.js";

/** Relative agreement of the recursion with the O(N²) sum (rounding only). */
const RECURSION_TOL = 1e-10;
/** Agreement of the analytic gradient with central differences, relative to the gradient's scale. */
const GRADIENT_TOL = 1e-5;

const constant1: HawkesSpec = { background: { kind: "constant" }, components: 1 };

/** A random spec, event times and parameters inside the model's domain. */
const arbCase = fc
  .record({
    kind: fc.constantFrom("constant", "piecewise", "spline"),
    components: fc.integer({ min: 1, max: 3 }),
    duration: fc.double({ min: 1, max: 50, noNaN: true }),
    cuts: fc.uniqueArray(fc.double({ min: 0.02, max: 0.98, noNaN: true }), {
      minLength: 1,
      maxLength: 3,
    }),
    fractions: fc.array(fc.double({ min: 0, max: 0.999, noNaN: true }), {
      minLength: 0,
      maxLength: 40,
    }),
    background: fc.array(fc.double({ min: 0.05, max: 3, noNaN: true }), {
      minLength: 5,
      maxLength: 5,
    }),
    n: fc.double({ min: 0, max: 0.95, noNaN: true }),
    betas: fc.array(fc.double({ min: 0.1, max: 10, noNaN: true }), { minLength: 3, maxLength: 3 }),
    weights: fc.array(fc.double({ min: 0.05, max: 1, noNaN: true }), {
      minLength: 3,
      maxLength: 3,
    }),
  })
  .map((r) => {
    const cuts = [...r.cuts].sort((a, b) => a - b).map((c) => c * r.duration);
    const spec: HawkesSpec = {
      background:
        r.kind === "constant"
          ? { kind: "constant" }
          : r.kind === "piecewise"
            ? { kind: "piecewise", changePoints: cuts }
            : // knots may start before 0 and end after T
              { kind: "spline", knots: [-0.1 * r.duration, ...cuts, 1.2 * r.duration] },
      components: r.components,
    };
    const events: EventTimes = {
      times: Float64Array.from(r.fractions.map((f) => f * r.duration).sort((a, b) => a - b)),
      duration: r.duration,
    };
    const p = hawkesParameterCount(spec);
    const k = r.components;
    const theta = new Float64Array(p);
    const b = p - 1 - 2 * k;
    for (let j = 0; j < b; j++) theta[j] = r.background[j % 5]!;
    theta[b] = r.n;
    const weightSum = r.weights.slice(0, k).reduce((s, w) => s + w, 0);
    for (let j = 0; j < k; j++) {
      theta[b + 1 + j] = r.betas[j]!;
      theta[b + 1 + k + j] = r.weights[j]! / weightSum;
    }
    return { spec, events, theta };
  });

describe("hawkesLogLikelihood", () => {
  it("matches the worked example (two events, constant background)", () => {
    // log 0.5 + log(0.5 + 0.5/e) − 0.5·3 − 0.5·((1 − e^{−2}) + (1 − e^{−1}))
    const expected =
      Math.log(0.5) +
      Math.log(0.5 + 0.5 * Math.exp(-1)) -
      1.5 -
      0.5 * (2 - Math.exp(-2) - Math.exp(-1));
    const events = { times: Float64Array.of(1, 2), duration: 3 };
    const theta = Float64Array.of(0.5, 0.5, 1, 1);
    expect(hawkesLogLikelihood(events, constant1, theta)).toBeCloseTo(expected, 14);
    expect(naiveHawkesLogLikelihood(events, constant1, theta)).toBeCloseTo(expected, 14);
  });

  it("is the Poisson log-likelihood when n = 0", () => {
    const events = { times: Float64Array.of(0.5, 1, 4), duration: 5 };
    expect(hawkesLogLikelihood(events, constant1, Float64Array.of(0.6, 0, 2, 1))).toBeCloseTo(
      3 * Math.log(0.6) - 3,
      14,
    );
  });

  it("agrees with the naive O(N²) likelihood on random specs, events and parameters (property)", () => {
    fc.assert(
      fc.property(arbCase, ({ spec, events, theta }) => {
        const fast = hawkesLogLikelihood(events, spec, theta);
        const naive = naiveHawkesLogLikelihood(events, spec, theta);
        expect(Math.abs(fast - naive)).toBeLessThan(RECURSION_TOL * (1 + Math.abs(naive)));
      }),
      { seed: 17, numRuns: 300 },
    );
  });

  it("has an analytic gradient that matches central differences (property)", () => {
    fc.assert(
      fc.property(arbCase, ({ spec, events, theta }) => {
        const p = theta.length;
        const gradient = new Float64Array(p);
        hawkesLogLikelihood(events, spec, theta, gradient);
        const scale = 1 + Math.max(...Array.from(gradient, Math.abs));
        for (let j = 0; j < p; j++) {
          const h = 1e-6 * Math.max(1, Math.abs(theta[j]!));
          const up = Float64Array.from(theta);
          const down = Float64Array.from(theta);
          up[j] = theta[j]! + h;
          down[j] = theta[j]! - h;
          const numeric =
            (hawkesLogLikelihood(events, spec, up) - hawkesLogLikelihood(events, spec, down)) /
            (2 * h);
          expect(Math.abs(gradient[j]! - numeric)).toBeLessThan(GRADIENT_TOL * scale);
        }
      }),
      { seed: 23, numRuns: 200 },
    );
  });

  it("is −∞ when an event falls where the intensity is 0", () => {
    const events = { times: Float64Array.of(0.5), duration: 1 };
    expect(hawkesLogLikelihood(events, constant1, Float64Array.of(0, 0.5, 1, 1))).toBe(
      Number.NEGATIVE_INFINITY,
    );
  });
});

describe("hawkesWindowLogLikelihood", () => {
  it("splits the whole likelihood: ℓ[0,T) = ℓ[0,a) + ℓ[a,T) given the history (property)", () => {
    fc.assert(
      fc.property(
        arbCase,
        fc.double({ min: 0, max: 1, noNaN: true }),
        ({ spec, events, theta }, f) => {
          const a = f * events.duration;
          const whole = hawkesLogLikelihood(events, spec, theta);
          const before = hawkesWindowLogLikelihood(events.times, spec, theta, 0, a);
          const after = hawkesWindowLogLikelihood(events.times, spec, theta, a, events.duration);
          expect(Math.abs(before + after - whole)).toBeLessThan(1e-9 * (1 + Math.abs(whole)));
        },
      ),
      { seed: 29, numRuns: 200 },
    );
  });

  it("matches the worked example: the window [2, 3) after events at 1 and 2", () => {
    // λ(2) = 0.5 + 0.5e^{−1}; ∫_2^3 λ = 0.5 + 0.5·(1 + R(2) − R(3)) with R(2) = e^{−1}, R(3) = e^{−1} + e^{−2}
    const expected = Math.log(0.5 + 0.5 * Math.exp(-1)) - 0.5 - 0.5 * (1 - Math.exp(-2));
    const value = hawkesWindowLogLikelihood(
      Float64Array.of(1, 2),
      constant1,
      Float64Array.of(0.5, 0.5, 1, 1),
      2,
      3,
    );
    expect(value).toBeCloseTo(expected, 14);
  });

  it("refuses a parameter vector of the wrong length and a reversed window", () => {
    const times = Float64Array.of(1);
    expect(() =>
      hawkesWindowLogLikelihood(times, constant1, Float64Array.of(1, 0.5, 1), 0, 2),
    ).toThrow(/takes 4/);
    expect(() =>
      hawkesWindowLogLikelihood(times, constant1, Float64Array.of(1, 0.5, 1, 1), 2, 1),
    ).toThrow(/must not end before/);
  });
});
