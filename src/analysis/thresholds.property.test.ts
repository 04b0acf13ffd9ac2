import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fixedBeliefsFlagship } from "../../test/support/fixedBeliefsFlagship.js";
import type { LeverageGame, LeveragePolicy, LeveragePolicyKind } from "../games/leverageGame.js";
import { concedes } from "../games/targetChoice.js";
import { compileLeverageGame } from "../scenario/compileLeverageGame.js";
import { loadScenario } from "../scenario/loadScenario.js";
import { parameterValues } from "../scenario/parameterValues.js";
import { analyze } from "./analyze.js";
import { closedFormThresholds } from "./closedFormThresholds.js";
import { fixedBeliefs } from "./concessionPayoffs.js";
import { responseThresholds } from "./responseThresholds.js";
import { targetBestResponse } from "./targetBestResponse.js";

const flagship = loadScenario(
  fileURLToPath(new URL("../../scenarios/kabul-2021.yaml", import.meta.url)),
);
/** MODEL.md §2's closed forms hold for the rule with fixed beliefs q_R, q_X. */
const scenario = fixedBeliefsFlagship();
const ranged = scenario.parameters.filter((p) => p.range);
const flagshipRanged = flagship.parameters.filter((p) => p.range);
/** The shipped flagship (equilibrium beliefs), drawn the same way. */
const arbShippedValues = fc
  .tuple(
    ...flagshipRanged.map((p) => fc.double({ min: p.range![0], max: p.range![1], noNaN: true })),
  )
  .map((draw) => Object.fromEntries(flagshipRanged.map((p, i) => [p.id, draw[i]!])));

/** Parameter values drawn uniformly from each prior's range (fast-check, fixed seed). */
const arbFlagshipValues = fc
  .tuple(...ranged.map((p) => fc.double({ min: p.range![0], max: p.range![1], noNaN: true })))
  .map((draw) => Object.fromEntries(ranged.map((p, i) => [p.id, draw[i]!])));

describe("closed-form thresholds against brute-force best responses (flagship, random draws)", () => {
  it("MODEL.md §2's printed conditions decide every response on 1,000 draws", () => {
    fc.assert(
      fc.property(arbFlagshipValues, (overrides) => {
        const { values } = parameterValues(scenario, overrides);
        const game = compileLeverageGame(scenario, values);
        const v = (id: string) => values[scenario.parameters.findIndex((p) => p.id === id)]!;
        const G = v("G0") * (1 - v("sigma_sub"));
        const [alpha, beta, cE] = [v("alpha"), v("beta"), v("cE")];
        for (const policy of game.policies) {
          if (policy.kind !== "conditional" && policy.kind !== "conditional-escalation") continue;
          const Q = v("qR") * G + (policy.kind === "conditional-escalation" ? v("qX") * v("D") : 0);
          game.typeIds.forEach((type, t) => {
            const cA = v(type === "committed" ? "cA_C" : "cA_P");
            // MODEL.md §2, evaluated independently of the library:
            const hidden = cA <= Math.min((beta - alpha) * Q, (1 - alpha) * Q - cE);
            const observable = cE <= Math.max((1 - beta) * Q, (1 - alpha) * Q - cA);
            const choice = targetBestResponse(game, policy, t, fixedBeliefs(game));
            expect(concedes(choice, 1)).toBe(hidden);
            expect(concedes(choice, 0)).toBe(observable);
            // the reported thresholds equal the printed ones wherever the printed ones apply
            const closed = closedFormThresholds(game, policy, t)!;
            const enumerated = responseThresholds(game, policy, t, fixedBeliefs(game));
            expect(closed[1]).toBeCloseTo(enumerated[1]!, 10);
            expect(closed[0]).toBeCloseTo(enumerated[0]!, 10);
            if (cE <= (1 - alpha) * Q)
              expect(enumerated[1]).toBeCloseTo(
                Math.min((beta - alpha) * Q, (1 - alpha) * Q - cE),
                10,
              );
            expect(enumerated[0]).toBeCloseTo(Math.max((1 - beta) * Q, (1 - alpha) * Q - cA), 10);
          });
        }
      }),
      { seed: 20211102, numRuns: 1000 },
    );
  });
});

