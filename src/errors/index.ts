export type { LinkageErrorCode, LinkageIssue, SourceLocation } from "./LinkageError.js";
export { isLinkageError, LinkageError } from "./LinkageError.js";
export { RoundingBreakdown } from "./RoundingBreakdown.js";
