import { latinHypercube } from "../math/latinHypercube.js";
import { randomStream } from "../math/randomStream.js";
import { compileLeverageGame } from "../scenario/compileLeverageGame.js";
import type { Scenario } from "../scenario/Scenario.js";
import { writePriorPoint } from "../scenario/writePriorPoint.js";
import { bestPolicyOf } from "./policyOutcome.js";

/** Stream index of the best-policy-share design (distinct from the simulation's streams). */
const SHARE_STREAM = Number.MAX_SAFE_INTEGER - 1;

/**
 * The probability over the priors that each policy is the sender's best in the one-shot game:
 * the share of `draws` Latin-hypercube draws of the one-shot parameters with priors (the others
 * at `values`) in which it is best (ties to the first listed policy). A parameter set by the user
 * (`overrides`, `--set`) is held at its value, as the simulation holds it.
 */
export function bestPolicyShare(
  scenario: Scenario,
  values: Float64Array,
  draws: number,
  seed: number,
  overrides: Readonly<Record<string, number>> = {},
): Record<string, number> {
  const free = scenario.parameters.flatMap((p, i) =>
    p.prior && p.usedInOneShot && !Object.hasOwn(overrides, p.id) ? [i] : [],
  );
  const design = latinHypercube(randomStream(seed, SHARE_STREAM), draws, free.length);
  const policies = scenario.policies.filter((p) => p.oneShot);
  const wins = new Float64Array(policies.length);
  const work = Float64Array.from(values);
  for (let r = 0; r < draws; r++) {
    writePriorPoint(scenario, free, design, r, work);
    wins[bestPolicyOf(compileLeverageGame(scenario, work))]!++;
  }
  return Object.fromEntries(policies.map((p, k) => [p.id, wins[k]! / draws]));
}
