import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LinkageError } from "../errors/LinkageError.js";
import { generousTitForTatAutomaton } from "./automata/generousTitForTatAutomaton.js";
import { ladderAutomaton } from "./automata/ladderAutomaton.js";
import { punishAutomaton } from "./automata/punishAutomaton.js";
import type { SoftMdp } from "./softValueIteration.js";
import { softValueIteration } from "./softValueIteration.js";
import { buildTargetMdp, type TargetMdp } from "./targetMdp.js";
import { withExecutionNoise } from "./withExecutionNoise.js";

/** Accuracy asked of the soft Bellman equation in these tests. */
const BELLMAN_TOL = 1e-10;

const logistic = (z: number) => 1 / (1 + Math.exp(-z));

/** One observable demand costing `cost` against `automaton`, g_w = 1, d_w = 0.8. */
function oneDemand(automaton = punishAutomaton(1), cost = 0.3): TargetMdp {
  return buildTargetMdp({
    automaton,
    costs: Float64Array.of(cost),
    observable: [true],
    falsePositive: Float64Array.of(0),
    detection: Float64Array.of(1),
    supportValue: 1,
    escalationCost: 0.8,
  });
}

/** The flagship's pragmatic type (c_E 0.3, c_A 0.4, α_w 0.02, β_w 0.2) against `automaton`. */
function pragmatic(automaton = ladderAutomaton()): TargetMdp {
  return buildTargetMdp({
    automaton,
    costs: Float64Array.of(0.3, 0.4),
    observable: [true, false],
    falsePositive: Float64Array.of(0, 0.02),
    detection: Float64Array.of(1, 0.2),
    supportValue: 1,
    escalationCost: 0.8,
  });
}

/** Q recomputed from the definitions in MODEL.md §3, independently of the solver. */
function qFromValues(mdp: SoftMdp, discount: number, values: Float64Array): number[] {
  const { states: M, actions: A } = mdp;
  const q: number[] = [];
  for (let m = 0; m < M; m++) {
    for (let a = 0; a < A; a++) {
      let future = 0;
      for (const v of [0, 1]) {
        const pv = v === 1 ? mdp.pViolation[a]! : 1 - mdp.pViolation[a]!;
        for (let m2 = 0; m2 < M; m2++) {
          future += pv * mdp.transition[(m * 2 + v) * M + m2]! * values[m2]!;
        }
      }
      q.push(mdp.reward[m * A + a]! + discount * future);
    }
  }
  return q;
}

describe("softValueIteration: hand-computed cases", () => {
  it("one state, one demand, δ = 0: π(concede) = logistic(λ·(gain − cost))", () => {
    // conceding gains 1 and costs 0.3 this week; refusing gives 0
    const mdp: SoftMdp = {
      states: 1,
      actions: 2,
      reward: Float64Array.of(0, 1 - 0.3),
      pViolation: Float64Array.of(1, 0),
      transition: Float64Array.of(1, 1),
    };
    for (const lambda of [0.5, 2, 4, 20]) {
      const { policy, values, q } = softValueIteration(mdp, { discount: 0, rationality: lambda });
      expect(policy[1]).toBeCloseTo(logistic(lambda * 0.7), 14);
      expect(policy[0]).toBeCloseTo(1 - logistic(lambda * 0.7), 14);
      expect(values[0]).toBeCloseTo(Math.log(1 + Math.exp(lambda * 0.7)) / lambda, 14);
      expect([...q]).toEqual([0, expect.closeTo(0.7, 15)]);
    }
    expect(softValueIteration(mdp, { discount: 0, rationality: 2 }).policy[1]).toBeCloseTo(
      0.8021838885585818,
      14,
    );
  });

  it("K(1), one observable demand, δ = 0.5, λ = ∞: V = (1.4, 0.7), concede only when supported", () => {
    // by hand: conceding in state 0 keeps support, V0 = 0.7 / (1 − 0.5) = 1.4; in state 1 both
    // choices lead back to 0 so refusing is best, V1 = 0 + 0.5·1.4 = 0.7;
    // check: Q(0, refuse) = 1 + 0.5·0.7 = 1.35 < 1.4
    const r = softValueIteration(oneDemand(), { discount: 0.5, rationality: Infinity });
    expect(r.values[0]).toBeCloseTo(1.4, 14);
    expect(r.values[1]).toBeCloseTo(0.7, 14);
    expect([...r.q]).toEqual([1.35, 1.4, 0.7, 0.4].map((x) => expect.closeTo(x, 14)));
    expect([...r.policy]).toEqual([0, 1, 1, 0]);
  });

  it("K(1), one observable demand, δ = 0.5, λ = 1: the soft values solve a cubic (Cardano)", () => {
    // V1 = 0.5·V0 + ℓ with ℓ = log(1 + e^−0.3);
    // V0 = log(e^{0.7 + 0.5 V0} + e^{1 + 0.5 V1}); with z = e^{V0/4}: z³ = e^{0.7}·z + e^{1 + ℓ/2}
    const ell = Math.log(1 + Math.exp(-0.3));
    const p = -Math.exp(0.7);
    const k = -Math.exp(1 + ell / 2);
    const disc = Math.sqrt((k * k) / 4 + (p * p * p) / 27);
    const z = Math.cbrt(-k / 2 + disc) + Math.cbrt(-k / 2 - disc);
    const v0 = 4 * Math.log(z);
    const v1 = 0.5 * v0 + ell;
    const concede0 = logistic(0.7 + 0.5 * v0 - (1 + 0.5 * v1));

    const r = softValueIteration(oneDemand(), { discount: 0.5, rationality: 1 });
    expect(r.values[0]).toBeCloseTo(v0, 12);
    expect(r.values[1]).toBeCloseTo(v1, 12);
    expect(r.policy[1]).toBeCloseTo(concede0, 12);
    expect(r.policy[3]).toBeCloseTo(logistic(-0.3), 12);
  });
});

