/** A number for people: 3 decimals, no trailing zeros, a true minus sign, "n/a" for null. */
export function formatNumber(value: number | null, digits = 3): string {
  if (value === null || !Number.isFinite(value)) return "n/a";
  const rounded = Number(value.toFixed(digits));
  const fixed = (Object.is(rounded, -0) ? 0 : rounded).toFixed(digits);
  // strip trailing zeros of the decimals only: 400 stays 400, 0.250 becomes 0.25
  const text = fixed.includes(".") ? fixed.replace(/\.?0+$/, "") : fixed;
  return text.startsWith("-") ? `−${text.slice(1)}` : text;
}

/** A probability as a percentage with no decimals, e.g. "70%". */
export function formatPercent(value: number): string {
  return `${Math.round(value * 100)}%`;
}

/**
 * A number for a policy reader: `digits` significant figures (3 by default), thousands grouped,
 * a true minus sign, "n/a" for null: 1024.3 → "1,020", 0.25331 → "0.253".
 */
export function formatSignificant(value: number | null, digits = 3): string {
  if (value === null || !Number.isFinite(value)) return "n/a";
  const rounded = value === 0 ? 0 : Number(value.toPrecision(digits));
  const text = (Object.is(rounded, -0) ? 0 : rounded).toLocaleString("en-US", {
    maximumFractionDigits: 12,
  });
  return text.startsWith("-") ? `−${text.slice(1)}` : text;
}

/** A count for people, thousands grouped: 2000 → "2,000". */
export function formatCount(n: number): string {
  return n.toLocaleString("en-US");
}
