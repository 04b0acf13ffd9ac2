export { assertPerfectInformation } from "./assertPerfectInformation.js";
export {
  type BackwardInductionOptions,
  type BackwardInductionResult,
  backwardInduction,
} from "./backwardInduction.js";
