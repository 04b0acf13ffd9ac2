import type { ScenarioRun } from "../analysis/ScenarioRun.js";
import type { OutputWords } from "../scenario/Scenario.js";
import type { TimeStep } from "../scenario/timeStep.js";

/** How a series (one value per step) is named and measured in the report. */
export interface SeriesDescription {
  readonly title: string;
  /** The y-axis label, with its unit. */
  readonly axis: string;
  /** What the series is, in words, for the caption. */
  readonly meaning: string;
}

/** The names of the flagship's series (scenarios/kabul-2021.yaml), in the order the report shows them. */
export const FLAGSHIP_SERIES: readonly string[] = [
  "attacks",
  "I",
  "B",
  "A",
  "s",
  "x",
  "fatalities",
  "Stab",
  "mu",
];

/**
 * The flagship's series described in the scenario's step and with the sender's and target's
 * names; others are described by the scenario's words or generically ({@link describeSeries}).
 */
export function builtInSeries(
  step: TimeStep,
  sender: string,
  target: string,
): Readonly<Record<string, SeriesDescription>> {
  const { unit } = step;
  return {
    attacks: {
      title: `ISKP attacks per ${unit}`,
      axis: `attacks per ${unit}`,
      meaning: `the number of ISKP attacks in the ${unit}`,
    },
    I: {
      title: "ISKP strength",
      axis: "ISKP fighters",
      meaning: `ISKP's strength in fighters at the end of the ${unit}`,
    },
    B: {
      title: "Evacuation backlog",
      axis: "people waiting to leave",
      meaning: `the people still waiting to be evacuated at the end of the ${unit}`,
    },
    A: {
      title: "Al-Qaeda capability",
      axis: "al-Qaeda capability (index, 0–1)",
      meaning: "al-Qaeda's capability on a 0–1 index",
    },
    s: {
      title: `${sender} support level`,
      axis: "support (share of full support, 0–1)",
      meaning: `the level of ${sender} counterterrorism support given that ${unit}, as a share of full support`,
    },
    x: {
      title: "Escalation level",
      axis: "escalation (ladder steps)",
      meaning: `the ${sender} escalation level that ${unit} (0 = none; each step adds aid to anti-${target} groups, then strikes)`,
    },
    fatalities: {
      title: `Fatalities per ${unit}`,
      axis: `deaths per ${unit}`,
      meaning: `deaths in ISKP attacks in the ${unit}`,
    },
    Stab: {
      title: `${target} stability`,
      axis: "stability (index, 0–1)",
      meaning: `the ${target} regime's stability on a 0–1 index`,
    },
    mu: {
      title: `${sender} belief that the ${target} are committed`,
      axis: "P(committed) (probability, 0–1)",
      meaning: `the ${sender} posterior probability that the ${target} are committed to al-Qaeda`,
    },
  };
}

/**
 * How a series is described: by the scenario's words where it gives them, else by the flagship's
 * built-in description (`builtIn`, for the flagship's names), else generically.
 */
export function describeSeries(
  series: string,
  builtIn: Readonly<Record<string, SeriesDescription>> = {},
  words: OutputWords = {},
): SeriesDescription {
  const known = Object.hasOwn(builtIn, series) ? builtIn[series] : undefined;
  const title = words.label ?? known?.title ?? `Series ${series}`;
  const unit = words.unit ?? null;
  const meaning = words.description ?? known?.meaning ?? `the model quantity ${series}`;
  if (words.label === undefined && words.unit === undefined && words.description === undefined)
    return known ?? { title, axis: `${series} (model units)`, meaning };
  return {
    title,
    axis:
      unit === null
        ? (known?.axis ?? `${words.label ?? series} (model units)`)
        : `${words.label ?? series} (${unit})`,
    meaning,
  };
}

/** The series of a run in report order: the flagship's first, then any other. */
export function seriesOrder(run: ScenarioRun): string[] {
  const present = new Set<string>();
  for (const p of Object.values(run.simulation.policies))
    for (const s of Object.keys(p.weekly)) present.add(s);
  const known = FLAGSHIP_SERIES.filter((s) => present.has(s));
  return [...known, ...[...present].filter((s) => !known.includes(s))];
}
