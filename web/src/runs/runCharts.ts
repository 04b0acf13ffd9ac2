import type { ScenarioRun } from "linkage/analysis/ScenarioRun";
import { policyColors } from "linkage/report/policyColors";
import { type ReportWords, simulatedOutcomes } from "linkage/report/reportWords";
import { seriesOrder } from "linkage/report/weeklySeries";
import { stepCount } from "linkage/scenario/timeStep";
import { bestPolicySharePlot } from "./bestPolicySharePlot.js";
import { element } from "./element.js";
import { fanChartPlot } from "./fanChartPlot.js";
import { outcomePlot } from "./outcomePlot.js";
import { policyToggles } from "./policyToggles.js";

/**
 * A finished run's results as interactive charts, in the report's colours: a legend whose
 * toggles show or hide each policy, the fan chart of every simulated series over time, the
 * distribution of each outcome per policy, and how often each policy is best (one-shot and
 * simulated). Every chart shows its numbers on hover. The element is
 * `[data-test="run-charts"]`.
 */
export function runCharts(run: ScenarioRun, words: ReportWords): HTMLElement {
  const style = policyColors(run);
  const shown = new Set(style.ids);
  const body = element("div", { class: "runs-chart-body" });
  const root = element(
    "div",
    { class: "runs-charts", "data-test": "run-charts" },
    policyToggles(style, style.ids, shown, () => draw()),
    body,
  );
  const { step } = words;

  function draw(): void {
    body.replaceChildren();
    const fans = element("div", { class: "runs-chart-stack" });
    for (const series of seriesOrder(run)) {
      const chart = fanChartPlot(series, [{ name: "", run, dash: null }], style, shown, words);
      if (chart)
        fans.append(
          element(
            "figure",
            { class: "runs-chart runs-chart-wide", "data-chart": `fan-${series}` },
            element("figcaption", {}, words.series(series).title),
            chart,
          ),
        );
    }
    body.append(
      element("h3", {}, `${step.unit[0]!.toUpperCase()}${step.unit.slice(1)} by ${step.unit}`),
      element(
        "p",
        { class: "muted" },
        `Over ${run.simulation.runs} simulated runs per policy: the band covers 90% of the runs, the line is the median run. Hover a line for its numbers.`,
      ),
      fans,
    );
    const outcomes = element("div", { class: "runs-chart-grid" });
    for (const [outcome, description] of simulatedOutcomes(run, words)) {
      const chart = outcomePlot(outcome, description, run, style, shown);
      if (chart)
        outcomes.append(
          element(
            "figure",
            { class: "runs-chart", "data-chart": `outcome-${outcome}` },
            element("figcaption", {}, description.title),
            chart,
          ),
        );
    }
    body.append(
      element("h3", {}, `Outcomes after ${stepCount(step, run.simulation.weeks)}`),
      element(
        "p",
        { class: "muted" },
        "Per policy: the line spans 90% of the runs, the box the middle half, the thick tick is the median and the open dot the mean.",
      ),
      outcomes,
    );
    const shares = bestPolicySharePlot(
      [
        { label: "one-shot game", shares: run.sensitivity.bestPolicyShare.oneShot },
        {
          label: `${step.adjective} simulation`,
          shares: run.sensitivity.bestPolicyShare.simulated,
        },
      ],
      style,
      shown,
    );
    body.append(
      element("h3", {}, "How often each policy is best"),
      shares
        ? element("figure", { class: "runs-chart", "data-chart": "best-policy-share" }, shares)
        : element("p", { class: "muted" }, "No policy shown is ever best."),
    );
  }

  draw();
  return root;
}
