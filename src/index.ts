/**
 * Linkage: model, solve and simulate conditional leverage.
 * The package root exports the library; the CLI (`linkage`) is a thin layer over it.
 * @module
 */
export * from "./analysis/index.js";
export * from "./errors/index.js";
export * from "./games/index.js";
export * from "./math/index.js";
export * from "./report/index.js";
export * from "./scenario/index.js";
export * from "./sim/index.js";
export * from "./solvers/index.js";
