import { LinkageError } from "./LinkageError.js";

/**
 * A floating-point computation that broke down on rounding where exact arithmetic cannot (a
 * pivoting path that cycled, or found no pivot row): an E_SOLVER error that tells the caller an
 * exact re-solve will succeed, unlike a path that is simply too long.
 */
export class RoundingBreakdown extends LinkageError {
  constructor(message: string) {
    super("E_SOLVER", message);
  }
}
