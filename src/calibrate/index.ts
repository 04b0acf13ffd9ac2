export type { DatedEvents, EventProvenance, EventTimes, SkippedRow } from "./DatedEvents.js";
