import { LinkageError } from "../errors/LinkageError.js";

/** Options of {@link rollingOriginBoundaries}. */
export interface RollingOriginOptions {
  /** Number of folds K. @default 5 */
  readonly folds?: number;
  /** Share of the window the first fit sees. @default 0.5 */
  readonly firstFraction?: number;
}

/**
 * The fold boundaries of a rolling-origin evaluation on [0, extent): K + 1 edges
 * b₀ < b₁ < … < b_K = extent, fold k fitting on [0, b_k) and scoring [b_k, b_{k+1}).
 *
 * Formula: b_k = round(extent·(f + (1 − f)·k/K)) for k < K, b_K = extent; whole units, so folds
 * start on a day (event times in days) or a step (counts). With the defaults the first half of
 * the window is the first training set and the second half is scored in five equal windows.
 *
 * Source: L. J. Tashman, "Out-of-sample tests of forecasting accuracy: an analysis and review",
 * International Journal of Forecasting 16 (2000) 437–450.
 *
 * @param extent - the window's length (duration or number of steps), > 0
 * @throws {LinkageError} E_DOMAIN if the options are out of range or the window is too short
 * for K folds of at least one unit
 * @example rollingOriginBoundaries(100) // => [50, 60, 70, 80, 90, 100]
 */
export function rollingOriginBoundaries(
  extent: number,
  { folds = 5, firstFraction = 0.5 }: RollingOriginOptions = {},
): number[] {
  if (!(extent > 0 && Number.isFinite(extent))) {
    throw new LinkageError(
      "E_DOMAIN",
      `rolling origin: extent must be finite and > 0, got ${extent}`,
    );
  }
  if (!(Number.isInteger(folds) && folds >= 1)) {
    throw new LinkageError(
      "E_DOMAIN",
      `rolling origin: folds must be an integer ≥ 1, got ${folds}`,
    );
  }
  if (!(firstFraction > 0 && firstFraction < 1)) {
    throw new LinkageError(
      "E_DOMAIN",
      `rolling origin: firstFraction must be in (0, 1), got ${firstFraction}`,
    );
  }
  const edges: number[] = [];
  for (let k = 0; k < folds; k++) {
    edges.push(Math.round(extent * (firstFraction + ((1 - firstFraction) * k) / folds)));
  }
  edges.push(extent);
  checkRollingOriginBoundaries(edges, extent);
  return edges;
}

/**
 * Checks fold boundaries b₀ < b₁ < … < b_K against a window [0, extent): at least two edges,
 * strictly ascending, 0 < b₀ and b_K ≤ extent.
 *
 * @throws {LinkageError} E_DOMAIN naming the edge at fault
 */
export function checkRollingOriginBoundaries(boundaries: readonly number[], extent: number): void {
  if (boundaries.length < 2) {
    throw new LinkageError(
      "E_DOMAIN",
      `rolling origin needs at least 2 boundaries (one fold), got ${boundaries.length}`,
    );
  }
  let previous = 0;
  for (let k = 0; k < boundaries.length; k++) {
    const b = boundaries[k]!;
    if (!(b > previous && b <= extent)) {
      throw new LinkageError(
        "E_DOMAIN",
        `rolling-origin boundary ${k} is ${b}: boundaries must ascend strictly within (0, ${extent}]`,
      );
    }
    previous = b;
  }
}
