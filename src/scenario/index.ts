export {
  announcedRuleBehaviour,
  compileGameTree,
  type GameTreeOptions,
} from "./compileGameTree.js";
export { compileLeverageGame } from "./compileLeverageGame.js";
export { DEFAULT_LADDER } from "./defaultLadder.js";
export { loadScenario } from "./loadScenario.js";
export {
  type ParameterValues,
  parameterValues,
  parseAssignments,
} from "./parameterValues.js";
export { MAX_DEMANDS, parseScenario } from "./parseScenario.js";
export { priorQuantile } from "./priorQuantile.js";
export { priorRange } from "./priorRange.js";
export { quantityValue } from "./quantityValue.js";
export type * from "./Scenario.js";
export { scenarioJsonSchema } from "./scenarioJsonSchema.js";
export { ScenarioDocument } from "./scenarioSchema.js";
export {
  stepByStep,
  stepCount,
  TIME_STEP_UNITS,
  type TimeStep,
  type TimeStepUnit,
  timeStep,
} from "./timeStep.js";
