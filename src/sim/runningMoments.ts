import { LinkageError } from "../errors/LinkageError.js";

/** Plain-data form of a {@link RunningMoments} (safe to structured-clone across workers). */
export interface RunningMomentsData {
  readonly count: number;
  readonly mean: number;
  /** Sum of squared deviations from the mean, M₂ = Σ(xᵢ − x̄)². */
  readonly m2: number;
}

/**
 * Streaming mean and variance of one series, numerically stable, mergeable.
 *
 * add (Welford): n ← n + 1; δ = x − x̄; x̄ ← x̄ + δ/n; M₂ ← M₂ + δ·(x − x̄).
 * merge (Chan, Golub & LeVeque): n = nₐ + n_b; δ = x̄_b − x̄ₐ; x̄ = x̄ₐ + δ·n_b/n;
 * M₂ = M₂ₐ + M₂_b + δ²·nₐn_b/n. Merging in a fixed order gives reproducible results.
 *
 * Source: B. P. Welford, Technometrics 4 (1962), 419–420; T. F. Chan, G. H. Golub &
 * R. J. LeVeque, "Updating formulae and a pairwise algorithm for computing sample variances",
 * COMPSTAT 1982 / Stanford CS report STAN-CS-79-773.
 *
 * @example
 * const m = new RunningMoments(); for (const x of [1, 2, 3, 4]) m.add(x);
 * m.mean // => 2.5; m.variance // => 1.6666666666666667 (R: var(1:4))
 */
export class RunningMoments {
  private n = 0;
  private mu = 0;
  private sumSq = 0;

  /** Adds one observation. NaN propagates into the mean and variance (it is not skipped). */
  add(x: number): this {
    this.n++;
    const d = x - this.mu;
    this.mu += d / this.n;
    this.sumSq += d * (x - this.mu);
    return this;
  }

  /** Folds `other` into this accumulator (Chan et al.); `other` is unchanged. */
  merge(other: RunningMoments | RunningMomentsData): this {
    const nb = other.count;
    if (nb === 0) return this;
    const mb = other.mean;
    const m2b = other instanceof RunningMoments ? other.sumSq : other.m2;
    const na = this.n;
    const n = na + nb;
    const d = mb - this.mu;
    this.mu = na === 0 ? mb : this.mu + (d * nb) / n;
    this.sumSq += m2b + (na === 0 ? 0 : (d * d * na * nb) / n);
    this.n = n;
    return this;
  }

  /** Number of observations. */
  get count(): number {
    return this.n;
  }

  /** Sample mean x̄ (NaN when empty). */
  get mean(): number {
    return this.n === 0 ? Number.NaN : this.mu;
  }

  /** Unbiased sample variance M₂/(n − 1) (R's `var`); NaN below two observations. */
  get variance(): number {
    return this.n < 2 ? Number.NaN : this.sumSq / (this.n - 1);
  }

  /** Population variance M₂/n; NaN when empty. */
  get populationVariance(): number {
    return this.n === 0 ? Number.NaN : this.sumSq / this.n;
  }

  /** Sample standard deviation √variance (R's `sd`). */
  get sd(): number {
    return Math.sqrt(this.variance);
  }

  toJSON(): RunningMomentsData {
    return { count: this.n, mean: this.mu, m2: this.sumSq };
  }

  /**
   * Rebuilds an accumulator from {@link RunningMoments.toJSON} output.
   * @throws {LinkageError} E_INPUT if the data are not a valid state
   */
  static fromJSON(data: RunningMomentsData): RunningMoments {
    const { count, mean, m2 } = data;
    if (!(Number.isSafeInteger(count) && count >= 0) || typeof mean !== "number" || !(m2 >= 0)) {
      throw new LinkageError(
        "E_INPUT",
        "RunningMoments.fromJSON: expected count ≥ 0, mean, m2 ≥ 0",
      );
    }
    const m = new RunningMoments();
    m.n = count;
    m.mu = count === 0 ? 0 : mean;
    m.sumSq = count === 0 ? 0 : m2;
    return m;
  }
}

/** Plain-data form of a {@link MomentsArray}. */
export interface MomentsArrayData {
  readonly count: number[];
  readonly mean: number[];
  readonly m2: number[];
}

