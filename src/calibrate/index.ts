export { checkEventTimes } from "./checkEventTimes.js";
export type { DatedEvents, EventProvenance, EventTimes, SkippedRow } from "./DatedEvents.js";
export { type InformationCriteria, informationCriteria } from "./informationCriteria.js";
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
export {
  type RescaledAcf,
  type RescaledQq,
  TIME_RESCALING_MAX_LAGS,
  TIME_RESCALING_MIN_EVENTS,
  type TimeRescalingOptions,
  type TimeRescalingResult,
  timeRescalingTest,
} from "./timeRescalingTest.js";
