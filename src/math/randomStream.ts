import { LinkageError } from "../errors/LinkageError.js";

/**
 * A source of uniform random numbers. Every sampler in Linkage takes one of these, so
 * randomness is always injected, seeded and reproducible (STYLE.md practice 4).
 */
export interface RandomStream {
  /** A uniform double in [0, 1) carrying 53 random bits (a multiple of 2⁻⁵³). */
  next(): number;
  /** A uniform integer in [0, 2³²). */
  nextUint32(): number;
}

const MASK64 = (1n << 64n) - 1n;
/** The golden-ratio increment of splitmix64, ⌊2⁶⁴/φ⌋ rounded to odd. */
const GOLDEN_GAMMA = 0x9e3779b97f4a7c15n;
const TWO_POW_26 = 67108864;
const TWO_POW_MINUS_53 = 1 / 9007199254740992;

/**
 * The splitmix64 output function (a 64-bit bijection with strong avalanche):
 * z ← (z ⊕ z≫30)·0xbf58476d1ce4e5b9; z ← (z ⊕ z≫27)·0x94d049bb133111eb; z ⊕ z≫31, all mod 2⁶⁴.
 *
 * The splitmix64 generator's k-th output from state s is `mix64(s + k·γ)` with
 * γ = 0x9e3779b97f4a7c15. Only used for seeding, so BigInt speed is irrelevant here.
 *
 * Source: G. L. Steele, D. Lea & C. H. Flood, "Fast splittable pseudorandom number
 * generators", OOPSLA 2014; constants (variant 13) from S. Vigna's splitmix64.c.
 *
 * @example mix64(0x9e3779b97f4a7c15n) // => 0xe220a8397b1dcdafn (splitmix64 seeded with 0)
 */
export function mix64(z: bigint): bigint {
  z &= MASK64;
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
  return z ^ (z >> 31n);
}

/**
 * The xoshiro128** generator on an explicit 128-bit state (four 32-bit words, not all zero).
 *
 * Step (all arithmetic mod 2³²): output = rotl(s₁·5, 7)·9; t = s₁ ≪ 9; s₂ ^= s₀; s₃ ^= s₁;
 * s₁ ^= s₂; s₀ ^= s₃; s₂ ^= t; s₃ = rotl(s₃, 11). Period 2¹²⁸ − 1; passes BigCrush.
 * `next()` combines two outputs into 53 bits: (a ≫ 5)·2²⁶ + (b ≫ 6), scaled by 2⁻⁵³.
 * The step uses only `Math.imul` and 32-bit shifts on an `Int32Array`, so it allocates nothing.
 *
 * Source: D. Blackman & S. Vigna, "Scrambled linear pseudorandom number generators",
 * ACM Transactions on Mathematical Software 47(4), 2021, §4 (xoshiro128**).
 *
 * @param state - four 32-bit words s₀…s₃ (taken mod 2³²); copied, not kept
 * @throws {LinkageError} E_DOMAIN if the state does not have four words or is all zero
 * @example xoshiro128StarStar([1, 2, 3, 4]).nextUint32() // => 11520
 */
export function xoshiro128StarStar(state: ArrayLike<number>): RandomStream {
  if (state.length !== 4) {
    throw new LinkageError("E_DOMAIN", `xoshiro128** needs 4 state words, got ${state.length}`);
  }
  const s = new Int32Array(4);
  for (let i = 0; i < 4; i++) s[i] = state[i]! | 0;
  if ((s[0]! | s[1]! | s[2]! | s[3]!) === 0) {
    throw new LinkageError("E_DOMAIN", "xoshiro128** state must not be all zero");
  }
  return new Xoshiro128StarStar(s);
}

class Xoshiro128StarStar implements RandomStream {
  constructor(private readonly s: Int32Array) {}

  /** One generator step; returns the output as a signed 32-bit integer. */
  private step(): number {
    const s = this.s;
    const s0 = s[0]!;
    const s1 = s[1]!;
    const m = Math.imul(s1, 5);
    const result = Math.imul((m << 7) | (m >>> 25), 9);
    const t = s1 << 9;
    const s2 = s[2]! ^ s0;
    const s3 = s[3]! ^ s1;
    s[1] = s1 ^ s2;
    s[0] = s0 ^ s3;
    s[2] = s2 ^ t;
    s[3] = (s3 << 11) | (s3 >>> 21);
    return result;
  }

  nextUint32(): number {
    return this.step() >>> 0;
  }

  next(): number {
    const a = this.step() >>> 5;
    const b = this.step() >>> 6;
    return (a * TWO_POW_26 + b) * TWO_POW_MINUS_53;
  }
}

/**
 * The random stream number `index` of the experiment seeded with `seed`.
 *
 * Seeding: with u64(v) = v mod 2⁶⁴ and γ the splitmix64 increment,
 * k = mix64(u64(seed) + γ), z = mix64((k ⊕ u64(index)) + γ); the xoshiro128** state is the
 * two splitmix64 outputs from z, mix64(z + γ) and mix64(z + 2γ), split into 32-bit halves
 * (low word first). Because mix64 is a bijection the state is never all zero, and distinct
 * (seed, index) pairs give unrelated 128-bit states (they coincide only through a 64-bit hash
 * collision). Give one stream per chunk of work, never per thread, so results do not depend on
 * the thread count. Results are identical on every machine (integer arithmetic only).
 *
 * Source: splitmix64 (Steele, Lea & Flood 2014) for seeding, as recommended for xoshiro by
 * D. Blackman & S. Vigna, ACM TOMS 47(4), 2021; see {@link mix64} and {@link xoshiro128StarStar}.
 *
 * @param seed - experiment seed, a safe integer (negative values are taken mod 2⁶⁴)
 * @param index - stream (chunk) number, a non-negative safe integer
 * @throws {LinkageError} E_DOMAIN if `seed` is not a safe integer or `index` not a non-negative one
 * @example randomStream(0, 0).nextUint32() // => 4149807384
 */
export function randomStream(seed: number, index: number): RandomStream {
  if (!Number.isSafeInteger(seed)) {
    throw new LinkageError("E_DOMAIN", `randomStream seed must be a safe integer, got ${seed}`);
  }
  if (!(Number.isSafeInteger(index) && index >= 0)) {
    throw new LinkageError(
      "E_DOMAIN",
      `randomStream index must be a non-negative safe integer, got ${index}`,
    );
  }
  const k = mix64(BigInt.asUintN(64, BigInt(seed)) + GOLDEN_GAMMA);
  const z = mix64((k ^ BigInt(index)) + GOLDEN_GAMMA);
  const o1 = mix64(z + GOLDEN_GAMMA);
  const o2 = mix64(z + 2n * GOLDEN_GAMMA);
  return xoshiro128StarStar([
    Number(o1 & 0xffffffffn),
    Number(o1 >> 32n),
    Number(o2 & 0xffffffffn),
    Number(o2 >> 32n),
  ]);
}
