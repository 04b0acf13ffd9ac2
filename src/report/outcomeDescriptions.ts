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

/** The outcomes the report draws, in order, and how to describe them. */
export const OUTCOMES: Readonly<Record<string, OutcomeDescription>> = {
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
    title: "Weeks with al-Qaeda support suspended",
    axis: "share of weeks the Taliban suspend al-Qaeda support (%)",
    unit: "% of weeks",
    meaning: "the share of weeks in which the Taliban suspended their support for al-Qaeda",
    percent: true,
  },
  senderUtility: {
    title: "US payoff",
    axis: "US payoff (sender units per week)",
    unit: "sender units per week",
    meaning:
      "the US payoff, averaged over the weeks (sender units, where full evacuation is worth 1)",
  },
  leverageValue: {
    title: "Leverage value",
    axis: "US payoff minus unconditional support's (sender units per week)",
    unit: "sender units per week",
    meaning:
      "the leverage value: the policy's weekly US payoff minus that of unconditional support in the same run",
  },
};

/** The headline outcomes, each compared with the baseline run by run (paired differences), in this order. */
export const HEADLINE_OUTCOMES: readonly string[] = [
  "attacks",
  "fatalities",
  "evacuatedShare",
  "alqaedaSuspendedShare",
  "senderUtility",
];

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
export const POLICY_TABLE_OUTCOMES: readonly (readonly [string, string, boolean])[] = [
  ["attacks", "attacks (total, median)", false],
  ["fatalities", "deaths (total, median)", false],
  ["evacuatedShare", "backlog evacuated", true],
  ["alqaedaSuspendedShare", "weeks al-Qaeda suspended", true],
  ["supportWeeks", "weeks of support", false],
  ["escalationWeeks", "weeks of escalation", false],
  ["senderUtility", "US payoff / week", false],
  ["leverageValue", "leverage value / week", false],
];
