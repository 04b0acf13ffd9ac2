export type { MethodSolver } from "./methodSolver.js";
export type {
  Exact,
  MethodEquilibrium,
  SolvedBody,
  SolvedComponent,
  SolvedEquilibrium,
  SolveOptions,
  SolveResult,
} from "./SolveResult.js";
export { formatEquilibriumLine } from "./solvedEquilibrium.js";
export { solveGame } from "./solveGame.js";
export { SOLVE_METHODS, type SolveMethod } from "./solveMethods.js";
export { SOLVE_METHOD_TABLE } from "./solveMethodTable.js";
