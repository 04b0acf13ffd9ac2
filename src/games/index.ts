export type {
  Escalation,
  LeverageGame,
  LeveragePolicy,
  LeveragePolicyKind,
} from "./leverageGame.js";
