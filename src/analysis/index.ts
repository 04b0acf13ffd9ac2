export type * from "./AnalysisResult.js";
export { type AnalyzeOptions, analyze } from "./analyze.js";
export { bestPolicyShare } from "./bestPolicyShare.js";
export { closedFormThresholds } from "./closedFormThresholds.js";
export { type Credibility, credibility } from "./credibility.js";
export { equilibriumTree } from "./equilibriumTree.js";
export { leverageValue } from "./leverageValue.js";
export { outputTornado } from "./outputTornado.js";
export { bestPolicyIndex, type PolicyOutcome, policyOutcome } from "./policyOutcome.js";
export type * from "./RecordValidation.js";
export { responseThresholds } from "./responseThresholds.js";
export { type RunOptions, runScenario } from "./runScenario.js";
export type * from "./ScenarioRun.js";
export { scenarioSobol } from "./scenarioSobol.js";
export {
  ATTACKS_SOBOL_MAX_SAMPLES,
  ATTACKS_SOBOL_SAMPLES,
  LEVERAGE_SOBOL_MAX_SAMPLES,
  LEVERAGE_SOBOL_SAMPLES,
  type SensitivityOutput,
  SOBOL_TARGET_WIDTH,
  sensitivityOutputs,
} from "./sensitivityOutputs.js";
export { type SignalPosterior, signalPosteriors } from "./signalPosteriors.js";
export { type SobolFlag, sobolFlag } from "./sobolFlag.js";
export { type SobolEstimate, type SobolOptions, sobolIndices } from "./sobolIndices.js";
export { type SweepChangePoint, sweepChangePoints } from "./sweepChangePoints.js";
export {
  SWEEP_DESIGN_STREAM,
  type SweepDesign,
  type SweepPointSet,
  sweepPoints,
  type VarySpec,
} from "./sweepPoints.js";
export {
  type SweepOptions,
  type SweepOutcome,
  type SweepPointResult,
  type SweepPolicyResult,
  type SweepResult,
  sweepScenario,
} from "./sweepScenario.js";
export { targetBestResponse } from "./targetBestResponse.js";
export { findTippingPoints, type TippingPointOptions } from "./tippingPoints.js";
export { tornado } from "./tornado.js";
export {
  type ValidateAgainstRecordOptions,
  validateAgainstRecord,
} from "./validateAgainstRecord.js";
