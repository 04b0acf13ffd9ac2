/**
 * A simulated quantity for people: precision chosen by magnitude (no decimals from 100 up, one
 * from 10, three below, trailing zeros dropped), thousands grouped with a thin space from 10 000
 * up, a true minus sign, "n/a" for null or non-finite values.
 *
 * @example formatQuantity(2614.49) // => "2614"
 * @example formatQuantity(400.2) // => "400"
 * @example formatQuantity(-0.0224) // => "−0.022"
 */
export function formatQuantity(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return "n/a";
  const magnitude = Math.abs(value);
  const digits = magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : 3;
  let text = value.toFixed(digits);
  if (digits > 0) text = text.replace(/0+$/, "").replace(/\.$/, "");
  if (/^-0(\.0*)?$/.test(text)) text = "0";
  const negative = text.startsWith("-");
  const [whole, fraction] = (negative ? text.slice(1) : text).split(".") as [
    string,
    string | undefined,
  ];
  const grouped = whole.length > 4 ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f") : whole;
  return `${negative ? "−" : ""}${grouped}${fraction === undefined ? "" : `.${fraction}`}`;
}
