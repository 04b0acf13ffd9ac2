export { conditionallyDominated } from "./conditionalDominance.js";
export { encloseSimplexLinear, roundingSlack } from "./intervalBox.js";
export { krawczyk, newtonSolve } from "./krawczyk.js";
export {
  type DegenerateSupport,
  type PolynomialEnumerationOptions,
  type PolynomialEnumerationResult,
  polynomialEnumeration,
} from "./polynomialEnumeration.js";
export { supportProfiles } from "./supportProfiles.js";
export { supportSystem } from "./supportSystem.js";
