/** The unit words a scenario's `dynamics.step` may take. */
export const TIME_STEP_UNITS = ["day", "week", "month", "quarter", "year"] as const;

/** One of `TIME_STEP_UNITS`. */
export type TimeStepUnit = (typeof TIME_STEP_UNITS)[number];

/**
 * The length of one step of the dynamic model and the words the reports use for it.
 * The model itself is unit-free: a step is one round of the sender's policy and the target's
 * choice; the unit only names it (and says how many make a year).
 * @example timeStep("month") // => { unit: "month", plural: "months", adjective: "monthly", perYear: 12 }
 */
export interface TimeStep {
  readonly unit: TimeStepUnit;
  readonly plural: string;
  readonly adjective: string;
  /** Steps in a year (a week: 52, a day: 365). */
  readonly perYear: number;
}

const STEPS: Readonly<Record<TimeStepUnit, TimeStep>> = {
  day: { unit: "day", plural: "days", adjective: "daily", perYear: 365 },
  week: { unit: "week", plural: "weeks", adjective: "weekly", perYear: 52 },
  month: { unit: "month", plural: "months", adjective: "monthly", perYear: 12 },
  quarter: { unit: "quarter", plural: "quarters", adjective: "quarterly", perYear: 4 },
  year: { unit: "year", plural: "years", adjective: "yearly", perYear: 1 },
};

/**
 * The `TimeStep` of a unit word; an unknown or missing word (e.g. a results.json written before
 * steps existed) gives the week.
 * @example timeStep("quarter").adjective // => "quarterly"
 */
export function timeStep(unit: string | undefined): TimeStep {
  return Object.hasOwn(STEPS, unit ?? "") ? STEPS[unit as TimeStepUnit] : STEPS.week;
}

/** "1 month", "36 months". */
export function stepCount(step: TimeStep, n: number): string {
  return `${n} ${n === 1 ? step.unit : step.plural}`;
}

/** "Month by month". */
export function stepByStep(step: TimeStep): string {
  return `${step.unit[0]!.toUpperCase()}${step.unit.slice(1)} by ${step.unit}`;
}
