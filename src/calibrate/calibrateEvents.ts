import { LinkageError } from "../errors/LinkageError.js";
import { randomStream } from "../math/randomStream.js";
import type { Scenario } from "../scenario/Scenario.js";
import { binnedCounts } from "./binnedCounts.js";
import type {
  CalibratedParameter,
  CalibrationResult,
  CountCalibration,
  ModelScore,
} from "./CalibrationResult.js";
import { continuousCalibration } from "./continuousCalibration.js";
import { countHawkesRollingOrigin } from "./countHawkesRollingOrigin.js";
import { countPitResiduals } from "./countPitResiduals.js";
import type { DatedEvents } from "./DatedEvents.js";
import { dayIndex } from "./dayIndex.js";
import { fitCountHawkes, type ParameterEstimate } from "./fitCountHawkes.js";
import { isoDateOfDayNumber } from "./isoDateOfDayNumber.js";
import { isoDayNumber } from "./isoDayNumber.js";
import { modelScore } from "./modelScore.js";
import { poissonCountsFit } from "./poissonCountsFit.js";
import { poissonCountsRollingOrigin } from "./poissonCountsRollingOrigin.js";
import type { RollingOriginScore } from "./RollingOriginScore.js";
import { residualChecks } from "./residualChecks.js";
import { rollingOriginBoundaries } from "./rollingOriginBoundaries.js";
import { scenarioAttackProcess } from "./scenarioAttackProcess.js";

export interface CalibrateOptions {
  /** Dates (ISO) where the background rate may jump, e.g. the fall of Kabul, 2021-08-15. */
  readonly changePoints?: readonly string[];
  /** `jitter` (continuous times within each day, seeded) or `discrete-day` (daily counts). @default "jitter" */
  readonly time?: "jitter" | "discrete-day";
  /** Seed of the jitter, the fits' starting points and the PIT residuals. @default 1 */
  readonly seed?: number;
  /** Starting points of each maximisation. @default 10 */
  readonly starts?: number;
  /** Rolling-origin folds. @default 4 */
  readonly folds?: number;
  /** The scenario parameter the background maps onto (default: the one found). */
  readonly backgroundParameter?: string;
  /** The date written into the parameters' `source` (the caller's clock; none in tests). */
  readonly date?: string;
  /** Exponentials in the continuous fit's kernel (1: the exponential kernel). @default 1 */
  readonly kernelComponents?: number;
  /**
   * The continuous fit's background: constant, piecewise on the change points, or a linear
   * spline on evenly spaced knots. @default "piecewise" with change points, else "constant"
   */
  readonly background?: "constant" | "piecewise" | "spline";
  /** Knots of a spline background (≥ 2). @default 4 */
  readonly splineKnots?: number;
}

const LEVEL = 0.95;

/**
 * `linkage calibrate`'s work, file reading aside: the weekly count Hawkes fit of the events (and
 * the daily one with `discrete-day`), its residual checks and its comparison with Poisson
 * baselines in and out of sample, and the scenario's attack parameters as the fit would set
 * them (docs/calibration.md).
 *
 * @throws {LinkageError} E_INPUT for a change point outside the window; E_SCENARIO when the
 * scenario has no attack process to map onto; E_DOMAIN when the series cannot be fitted
 */
