export { normalQuantile } from "./normalQuantile.js";
