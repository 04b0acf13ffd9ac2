export {
  type BimatrixEquilibrium,
  VERTEX_TOLERANCE,
  type VertexEnumerationOptions,
  type VertexEnumerationResult,
  vertexEnumeration,
  vertexEnumerationExact,
} from "./vertexEnumeration.js";
