import { LinkageError } from "../errors/LinkageError.js";
import { randomStream } from "../math/randomStream.js";
import type { Scenario } from "../scenario/Scenario.js";
import { branchingRatioOf } from "../sim/branchingRatio.js";
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
  for (let i = 1; i < changePoints.length; i++) {
    if (changePoints[i]!.day === changePoints[i - 1]!.day) {
      throw new LinkageError("E_INPUT", `--change-point ${changePoints[i]!.date}: given twice`);
    }
  }
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
  // a change point starts the step nearest to it; each segment must hold at least one step
  const unit = stepDays === 7 ? "week" : "day";
  const starts = [0];
  for (const c of changePoints) {
    const step = Math.round(c.day / stepDays);
    if (step <= starts[starts.length - 1]! || step >= steps) {
      throw new LinkageError(
        "E_INPUT",
        `--change-point ${c.date}: falls at ${unit} ${step} of the ${unit}ly fit's ${steps} whole ${unit}s, ${step >= steps ? "at or after its end" : step === 0 ? "at its start" : "in the same step as the change point before it"}; each background segment needs at least one whole ${unit}`,
      );
    }
    starts.push(step);
  }
  // the rolling origin refits on the first half: it must hold events
  const firstFit = Math.round(steps / 2);
  if (!counts.subarray(0, firstFit).some((k) => k > 0)) {
    throw new LinkageError(
      "E_INPUT",
      `${events.provenance.file}: the first ${firstFit} ${unit}s of the window (what the rolling origin's first refit sees) hold no events; start the window nearer the first event with --from`,
    );
  }
  const fitOptions = { starts: options.starts ?? 10, seed, level: LEVEL };
  const fit = fitCountHawkes({ counts, segmentStarts: starts }, fitOptions);
  const exponential = countPitResiduals(
    counts,
    fit.fittedMeans,
    randomStream(seed, 7),
    "exponential",
  );
  let cumulative = 0;
  const compensator = Float64Array.from(exponential, (e) => {
    cumulative += e;
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

/** Six significant figures: a prior's parameters (log-scale ones lose the value's digits at four). */
function round6(value: number): number {
  return Number(value.toPrecision(6));
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
    cap = Number.POSITIVE_INFINITY,
  ): CalibratedParameter => {
    const spec = parameter(id);
    const base = { id, label: spec.label, was: spec.value };
    const unwritten =
      estimate.atBound === "both"
        ? "the data do not identify it: its interval spans the whole search range"
        : !Number.isFinite(estimate.lower) || !Number.isFinite(estimate.upper)
          ? "it has no interval (the likelihood is flat in its direction)"
          : null;
    if (unwritten !== null) {
      return {
        ...base,
        value: null,
        lower: null,
        upper: null,
        prior: null,
        source: spec.source ?? "",
        note: `left as it was: ${unwritten}`,
      };
    }
    const estimated = round4(estimate.estimate / scale);
    const value = Math.min(estimated, cap);
    return {
      ...base,
      value,
      lower: round4(estimate.lower / scale),
      upper: round4(estimate.upper / scale),
      prior: prior(value),
      source: source(description),
      note:
        value < estimated
          ? `written as ${value}, not the estimate ${estimated}: above ${cap} the scenario's effective branching ratio (dynamics.branchingRatio, which adds its own feedback) reaches 1 and the simulation refuses the process as explosive`
          : null,
    };
  };
  const n = weekly.branchingRatio;
  const tau = weekly.decay;
  const mu = weekly.background[weekly.background.length - 1]!;
  // the scenario's effective branching ratio adds its own feedback (through stability) to n_H:
  // the largest n_H it accepts, at the other values written, keeps the process below 1
  const nMax = stableBranchingLimit(scenario, process, mu.estimate / process.backgroundScale);
  const logSd = (e: ParameterEstimate) => Math.log(e.upper / e.lower) / (2 * z);
  const entries = [
    entry(
      process.branching,
      n,
      1,
      (value) => ({
        dist: "normal",
        mean: Math.min(value, nMax),
        sd: round6((n.upper - n.lower) / (2 * z)),
        min: 0,
        max: nMax,
      }),
      `branching ratio ${round4(n.estimate)}, 95% profile interval ${round4(n.lower)}–${round4(n.upper)}`,
      nMax,
    ),
    entry(
      process.decay,
      tau,
      1,
      // an interval that runs to the edge says only "at most so long": a uniform prior over it
      (value) =>
        tau.atBound
          ? { dist: "uniform", min: round4(tau.lower), max: round4(tau.upper) }
          : { dist: "lognormal", meanlog: round6(Math.log(value)), sdlog: round6(logSd(tau)) },
      `decay ${round4(tau.estimate)} weeks, 95% profile interval ${round4(tau.lower)}–${round4(tau.upper)}${tau.atBound ? " (to the edge of the search range)" : ""}`,
    ),
    entry(
      process.background,
      mu,
      process.backgroundScale,
      (value) => ({
        dist: "lognormal",
        meanlog: round6(Math.log(value)),
        sdlog: round6(logSd(mu)),
      }),
      `background ${round4(mu.estimate)} a week${weekly.background.length > 1 ? " in the last segment" : ""}, 95% interval ${round4(mu.lower)}–${round4(mu.upper)}, divided by the scenario's week-0 multiplier ${round4(process.backgroundScale)}`,
    ),
  ];
  if (nMax > 0) return entries;
  // the calibrated background alone makes the scenario's process explosive: write neither
  const why = `left as it was: at the calibrated ${process.background} the scenario's effective branching ratio (dynamics.branchingRatio) reaches 1 even with ${process.branching} = 0, and the simulation would refuse the process as explosive`;
  return entries.map((e) =>
    e.id === process.branching || e.id === process.background
      ? { ...e, value: null, lower: null, upper: null, prior: null, source: "", note: why }
      : e,
  );
}

/** The findings in sentences: the estimates, the comparison, the residuals, the scenario. */
function calibrationVerdict(result: Omit<CalibrationResult, "verdict">): string[] {
  const w = result.weekly;
  const f = (v: number) => String(round4(v));
  const interval = (e: ParameterEstimate) =>
    e.atBound === "both"
      ? `${f(e.estimate)} [95%: not identified, the whole search range]`
      : e.atBound === "lower"
        ? `${f(e.estimate)} [95%: at most ${f(e.upper)}]`
        : e.atBound === "upper"
          ? `${f(e.estimate)} [95%: at least ${f(e.lower)}]`
          : `${f(e.estimate)} [95%: ${f(e.lower)}, ${f(e.upper)}]`;
  const out: string[] = [];
  out.push(
    `${result.data.events} events from ${result.data.origin} to ${result.data.end} (${w.steps} whole weeks): branching ratio ${interval(w.branchingRatio)}, decay ${interval(w.decay)} weeks, background ${w.background.map(interval).join(" then ")} events a week.`,
  );
  out.push(...(result.data.provenance.notes ?? []).map((note) => `Data: ${note}.`));
  const hawkes = w.models[0]!;
  const best = w.models.slice(1).reduce((a, b) => (b.aic < a.aic ? b : a));
  const aicGap = best.aic - hawkes.aic;
  const oos = hawkes.outOfSample.mean - best.outOfSample.mean;
  const outOfSample = Number.isFinite(oos)
    ? `out of sample it scores ${f(Math.abs(oos))} log-likelihood per event ${oos >= 0 ? "better" : "worse"}`
    : "out of sample the two cannot be compared (a scored fold holds no events, or a forecast rate is 0 where events fell)";
  out.push(
    aicGap > 2
      ? `Self-excitation is supported: the Hawkes model's AIC is ${f(aicGap)} below the best Poisson baseline's (${best.model}; BIC ${f(best.bic - hawkes.bic)} below), and ${outOfSample}.`
      : aicGap > 0
        ? `The data do not clearly need self-excitation: the Hawkes model's AIC is only ${f(aicGap)} below the best Poisson baseline's (${best.model}); ${outOfSample}.`
        : `The data show no self-excitation: the best Poisson baseline (${best.model}) fits as well or better (AIC ${f(-aicGap)} lower than the Hawkes model's); ${outOfSample}.`,
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
          ? `${p.id} ${f(p.was)} (${p.note})`
          : `${p.id} ${f(p.was)} → ${f(p.value)}`,
      )
      .join(
        ", ",
      )}${written.length > 0 ? " (--write-scenario writes them with priors from the intervals)" : ""}.`,
  );
  return out;
}

/**
 * The largest branching ratio (to 3 decimals, at most 0.99) at which the scenario's effective
 * branching ratio (`dynamics.branchingRatio`, the simulator's stability rule) stays below 0.995,
 * with the background at its calibrated value and the other parameters at their defaults; 0.99
 * when the scenario states no effective ratio. Found by bisection, so the ratio need not be
 * additive in n_H.
 */
function stableBranchingLimit(
  scenario: Scenario,
  process: ReturnType<typeof scenarioAttackProcess>,
  background: number,
): number {
  const ratio = branchingRatioOf(scenario);
  if (ratio === null) return 0.99;
  const values = Float64Array.from(scenario.parameters, (p) => p.value);
  const at = (id: string) => scenario.parameters.findIndex((p) => p.id === id);
  values[at(process.background)] = background;
  const branching = at(process.branching);
  const stable = (n: number) => {
    values[branching] = n;
    return ratio(values) < 0.995;
  };
  if (stable(0.99)) return 0.99;
  if (!stable(0)) return 0;
  let low = 0;
  let high = 0.99;
  for (let i = 0; i < 40; i++) {
    const middle = (low + high) / 2;
    if (stable(middle)) low = middle;
    else high = middle;
  }
  return Math.floor(low * 1000) / 1000;
}
