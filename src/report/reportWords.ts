import type { ScenarioRun } from "../analysis/ScenarioRun.js";
import type { OutputWords, Scenario } from "../scenario/Scenario.js";
import { type TimeStep, timeStep } from "../scenario/timeStep.js";
import {
  builtInOutcomes,
  type OutcomeDescription,
  policyTableOutcomes,
} from "./outcomeDescriptions.js";
import { builtInSeries, describeSeries, type SeriesDescription } from "./weeklySeries.js";

/** The words a run's report uses for its step, its actors, its outcomes and its series. */
export interface ReportWords {
  /** The scenario's time step (`dynamics.step`; the week for results written before steps existed). */
  readonly step: TimeStep;
  /** The sender's short name: "US" for "United States" ({@link shortName}). */
  readonly sender: string;
  readonly target: string;
  /** What a sender unit is worth, "full evacuation is worth 1; " for the flagship, else "". */
  readonly senderUnitNote: string;
  /**
   * The outcomes the report draws, in order: the flagship's (described in the scenario's words where
   * it gives them), then every other output the scenario gives a label or a description.
   */
  readonly outcomes: Readonly<Record<string, OutcomeDescription>>;
  /** The policy tables' simulated columns: key, heading, shown as a percentage. */
  readonly policyTable: readonly (readonly [string, string, boolean])[];
  /** Any output described: the scenario's words, the built-in description, or a generic one. */
  outcome(name: string): OutcomeDescription;
  /** Any series described likewise. */
  series(name: string): SeriesDescription;
}

const AGGREGATE_PHRASE = {
  sum: (step: TimeStep) => `total over the ${step.plural}`,
  mean: (step: TimeStep) => `mean over the ${step.plural}`,
  max: (step: TimeStep) => `maximum over the ${step.plural}`,
  final: () => "at the end",
} as const;

/**
 * A name as the report's sentences use it: the initials of a name of two or more capitalised
 * words ("United States" → "US", "International Monetary Fund" → "IMF"), else the name itself.
 */
export function shortName(name: string): string {
  const words = name.trim().split(/\s+/);
  return words.length >= 2 && words.every((w) => /^\p{Lu}/u.test(w))
    ? words.map((w) => w[0]).join("")
    : name;
}

/**
 * The words of a run's report. Without the scenario (a results.json alone) only the step is the
 * run's own; the actors are "sender" and "target".
 */
export function reportWords(run: ScenarioRun, scenario?: Scenario): ReportWords {
  const step = scenario?.dynamics?.step ?? timeStep(run.simulation.step);
  const sender = scenario ? shortName(scenario.sender.name) : "sender";
  const target = scenario ? scenario.target.name : "target";
  const outputs = scenario?.dynamics?.outputs ?? [];
  const outputWords = new Map<string, OutputWords>(outputs.map((o) => [o.name, o]));
  const aggregates = new Map(outputs.map((o) => [o.name, o.aggregate]));
  const seriesWords = new Map<string, OutputWords>(
    (scenario?.dynamics?.series ?? []).map((name, i) => [
      name,
      scenario?.dynamics?.seriesWords[i] ?? {},
    ]),
  );
  // the flagship's payoff scale: full evacuation of the backlog is worth 1 sender unit
  const flagship = Object.values(run.simulation.policies).some(
    (p) => p.outcomes["evacuatedShare"] !== undefined,
  );
  const builtIn = builtInOutcomes(step, sender, target, flagship);
  const series = builtInSeries(step, sender, target);

  const outcome = (name: string): OutcomeDescription => {
    const known = Object.hasOwn(builtIn, name) ? builtIn[name] : undefined;
    const words = outputWords.get(name) ?? {};
    if (words.label === undefined && words.unit === undefined && words.description === undefined) {
      if (known) return known;
    }
    const aggregate = aggregates.get(name);
    const label = words.label ?? known?.title ?? name;
    const phrase = aggregate ? AGGREGATE_PHRASE[aggregate](step) : "over the horizon";
    const unit = words.unit ?? known?.unit ?? "model units";
    return {
      title: label,
      axis: words.unit === undefined && known ? known.axis : `${label} (${unit})`,
      unit,
      meaning: words.description ?? known?.meaning ?? `${label} (${phrase})`,
      ...(known?.percent ? { percent: true } : {}),
    };
  };

  const outcomes: Record<string, OutcomeDescription> = {};
  for (const name of Object.keys(builtIn)) outcomes[name] = outcome(name);
  for (const o of outputs)
    if (!(o.name in outcomes) && (o.label !== undefined || o.description !== undefined))
      outcomes[o.name] = outcome(o.name);

  return {
    step,
    sender,
    target,
    senderUnitNote: flagship ? "full evacuation is worth 1; " : "",
    outcomes,
    policyTable: [
      ...policyTableOutcomes(step, sender),
      ...Object.keys(outcomes)
        .filter((name) => !Object.hasOwn(builtIn, name))
        .map((name) => [name, outcomes[name]!.title, outcomes[name]!.percent === true] as const),
    ],
    outcome,
    series: (name) => describeSeries(name, series, seriesWords.get(name)),
  };
}

/**
 * The outcomes the report names (its appendix): those of `words` that some simulated policy
 * reports, in the order of `words`.
 */
export function simulatedOutcomes(
  run: ScenarioRun,
  words: ReportWords,
): [string, ReportWords["outcomes"][string]][] {
  const present = new Set(
    Object.values(run.simulation.policies).flatMap((p) => Object.keys(p.outcomes)),
  );
  return Object.entries(words.outcomes).filter(([id]) => present.has(id));
}
