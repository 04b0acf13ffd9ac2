import { LinkageError } from "../errors/LinkageError.js";

/**
 * The bounds of the command line's numeric flags, checked before any work starts (docs/limits.md
 * says why each is what it is).
 */
export const FLAG_BOUNDS = {
  "--runs": { min: 1, max: 10_000_000 },
  "--weeks": { min: 1, max: 10_000 },
  "--seed": { min: 0, max: Number.MAX_SAFE_INTEGER },
  "--threads": { min: 1, max: 256 },
  "--port": { min: 0, max: 65_535 },
  "--concurrent-runs": { min: 1, max: 64 },
  "--max-memory": { min: 16, max: 1_048_576 },
  "--label": { min: 1, max: 1_000_000 },
  "--starts": { min: 1, max: 1000 },
  "--folds": { min: 1, max: 50 },
  "--kernel-components": { min: 1, max: 5 },
  "--spline-knots": { min: 2, max: 200 },
  "--type-of-violence": { min: 1, max: 3 },
  "--max-date-precision": { min: 1, max: 5 },
  "--concurrency": { min: 1, max: 256 },
  "--lock-duration": { min: 1000, max: 3_600_000 },
  "--lhs": { min: 2, max: 10_000 },
  "--points-in-flight": { min: 1, max: 1024 },
} as const;

export type BoundedFlag = keyof typeof FLAG_BOUNDS;

/**
 * A whole-number flag's value, or undefined when the flag was not given.
 * @throws {LinkageError} E_INPUT for an empty value, a non-integer (1e3 is accepted, 1.5 is not) or a value outside the flag's bounds
 */
export function wholeNumberFlag(flag: BoundedFlag, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const { min, max } = FLAG_BOUNDS[flag];
  const expected = `expected a whole number from ${min} to ${max.toLocaleString("en-US")}`;
  if (text.trim() === "") throw new LinkageError("E_INPUT", `${flag}: empty value; ${expected}`);
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw new LinkageError("E_INPUT", `${flag} ${text}: ${expected}`);
  }
  return n;
}

/**
 * A comma-separated list of ids (e.g. `--policies U,KE`), or undefined when not given.
 * @throws {LinkageError} E_INPUT for an empty list or an empty item
 */
export function idListFlag(flag: string, text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  const ids = text.split(",").map((id) => id.trim());
  if (text.trim() === "" || ids.some((id) => id === "")) {
    throw new LinkageError(
      "E_INPUT",
      `${flag} ${JSON.stringify(text)}: expected comma-separated ids, none of them empty`,
    );
  }
  return ids;
}

/**
 * A text flag's value, refused when empty (e.g. `--out ''`).
 * @throws {LinkageError} E_INPUT for an empty or blank value
 */
export function nonEmptyFlag(flag: string, text: string | undefined): string | undefined {
  if (text !== undefined && text.trim() === "") {
    throw new LinkageError("E_INPUT", `${flag}: empty value`);
  }
  return text;
}