export function calibrateEvents(
  events: DatedEvents,
  scenario: Scenario,
  options: CalibrateOptions = {},
): CalibrationResult {
  const seed = options.seed ?? 1;
  const time = options.time ?? "jitter";
  const process = scenarioAttackProcess(scenario, options.backgroundParameter);
  const changePoints = (options.changePoints ?? []).map((date) => {
    const day = dayIndex(events, date);
    if (!(day > 0 && day < events.dayCount)) {
      throw new LinkageError(
        "E_INPUT",
        `--change-point ${date}: outside the window ${events.origin} … ${windowEnd(events)} (it must fall after its first day)`,
      );
    }
    return { date, day };
  });
  changePoints.sort((a, b) => a.day - b.day);
  const weekly = countCalibration(events, 7, changePoints, options, seed);
  const daily =
    time === "discrete-day" ? countCalibration(events, 1, changePoints, options, seed) : null;
  const continuous =
    time === "jitter"
      ? continuousCalibration(
          events,
          changePoints.map((c) => c.day),
          {
            seed,
            starts: options.starts ?? 10,
            folds: options.folds ?? 4,
            components: options.kernelComponents ?? 1,
            background: options.background ?? (changePoints.length > 0 ? "piecewise" : "constant"),
            splineKnots: options.splineKnots ?? 4,
          },
        )
      : null;
  let total = 0;
  let fatalities = 0;
  let anyFatalities = false;
  for (let i = 0; i < events.count.length; i++) {
    total += events.count[i]!;
    if (!Number.isNaN(events.fatalities[i]!)) {
      fatalities += events.fatalities[i]!;
      anyFatalities = true;
    }
  }
  const parameters = scenarioParameters(scenario, process, weekly, events, changePoints, options);
  const result: Omit<CalibrationResult, "verdict"> = {
    data: {
      provenance: events.provenance,
      origin: events.origin,
      dayCount: events.dayCount,
      end: windowEnd(events),
      events: total,
      fatalities: anyFatalities ? fatalities : null,
      changePoints,
      time,
      seed,
    },
    weekly,
    daily,
    continuous,
    scenario: { file: scenario.source, process, parameters },
  };
  return { ...result, verdict: calibrationVerdict(result) };
}

function windowEnd(events: DatedEvents): string {
  return isoDateOfDayNumber(isoDayNumber(events.origin)! + events.dayCount - 1);
}

/** The count Hawkes fit at one step length, with its residual checks and model comparison. */
function countCalibration(
  events: DatedEvents,
  stepDays: number,
  changePoints: readonly { readonly date: string; readonly day: number }[],
  options: CalibrateOptions,
  seed: number,
): CountCalibration {
  const counts = binnedCounts(events, stepDays);
  const steps = counts.length;
  const folds = options.folds ?? 4;
  // the first fit sees half the steps; each fold then adds at least one step
  const needed = Math.max(2 * folds + 2, 8);
  if (steps < needed) {
    const unit = stepDays === 7 ? "week" : "day";
    throw new LinkageError(
      "E_INPUT",
      `${events.provenance.file}: the window ${events.origin} … ${windowEnd(events)} has ${steps} whole ${unit}s; the ${unit}ly fit with ${folds} rolling-origin folds needs at least ${needed}: give a longer window or fewer --folds`,
    );
  }
  // a change point starts the step it falls in (rounded to the nearest step boundary)
  const starts = [0];
  for (const c of changePoints) {
    const step = Math.round(c.day / stepDays);
    if (step > starts[starts.length - 1]! && step < steps) starts.push(step);
  }
  const fitOptions = { starts: options.starts ?? 10, seed, level: LEVEL };
  const fit = fitCountHawkes({ counts, segmentStarts: starts }, fitOptions);
  const pit = countPitResiduals(counts, fit.fittedMeans, randomStream(seed, 7));
  let cumulative = 0;
  const compensator = Float64Array.from(pit, (u) => {
    cumulative += -Math.log1p(-u);
    return cumulative;
  });
  const boundaries = rollingOriginBoundaries(steps, { folds });
  const models: ModelScore[] = [];
  const score = (model: string, fit: Parameters<typeof modelScore>[1], oos: RollingOriginScore) =>
    models.push(modelScore(model, fit, steps, oos));

  score("Hawkes", fit, countHawkesRollingOrigin(counts, starts, boundaries, fitOptions));
  const constant = poissonCountsFit(counts);
  score("Poisson, constant", constant, poissonCountsRollingOrigin(counts, [0], boundaries));
  if (starts.length > 1) {
    const piecewise = poissonCountsFit(counts, starts);
    score("Poisson, piecewise", piecewise, poissonCountsRollingOrigin(counts, starts, boundaries));
  }
  return {
    stepDays,
    steps,
    events: fit.events,
    segmentStarts: starts,
    counts: [...counts],
    fittedMeans: [...fit.fittedMeans],
    background: [...fit.background],
    branchingRatio: fit.branchingRatio,
    decay: fit.decay,
    converged: fit.converged,
    residuals: residualChecks(compensator),
    models,
  };
}

/** Four significant figures: what the written scenario carries. */
function round4(value: number): number {
  return Number(value.toPrecision(4));
}