/**
 * Running means and variances of K series at once (for instance one per week of a 52-week
 * horizon), on Float64Array state: the same Welford and Chan formulas as
 * {@link RunningMoments}, series by series.
 *
 * Source: as {@link RunningMoments}.
 *
 * @example
 * const w = new MomentsArray(2); w.addAll([1, 10]); w.addAll([3, 30]);
 * w.mean(1) // => 20; w.variance(0) // => 2
 */
export class MomentsArray {
  readonly size: number;
  private readonly n: Float64Array;
  private readonly mu: Float64Array;
  private readonly sumSq: Float64Array;

  /** @throws {LinkageError} E_DOMAIN if size is not a non-negative integer */
  constructor(size: number) {
    if (!(Number.isSafeInteger(size) && size >= 0)) {
      throw new LinkageError(
        "E_DOMAIN",
        `MomentsArray size must be a non-negative integer, got ${size}`,
      );
    }
    this.size = size;
    this.n = new Float64Array(size);
    this.mu = new Float64Array(size);
    this.sumSq = new Float64Array(size);
  }

  /** Adds observation x to series k. */
  add(k: number, x: number): this {
    const n = this.n[k]! + 1;
    this.n[k] = n;
    const d = x - this.mu[k]!;
    const mu = this.mu[k]! + d / n;
    this.mu[k] = mu;
    this.sumSq[k] = this.sumSq[k]! + d * (x - mu);
    return this;
  }

  /**
   * Adds values[k] to series k for every k (one observation of every series).
   * @throws {LinkageError} E_DOMAIN if values.length differs from size
   */
  addAll(values: ArrayLike<number>): this {
    if (values.length !== this.size) {
      throw new LinkageError(
        "E_DOMAIN",
        `addAll expected ${this.size} values, got ${values.length}`,
      );
    }
    for (let k = 0; k < this.size; k++) this.add(k, values[k]!);
    return this;
  }

  /**
   * Folds `other` into this, series by series (Chan et al.).
   * @throws {LinkageError} E_DOMAIN if the sizes differ
   */
  merge(other: MomentsArray): this {
    if (other.size !== this.size) {
      throw new LinkageError(
        "E_DOMAIN",
        `cannot merge MomentsArray of size ${other.size} into ${this.size}`,
      );
    }
    for (let k = 0; k < this.size; k++) {
      const nb = other.n[k]!;
      if (nb === 0) continue;
      const na = this.n[k]!;
      const n = na + nb;
      const d = other.mu[k]! - this.mu[k]!;
      this.mu[k] = na === 0 ? other.mu[k]! : this.mu[k]! + (d * nb) / n;
      this.sumSq[k] = this.sumSq[k]! + other.sumSq[k]! + (na === 0 ? 0 : (d * d * na * nb) / n);
      this.n[k] = n;
    }
    return this;
  }

  count(k: number): number {
    return this.n[k]!;
  }

  /** Mean of series k (NaN when empty). */
  mean(k: number): number {
    return this.n[k]! === 0 ? Number.NaN : this.mu[k]!;
  }

  /** Unbiased sample variance of series k (NaN below two observations). */
  variance(k: number): number {
    const n = this.n[k]!;
    return n < 2 ? Number.NaN : this.sumSq[k]! / (n - 1);
  }

  sd(k: number): number {
    return Math.sqrt(this.variance(k));
  }

  /** All means, into `out` if given. */
  means(out: Float64Array = new Float64Array(this.size)): Float64Array {
    for (let k = 0; k < this.size; k++) out[k] = this.mean(k);
    return out;
  }

  /** All sample variances, into `out` if given. */
  variances(out: Float64Array = new Float64Array(this.size)): Float64Array {
    for (let k = 0; k < this.size; k++) out[k] = this.variance(k);
    return out;
  }

  toJSON(): MomentsArrayData {
    return { count: [...this.n], mean: [...this.mu], m2: [...this.sumSq] };
  }

  /** @throws {LinkageError} E_INPUT if the arrays have different lengths */
  static fromJSON(data: MomentsArrayData): MomentsArray {
    const size = data.count.length;
    if (data.mean.length !== size || data.m2.length !== size) {
      throw new LinkageError("E_INPUT", "MomentsArray.fromJSON: count, mean and m2 lengths differ");
    }
    const m = new MomentsArray(size);
    m.n.set(data.count);
    m.mu.set(data.mean);
    m.sumSq.set(data.m2);
    return m;
  }
}
