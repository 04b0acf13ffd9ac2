export type { LinkageErrorCode, SourceLocation } from "./LinkageError.js";
export { isLinkageError, LinkageError } from "./LinkageError.js";