/** The scenario's n_H, τ and background as the weekly fit sets them. */
function scenarioParameters(
  scenario: Scenario,
  process: ReturnType<typeof scenarioAttackProcess>,
  weekly: CountCalibration,
  events: DatedEvents,
  changePoints: readonly { readonly date: string }[],
  options: CalibrateOptions,
): CalibratedParameter[] {
  const p = events.provenance;
  const what = [
    `${p.format === "GED" ? "UCDP GED" : "event table"} ${p.file}`,
    p.filters.length > 0 ? `filters ${p.filters.join(", ")}` : "no filters",
    `window ${events.origin} … ${windowEnd(events)}`,
    `${weekly.events} events`,
    changePoints.length > 0
      ? `background change points ${changePoints.map((c) => c.date).join(", ")}`
      : null,
  ]
    .filter((s) => s !== null)
    .join("; ");
  const source = (estimate: string) =>
    `linkage calibrate${options.date ? ` on ${options.date}` : ""}: weekly Hawkes fit (${estimate}) to ${what}`;
  const z = 1.959963984540054;
  const parameter = (id: string) => scenario.parameters.find((q) => q.id === id)!;
  const entry = (
    id: string,
    estimate: ParameterEstimate,
    scale: number,
    prior: (value: number) => CalibratedParameter["prior"],
    description: string,
  ): CalibratedParameter => {
    const spec = parameter(id);
    const base = { id, label: spec.label, was: spec.value };
    if (!Number.isFinite(estimate.lower) || !Number.isFinite(estimate.upper)) {
      return {
        ...base,
        value: null,
        lower: null,
        upper: null,
        prior: null,
        source: spec.source ?? "",
        note: `left as it was: the estimate ${round4(estimate.estimate / scale)} sits on the edge of the search range, where no interval exists`,
      };
    }
    const value = round4(estimate.estimate / scale);
    return {
      ...base,
      value,
      lower: round4(estimate.lower / scale),
      upper: round4(estimate.upper / scale),
      prior: prior(value),
      source: source(description),
      note: null,
    };
  };
  const n = weekly.branchingRatio;
  const tau = weekly.decay;
  const mu = weekly.background[weekly.background.length - 1]!;
  const logSd = (e: ParameterEstimate) => Math.log(e.upper / e.lower) / (2 * z);
  return [
    entry(
      process.branching,
      n,
      1,
      (value) => ({
        dist: "normal",
        mean: value,
        sd: round4((n.upper - n.lower) / (2 * z)),
        min: 0,
        max: 0.99,
      }),
      `branching ratio ${round4(n.estimate)}, 95% profile interval ${round4(n.lower)}–${round4(n.upper)}`,
    ),
    entry(
      process.decay,
      tau,
      1,
      // an interval that runs to the edge says only "at most so long": a uniform prior over it
      (value) =>
        tau.atBound
          ? { dist: "uniform", min: round4(tau.lower), max: round4(tau.upper) }
          : { dist: "lognormal", meanlog: round4(Math.log(value)), sdlog: round4(logSd(tau)) },
      `decay ${round4(tau.estimate)} weeks, 95% profile interval ${round4(tau.lower)}–${round4(tau.upper)}${tau.atBound ? " (to the edge of the search range)" : ""}`,
    ),
    entry(
      process.background,
      mu,
      process.backgroundScale,
      (value) => ({
        dist: "lognormal",
        meanlog: round4(Math.log(value)),
        sdlog: round4(logSd(mu)),
      }),
      `background ${round4(mu.estimate)} a week${weekly.background.length > 1 ? " in the last segment" : ""}, 95% interval ${round4(mu.lower)}–${round4(mu.upper)}, divided by the scenario's week-0 multiplier ${round4(process.backgroundScale)}`,
    ),
  ];
}

