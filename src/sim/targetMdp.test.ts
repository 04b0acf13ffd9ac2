import { describe, expect, it } from "vitest";
import { LinkageError } from "../errors/LinkageError.js";
import { ladderAutomaton } from "./automata/ladderAutomaton.js";
import { punishAutomaton } from "./automata/punishAutomaton.js";
import { buildTargetMdp, type TargetMdpInput } from "./targetMdp.js";
import { withExecutionNoise } from "./withExecutionNoise.js";

/** MODEL.md §3's flagship demands for the pragmatic type: E observable, A hidden. */
const flagship = (overrides: Partial<TargetMdpInput> = {}): TargetMdpInput => ({
  automaton: ladderAutomaton(),
  costs: Float64Array.of(0.3, 0.4),
  observable: [true, false],
  falsePositive: Float64Array.of(0, 0.02),
  detection: Float64Array.of(1, 0.2),
  supportValue: 1,
  escalationCost: 0.8,
  ...overrides,
});

describe("buildTargetMdp", () => {
  it("enumerates the 2^n demand choices as bit masks", () => {
    const mdp = buildTargetMdp(flagship());
    expect(mdp.states).toBe(4);
    expect(mdp.actions).toBe(4);
  });

  it("P(violation): 1 if the observable demand is unmet, else α_w or β_w", () => {
    const { pViolation } = buildTargetMdp(flagship());
    // masks: 0 = nothing, 1 = evacuation only, 2 = al-Qaeda only, 3 = both
    expect([...pViolation]).toEqual([1, expect.closeTo(0.2, 15), 1, expect.closeTo(0.02, 15)]);
  });

  it("combines independent hidden signals: 1 − Π (a_j ? 1 − α_j : 1 − β_j)", () => {
    const { pViolation } = buildTargetMdp(
      flagship({
        costs: Float64Array.of(0.1, 0.2, 0.3),
        observable: [false, true, false],
        falsePositive: Float64Array.of(0.1, Number.NaN, 0.05),
        detection: Float64Array.of(0.5, Number.NaN, 0.4),
      }),
    );
    expect(pViolation[0b010]).toBeCloseTo(1 - 0.5 * 0.6, 15);
    expect(pViolation[0b011]).toBeCloseTo(1 - 0.9 * 0.6, 15);
    expect(pViolation[0b110]).toBeCloseTo(1 - 0.5 * 0.95, 15);
    expect(pViolation[0b111]).toBeCloseTo(1 - 0.9 * 0.95, 15);
    for (const unmet of [0b000, 0b001, 0b100, 0b101]) expect(pViolation[unmet]).toBe(1);
  });

  it("weekly flow u(m, a) = −Σ c_j a_j + g_w s(m) − d_w x(m)", () => {
    const { reward } = buildTargetMdp(flagship());
    const expected = [
      [1, 0.7, 0.6, 0.3], // m = 0: support
      [0, -0.3, -0.4, -0.7], // m = 1: withhold
      [-0.8, -1.1, -1.2, -1.5], // m = 2: x = 1
      [-1.6, -1.9, -2, -2.3], // m = 3: x = 2
    ].flat();
    for (const [k, u] of expected.entries()) expect(reward[k]).toBeCloseTo(u, 14);
  });

  it("copies the believed automaton's transition table (with q̂ applied by the caller)", () => {
    const believed = withExecutionNoise(punishAutomaton(2), 0.5);
    const mdp = buildTargetMdp(flagship({ automaton: believed }));
    expect(mdp.transition).toStrictEqual(believed.transition);
    expect(mdp.transition).not.toBe(believed.transition);
  });

  it.each([
    ["no demands", { costs: new Float64Array(0), observable: [] }],
    ["mismatched lengths", { observable: [true] }],
    ["a hidden α outside [0, 1]", { falsePositive: Float64Array.of(0, 1.2) }],
    ["a hidden β outside [0, 1]", { detection: Float64Array.of(0, Number.NaN) }],
    ["a non-finite cost", { costs: Float64Array.of(0.3, Number.POSITIVE_INFINITY) }],
    ["a non-finite g_w", { supportValue: Number.NaN }],
    ["too many demands", { costs: new Float64Array(17) }],
  ])("refuses %s with E_DOMAIN", (_, overrides) => {
    expect(() => buildTargetMdp(flagship(overrides))).toThrow(LinkageError);
  });

  it("watches only the demands the policy conditions on: an unwatched demand never signals a violation", () => {
    // watch the hidden al-Qaeda demand only: an unmet evacuation is no violation
    const { pViolation } = buildTargetMdp(flagship({ watched: [false, true] }));
    expect([...pViolation]).toEqual([
      expect.closeTo(0.2, 15),
      expect.closeTo(0.2, 15),
      expect.closeTo(0.02, 15),
      expect.closeTo(0.02, 15),
    ]);
    const none = buildTargetMdp(flagship({ watched: [false, false] }));
    expect([...none.pViolation]).toEqual([0, 0, 0, 0]);
  });

  it("per-demand payment: the support paid is s(m) times E[share of watched demands seen met | a]", () => {
    const mdp = buildTargetMdp(
      flagship({ automaton: punishAutomaton(1), payment: "per-demand", substitution: 0.25 }),
    );
    // E[share]: evacuation observable (a_0), al-Qaeda seen met with 1 − β if not conceded, 1 − α if conceded
    const share = [(0 + 0.8) / 2, (1 + 0.8) / 2, (0 + 0.98) / 2, (1 + 0.98) / 2];
    share.forEach((sh, a) => {
      expect(mdp.supportShare[a]).toBeCloseTo(sh, 14);
    });
    // state 0 supports: u = g·(sh + σ(1 − sh)) − cost; state 1 withholds: u = g·σ − cost
    const cost = [0, 0.3, 0.4, 0.7];
    share.forEach((sh, a) => {
      expect(mdp.reward[a]).toBeCloseTo(sh + 0.25 * (1 - sh) - cost[a]!, 14);
      expect(mdp.reward[4 + a]).toBeCloseTo(0.25 - cost[a]!, 14);
    });
    // whole payment is the special case share = 1
    expect([...buildTargetMdp(flagship()).supportShare]).toEqual([1, 1, 1, 1]);
  });

  it("refuses per-demand payment with no watched demand, and a watched list of the wrong length", () => {
    expect(() =>
      buildTargetMdp(flagship({ payment: "per-demand", watched: [false, false] })),
    ).toThrow(/per-demand payment needs at least one watched demand/);
    expect(() => buildTargetMdp(flagship({ watched: [true] }))).toThrow(LinkageError);
  });
});
