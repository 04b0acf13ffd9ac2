import type { ScenarioRun } from "../analysis/ScenarioRun.js";
import type { TimeStep } from "../scenario/timeStep.js";

/** How an end-of-horizon outcome is named and measured in the report. */
export interface OutcomeDescription {
  readonly title: string;
  /** The x-axis label, with its unit. */
  readonly axis: string;
  /** The unit alone, for the axis of a small panel titled with `title`. */
  readonly unit: string;
  /** What the outcome is, in words, for the caption. */
  readonly meaning: string;
  /** Shown as a percentage (the value is a share in [0, 1]). */
  readonly percent?: boolean;
}

/**
 * The flagship's outcomes (scenarios/kabul-2021.yaml), in the order the report draws them, and
 * how to describe them, in the scenario's step and with the sender's and target's names; other
 * outcomes are described by the scenario's words or generically ({@link reportWords}).
 */
export function builtInOutcomes(
  step: TimeStep,
  sender: string,
  target: string,
  flagship = true,
): Readonly<Record<string, OutcomeDescription>> {
  const Steps = capitalise(step.plural);
  return {
    attacks: {
      title: "Attacks over the horizon",
      axis: "ISKP attacks (total over the horizon)",
      unit: "attacks",
      meaning: "the total number of ISKP attacks over the horizon",
    },
    fatalities: {
      title: "Fatalities over the horizon",
      axis: "deaths (total over the horizon)",
      unit: "deaths",
      meaning: "the total deaths in ISKP attacks over the horizon",
    },
    evacuatedShare: {
      title: "Share of the backlog evacuated",
      axis: "evacuated share of the initial backlog (%)",
      unit: "% of the initial backlog",
      meaning: "the share of the initial evacuation backlog that had left by the end",
      percent: true,
    },
    alqaedaSuspendedShare: {
      title: `${Steps} with al-Qaeda support suspended`,
      axis: `share of ${step.plural} the ${target} suspend al-Qaeda support (%)`,
      unit: `% of ${step.plural}`,
      meaning: `the share of ${step.plural} in which the ${target} suspended their support for al-Qaeda`,
      percent: true,
    },
    senderUtility: {
      title: `${sender} payoff`,
      axis: `${sender} payoff (sender units per ${step.unit})`,
      unit: `sender units per ${step.unit}`,
      meaning: `the ${sender} payoff, averaged over the ${step.plural} (sender units${flagship ? ", where full evacuation is worth 1" : ""})`,
    },
    leverageValue: {
      title: "Leverage value",
      axis: `${sender} payoff minus unconditional support's (sender units per ${step.unit})`,
      unit: `sender units per ${step.unit}`,
      meaning: `the leverage value: the policy's ${step.adjective} ${sender} payoff minus that of unconditional support in the same run`,
    },
  };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The headline outcomes, each compared with the baseline run by run (paired differences), in this order. */
export const HEADLINE_OUTCOMES: readonly string[] = [
  "attacks",
  "fatalities",
  "evacuatedShare",
  "alqaedaSuspendedShare",
  "senderUtility",
];

/**
 * The outcomes compared with the baseline run by run: the flagship's headline outcomes where the
 * run has any, else the outcomes the scenario describes (`described`, in order).
 */
export function headlineOutcomes(
  run: ScenarioRun,
  described: Readonly<Record<string, unknown>>,
): readonly string[] {
  const present = (o: string) =>
    Object.values(run.simulation.policies).some((p) => p.versusBaseline?.[o] !== undefined);
  return HEADLINE_OUTCOMES.some(present) ? HEADLINE_OUTCOMES : Object.keys(described);
}

/**
 * Heavy-tailed counts, summarised by their median and quantiles first (docs/model.md,
 * "Fatalities"): a mean over runs is dominated by a few mass-casualty runs. Shares and payoffs
 * keep the mean first (a probability, and the expected payoff a decision weighs).
 */
export const MEDIAN_FIRST: ReadonlySet<string> = new Set(["attacks", "fatalities"]);

/** The central value a report shows first for an outcome: its median or its mean. */
export function centralValue(
  key: string,
  o: { readonly mean: number; readonly q50: number },
): number {
  return MEDIAN_FIRST.has(key) ? o.q50 : o.mean;
}

/** The simulated outcomes in the reports' policy tables: key, column heading, shown as a percentage. */
export function policyTableOutcomes(
  step: TimeStep,
  sender: string,
): readonly (readonly [string, string, boolean])[] {
  return [
    ["attacks", "attacks (total, median)", false],
    ["fatalities", "deaths (total, median)", false],
    ["evacuatedShare", "backlog evacuated", true],
    ["alqaedaSuspendedShare", `${step.plural} al-Qaeda suspended`, true],
    ["supportWeeks", `${step.plural} of support`, false],
    ["escalationWeeks", `${step.plural} of escalation`, false],
    ["senderUtility", `${sender} payoff / ${step.unit}`, false],
    ["leverageValue", `leverage value / ${step.unit}`, false],
  ];
}
