export {
  agentLiapEquilibria,
  agentLyapunovObjective,
  extensivePayoffScale,
} from "./agentLiapEquilibria.js";
export {
  assertPerfectInformation,
  type BackwardInductionOptions,
  type BackwardInductionResult,
  backwardInduction,
} from "./backwardInduction/index.js";
export { type BestResponse, behaviourBestResponse, bestResponseIn } from "./bestResponse.js";
export {
  type EquilibriumComponent,
  type EquilibriumComponents,
  type EquilibriumComponentsOptions,
  equilibriumComponents,
  type NashSubset,
} from "./equilibriumComponents.js";
export { estimateLogitLambda } from "./estimateLogitLambda.js";
export {
  type GlobalNewtonEquilibrium,
  type GlobalNewtonOptions,
  type GlobalNewtonResult,
  globalNewton,
} from "./globalNewton.js";
export {
  type DominanceResult,
  type Elimination,
  iteratedDominanceMixed,
  iteratedDominancePure,
  MIXED_DOMINANCE_TOLERANCE,
  restrict,
} from "./iteratedDominance.js";
export {
  type IteratedPolymatrixOptions,
  type IteratedPolymatrixResult,
  iteratedPolymatrix,
} from "./iteratedPolymatrix.js";
export {
  LEMKE_HOWSON_DUPLICATE_TOLERANCE,
  type LemkeHowsonAllOptions,
  type LemkeHowsonEquilibrium,
  type LemkeHowsonOptions,
  type LemkeHowsonRaceOptions,
  lemkeHowson,
  lemkeHowsonAll,
  lemkeHowsonAllExact,
  lemkeHowsonExact,
  lemkeHowsonRace,
  lemkeHowsonRaceExact,
} from "./lemkeHowson.js";
export {
  type LogitBranch,
  type LogitBranchOptions,
  type LogitPoint,
  logitBranch,
  logitBranchAgent,
  logitQreAt,
  logitQreAtAgent,
} from "./logitQre.js";
export {
  type NashEquilibriumOptions,
  type NashEquilibriumResult,
  nashEquilibrium,
} from "./nashEquilibrium.js";
export { refineEquilibrium } from "./newtonRefine.js";
export { payoffGreater } from "./payoffOrder.js";
export {
  type PolymatrixEquilibriumOptions,
  type PolymatrixGame,
  polymatrixEquilibrium,
} from "./polymatrixEquilibrium.js";
export { pureEquilibria } from "./pureEquilibria.js";
export {
  behaviourRegret,
  behaviourRegretExact,
  type Regret,
  strategicRegret,
  strategicRegretExact,
} from "./regret.js";
export {
  type SequenceFormEquilibrium,
  type SequenceFormLcpOptions,
  sequenceFormLcp,
  sequenceFormLcpExact,
} from "./sequenceFormLcp.js";
export {
  type SequenceFormLpOptions,
  type SequenceFormLpSolution,
  sequenceFormLp,
} from "./sequenceFormLp.js";
export { simplicialSubdivision } from "./simplicialSubdivision.js";
export {
  SUPPORT_TOLERANCE,
  type SupportEnumerationResult,
  supportEnumeration,
  supportEnumerationExact,
} from "./supportEnumeration.js";
export {
  type BimatrixEquilibrium,
  VERTEX_TOLERANCE,
  type VertexEnumerationOptions,
  type VertexEnumerationResult,
  vertexEnumeration,
  vertexEnumerationExact,
} from "./vertexEnumeration/index.js";
export { type ZeroSumSolution, zeroSumLp, zeroSumLpExact } from "./zeroSumLp.js";
