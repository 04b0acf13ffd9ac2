export { type AnalyzeOptions, analyze } from "./analyze.js";
export { closedFormThresholds } from "./closedFormThresholds.js";
export { type Credibility, credibility } from "./credibility.js";
export { findPivots, type PivotOptions } from "./pivots.js";
export { bestPolicyIndex, type PolicyOutcome, policyOutcome } from "./policyOutcome.js";
export { responseThresholds } from "./responseThresholds.js";
export { type SignalPosterior, signalPosteriors } from "./signalPosteriors.js";
export { targetBestResponse } from "./targetBestResponse.js";
export type * from "./types.js";
