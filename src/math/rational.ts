import { LinkageError } from "../errors/LinkageError.js";

/**
 * An exact rational number n/d with bigint parts, always normalised: d > 0 and gcd(|n|, d) = 1.
 * Plain data (safe to structured-clone); operations are free functions.
 */
export interface Rational {
  readonly n: bigint;
  readonly d: bigint;
}

/** Greatest common divisor of |a| and |b| (Euclid). @example gcd(-12n, 18n) // => 6n */
export function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/**
 * The rational n/d in lowest terms.
 * @throws {LinkageError} E_DOMAIN when d is zero
 * @example rational(2n, -4n) // => { n: -1n, d: 2n }
 */
export function rational(n: bigint, d = 1n): Rational {
  if (d === 0n) throw new LinkageError("E_DOMAIN", "rational: zero denominator");
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const g = gcd(n, d);
  return g === 1n ? { n, d } : { n: n / g, d: d / g };
}

export const ZERO: Rational = { n: 0n, d: 1n };
export const ONE: Rational = { n: 1n, d: 1n };

const NUMBER_PATTERN = /^([+-]?)(\d+)?(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/**
 * Parses the exact value of a decimal or fraction literal: integers (`-3`), fractions (`1/3`),
 * decimals (`0.25`, `.5`, `2.`) and exponents (`1e-3`, `2.5E+2`), as Gambit's file formats allow.
 * Returns `null` when `text` is not such a literal.
 * @example parseRational("1/3") // => { n: 1n, d: 3n };  parseRational("1.5e-1") // => { n: 3n, d: 20n }
 */
export function parseRational(text: string): Rational | null {
  const slash = text.indexOf("/");
  if (slash >= 0) {
    const num = parseRational(text.slice(0, slash));
    const den = parseRational(text.slice(slash + 1));
    if (
      !num ||
      !den ||
      den.n === 0n ||
      text.slice(slash + 1).startsWith("-") ||
      text.slice(slash + 1).startsWith("+")
    ) {
      return null;
    }
    return divide(num, den);
  }
  const m = NUMBER_PATTERN.exec(text);
  if (!m || (m[2] === undefined && (m[3] === undefined || m[3] === ""))) return null;
  const sign = m[1] === "-" ? -1n : 1n;
  const whole = m[2] ?? "";
  const fraction = m[3] ?? "";
  const exponent = m[4] === undefined ? 0 : Number(m[4]);
  if (!Number.isSafeInteger(exponent) || Math.abs(exponent) > 100_000) return null;
  let n = BigInt(`${whole}${fraction}` || "0") * sign;
  let d = 10n ** BigInt(fraction.length);
  if (exponent > 0) n *= 10n ** BigInt(exponent);
  else if (exponent < 0) d *= 10n ** BigInt(-exponent);
  return rational(n, d);
}

/** The exact rational value of a finite double. */
export function fromNumber(x: number): Rational {
  if (!Number.isFinite(x)) throw new LinkageError("E_DOMAIN", `fromNumber: ${x} is not finite`);
  if (Number.isInteger(x)) return { n: BigInt(x), d: 1n };
  // x = mantissa · 2^exponent exactly
  let exponent = 0;
  let m = x;
  while (!Number.isInteger(m)) {
    m *= 2;
    exponent++;
  }
  return rational(BigInt(m), 1n << BigInt(exponent));
}

/**
 * The fraction n/d closest to `x` with d ≤ `maxDenominator`, from the continued-fraction
 * expansion of x (the last convergent within the bound, or the best semiconvergent between it
 * and the next: the best rational approximation; Khinchin, Continued Fractions, §6).
 * @throws {LinkageError} E_DOMAIN when x is not finite or maxDenominator is not a positive integer
 * @example nearestFraction(0.6666666666666666, 1000) // => { n: 2n, d: 3n }
 */
export function nearestFraction(x: number, maxDenominator: number): Rational {
  if (!Number.isFinite(x))
    throw new LinkageError("E_DOMAIN", `nearestFraction: ${x} is not finite`);
  if (!(Number.isSafeInteger(maxDenominator) && maxDenominator >= 1))
    throw new LinkageError("E_DOMAIN", `nearestFraction: bad denominator bound ${maxDenominator}`);
  const exact = fromNumber(x);
  const bound = BigInt(maxDenominator);
  // convergents h/k of the exact binary value's continued fraction
  let [h0, h1, k0, k1] = [0n, 1n, 1n, 0n];
  let num = exact.n;
  let den = exact.d;
  for (;;) {
    const a = floorDiv(num, den);
    const k2 = a * k1 + k0;
    if (k2 > bound) {
      // the best semiconvergent below the bound, against the last convergent
      const t = (bound - k0) / k1;
      const semi = rational(t * h1 + h0, t * k1 + k0);
      const last = rational(h1, k1);
      return compare(absolute(subtract(semi, exact)), absolute(subtract(last, exact))) < 0
        ? semi
        : last;
    }
    [h0, h1, k0, k1] = [h1, a * h1 + h0, k1, k2];
    const rest = num - a * den;
    if (rest === 0n) return rational(h1, k1);
    [num, den] = [den, rest];
  }
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

function absolute(a: Rational): Rational {
  return a.n < 0n ? { n: -a.n, d: a.d } : a;
}

/**
 * The rational with the shortest decimal expansion that rounds to `x` (JavaScript's own
 * shortest round-trip form): 0.7 gives 7/10, not the binary value 3152519739159347/2^52.
 * Use it for values a person typed, such as scenario parameters.
 * @example fromDecimal(0.7) // => { n: 7n, d: 10n }
 */
export function fromDecimal(x: number): Rational {
  if (!Number.isFinite(x)) throw new LinkageError("E_DOMAIN", `fromDecimal: ${x} is not finite`);
  return parseRational(String(x))!;
}

export function add(a: Rational, b: Rational): Rational {
  return a.d === b.d ? rational(a.n + b.n, a.d) : rational(a.n * b.d + b.n * a.d, a.d * b.d);
}

export function subtract(a: Rational, b: Rational): Rational {
  return a.d === b.d ? rational(a.n - b.n, a.d) : rational(a.n * b.d - b.n * a.d, a.d * b.d);
}

export function multiply(a: Rational, b: Rational): Rational {
  return rational(a.n * b.n, a.d * b.d);
}

/** a / b. @throws {LinkageError} E_DOMAIN when b is zero */
export function divide(a: Rational, b: Rational): Rational {
  if (b.n === 0n) throw new LinkageError("E_DOMAIN", "rational: division by zero");
  return rational(a.n * b.d, a.d * b.n);
}

export function negate(a: Rational): Rational {
  return { n: -a.n, d: a.d };
}

/** −1, 0 or 1 as a < b, a = b, a > b. */
export function compare(a: Rational, b: Rational): number {
  const diff = a.n * b.d - b.n * a.d;
  return diff < 0n ? -1 : diff > 0n ? 1 : 0;
}

export function equals(a: Rational, b: Rational): boolean {
  return a.n === b.n && a.d === b.d;
}

/** The nearest double (exact for integers up to 2^53 and for dyadic fractions that fit). */
export function toNumber(a: Rational): number {
  if (a.d === 1n) return Number(a.n);
  const absN = a.n < 0n ? -a.n : a.n;
  if (absN < 2n ** 53n && a.d < 2n ** 53n) return Number(a.n) / Number(a.d);
  // large parts: scale to keep 64 significant bits
  const shift = BigInt(Math.max(0, a.d.toString(2).length - absN.toString(2).length + 64));
  return Number((a.n << shift) / a.d) / 2 ** Number(shift);
}

/** `n` or `n/d`, the form Gambit writes. */
export function formatRational(a: Rational): string {
  return a.d === 1n ? a.n.toString() : `${a.n}/${a.d}`;
}