/** The findings in sentences: the estimates, the comparison, the residuals, the scenario. */
function calibrationVerdict(result: Omit<CalibrationResult, "verdict">): string[] {
  const w = result.weekly;
  const f = (v: number) => String(round4(v));
  const interval = (e: ParameterEstimate) =>
    e.atBound === "lower"
      ? `${f(e.estimate)} [95%: at most ${f(e.upper)}]`
      : e.atBound === "upper"
        ? `${f(e.estimate)} [95%: at least ${f(e.lower)}]`
        : `${f(e.estimate)} [95%: ${f(e.lower)}, ${f(e.upper)}]`;
  const out: string[] = [];
  out.push(
    `${result.data.events} events from ${result.data.origin} to ${result.data.end} (${w.steps} whole weeks): branching ratio ${interval(w.branchingRatio)}, decay ${interval(w.decay)} weeks, background ${w.background.map(interval).join(" then ")} events a week.`,
  );
  const hawkes = w.models[0]!;
  const best = w.models.slice(1).reduce((a, b) => (b.aic < a.aic ? b : a));
  const aicGap = best.aic - hawkes.aic;
  const oos = hawkes.outOfSample.mean - best.outOfSample.mean;
  out.push(
    aicGap > 2
      ? `Self-excitation is supported: the Hawkes model's AIC is ${f(aicGap)} below the best Poisson baseline's (${best.model}; BIC ${f(best.bic - hawkes.bic)} below), and out of sample it scores ${f(oos)} log-likelihood per event ${oos >= 0 ? "better" : "worse"}.`
      : `The data do not clearly need self-excitation: the Hawkes model's AIC is only ${f(aicGap)} below the best Poisson baseline's (${best.model}); out of sample it scores ${f(oos)} per event ${oos >= 0 ? "better" : "worse"}.`,
  );
  const { ks, ljungBox } = w.residuals;
  out.push(
    ks.pValue >= 0.05 && ljungBox.pValue >= 0.05
      ? `The residuals show no misfit: Kolmogorov–Smirnov p = ${f(ks.pValue)}, Ljung–Box p = ${f(ljungBox.pValue)} (${ljungBox.lags} lags).`
      : `The residuals show misfit (Kolmogorov–Smirnov p = ${f(ks.pValue)}, Ljung–Box p = ${f(ljungBox.pValue)}): ${ks.pValue < 0.05 ? "the counts' spread is not the model's" : "what remains is autocorrelated"}; read the estimates with care.`,
  );
  if (w.decay.upper < 1) {
    const d = result.daily;
    out.push(
      `The excitation dies out within a week (decay at most ${f(w.decay.upper)} weeks): the weekly model puts all of it into the following week, and excitation within the same week looks like background, so the weekly branching ratio understates the finer-scale one${d ? ` (daily counts: branching ratio ${interval(d.branchingRatio)}, decay ${interval(d.decay)} days)` : " (the continuous-time fit below shows the finer scale)"}. The weekly numbers are the ones that reproduce weekly counts in the simulation.`,
    );
  }
  const c = result.continuous;
  if (c) {
    const tau = c.estimates.filter((e) => e.name.startsWith("tau"));
    const cHawkes = c.models[0]!;
    const cBest = c.models.slice(1).reduce((a, b) => (b.aic < a.aic ? b : a));
    const range = (e: { lower: number; upper: number }) =>
      Number.isFinite(e.lower) && Number.isFinite(e.upper)
        ? `[95%: ${f(e.lower)}, ${f(e.upper)}]`
        : "(no interval: the estimate is on the edge of its range or not identified)";
    out.push(
      `In continuous time (each day's events spread uniformly within it, seed ${result.data.seed}): branching ratio ${f(c.branchingRatio.estimate)} ${range(c.branchingRatio)}, decay ${tau.map((e) => `${f(e.estimate)} ${range(e)}`).join(" and ")} days; AIC ${f(cBest.aic - cHawkes.aic)} below the best Poisson process's; time-rescaling residuals: Kolmogorov–Smirnov p = ${f(c.residuals.ks.pValue)}, Ljung–Box p = ${f(c.residuals.ljungBox.pValue)}.`,
    );
  }
  const written = result.scenario.parameters.filter((p) => p.value !== null);
  out.push(
    `Scenario: ${result.scenario.parameters
      .map((p) =>
        p.value === null
          ? `${p.id} ${f(p.was)} (kept: ${p.note})`
          : `${p.id} ${f(p.was)} → ${f(p.value)}`,
      )
      .join(
        ", ",
      )}${written.length > 0 ? " (--write-scenario writes them with priors from the intervals)" : ""}.`,
  );
  return out;
}
