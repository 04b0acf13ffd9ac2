import type { ScenarioRun } from "linkage/analysis/ScenarioRun";
import { formatSignificant } from "linkage/report/formatNumber";
import { POLICY_PALETTE, type PolicyStyle, policyColors } from "linkage/report/policyColors";
import { seriesOrder } from "linkage/report/weeklySeries";
import type { RunDetail } from "linkage/server/workbenchApi";
import { api } from "../api.js";
import { bestPolicySharePlot } from "./bestPolicySharePlot.js";
import { element } from "./element.js";
import { fanChartPlot } from "./fanChartPlot.js";
import { type ParameterDiff, parameterDiff, type ValueDifference } from "./parameterDiff.js";
import { policyToggles } from "./policyToggles.js";
import { runWords } from "./runWords.js";

/** The dash of the second run's lines in the overlaid fan charts (the first is solid). */
const SECOND_RUN_DASH = "6,4";

/**
 * Two stored runs side by side (`[data-test="run-compare"]`): what differs in their inputs
 * (`[data-test="compare-parameters"]`: seed, runs, the values set, and whether the scenario
 * texts differ, with the parameters whose values differ between the texts), their verdicts
 * (`[data-test="compare-verdict"]`: headline, recommended policy, best-policy shares) and a fan
 * chart of any series with both runs overlaid, the first solid and the second dashed
 * (`[data-test="compare-fan"]`), with the policy toggles. Results are shown for runs that are done.
 */
export async function runCompare(idA: string, idB: string): Promise<HTMLElement> {
  const [a, b] = await Promise.all([loadRun(idA), loadRun(idB)]);
  const nameA = `A: ${a.detail.run.name}`;
  const nameB = `B: ${b.detail.run.name}`;
  const root = element(
    "section",
    { class: "runs-compare", "data-test": "run-compare" },
    element("h2", {}, "Two runs compared"),
    element(
      "p",
      {},
      element("strong", {}, nameA),
      ` (${a.detail.run.id}, solid lines) and `,
      element("strong", {}, nameB),
      ` (${b.detail.run.id}, dashed lines)`,
    ),
  );
  const diff = parameterDiff(inputs(a.detail), inputs(b.detail));
  root.append(parameterSection(diff));
  root.append(verdictSection(a, b));
  if (a.results && b.results) root.append(fanSection(a.results, b.results, a.detail, nameA, nameB));
  else
    root.append(element("p", { class: "muted" }, "Fan charts need both runs done (with results)."));
  return root;
}

interface LoadedRun {
  readonly detail: RunDetail;
  readonly results: ScenarioRun | null;
}

async function loadRun(id: string): Promise<LoadedRun> {
  const path = `/api/runs/${encodeURIComponent(id)}`;
  const detail = await api<RunDetail>(path);
  const results =
    detail.run.status === "done" ? await api<ScenarioRun>(`${path}/results.json`) : null;
  return { detail, results };
}

function inputs(detail: RunDetail) {
  const { run } = detail;
  return {
    text: detail.text,
    source: detail.source,
    scenarioHash: run.scenarioHash,
    overrides: run.overrides,
    seed: run.seed,
    runs: run.runs,
  };
}

function value(v: number | null): string {
  return v === null ? "not set" : String(v);
}

function diffTable(caption: string, rows: readonly ValueDifference[]): HTMLElement {
  return element(
    "table",
    { class: "runs-diff" },
    element("caption", {}, caption),
    element(
      "thead",
      {},
      element(
        "tr",
        {},
        element("th", {}, "parameter"),
        element("th", { class: "number" }, "A"),
        element("th", { class: "number" }, "B"),
      ),
    ),
    element(
      "tbody",
      {},
      ...rows.map((r) =>
        element(
          "tr",
          { "data-parameter": r.id },
          element("td", {}, r.id),
          element("td", { class: "number" }, value(r.a)),
          element("td", { class: "number" }, value(r.b)),
        ),
      ),
    ),
  );
}

function parameterSection(diff: ParameterDiff): HTMLElement {
  const section = element(
    "div",
    { class: "runs-compare-part", "data-test": "compare-parameters" },
    element("h3", {}, "Inputs"),
  );
  const facts = element("ul");
  facts.append(
    element(
      "li",
      { "data-test": "compare-text" },
      diff.sameText
        ? "The same scenario text (same SHA-256 hash)."
        : "The scenario texts differ (their SHA-256 hashes differ).",
    ),
    element(
      "li",
      {},
      diff.seed === null ? "The same seed." : `Seed: A ${diff.seed[0]}, B ${diff.seed[1]}.`,
    ),
    element(
      "li",
      {},
      diff.runs === null
        ? "The same number of runs per policy."
        : `Runs per policy: A ${diff.runs[0]}, B ${diff.runs[1]}.`,
    ),
  );
  if (diff.textProblem !== null)
    facts.append(
      element("li", { class: "error" }, `A scenario text could not be read: ${diff.textProblem}`),
    );
  section.append(facts);
  if (!diff.sameText && diff.textProblem === null)
    section.append(
      diff.textValues.length > 0
        ? diffTable("Parameter values in the texts that differ", diff.textValues)
        : element(
            "p",
            { class: "muted" },
            "Every parameter has the same value in both texts; they differ elsewhere (wording, priors, structure).",
          ),
    );
  section.append(
    diff.overrides.length > 0
      ? diffTable("Values set that differ", diff.overrides)
      : element("p", { class: "muted" }, "The same values set (overrides)."),
  );
  if (diff.effective.length > 0)
    section.append(diffTable("So these parameters ran at different values", diff.effective));
  return section;
}

