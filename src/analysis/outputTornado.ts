import { compileLeverageGame } from "../scenario/compileLeverageGame.js";
import type { Scenario } from "../scenario/Scenario.js";
import { leverageValue } from "./leverageValue.js";
import type { TornadoBar, TornadoResult } from "./ScenarioRun.js";
import type { SensitivityOutput } from "./sensitivityOutputs.js";

/**
 * One-at-a-time sensitivity of one output: each of the output's parameters is set to the two
 * ends of its prior range (`ParameterSpec.range`: the bounds, or the 0.1% and 99.9% quantiles of
 * an unbounded prior), all others at `values`. Bars are sorted by swing
 * |value at high − value at low|, largest first (ties in scenario order), and carry the sender's
 * best one-shot policy at each end. Costs 2·d + 1 evaluations of the output.
 */
export function outputTornado(
  scenario: Scenario,
  values: Float64Array,
  output: SensitivityOutput,
): TornadoResult {
  const oneShotPolicies = scenario.policies.filter((p) => p.oneShot);
  const work = Float64Array.from(values);
  const at = (index: number, x: number) => {
    work[index] = x;
    const value = output.model(work);
    const best = oneShotPolicies[leverageValue(compileLeverageGame(scenario, work)).best]!.id;
    work[index] = values[index]!;
    return { value, best };
  };
  const bars: TornadoBar[] = [];
  for (const i of output.parameters) {
    const p = scenario.parameters[i]!;
    if (!p.range) continue;
    const [low, high] = p.range;
    const lo = at(i, low);
    const hi = at(i, high);
    bars.push({
      parameter: p.id,
      label: p.label ?? p.id,
      low,
      high,
      valueAtLow: lo.value,
      valueAtHigh: hi.value,
      bestAtLow: lo.best,
      bestAtHigh: hi.best,
    });
  }
  bars.sort(
    (a, b) => Math.abs(b.valueAtHigh - b.valueAtLow) - Math.abs(a.valueAtHigh - a.valueAtLow),
  );
  return {
    output: output.output,
    description: output.description,
    label: output.label,
    baseValue: output.model(Float64Array.from(values)),
    bars,
  };
}
