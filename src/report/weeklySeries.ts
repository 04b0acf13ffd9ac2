import type { ScenarioRun } from "../analysis/ScenarioRun.js";

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
