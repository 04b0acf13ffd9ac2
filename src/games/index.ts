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
export type {
  Escalation,
  LeverageGame,
  LeveragePolicy,
  LeveragePolicyKind,
} from "./leverageGame.js";
export { profileAt, profileCount, profileIndex, type StrategicGame } from "./strategicGame.js";
export { strategicGameFromTables } from "./strategicGameFromTables.js";
