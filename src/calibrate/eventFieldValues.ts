/**
 * Reading the numbers of an event file's fields. Each returns `null` for text that is not a
 * value of its kind, so the parser reports the row with its line and column.
 */

/** Decimal digits only (no sign, point, exponent or hex): GED's counts, a table's counts. */
const WHOLE = /^\d+$/;
/** A plain decimal number ≥ 0, with an optional fraction and exponent. */
const DECIMAL = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * A whole number 0 ≤ k ≤ max written in decimal digits (surrounding spaces allowed), or null.
 * @example wholeNumberValue(" 12 ", 100) // => 12
 * @example wholeNumberValue("1.5", 100) // => null
 */
export function wholeNumberValue(text: string, max: number): number | null {
  const t = text.trim();
  if (!WHOLE.test(t)) return null;
  const k = Number(t);
  return k <= max ? k : null;
}

/**
 * A finite number ≥ 0 in plain decimal notation (surrounding spaces allowed); NaN (unknown) for
 * an empty field or `NA`; null for anything else.
 * @example fatalitiesValue("2.5") // => 2.5
 * @example fatalitiesValue("NA") // => NaN
 * @example fatalitiesValue("-1") // => null
 */
export function fatalitiesValue(text: string): number | null {
  const t = text.trim();
  if (t === "" || t === "NA") return Number.NaN;
  if (!DECIMAL.test(t)) return null;
  const x = Number(t);
  return Number.isFinite(x) ? x : null;
}
