import { formatPercent, formatSignificant } from "./formatNumber.js";

/**
 * A central value with its interval for a policy reader, "179 [85, 333]": each number to
 * `digits` significant figures (`formatSignificant`), or, for a share, as a whole percentage
 * ("62% [9%, 100%]"). Which central value (median or mean) and which interval is the caller's
 * to say, once, in a heading or caption.
 *
 * @example formatInterval(179.2, 85.4, 333.3) // => "179 [85.4, 333]"
 * @example formatInterval(0.62, 0.09, 1, { percent: true }) // => "62% [9%, 100%]"
 */
export function formatInterval(
  central: number,
  low: number,
  high: number,
  { percent = false, digits = 3 }: { readonly percent?: boolean; readonly digits?: number } = {},
): string {
  const f = (v: number) => (percent ? formatPercent(v) : formatSignificant(v, digits));
  return `${f(central)} [${f(low)}, ${f(high)}]`;
}
