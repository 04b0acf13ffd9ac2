/** The methods of `linkage solve` and `solveGame`, in the order the CLI lists them. */
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
  "liap",
  "ipa",
  "enumpoly",
] as const;
export type SolveMethod = (typeof SOLVE_METHODS)[number];
