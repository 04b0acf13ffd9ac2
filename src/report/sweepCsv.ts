import type { SweepOutcome, SweepResult } from "../analysis/sweepScenario.js";

/** The statistics written for each output, in column order. */
const STATISTICS = ["mean", "q05", "q50", "q95"] as const satisfies readonly (keyof SweepOutcome)[];

/**
 * A sweep as CSV (`sweep.csv`): one row per point × policy, points in sweep order and policies in
 * scenario order. Columns: the varied parameters' ids, `policy`, then `<output>_mean`,
 * `<output>_q05`, `<output>_q50`, `<output>_q95` for every output, then `leverage`,
 * `leverage_q05`, `leverage_q50`, `leverage_q95` (the policy's senderUtility minus the baseline's,
 * run by run) and `best_share` (share of runs in which the policy is best). Numbers are written
 * at full precision (the shortest text that reads back as the same double); a missing value is
 * an empty field. Fields are quoted as RFC 4180 says (a field holding a comma, a quote or a line
 * break is put in double quotes, its quotes doubled) and lines end in CRLF.
 *
 * @example sweepCsv(result).split("\r\n")[0] // => "sigma_sub,policy,attacks_mean,attacks_q05,…,best_share"
 */
export function sweepCsv(result: SweepResult): string {
  const header = [
    ...result.ids,
    "policy",
    ...result.outputs.flatMap((name) => STATISTICS.map((s) => `${name}_${s}`)),
    "leverage",
    "leverage_q05",
    "leverage_q50",
    "leverage_q95",
    "best_share",
  ];
  const lines = [header.map(field).join(",")];
  for (const point of result.points) {
    for (const id of result.policies) {
      const policy = point.policies[id];
      if (!policy) continue;
      const cells: (string | number | null | undefined)[] = [
        ...point.values,
        id,
        ...result.outputs.flatMap((name) => STATISTICS.map((s) => policy.outcomes[name]?.[s])),
        ...STATISTICS.map((s) => policy.leverage?.[s]),
        policy.bestShare,
      ];
      lines.push(cells.map(field).join(","));
    }
  }
  return `${lines.join("\r\n")}\r\n`;
}

/** One CSV field: numbers as the shortest round-trip text, text quoted when RFC 4180 needs it. */
function field(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
