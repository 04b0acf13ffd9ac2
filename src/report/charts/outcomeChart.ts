import * as Plot from "@observablehq/plot";
import type { ScenarioRun } from "../../analysis/runTypes.js";
import { chartFigure, outerHtml, plotDocument } from "./chartFigure.js";
import type { PolicyStyle } from "./policyColors.js";

/** How an end-of-horizon outcome is named and measured in the report. */
export interface OutcomeDescription {
  readonly title: string;
  /** The x-axis label, with its unit. */
  readonly axis: string;
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
    meaning: "the total number of ISKP attacks over the horizon",
  },
  fatalities: {
    title: "Fatalities over the horizon",
    axis: "deaths (total over the horizon)",
    meaning: "the total deaths in ISKP attacks over the horizon",
  },
  evacuatedShare: {
    title: "Share of the backlog evacuated",
    axis: "evacuated share of the initial backlog (%)",
    meaning: "the share of the initial evacuation backlog that had left by the end",
    percent: true,
  },
  alqaedaSuspendedShare: {
    title: "Weeks with al-Qaeda support suspended",
    axis: "share of weeks the Taliban suspend al-Qaeda support (%)",
    meaning: "the share of weeks in which the Taliban suspended their support for al-Qaeda",
    percent: true,
  },
  senderUtility: {
    title: "US payoff",
    axis: "US payoff (sender units per week)",
    meaning:
      "the US payoff, averaged over the weeks (sender units, where full evacuation is worth 1)",
  },
  leverageValue: {
    title: "Leverage value",
    axis: "US payoff minus unconditional support's (sender units per week)",
    meaning:
      "the leverage value: the policy's weekly US payoff minus that of unconditional support in the same run",
  },
};

/** The simulated outcomes in the reports' policy tables: key, column heading, shown as a percentage. */
export const POLICY_TABLE_OUTCOMES: readonly (readonly [string, string, boolean])[] = [
  ["attacks", "attacks (total)", false],
  ["evacuatedShare", "backlog evacuated", true],
  ["alqaedaSuspendedShare", "weeks al-Qaeda suspended", true],
  ["supportWeeks", "weeks of support", false],
  ["escalationWeeks", "weeks of escalation", false],
  ["senderUtility", "US payoff / week", false],
  ["leverageValue", "leverage value / week", false],
];

interface BoxRow {
  readonly policy: string;
  readonly mean: number;
  readonly q05: number;
  readonly q25: number;
  readonly q50: number;
  readonly q75: number;
  readonly q95: number;
}

/**
 * The distribution of one end-of-horizon outcome over the Monte Carlo runs, one row per policy,
 * drawn box-and-whisker style: a thin rule from the 5th to the 95th percentile, a box from the
 * 25th to the 75th, a tick at the median and a dot at the mean, in the policy's colour.
 *
 * @returns a `<figure class="chart" data-chart="outcome-<name>">`, or "" when no policy has the outcome
 */
export function outcomeChart(run: ScenarioRun, outcome: string, style: PolicyStyle): string {
  const rows: BoxRow[] = [];
  for (const policy of style.ids) {
    const o = run.simulation.policies[policy]?.outcomes[outcome];
    if (o) rows.push({ policy, ...o });
  }
  if (rows.length === 0) return "";
  const d: OutcomeDescription = OUTCOMES[outcome] ?? {
    title: outcome,
    axis: `${outcome} (model units)`,
    meaning: `the outcome ${outcome}`,
  };
  const scale = d.percent ? 100 : 1;
  const scaled = rows.map((r) => ({
    policy: r.policy,
    mean: r.mean * scale,
    q05: r.q05 * scale,
    q25: r.q25 * scale,
    q50: r.q50 * scale,
    q75: r.q75 * scale,
    q95: r.q95 * scale,
  }));
  const policies = rows.map((r) => r.policy);
  const svg = Plot.plot({
    document: plotDocument(),
    width: 520,
    height: 56 + 34 * rows.length,
    marginLeft: 44,
    marginRight: 16,
    marginBottom: 40,
    style: { fontSize: "11px" },
    color: { domain: [...style.ids], range: style.ids.map((id) => style.color[id]!) },
    y: { domain: policies, label: null, padding: 0.3 },
    x: { label: d.axis, grid: true, nice: true },
    marks: [
      Plot.ruleY(scaled, { y: "policy", x1: "q05", x2: "q95", stroke: "policy", strokeWidth: 1.5 }),
      Plot.barX(scaled, {
        y: "policy",
        x1: "q25",
        x2: "q75",
        fill: "policy",
        fillOpacity: 0.35,
        stroke: "policy",
      }),
      Plot.tickX(scaled, { y: "policy", x: "q50", stroke: "policy", strokeWidth: 3 }),
      Plot.dot(scaled, { y: "policy", x: "mean", fill: "white", stroke: "#222", r: 3.5 }),
    ],
  });
  return chartFigure({
    name: `outcome-${outcome}`,
    title: d.title,
    caption: `Distribution of ${d.meaning}, over ${run.simulation.runs} simulated runs per policy. The line spans the 5th to 95th percentile, the box the 25th to 75th, the thick tick marks the median and the open dot the mean.`,
    svg: outerHtml(svg),
  });
}
