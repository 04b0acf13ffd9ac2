import { compileLeverageGame } from "../scenario/compileLeverageGame.js";
import type { Scenario } from "../scenario/Scenario.js";
import { leverageValue } from "./leverageValue.js";
import type { TornadoBar } from "./ScenarioRun.js";

/**
 * One-at-a-time sensitivity of the one-shot leverage value: each parameter of the one-shot game
 * with a prior is set to the two ends of its prior range, all others at `values`. Bars are sorted
 * by swing |value at high − value at low|, largest first, and carry the best policy at each end.
 */
export function tornado(scenario: Scenario, values: Float64Array): TornadoBar[] {
  const oneShotPolicies = scenario.policies.filter((p) => p.oneShot);
  const work = Float64Array.from(values);
  const at = (index: number, x: number) => {
    work[index] = x;
    const result = leverageValue(compileLeverageGame(scenario, work));
    work[index] = values[index]!;
    return { value: result.value, best: oneShotPolicies[result.best]!.id };
  };
  const bars: TornadoBar[] = [];
  scenario.parameters.forEach((p, i) => {
    if (!p.range || !p.usedInOneShot) return;
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
  });
  return bars.sort(
    (a, b) => Math.abs(b.valueAtHigh - b.valueAtLow) - Math.abs(a.valueAtHigh - a.valueAtLow),
  );
}
