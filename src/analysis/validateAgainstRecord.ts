import { quantileSorted } from "../math/quantileSorted.js";
import type { ObservationSpec, Scenario } from "../scenario/Scenario.js";
import { simulate } from "../sim/simulate.js";
import type {
  RecordRow,
  RecordValidation,
  RecordVerdict,
  SimulatedStatistic,
} from "./RecordValidation.js";

export interface ValidateAgainstRecordOptions {
  /** Monte Carlo runs, with the parameters fixed and again over the priors. @default 1000 */
  readonly runs?: number;
  /** @default 1 */
  readonly seed?: number;
  /** Parameter values replacing the defaults (id → value), as in `simulate`. */
  readonly overrides?: Readonly<Record<string, number>>;
  /** Worker threads (never changes the numbers). */
  readonly threads?: number;
}

/**
 * Does the model reproduce what happened? Simulates the policy the scenario's `observations`
 * name (the one actually followed) over each observation's window — once with every parameter
 * at its value, once with the parameters drawn from their priors, the same seed for both — and
 * compares each observation's statistic of its output over the runs (the median unless it says
 * the mean), with its 80% (10–90th percentile) and 95% (2.5–97.5th) intervals, with the
 * observed range [low, high]: the verdict is "within" when low ≤ statistic ≤ high, else "above"
 * or "below". Windows shared by several observations are simulated once.
 *
 * @returns null when the scenario has no observations
 * @throws {LinkageError} as `simulate` does (e.g. an explosive attack process at the values)
 * @example (await validateAgainstRecord(kabul)).rows[0].fixed.verdict // => "within"
 */
export async function validateAgainstRecord(
  scenario: Scenario,
  options: ValidateAgainstRecordOptions = {},
): Promise<RecordValidation | null> {
  const record = scenario.observations;
  if (!record || !scenario.dynamics) return null;
  const runs = options.runs ?? 1000;
  const seed = options.seed ?? 1;
  const policy = scenario.policies[record.policy]!;
  const windows = [...new Set(record.items.map((o) => o.window))].sort((a, b) => a - b);
  const common = {
    policies: [policy.id],
    runs,
    seed,
    outcomeValues: true,
    leverage: false,
    ...(options.overrides ? { overrides: options.overrides } : {}),
    ...(options.threads ? { threads: options.threads } : {}),
  };
  const byWindow = new Map<number, { fixed: RunValues; priors: RunValues }>();
  let redrawnRuns = 0;
  for (const weeks of windows) {
    const fixed = await simulate(scenario, { ...common, weeks, fixed: true });
    const priors = await simulate(scenario, { ...common, weeks });
    redrawnRuns = priors.redrawnRuns ?? 0;
    byWindow.set(weeks, {
      fixed: fixed.outcomeValues![policy.id]!,
      priors: priors.outcomeValues![policy.id]!,
    });
  }
  const rows = record.items.map((o): RecordRow => {
    const simulated = byWindow.get(o.window)!;
    return {
      id: o.id,
      label: o.label,
      output: o.output,
      statistic: o.statistic,
      window: o.window,
      observed: { value: o.value, low: o.low, high: o.high },
      unit: o.unit,
      counts: o.counts,
      model: o.model,
      conversion: o.conversion,
      sources: o.sources,
      fixed: compare(simulated.fixed[o.output]!, o),
      priors: compare(simulated.priors[o.output]!, o),
    };
  });
  const cited = [...new Set(rows.flatMap((r) => r.sources))];
  const sources = cited.flatMap((key) => {
    const s = scenario.sources.find((x) => x.key === key);
    return s
      ? [{ key, author: s.author, title: s.title, date: s.date, url: s.url, note: s.note }]
      : [];
  });
  return {
    policy: policy.id,
    policyLabel: policy.label,
    period: record.period,
    runs,
    seed,
    redrawnRuns,
    rows,
    sources,
  };
}

/** Every run's value of each output of the policy. */
type RunValues = Record<string, number[]>;

function compare(values: readonly number[], o: ObservationSpec): SimulatedStatistic {
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  for (const x of sorted) sum += x;
  const central = o.statistic === "mean" ? sum / sorted.length : quantileSorted(sorted, 0.5);
  const q10 = quantileSorted(sorted, 0.1);
  const q90 = quantileSorted(sorted, 0.9);
  const q025 = quantileSorted(sorted, 0.025);
  const q975 = quantileSorted(sorted, 0.975);
  const meets = (lo: number, hi: number) => lo <= o.high && hi >= o.low;
  return {
    central,
    q10,
    q90,
    q025,
    q975,
    verdict: verdictOf(central, o.low, o.high),
    overlaps80: meets(q10, q90),
    overlaps95: meets(q025, q975),
  };
}

function verdictOf(x: number, low: number, high: number): RecordVerdict {
  if (x > high) return "above";
  if (x < low) return "below";
  return "within";
}
