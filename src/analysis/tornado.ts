import type { Scenario } from "../scenario/Scenario.js";
import { outputTornado } from "./outputTornado.js";
import type { TornadoBar } from "./ScenarioRun.js";
import { sensitivityOutputs } from "./sensitivityOutputs.js";

/**
 * One-at-a-time sensitivity of the one-shot leverage value: each parameter of the one-shot game
 * with a prior is set to the two ends of its prior range, all others at `values`. Bars are sorted
 * by swing |value at high − value at low|, largest first, and carry the best policy at each end.
 * The same as {@link outputTornado} on the "leverageValue" output of `sensitivityOutputs`.
 */
export function tornado(scenario: Scenario, values: Float64Array): TornadoBar[] {
  return [...outputTornado(scenario, values, sensitivityOutputs(scenario)[0]!).bars];
}