describe("softValueIteration: limits in λ", () => {
  const cases: [string, SoftMdp, number][] = [
    ["KE, pragmatic, δ 0.97", pragmatic(), 0.97],
    ["K(3), pragmatic, δ 0.9", pragmatic(punishAutomaton(3)), 0.9],
    ["GT(1/3), pragmatic, δ 0.95", pragmatic(generousTitForTatAutomaton(1 / 3)), 0.95],
    [
      "K(2) with q̂ 0.6, one demand, δ 0.8",
      oneDemand(withExecutionNoise(punishAutomaton(2), 0.6)),
      0.8,
    ],
  ];

  it.each(cases)("λ = 1e4 matches the best response (%s)", (_, mdp, discount) => {
    const best = softValueIteration(mdp, { discount, rationality: Infinity });
    const sharp = softValueIteration(mdp, { discount, rationality: 1e4 });
    for (let k = 0; k < best.policy.length; k++) {
      expect(sharp.policy[k]).toBeCloseTo(best.policy[k]!, 6);
    }
    // V_λ − V_∞ ∈ [0, log A / (λ (1 − δ))]
    for (let m = 0; m < mdp.states; m++) {
      const gap = sharp.values[m]! - best.values[m]!;
      expect(gap).toBeGreaterThanOrEqual(-1e-12);
      expect(gap).toBeLessThanOrEqual(Math.log(mdp.actions) / (1e4 * (1 - discount)) + 1e-12);
    }
  });

  it.each(cases)("λ → 0 tends to the uniform policy (%s)", (_, mdp, discount) => {
    for (const [lambda, tol] of [
      [1e-3, 1e-1],
      [1e-6, 1e-4],
    ] as const) {
      const { policy } = softValueIteration(mdp, { discount, rationality: lambda });
      for (const p of policy) expect(Math.abs(p - 1 / mdp.actions)).toBeLessThan(tol);
    }
  });

  it("λ = ∞ breaks ties towards conceding more, then the lower-index demand", () => {
    // one state, two demands, all four choices worth the same
    const tied: SoftMdp = {
      states: 1,
      actions: 4,
      reward: Float64Array.of(0.5, 0.5, 0.5, 0.5),
      pViolation: Float64Array.of(1, 0, 0, 0),
      transition: Float64Array.of(1, 1),
    };
    expect([...softValueIteration(tied, { discount: 0.9, rationality: Infinity }).policy]).toEqual([
      0, 0, 0, 1,
    ]);
    // masks 1 and 2 tied and best: the one conceding demand 0 wins
    const single = { ...tied, reward: Float64Array.of(0, 0.5, 0.5, 0.2) };
    expect([...softValueIteration(single, { discount: 0, rationality: Infinity }).policy]).toEqual([
      0, 1, 0, 0,
    ]);
  });
});

/** Small random MDPs: M ≤ 6 states, n ≤ 3 demands, arbitrary stochastic transitions. */
const arbMdp = fc
  .record({ states: fc.integer({ min: 1, max: 6 }), demands: fc.integer({ min: 1, max: 3 }) })
  .chain(({ states, demands }) => {
    const actions = 1 << demands;
    const unit = fc.double({ min: 0, max: 1, noNaN: true });
    return fc
      .record({
        reward: fc.array(fc.double({ min: -2, max: 2, noNaN: true }), {
          minLength: states * actions,
          maxLength: states * actions,
        }),
        pViolation: fc.array(unit, { minLength: actions, maxLength: actions }),
        weights: fc.array(unit, { minLength: 2 * states * states, maxLength: 2 * states * states }),
      })
      .map(({ reward, pViolation, weights }): SoftMdp => {
        const transition = new Float64Array(2 * states * states);
        for (let row = 0; row < 2 * states; row++) {
          let sum = 0;
          for (let m2 = 0; m2 < states; m2++) sum += weights[row * states + m2]! + 1e-3;
          for (let m2 = 0; m2 < states; m2++) {
            transition[row * states + m2] = (weights[row * states + m2]! + 1e-3) / sum;
          }
        }
        return {
          states,
          actions,
          reward: Float64Array.from(reward),
          pViolation: Float64Array.from(pViolation),
          transition,
        };
      });
  });