/** Random CLG-1 games: 1–3 types, 1–4 demands, mixed observability, costs of either sign. */
const arbGame: fc.Arbitrary<LeverageGame> = fc
  .record({ nTypes: fc.integer({ min: 1, max: 3 }), nDemands: fc.integer({ min: 1, max: 4 }) })
  .chain(({ nTypes, nDemands }) => {
    const num = (min: number, max: number) =>
      fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
    const kinds: LeveragePolicyKind[] = [
      "unconditional",
      "withhold",
      "conditional",
      "conditional-escalation",
    ];
    return fc
      .record({
        weights: fc.array(num(0.01, 1), { minLength: nTypes, maxLength: nTypes }),
        costs: fc.array(num(-0.5, 3), {
          minLength: nTypes * nDemands,
          maxLength: nTypes * nDemands,
        }),
        values: fc.array(num(0, 3), { minLength: nDemands, maxLength: nDemands }),
        penalties: fc.array(num(0, 1.5), { minLength: nDemands, maxLength: nDemands }),
        observable: fc.array(fc.boolean(), { minLength: nDemands, maxLength: nDemands }),
        alpha: fc.array(num(0, 0.5), { minLength: nDemands, maxLength: nDemands }),
        beta: fc.array(num(0, 1), { minLength: nDemands, maxLength: nDemands }),
        carrot: num(0, 2),
        supportNet: num(-1, 1),
        qR: num(0, 1),
        qX: num(0, 1),
        policies: fc.array(
          fc.record({
            kind: fc.constantFrom(...kinds),
            conditions: fc.array(fc.boolean(), { minLength: nDemands, maxLength: nDemands }),
            D: num(0, 4),
            benefit: fc.array(num(0, 2), { minLength: nTypes, maxLength: nTypes }),
          }),
          { minLength: 1, maxLength: 4 },
        ),
      })
      .map((g): LeverageGame => {
        const total = g.weights.reduce((a, b) => a + b, 0);
        return {
          typeIds: g.weights.map((_, t) => `t${t}`),
          demandIds: g.values.map((_, j) => `d${j}`),
          typePrior: Float64Array.from(g.weights, (w) => w / total),
          demandCost: Float64Array.from(g.costs),
          demandValue: Float64Array.from(g.values),
          supportPenalty: Float64Array.from(g.penalties),
          observable: g.observable,
          falsePositive: Float64Array.from(g.alpha, (a, j) => (g.observable[j] ? 0 : a)),
          detection: Float64Array.from(g.beta, (b, j) => (g.observable[j] ? 1 : b)),
          carrot: g.carrot,
          supportNet: g.supportNet,
          promiseBelief: g.qR,
          threatBelief: g.qX,
          reputation: 0.5,
          beliefs: "fixed",
          resolutePrior: 0,
          policies: g.policies.map((p, i): LeveragePolicy => {
            const conditional = p.kind === "conditional" || p.kind === "conditional-escalation";
            return {
              id: `p${i}`,
              label: p.kind,
              kind: p.kind,
              conditions: p.conditions.map((c) => conditional && c),
              escalation:
                p.kind === "conditional-escalation"
                  ? {
                      id: "x",
                      costToTarget: p.D,
                      costToSender: 0.5,
                      sideEffects: 0.1,
                      benefit: Float64Array.from(p.benefit),
                    }
                  : null,
            };
          }),
        };
      });
  });

describe("enumerated thresholds on random games of any shape", () => {
  it("each demand is conceded exactly when its cost is at most its threshold, and closed forms agree where they exist", () => {
    fc.assert(
      fc.property(arbGame, (game) => {
        const n = game.demandIds.length;
        for (const policy of game.policies) {
          for (let t = 0; t < game.typeIds.length; t++) {
            const choice = targetBestResponse(game, policy, t, fixedBeliefs(game));
            const thresholds = responseThresholds(game, policy, t, fixedBeliefs(game));
            for (let j = 0; j < n; j++) {
              const cost = game.demandCost[t * n + j]!;
              if (Math.abs(cost - thresholds[j]!) < 1e-9) continue; // a tie: either choice is a best response
              expect(concedes(choice, j)).toBe(cost <= thresholds[j]!);
            }
            const closed = closedFormThresholds(game, policy, t);
            if (closed)
              for (let j = 0; j < n; j++) expect(closed[j]).toBeCloseTo(thresholds[j]!, 10);
          }
        }
      }),
      { seed: 7, numRuns: 1000 },
    );
  });
});

describe("pivots", () => {
  it("every reported pivot really flips the best policy (flagship, random draws)", () => {
    let checked = 0;
    fc.assert(
      fc.property(arbShippedValues, (overrides) => {
        const result = analyze(flagship, { overrides, pivotOptions: { grid: 96 } });
        for (const pivot of result.pivots) {
          // equilibrium regions can be thin (an equilibrium exists only while a follow-through gain keeps its sign): probe close to the pivot
          const step = 1e-12 * Math.max(1, Math.abs(pivot.value)); // the bracket is narrower than this
          const at = (x: number) =>
            analyze(flagship, { overrides: { ...overrides, [pivot.parameter]: x }, pivots: false })
              .bestPolicy;
          expect(pivot.below).not.toBe(pivot.above);
          expect(at(pivot.value - step)).toBe(pivot.below);
          expect(at(pivot.value + step)).toBe(pivot.above);
          checked++;
        }
      }),
      { seed: 42, numRuns: 20 },
    );
    expect(checked).toBeGreaterThan(20); // not vacuous: most draws have several pivots
  });

  it("a finer grid finds the same pivots at the defaults", () => {
    const coarse = analyze(flagship, { pivotOptions: { grid: 64 } }).pivots;
    const fine = analyze(flagship, { pivotOptions: { grid: 4096 } }).pivots;
    expect(coarse.map((p) => [p.parameter, p.below, p.above])).toEqual(
      fine.map((p) => [p.parameter, p.below, p.above]),
    );
    for (const [i, p] of coarse.entries()) expect(p.value).toBeCloseTo(fine[i]!.value, 9);
  });
});
