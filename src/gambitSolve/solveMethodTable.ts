import type { MethodSolver } from "./methodSolver.js";
import { solveBackward } from "./methods/solveBackward.js";
import { solveDominance } from "./methods/solveDominance.js";
import { solveEnumPoly } from "./methods/solveEnumPoly.js";
import { solveEnumPure } from "./methods/solveEnumPure.js";
import { solveGlobalNewton } from "./methods/solveGlobalNewton.js";
import { solveIteratedPolymatrix } from "./methods/solveIteratedPolymatrix.js";
import { solveLemkeHowson } from "./methods/solveLemkeHowson.js";
import { solveLiap } from "./methods/solveLiap.js";
import { solveLinearComplementarity } from "./methods/solveLinearComplementarity.js";
import { solveLinearProgram } from "./methods/solveLinearProgram.js";
import { solveLogit } from "./methods/solveLogit.js";
import { solveEnumMixed, solveEnumSupport } from "./methods/solveMixedEnumeration.js";
import { solveSimplicialSubdivision } from "./methods/solveSimplicialSubdivision.js";

import type { SolveMethod } from "./solveMethods.js";

/** Each method's solver (see the files in `methods/` for what each computes). */
export const SOLVE_METHOD_TABLE: { readonly [M in SolveMethod]: MethodSolver } = {
  enumpure: solveEnumPure,
  dominance: solveDominance,
  backward: solveBackward,
  enummixed: solveEnumMixed,
  enumsupport: solveEnumSupport,
  logit: solveLogit,
  lh: solveLemkeHowson,
  lp: solveLinearProgram,
  lcp: solveLinearComplementarity,
  simpdiv: solveSimplicialSubdivision,
  gnm: solveGlobalNewton,
  liap: solveLiap,
  ipa: solveIteratedPolymatrix,
  enumpoly: solveEnumPoly,
};