describe("softValueIteration: properties on random MDPs", () => {
  it("V solves the soft Bellman equation to 1e-10 and π sums to 1 in every state", () => {
    fc.assert(
      fc.property(
        arbMdp,
        fc.double({ min: 0, max: 0.995, noNaN: true }),
        fc.oneof(fc.double({ min: 0.5, max: 50, noNaN: true }), fc.constant(Infinity)),
        (mdp, discount, lambda) => {
          const r = softValueIteration(mdp, { discount, rationality: lambda });
          const q = qFromValues(mdp, discount, r.values);
          const A = mdp.actions;
          for (let m = 0; m < mdp.states; m++) {
            const row = q.slice(m * A, (m + 1) * A);
            const max = Math.max(...row);
            const backup =
              lambda === Infinity
                ? max
                : max +
                  Math.log(row.reduce((s, x) => s + Math.exp(lambda * (x - max)), 0)) / lambda;
            expect(Math.abs(r.values[m]! - backup)).toBeLessThan(BELLMAN_TOL);
            let total = 0;
            for (let a = 0; a < A; a++) {
              const p = r.policy[m * A + a]!;
              expect(Math.abs(r.q[m * A + a]! - row[a]!)).toBeLessThan(BELLMAN_TOL);
              expect(p).toBeGreaterThanOrEqual(0);
              if (lambda !== Infinity) {
                const softmax = Math.exp(lambda * (row[a]! - backup));
                expect(Math.abs(p - softmax)).toBeLessThan(1e-9);
              } else if (p > 0) {
                expect(row[a]!).toBeGreaterThanOrEqual(max - 1e-10);
              }
              total += p;
            }
            expect(Math.abs(total - 1)).toBeLessThan(1e-12);
          }
        },
      ),
      { seed: 20211102, numRuns: 400 },
    );
  });

  it("converges in a few Newton steps for M = 10, A = 16, δ = 0.995", () => {
    fc.assert(
      fc.property(
        fc.record({
          reward: fc.array(fc.double({ min: -2, max: 2, noNaN: true }), {
            minLength: 160,
            maxLength: 160,
          }),
          pViolation: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), {
            minLength: 16,
            maxLength: 16,
          }),
          automaton: fc.constantFrom(
            punishAutomaton(9),
            withExecutionNoise(punishAutomaton(9), 0.7),
          ),
        }),
        fc.constantFrom(0.5, 4, 20, Infinity),
        ({ reward, pViolation, automaton }, lambda) => {
          const mdp: SoftMdp = {
            states: 10,
            actions: 16,
            reward: Float64Array.from(reward),
            pViolation: Float64Array.from(pViolation),
            transition: automaton.transition.slice(),
          };
          const r = softValueIteration(mdp, { discount: 0.995, rationality: lambda });
          expect(r.iterations).toBeLessThanOrEqual(30);
        },
      ),
      { seed: 5, numRuns: 100 },
    );
  });
});

describe("softValueIteration: refusals", () => {
  const mdp = oneDemand();
  it.each([
    ["discount 1", { discount: 1, rationality: 1 }],
    ["discount −0.1", { discount: -0.1, rationality: 1 }],
    ["discount NaN", { discount: Number.NaN, rationality: 1 }],
    ["rationality 0", { discount: 0.5, rationality: 0 }],
    ["rationality −1", { discount: 0.5, rationality: -1 }],
    ["rationality NaN", { discount: 0.5, rationality: Number.NaN }],
    ["tolerance 0", { discount: 0.5, rationality: 1, tolerance: 0 }],
    ["maxIterations 0", { discount: 0.5, rationality: 1, maxIterations: 0 }],
  ])("refuses %s with E_DOMAIN", (_, options) => {
    expect(() => softValueIteration(mdp, options)).toThrow(LinkageError);
    try {
      softValueIteration(mdp, options);
    } catch (error) {
      expect((error as LinkageError).code).toBe("E_DOMAIN");
    }
  });

  it("refuses an MDP whose arrays do not match its sizes", () => {
    const broken = { ...mdp, reward: new Float64Array(3) };
    expect(() => softValueIteration(broken, { discount: 0.5, rationality: 1 })).toThrow(
      /length does not match/,
    );
  });
});