function verdictSection(a: LoadedRun, b: LoadedRun): HTMLElement {
  const ra = a.detail.run;
  const rb = b.detail.run;
  const label = (run: LoadedRun, policy: string | null) => {
    if (policy === null) return "—";
    const l = run.results?.simulation.policies[policy]?.label;
    return l ? `${l} (${policy})` : policy;
  };
  const row = (title: string, va: string, vb: string, test: string) =>
    element(
      "tr",
      { "data-test": test, class: va === vb ? "" : "runs-differs" },
      element("th", {}, title),
      element("td", {}, va),
      element("td", {}, vb),
    );
  const table = element(
    "table",
    { class: "runs-diff runs-verdict-diff" },
    element(
      "thead",
      {},
      element("tr", {}, element("th", {}, ""), element("th", {}, "A"), element("th", {}, "B")),
    ),
    element(
      "tbody",
      {},
      row("Status", ra.status, rb.status, "compare-status"),
      row("Headline", ra.headline ?? "—", rb.headline ?? "—", "compare-headline"),
      row(
        "Recommended policy",
        label(a, ra.recommendedPolicy),
        label(b, rb.recommendedPolicy),
        "compare-recommended",
      ),
    ),
  );
  const section = element(
    "div",
    { class: "runs-compare-part", "data-test": "compare-verdict" },
    element("h3", {}, "Verdicts"),
    table,
  );
  if (a.results && b.results) {
    const style = mergedStyle(a.results, b.results);
    const ids = style.ids;
    const share = (r: ScenarioRun, kind: "oneShot" | "simulated", id: string) => {
      const v = r.sensitivity.bestPolicyShare[kind][id];
      return v === undefined ? "—" : `${formatSignificant(v * 100, 2)}%`;
    };
    section.append(
      element(
        "table",
        { class: "runs-diff", "data-test": "compare-shares" },
        element("caption", {}, "How often each policy is best"),
        element(
          "thead",
          {},
          element(
            "tr",
            {},
            element("th", {}, "policy"),
            element("th", { class: "number" }, "one-shot A"),
            element("th", { class: "number" }, "one-shot B"),
            element("th", { class: "number" }, "simulated A"),
            element("th", { class: "number" }, "simulated B"),
          ),
        ),
        element(
          "tbody",
          {},
          ...ids.map((id) =>
            element(
              "tr",
              { "data-policy": id },
              element("td", {}, style.label[id] ?? id),
              element("td", { class: "number" }, share(a.results!, "oneShot", id)),
              element("td", { class: "number" }, share(b.results!, "oneShot", id)),
              element("td", { class: "number" }, share(a.results!, "simulated", id)),
              element("td", { class: "number" }, share(b.results!, "simulated", id)),
            ),
          ),
        ),
      ),
    );
    const shown = new Set(ids);
    const chart = element("div");
    const draw = () =>
      chart.replaceChildren(
        bestPolicySharePlot(
          [
            { label: "A: one-shot game", shares: a.results!.sensitivity.bestPolicyShare.oneShot },
            { label: "B: one-shot game", shares: b.results!.sensitivity.bestPolicyShare.oneShot },
            { label: "A: simulation", shares: a.results!.sensitivity.bestPolicyShare.simulated },
            { label: "B: simulation", shares: b.results!.sensitivity.bestPolicyShare.simulated },
          ],
          style,
          shown,
        ) ?? "",
      );
    draw();
    section.append(chart);
  }
  return section;
}

/** The first run's policies and colours, then any policy only the second has (next colours). */
function mergedStyle(a: ScenarioRun, b: ScenarioRun): PolicyStyle {
  const first = policyColors(a);
  const second = policyColors(b);
  const ids = [...first.ids];
  const label: Record<string, string> = { ...first.label };
  const color: Record<string, string> = { ...first.color };
  for (const id of second.ids)
    if (!ids.includes(id)) {
      color[id] = POLICY_PALETTE[ids.length % POLICY_PALETTE.length]!;
      ids.push(id);
      label[id] = second.label[id] ?? id;
    }
  return { ids, label, color };
}

function fanSection(
  a: ScenarioRun,
  b: ScenarioRun,
  detailA: RunDetail,
  nameA: string,
  nameB: string,
): HTMLElement {
  const style = mergedStyle(a, b);
  const words = runWords(a, detailA.text, detailA.source);
  const inB = new Set(seriesOrder(b));
  const series = seriesOrder(a).filter((s) => inB.has(s));
  const shown = new Set(style.ids);
  const pick = element("select", { "data-test": "compare-series" });
  for (const s of series) pick.append(element("option", { value: s }, words.series(s).title));
  const chart = element("figure", { class: "runs-chart", "data-test": "compare-fan" });
  const draw = () => {
    const plot = fanChartPlot(
      pick.value,
      [
        { name: nameA, run: a, dash: null },
        { name: nameB, run: b, dash: SECOND_RUN_DASH },
      ],
      style,
      shown,
      words,
    );
    chart.replaceChildren(
      element("figcaption", {}, `${words.series(pick.value).title}: A solid, B dashed`),
      plot ?? element("p", { class: "muted" }, "No policy shown has this series."),
    );
  };
  pick.addEventListener("change", draw);
  const section = element(
    "div",
    { class: "runs-compare-part" },
    element("h3", {}, "Fan charts overlaid"),
  );
  if (series.length === 0) {
    section.append(element("p", { class: "muted" }, "The two runs share no simulated series."));
    return section;
  }
  draw();
  section.append(
    element("label", {}, "Series ", pick),
    policyToggles(style, style.ids, shown, draw),
    chart,
  );
  return section;
}
