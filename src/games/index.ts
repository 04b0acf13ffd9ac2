export { behaviourToMixed } from "./behaviourToMixed.js";
export { cleanProbability, concessionCost } from "./choiceSignal.js";
export {
  CHANCE,
  type ExtensiveGame,
  type InformationSet,
  NATURE,
  type NodeKind,
  nodeCount,
  type Outcome,
  PERSONAL,
  TERMINAL,
} from "./extensiveGame.js";
export {
  type FollowThroughDecision,
  type FollowThroughEquilibrium,
  type FollowThroughKind,
  type FollowThroughSolution,
  followThroughEquilibria,
} from "./followThroughEquilibria.js";
export {
  type GambitGame,
  readEfg,
  readGambitGame,
  readNfg,
  writeEfg,
  writeNfg,
} from "./gambit/index.js";
export type {
  Escalation,
  LeverageGame,
  LeveragePolicy,
  LeveragePolicyKind,
} from "./leverageGame.js";
export { mixedToBehaviour } from "./mixedToBehaviour.js";
export { assertPerfectRecall, type PerfectRecallResult, perfectRecall } from "./perfectRecall.js";
export { behaviourPayoffs, terminalRealisation } from "./realisationProbabilities.js";
export {
  MAX_REDUCED_PROFILES,
  type ReducedStrategicForm,
  reducedStrategicForm,
} from "./reducedStrategicForm.js";
export {
  type SequenceForm,
  sequenceForm,
  sequenceToBehaviour,
  sequenceToBehaviourExact,
} from "./sequenceForm.js";
export { profileAt, profileCount, profileIndex, type StrategicGame } from "./strategicGame.js";
export { strategicGameFromTables } from "./strategicGameFromTables.js";
