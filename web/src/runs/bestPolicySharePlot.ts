import * as Plot from "@observablehq/plot";
import type { PolicyStyle } from "linkage/report/policyColors";

/** One bar of the best-policy shares: where the shares were counted, and the shares. */
export interface ShareBar {
  /** The bar's label ("one-shot game", "weekly simulation", or a run's name and either). */
  readonly label: string;
  /** Policy id → share in [0, 1]. */
  readonly shares: Readonly<Record<string, number>>;
}

interface ShareRow {
  readonly bar: string;
  readonly policy: string;
  readonly percent: number;
}

/**
 * How often each policy is the sender's best, as stacked 100% bars (one per `ShareBar`), in the
 * policies' colours, segments of 5% or more labelled; hovering a segment gives the policy and its
 * share (Plot's `tip`). Hidden policies are left out (the others keep their widths).
 *
 * @returns the chart, or null when every shown share is empty
 */
export function bestPolicySharePlot(
  bars: readonly ShareBar[],
  style: PolicyStyle,
  shown: ReadonlySet<string>,
  width = 900,
): SVGSVGElement | HTMLElement | null {
  const rows: ShareRow[] = [];
  for (const bar of bars)
    for (const policy of style.ids) {
      const share = bar.shares[policy];
      if (share !== undefined && share > 0 && shown.has(policy))
        rows.push({ bar: bar.label, policy, percent: share * 100 });
    }
  if (rows.length === 0) return null;
  const labels = bars.map((b) => b.label).filter((l) => rows.some((r) => r.bar === l));
  const stack = { y: "bar", x: "percent", order: [...style.ids] };
  return Plot.plot({
    width,
    height: 50 + 44 * labels.length,
    marginLeft: 190,
    marginRight: 20,
    marginBottom: 38,
    style: { fontSize: "11px" },
    y: { domain: labels, label: null, padding: 0.25 },
    x: { domain: [0, 100], label: "share in which the policy is best (%)", grid: true },
    color: { domain: [...style.ids], range: style.ids.map((id) => style.color[id]!) },
    marks: [
      Plot.barX(rows, Plot.stackX({ ...stack, fill: "policy", stroke: "white" })),
      Plot.text(
        rows,
        Plot.stackX({
          ...stack,
          z: "policy",
          text: (r: ShareRow) => (r.percent >= 5 ? `${Math.round(r.percent)}%` : ""),
          fill: "white",
          fontWeight: "bold",
        }),
      ),
      Plot.tip(
        rows,
        Plot.pointer(
          Plot.stackX({
            ...stack,
            z: "policy",
            title: (r: ShareRow) =>
              `${style.label[r.policy] ?? r.policy}\n${r.bar}: best in ${r.percent.toFixed(1)}%`,
          }),
        ),
      ),
    ],
  });
}
