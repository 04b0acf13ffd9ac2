import type { LeverageGame } from "../games/leverageGame.js";
import type { Scenario } from "../scenario/Scenario.js";
import { bestPolicyOf } from "./policyOutcome.js";

/** A value of one parameter at which the sender's best policy changes, others held fixed. */
export interface TippingPoint {
  readonly parameter: string;
  readonly value: number;
  /** Best policy just below `value`. */
  readonly below: string;
  /** Best policy just above `value`. */
  readonly above: string;
}

export interface TippingPointOptions {
  /** Grid intervals scanned over each parameter's prior range before bisection. @default 256 */
  readonly grid?: number;
  /** Bisection stops when the bracket is narrower than this times max(1, |value|). @default 1e-12 */
  readonly tolerance?: number;
}

/**
 * The pivots of a scenario: for each parameter with a prior, every value inside its prior's range
 * where the sender's best policy changes, all other parameters at `values`. Each parameter's
 * range is scanned on a grid, and each change of best policy between neighbouring grid points is
 * located by bisection. Two changes closer together than one grid step (a policy that is best on
 * a sliver narrower than range/grid) can be missed; raise `grid` to resolve them.
 *
 * @param build - compiles the game for a set of parameter values (usually `compileLeverageGame`)
 */
export function findTippingPoints(
  scenario: Scenario,
  values: Float64Array,
  build: (values: Float64Array) => LeverageGame,
  { grid = 256, tolerance = 1e-12 }: TippingPointOptions = {},
): TippingPoint[] {
  const work = Float64Array.from(values);
  const policies = scenario.policies.filter((p) => p.oneShot);
  const pivots: TippingPoint[] = [];
  scenario.parameters.forEach((parameter, index) => {
    if (!parameter.range || !parameter.usedInOneShot) return;
    const [lo, hi] = parameter.range;
    const bestAt = (x: number): number => {
      work[index] = x;
      return bestPolicyOf(build(work));
    };
    let previousX = lo;
    let previousBest = bestAt(lo);
    for (let k = 1; k <= grid; k++) {
      const x = k === grid ? hi : lo + ((hi - lo) * k) / grid;
      const best = bestAt(x);
      if (best !== previousBest) {
        let a = previousX;
        let b = x;
        while (b - a > tolerance * Math.max(1, Math.abs(a), Math.abs(b))) {
          const mid = 0.5 * (a + b);
          if (mid <= a || mid >= b) break;
          if (bestAt(mid) === previousBest) a = mid;
          else b = mid;
        }
        pivots.push({
          parameter: parameter.id,
          value: 0.5 * (a + b),
          below: policies[previousBest]!.id,
          above: policies[bestAt(b)]!.id,
        });
        // a change inside the bracket to a third policy is picked up from b onwards
        previousBest = bestAt(b);
        if (previousBest !== best) k--;
        previousX = b;
        continue;
      }
      previousX = x;
      previousBest = best;
    }
    work[index] = values[index]!;
  });
  return pivots;
}
