/** The methods of `linkage solve` and `solveGame`. */
export const SOLVE_METHODS = [
  "enumpure",
  "dominance",
  "backward",
  "enummixed",
  "enumsupport",
  "logit",
  "lh",
  "lp",
  "lcp",
  "simpdiv",
  "gnm",
] as const;
export type SolveMethod = (typeof SOLVE_METHODS)[number];
