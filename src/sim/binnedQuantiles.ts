/**
 * Streaming quantiles on a fixed grid, for the weekly fan charts of a Monte Carlo batch, where
 * millions of values arrive and only a few quantiles are wanted.
 *
 * The grid is set from a pilot block of values (the batch's first chunk, which is the same for
 * every thread count): `bins` equal bins over the pilot's range widened by half its width on each
 * side. Values outside the grid are kept exactly. A quantile is read from the cumulative counts
 * and interpolated linearly between the smallest and largest value seen in its bin, so its error
 * is at most one bin width (range/bins), and it is exact for values outside the grid and for
 * series that take a few distinct values (support levels, escalation levels, 0/1 choices). Adding is O(1) and allocation-free; the result
 * depends only on the values and their order of arrival, never on timing.
 */
export class BinnedQuantiles {
  private lo = 0;
  private width = 1;
  private invWidth = 1;
  private readonly counts: Uint32Array;
  private readonly binMin: Float32Array;
  private readonly binMax: Float32Array;
  private readonly below: number[] = [];
  private readonly above: number[] = [];
  private n = 0;
  private calibrated = false;

  /**
   * @param bins - grid size; memory is 12 bytes a bin (thousands of estimators live at once in a
   *   batch, so the grid is kept small: the per-bin min and max keep the error well below a bin)
   *   @default 512
   */
  constructor(readonly bins = 512) {
    this.counts = new Uint32Array(bins);
    this.binMin = new Float32Array(bins).fill(Number.POSITIVE_INFINITY);
    this.binMax = new Float32Array(bins).fill(Number.NEGATIVE_INFINITY);
  }

  /** Number of values added. */
  get count(): number {
    return this.n;
  }

  /** Sets the grid from a pilot block (if not yet set), then adds the block. */
  addBlock(values: ArrayLike<number>): void {
    if (!this.calibrated) {
      let min = Number.POSITIVE_INFINITY;
      let max = Number.NEGATIVE_INFINITY;
      for (let i = 0; i < values.length; i++) {
        const x = values[i]!;
        if (x < min) min = x;
        if (x > max) max = x;
      }
      if (!(min <= max)) {
        min = 0;
        max = 1;
      }
      const span = max - min || Math.max(1, Math.abs(min));
      this.lo = min - 0.5 * span;
      this.width = (2 * span) / this.bins;
      this.invWidth = 1 / this.width;
      this.calibrated = true;
    }
    // the hot loop of batch aggregation: locals only, no calls
    const { lo, invWidth, bins, counts, binMin, binMax } = this;
    let n = 0;
    for (let i = 0; i < values.length; i++) {
      const x = values[i]!;
      const b = Math.floor((x - lo) * invWidth);
      if (b >= 0 && b < bins) {
        counts[b]!++;
        if (x < binMin[b]!) binMin[b] = x;
        if (x > binMax[b]!) binMax[b] = x;
        n++;
      } else if (!Number.isNaN(x)) {
        (b < 0 ? this.below : this.above).push(x);
        n++;
      }
    }
    this.n += n;
  }

  /** Adds one value (NaN is ignored). */
  add(x: number): void {
    if (Number.isNaN(x)) return;
    this.n++;
    const b = Math.floor((x - this.lo) * this.invWidth);
    if (b < 0) this.below.push(x);
    else if (b >= this.bins) this.above.push(x);
    else {
      this.counts[b]!++;
      if (x < this.binMin[b]!) this.binMin[b] = x;
      if (x > this.binMax[b]!) this.binMax[b] = x;
    }
  }

  /** The q-quantile (linear interpolation between order statistics, like R's type 7, within one bin). */
  quantile(q: number): number {
    if (this.n === 0) return Number.NaN;
    const rank = q * (this.n - 1); // 0-based fractional rank
    const below = this.below.length;
    if (rank < below) {
      const sorted = [...this.below].sort((a, b) => a - b);
      return interpolate(sorted, rank);
    }
    let seen = below;
    for (let b = 0; b < this.bins; b++) {
      const c = this.counts[b]!;
      if (c > 0 && rank < seen + c) {
        // spread the bin's c values evenly between the smallest and largest seen in it
        const lo = this.binMin[b]!;
        return c === 1 ? lo : lo + ((this.binMax[b]! - lo) * (rank - seen)) / (c - 1);
      }
      seen += c;
    }
    const sorted = [...this.above].sort((a, b) => a - b);
    return interpolate(sorted, rank - seen);
  }
}

function interpolate(sorted: readonly number[], rank: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.floor(rank)));
  const j = Math.min(sorted.length - 1, i + 1);
  return sorted[i]! + (rank - i) * (sorted[j]! - sorted[i]!);
}
