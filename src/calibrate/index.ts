export { binnedCounts } from "./binnedCounts.js";
export { binnedFatalities } from "./binnedFatalities.js";
export { checkHawkesParameters } from "./checkHawkesParameters.js";
export { checkHawkesSpec } from "./checkHawkesSpec.js";
export { type CsvRecord, csvRecords } from "./csvRecords.js";
export type { DatedEvents, EventProvenance, EventTimes, SkippedRow } from "./DatedEvents.js";
export { dayIndex } from "./dayIndex.js";
export { evenSplineKnots } from "./evenSplineKnots.js";
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
export { isoDateOfDayNumber } from "./isoDateOfDayNumber.js";
export { isoDayNumber } from "./isoDayNumber.js";
export { jitteredEventTimes } from "./jitteredEventTimes.js";
export { MAX_EVENT_COUNT } from "./maxEventCount.js";
export { naiveHawkesLogLikelihood } from "./naiveHawkesLogLikelihood.js";
export { type EventTableOptions, parseEventTable } from "./parseEventTable.js";
export { type GedCsvOptions, type GedFilters, parseGedCsv } from "./parseGedCsv.js";
export { simulateHawkesEvents } from "./simulateHawkesEvents.js";
