export { binnedCounts } from "./binnedCounts.js";
export { binnedFatalities } from "./binnedFatalities.js";
export type {
  CalibratedParameter,
  CalibrationResult,
  CountCalibration,
  ModelScore,
  ResidualChecks,
} from "./CalibrationResult.js";
export { calibratedScenarioYaml, type ParameterCalibration } from "./calibratedScenarioYaml.js";
export { type CalibrateOptions, calibrateEvents } from "./calibrateEvents.js";
export { checkEventTimes } from "./checkEventTimes.js";
export { checkHawkesParameters } from "./checkHawkesParameters.js";
export { checkHawkesSpec } from "./checkHawkesSpec.js";
export {
  type CountHawkesModel,
  checkCountHawkesModel,
  countHawkesLogLikelihood,
  countHawkesMeans,
  countHawkesParameterCount,
  logFactorialSum,
} from "./countHawkesLogLikelihood.js";
export { countHawkesRollingOrigin } from "./countHawkesRollingOrigin.js";
export { countPitResiduals } from "./countPitResiduals.js";
export { type CsvRecord, csvRecords } from "./csvRecords.js";
export type { DatedEvents, EventProvenance, EventTimes, SkippedRow } from "./DatedEvents.js";
export { dayIndex } from "./dayIndex.js";
export { evenSplineKnots } from "./evenSplineKnots.js";
export {
  type CountHawkesFit,
  type FitCountHawkesOptions,
  fitCountHawkes,
  MAX_BRANCHING_RATIO,
  type ParameterEstimate,
} from "./fitCountHawkes.js";
export { type FitHawkesOptions, fitHawkes } from "./fitHawkes.js";
export { GED_COLUMNS, GED_REQUIRED_COLUMNS } from "./gedColumns.js";
export type {
  BranchingRatioEstimate,
  HawkesFit,
  HawkesParameterEstimate,
} from "./HawkesFit.js";
export type { HawkesBackground, HawkesParameters, HawkesSpec } from "./HawkesModel.js";
export { hawkesCompensator } from "./hawkesCompensator.js";
export { hawkesIntensity } from "./hawkesIntensity.js";
export { hawkesLogLikelihood } from "./hawkesLogLikelihood.js";
export {
  hawkesBackgroundSize,
  hawkesParameterCount,
  hawkesParameterNames,
  hawkesParametersOf,
  hawkesParameterVector,
  MAX_HAWKES_COMPONENTS,
} from "./hawkesParameterLayout.js";
export { hawkesRollingOrigin } from "./hawkesRollingOrigin.js";
export { hawkesWindowLogLikelihood } from "./hawkesWindowLogLikelihood.js";
export { type InformationCriteria, informationCriteria } from "./informationCriteria.js";
export { isoDateOfDayNumber } from "./isoDateOfDayNumber.js";
export { isoDayNumber } from "./isoDayNumber.js";
export { jitteredEventTimes } from "./jitteredEventTimes.js";
export { MAX_EVENT_COUNT } from "./maxEventCount.js";
export { naiveHawkesLogLikelihood } from "./naiveHawkesLogLikelihood.js";
export { type EventTableOptions, parseEventTable } from "./parseEventTable.js";
export { type GedCsvOptions, type GedFilters, parseGedCsv } from "./parseGedCsv.js";
export { poissonConstantFit } from "./poissonConstantFit.js";
export { type PoissonCountsFit, poissonCountsFit } from "./poissonCountsFit.js";
export { poissonCountsRollingOrigin } from "./poissonCountsRollingOrigin.js";
export { type PoissonProcessFit, poissonPiecewiseFit } from "./poissonPiecewiseFit.js";
export { poissonRollingOrigin } from "./poissonRollingOrigin.js";
export {
  type RollingOriginFold,
  type RollingOriginScore,
  rollingOriginScore,
} from "./RollingOriginScore.js";
export { rescaledGaps } from "./rescaledGaps.js";
export {
  checkRollingOriginBoundaries,
  type RollingOriginOptions,
  rollingOriginBoundaries,
} from "./rollingOriginBoundaries.js";
export { type ScenarioAttackProcess, scenarioAttackProcess } from "./scenarioAttackProcess.js";
export { simulateHawkesEvents } from "./simulateHawkesEvents.js";
export {
  type RescaledAcf,
  type RescaledQq,
  TIME_RESCALING_MAX_LAGS,
  TIME_RESCALING_MIN_EVENTS,
  type TimeRescalingOptions,
  type TimeRescalingResult,
  timeRescalingTest,
} from "./timeRescalingTest.js";
