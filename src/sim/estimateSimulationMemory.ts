/** What a simulation will hold, for {@link estimateSimulationMemory}. */
export interface SimulationSize {
  readonly policies: number;
  readonly runs: number;
  readonly weeks: number;
  /** End-of-horizon outcomes a run (the scenario's outputs and the built-in ones). */
  readonly outcomes: number;
  /** Weekly series a run. */
  readonly series: number;
  /** Every run's weekly series kept (`--paths`). */
  readonly paths: boolean;
}

/** Bytes of one weekly cell's quantile sketch (512 bins of a count and two float bounds, plus the object). */
const SKETCH_BYTES = 512 * 12 + 128;
/** Bytes of one weekly cell in the JSON result (mean and three quantiles as text). */
const WEEKLY_JSON_BYTES = 120;
/** Bytes of one number of a kept path: four in the store, about twenty as JSON or CSV text. */
const PATH_NUMBER_BYTES = 4 + 24;

/**
 * The peak memory of a simulation in bytes, estimated from its size before it starts: every
 * run's outcomes (kept exactly, and copied once to sort for quantiles), one quantile sketch and
 * the JSON text per weekly cell (policy × series × week), and with `paths` every run's series in
 * the store and as text. Workers' chunks are small and bounded (CHUNK_RUNS runs) and not counted.
 * Used to refuse, before any work, a run that would not fit (`--max-memory`).
 */
export function estimateSimulationMemory(size: SimulationSize): number {
  const { policies, runs, weeks, outcomes, series, paths } = size;
  const outcomeBytes = policies * outcomes * runs * 8 * 2;
  const cells = policies * series * weeks;
  const weeklyBytes = cells * (SKETCH_BYTES + WEEKLY_JSON_BYTES);
  const pathBytes = paths ? cells * runs * PATH_NUMBER_BYTES : 0;
  return outcomeBytes + weeklyBytes + pathBytes;
}
