import * as Plot from "@observablehq/plot";
import type { ScenarioRun } from "../../analysis/runTypes.js";
import { chartFigure, outerHtml, plotDocument, policyLegend } from "./chartFigure.js";
import type { PolicyStyle } from "./policyColors.js";

/** How a weekly series is named and measured in the report. */
export interface SeriesDescription {
  readonly title: string;
  /** The y-axis label, with its unit. */
  readonly axis: string;
  /** What the series is, in words, for the caption. */
  readonly meaning: string;
}

/** The series of the flagship's dynamics, in the order the report shows them; others are described generically. */
export const WEEKLY_SERIES: Readonly<Record<string, SeriesDescription>> = {
  attacks: {
    title: "ISKP attacks per week",
    axis: "attacks per week",
    meaning: "the number of ISKP attacks in the week",
  },
  I: {
    title: "ISKP strength",
    axis: "ISKP fighters",
    meaning: "ISKP's strength in fighters at the end of the week",
  },
  B: {
    title: "Evacuation backlog",
    axis: "people waiting to leave",
    meaning: "the people still waiting to be evacuated at the end of the week",
  },
  A: {
    title: "Al-Qaeda capability",
    axis: "al-Qaeda capability (index, 0–1)",
    meaning: "al-Qaeda's capability on a 0–1 index",
  },
  s: {
    title: "US support level",
    axis: "support (share of full support, 0–1)",
    meaning: "the level of US counterterrorism support given that week, as a share of full support",
  },
  x: {
    title: "Escalation level",
    axis: "escalation (ladder steps)",
    meaning:
      "the US escalation level that week (0 = none; each step adds aid to anti-Taliban groups, then strikes)",
  },
  fatalities: {
    title: "Fatalities per week",
    axis: "deaths per week",
    meaning: "deaths in ISKP attacks in the week",
  },
  Stab: {
    title: "Taliban stability",
    axis: "stability (index, 0–1)",
    meaning: "the Taliban regime's stability on a 0–1 index",
  },
  mu: {
    title: "US belief that the Taliban are committed",
    axis: "P(committed) (probability, 0–1)",
    meaning: "the US posterior probability that the Taliban are committed to al-Qaeda",
  },
};

/** How a series without an entry in `WEEKLY_SERIES` is described. */
export function describeSeries(series: string): SeriesDescription {
  return (
    WEEKLY_SERIES[series] ?? {
      title: `Series ${series}`,
      axis: `${series} (model units)`,
      meaning: `the model quantity ${series}`,
    }
  );
}

/** The weekly series of a run in report order: those of `WEEKLY_SERIES` first, then any other. */
export function seriesOrder(run: ScenarioRun): string[] {
  const present = new Set<string>();
  for (const p of Object.values(run.simulation.policies))
    for (const s of Object.keys(p.weekly)) present.add(s);
  const known = Object.keys(WEEKLY_SERIES).filter((s) => present.has(s));
  return [...known, ...[...present].filter((s) => !known.includes(s))];
}

interface FanRow {
  readonly policy: string;
  readonly week: number;
  readonly mean: number;
  readonly q05: number;
  readonly q50: number;
  readonly q95: number;
}

/**
 * A fan chart of one weekly series: small multiples, one panel per simulated policy on a shared
 * y scale, each with the 5–95% band over the Monte Carlo runs (light), the median (solid line)
 * and the mean (dashed line), in the policy's colour. Week k is the value after k weeks.
 *
 * @returns a `<figure class="chart" data-chart="fan-<series>">`, or "" when no policy has the series
 */
export function fanChart(run: ScenarioRun, series: string, style: PolicyStyle): string {
  const policies = style.ids.filter((id) => run.simulation.policies[id]?.weekly[series]);
  if (policies.length === 0) return "";
  const rows: FanRow[] = [];
  for (const policy of policies) {
    const points = run.simulation.policies[policy]!.weekly[series]!;
    points.forEach((p, i) => {
      if ([p.mean, p.q05, p.q50, p.q95].every(Number.isFinite))
        rows.push({ policy, week: i + 1, mean: p.mean, q05: p.q05, q50: p.q50, q95: p.q95 });
    });
  }
  const d = describeSeries(series);
  const svg = Plot.plot({
    document: plotDocument(),
    width: 1060,
    height: 250,
    marginLeft: 78,
    marginTop: 28,
    marginBottom: 40,
    style: { fontSize: "11px" },
    color: { domain: [...style.ids], range: style.ids.map((id) => style.color[id]!) },
    fx: { domain: policies, label: null, padding: 0.12 },
    x: { label: "week", domain: [1, run.simulation.weeks], ticks: 5 },
    y: {
      label: d.axis,
      labelAnchor: "center",
      grid: true,
      nice: true,
      zero: series !== "mu" && series !== "Stab",
    },
    marks: [
      Plot.frame({ stroke: "#ddd" }),
      Plot.areaY(rows, {
        fx: "policy",
        x: "week",
        y1: "q05",
        y2: "q95",
        fill: "policy",
        fillOpacity: 0.2,
      }),
      Plot.lineY(rows, { fx: "policy", x: "week", y: "q50", stroke: "policy", strokeWidth: 2 }),
      Plot.lineY(rows, {
        fx: "policy",
        x: "week",
        y: "mean",
        stroke: "policy",
        strokeWidth: 1.5,
        strokeDasharray: "4,3",
      }),
    ],
  });
  const weeks = run.simulation.weeks;
  return chartFigure({
    name: `fan-${series}`,
    title: `${d.title}, week by week`,
    caption: `The chart follows ${d.meaning}, week by week, over ${run.simulation.runs} simulated runs per policy with parameters drawn from their priors. Each panel is one policy: the shaded band covers 90% of the runs (5th to 95th percentile), the solid line is the median run and the dashed line the mean, for weeks 1 to ${weeks}.`,
    svg: outerHtml(svg),
    legend: policyLegend(style, policies),
  });
}
