/**
 * Catching the LinkageError a call throws, so a test can check its code, location and message.
 */
import { LinkageError } from "../../src/errors/LinkageError.js";

/** The LinkageError `f` throws; rethrows any other error, and fails when `f` returns. */
export function errorOf(f: () => unknown): LinkageError {
  try {
    f();
  } catch (e) {
    if (e instanceof LinkageError) return e;
    throw e;
  }
  throw new Error("expected a LinkageError");
}
