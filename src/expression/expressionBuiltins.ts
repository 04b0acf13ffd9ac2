/** What the checker, compiler and interpreter need to know about one built-in function. */
export interface ExpressionBuiltin {
  /** Parameter names, for messages and docs; `min` and `max` repeat their last one. */
  readonly params: readonly string[];
  /** Fewest arguments accepted. */
  readonly minArgs: number;
  /** Most arguments accepted (`Infinity` for `min` and `max`). */
  readonly maxArgs: number;
  /** True when a call draws from the {@link ExpressionRandom} it is given. */
  readonly random: boolean;
  /** One line for documentation and editor help. */
  readonly summary: string;
}

function fixed(params: readonly string[], random: boolean, summary: string): ExpressionBuiltin {
  return { params, minArgs: params.length, maxArgs: params.length, random, summary };
}

/**
 * The fixed table of functions an expression may call, keyed by name. Nothing else can be
 * called: the table is the whole standard library.
 *
 * - `if(c, a, b)`: `a` when `c` ≠ 0, else `b`; only the chosen branch is evaluated;
 * - `min(a, b, …)`, `max(a, b, …)`: two or more arguments;
 * - `abs`, `exp`, `log` (natural), `sqrt`, `floor`, `ceil`: as in `Math`;
 * - `clamp(x, lo, hi)` = min(max(x, lo), hi);
 * - `poisson(mean)`, `bernoulli(p)`, `normal(mean, sd)`, `lognormal(meanlog, sdlog)`,
 *   `powerlaw(xmin, alpha)`, `severity(n, pmass, median, sigma, xmin, alpha)`: random draws,
 *   see {@link ExpressionRandom};
 * - `hawkes(H, N, n, tau)` = e^(−1/tau)·H + n·(1 − e^(−1/tau))·N: one weekly step of an
 *   exponentially decaying self-excitation whose kernel sums to the branching ratio `n`
 *   (Hawkes 1971). `tau` must not draw random numbers, because the compiled form reads it twice.
 *
 * @example expressionBuiltins.get("clamp")?.minArgs // => 3
 */
export const expressionBuiltins: ReadonlyMap<string, ExpressionBuiltin> = new Map<
  string,
  ExpressionBuiltin
>([
  ["if", fixed(["c", "a", "b"], false, "a when c is nonzero, else b (only one is evaluated)")],
  [
    "min",
    { params: ["a", "b"], minArgs: 2, maxArgs: Infinity, random: false, summary: "smallest" },
  ],
  ["max", { params: ["a", "b"], minArgs: 2, maxArgs: Infinity, random: false, summary: "largest" }],
  ["abs", fixed(["x"], false, "absolute value")],
  ["exp", fixed(["x"], false, "e to the power x")],
  ["log", fixed(["x"], false, "natural logarithm")],
  ["sqrt", fixed(["x"], false, "square root")],
  ["floor", fixed(["x"], false, "largest integer ≤ x")],
  ["ceil", fixed(["x"], false, "smallest integer ≥ x")],
  ["clamp", fixed(["x", "lo", "hi"], false, "min(max(x, lo), hi)")],
  ["poisson", fixed(["mean"], true, "Poisson draw")],
  ["bernoulli", fixed(["p"], true, "1 with probability p, else 0")],
  ["normal", fixed(["mean", "sd"], true, "normal draw")],
  ["lognormal", fixed(["meanlog", "sdlog"], true, "lognormal draw")],
  ["powerlaw", fixed(["xmin", "alpha"], true, "Pareto draw, density ∝ x^−alpha on x ≥ xmin")],
  [
    "severity",
    {
      params: ["n", "pmass", "median", "sigma", "xmin", "alpha", "xmax"],
      minArgs: 6,
      maxArgs: 7,
      random: true,
      summary:
        "sum of n severities from a power-law (prob. pmass, truncated at xmax when given) / lognormal mixture",
    },
  ],
  ["hawkes", fixed(["H", "N", "n", "tau"], false, "exp(−1/tau)·H + n·(1 − exp(−1/tau))·N")],
]);

/** Index of the argument of `hawkes` that is read twice by compiled code. */
export const HAWKES_TAU_INDEX = 3;
