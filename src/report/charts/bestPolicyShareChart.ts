import * as Plot from "@observablehq/plot";
import type { ScenarioRun } from "../../analysis/ScenarioRun.js";
import type { PolicyStyle } from "../policyColors.js";
import { type ReportWords, reportWords } from "../reportWords.js";
import { chartFigure, outerHtml, plotDocument, policyLegend } from "./chartFigure.js";

interface ShareRow {
  readonly source: string;
  readonly policy: string;
  readonly percent: number;
}

const ONE_SHOT = "one-shot game";

/**
 * How often each policy is the sender's best, as two stacked 100% bars: over prior draws of the
 * parameters in the one-shot game, and over the weekly Monte Carlo runs (highest senderUtility,
 * common random numbers). Segments are labelled with their share when wide enough; the legend
 * names the policies.
 *
 * @returns a `<figure class="chart" data-chart="best-policy-share">`, or "" when both shares are empty
 */
export function bestPolicyShareChart(
  run: ScenarioRun,
  style: PolicyStyle,
  words: ReportWords = reportWords(run),
): string {
  const { step, sender } = words;
  const SIMULATED = `${step.adjective} simulation`;
  const { oneShot, simulated } = run.sensitivity.bestPolicyShare;
  const rows: ShareRow[] = [];
  for (const [source, shares] of [
    [ONE_SHOT, oneShot],
    [SIMULATED, simulated],
  ] as const) {
    for (const policy of style.ids) {
      const share = shares[policy];
      if (share !== undefined && share > 0) rows.push({ source, policy, percent: share * 100 });
    }
  }
  if (rows.length === 0) return "";
  const sources = [ONE_SHOT, SIMULATED].filter((s) => rows.some((r) => r.source === s));
  const svg = Plot.plot({
    document: plotDocument(),
    width: 1060,
    height: 60 + 50 * sources.length,
    marginLeft: 130,
    marginRight: 20,
    marginBottom: 40,
    style: { fontSize: "11px" },
    y: { domain: sources, label: null, padding: 0.25 },
    x: {
      domain: [0, 100],
      label: "share of prior draws / runs in which the policy is best (%)",
      grid: true,
    },
    color: { domain: [...style.ids], range: style.ids.map((id) => style.color[id]!) },
    marks: [
      Plot.barX(
        rows,
        Plot.stackX({
          y: "source",
          x: "percent",
          fill: "policy",
          order: [...style.ids],
          stroke: "white",
        }),
      ),
      Plot.text(
        rows,
        Plot.stackX({
          y: "source",
          x: "percent",
          z: "policy",
          order: [...style.ids],
          text: (r: ShareRow) => (r.percent >= 5 ? `${Math.round(r.percent)}%` : ""),
          fill: "white",
          fontWeight: "bold",
        }),
      ),
    ],
  });
  return chartFigure({
    name: "best-policy-share",
    title: "How often each policy is best",
    caption: `Top bar: the share of ${run.sensitivity.draws} draws of the parameters from their priors in which each policy gives the ${sender} the highest expected payoff in the one-shot game. Bottom bar: the share of the ${run.simulation.runs} ${step.adjective} simulation runs in which each policy gave the ${sender} the highest average ${step.adjective} payoff (all policies face the same random draws). Segments under 5% are unlabelled.`,
    svg: outerHtml(svg),
    legend: policyLegend(style),
  });
}
