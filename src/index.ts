/**
 * Linkage: model, solve and simulate conditional leverage.
 *
 * The package root names the library's main entry points, one by one; everything else is under a
 * subpath, one per folder: `linkage/scenario`, `linkage/analysis`, `linkage/sim`, `linkage/report`,
 * `linkage/games`, `linkage/solvers`, `linkage/solve` (Gambit files solved by a named method),
 * `linkage/expression`, `linkage/calibrate` (event data → the attack process's parameters),
 * `linkage/math` and `linkage/errors`. The root loads no chart code: the
 * HTML report (`runReportHtml`, which draws with Observable Plot) is in `linkage/report` only.
 * @module
 */

// questions a user asks
export {
  type AnalysisResult,
  type AnalyzeOptions,
  analyze,
  bestPolicyShare,
  closedFormThresholds,
  credibility,
  findTippingPoints,
  policyOutcome,
  type RunOptions,
  responseThresholds,
  runScenario,
  type ScenarioRun,
  scenarioSobol,
  signalPosteriors,
  sobolIndices,
  type TippingPoint,
  targetBestResponse,
  tornado,
} from "./analysis/index.js";
// event data → the scenario's attack parameters (linkage calibrate)
export {
  type CalibrateOptions,
  type CalibrationResult,
  calibratedScenarioYaml,
  calibrateEvents,
  type DatedEvents,
  fitCountHawkes,
  parseEventTable,
  parseGedCsv,
} from "./calibrate/index.js";
// errors
export {
  isLinkageError,
  LinkageError,
  type LinkageErrorCode,
  type SourceLocation,
} from "./errors/index.js";
export {
  formatEquilibriumLine,
  SOLVE_METHODS,
  type SolveMethod,
  type SolveOptions,
  type SolveResult,
  solveGame,
} from "./gambitSolve/index.js";
// games and Gambit files
export {
  behaviourToMixed,
  type ExtensiveGame,
  mixedToBehaviour,
  perfectRecall,
  readEfg,
  readGambitGame,
  readNfg,
  reducedStrategicForm,
  type StrategicGame,
  sequenceForm,
  writeEfg,
  writeNfg,
} from "./games/index.js";

// words (text and Markdown; the HTML report is in linkage/report)
// (module by module: the report's barrel also loads the chart code)
export { analysisMarkdown } from "./report/analysisMarkdown.js";
export { analysisText } from "./report/analysisText.js";
export { analysisVerdict } from "./report/analysisVerdict.js";
export { runReportMarkdown } from "./report/runReportMarkdown.js";
export { runVerdict } from "./report/runVerdict.js";
// the scenario language
export {
  compileGameTree,
  compileLeverageGame,
  loadScenario,
  parameterValues,
  parseAssignments,
  parseScenario,
  type Scenario,
  scenarioJsonSchema,
} from "./scenario/index.js";
// the weekly simulation
export {
  closeSimulationPool,
  meanField,
  type SimulateOptions,
  type SimulationResult,
  simulate,
} from "./sim/index.js";
// solvers
export {
  backwardInduction,
  behaviourRegret,
  behaviourRegretExact,
  equilibriumComponents,
  estimateLogitLambda,
  globalNewton,
  iteratedDominanceMixed,
  iteratedDominancePure,
  lemkeHowson,
  lemkeHowsonAll,
  lemkeHowsonAllExact,
  lemkeHowsonExact,
  logitBranch,
  logitBranchAgent,
  nashEquilibrium,
  pureEquilibria,
  sequenceFormLcp,
  sequenceFormLcpExact,
  sequenceFormLp,
  strategicRegret,
  strategicRegretExact,
  supportEnumeration,
  supportEnumerationExact,
  vertexEnumeration,
  vertexEnumerationExact,
  zeroSumLp,
  zeroSumLpExact,
} from "./solvers/index.js";
