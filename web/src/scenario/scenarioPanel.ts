import type { AnalysisResult } from "linkage/analysis/AnalysisResult";
import { scenarioJsonSchema } from "linkage/scenario/scenarioJsonSchema";
import type { Workbench } from "../workbench.js";
import { AnalysisClient } from "./AnalysisClient.js";
import { AnalysisView } from "./AnalysisView.js";
import type { AnalysisProblem, ParsedScenarioSummary } from "./analysisMessages.js";
import { ParameterSliders } from "./ParameterSliders.js";
import { problemText } from "./problemText.js";
import { ScenarioEditor } from "./ScenarioEditor.js";
import { ScenarioSources } from "./ScenarioSources.js";

/** How long the editor waits after the last keystroke before the workbench takes its text. */
const EDIT_DELAY_MS = 250;

/**
 * The scenario panel: the YAML editor (with the shipped scenarios and "Open file…" above it, its
 * problems inline and listed below it), the parameters as sliders, and the one-shot analysis of
 * what is in the editor with the values set, run in a Web Worker on every change: the verdict,
 * responses by type, credibility and pivots.
 */
export function mountScenarioPanel(root: HTMLElement, workbench: Workbench): void {
  root.classList.add("scenario-panel");
  const sourcesRoot = document.createElement("div");
  const editorRoot = document.createElement("div");
  editorRoot.className = "scenario-editor";
  editorRoot.dataset["test"] = "scenario-editor";
  const problemsHeading = document.createElement("h3");
  problemsHeading.textContent = "Problems";
  const problemsList = document.createElement("ul");
  problemsList.className = "scenario-errors";
  problemsList.dataset["test"] = "scenario-errors";
  problemsList.setAttribute("aria-live", "polite");
  const problemsNone = document.createElement("p");
  problemsNone.className = "muted";
  problemsNone.dataset["test"] = "scenario-no-errors";
  const problemsRoot = document.createElement("section");
  problemsRoot.className = "scenario-problems";
  problemsRoot.append(problemsHeading, problemsNone, problemsList);
  const editColumn = document.createElement("div");
  editColumn.className = "scenario-edit";
  editColumn.append(editorRoot, problemsRoot);

  const verdictRoot = document.createElement("section");
  verdictRoot.className = "scenario-verdict";
  const slidersRoot = document.createElement("section");
  const sideColumn = document.createElement("div");
  sideColumn.className = "scenario-side";
  sideColumn.append(verdictRoot, slidersRoot);
  const grid = document.createElement("div");
  grid.className = "scenario-grid";
  grid.append(editColumn, sideColumn);
  const tablesRoot = document.createElement("section");
  tablesRoot.className = "scenario-tables";
  root.replaceChildren(sourcesRoot, grid, tablesRoot);

  const view = new AnalysisView(verdictRoot, tablesRoot);
  const sliders = new ParameterSliders(slidersRoot, workbench);
  const sources = new ScenarioSources(sourcesRoot, workbench);

  let editTimer: ReturnType<typeof setTimeout> | undefined;
  let applyingEdit = false;
  const editor = new ScenarioEditor(editorRoot, scenarioJsonSchema(), (text) => {
    clearTimeout(editTimer);
    editTimer = setTimeout(() => {
      applyingEdit = true;
      try {
        workbench.setScenario(text, workbench.source, true);
      } finally {
        applyingEdit = false;
      }
    }, EDIT_DELAY_MS);
  });

  const showProblems = (problems: readonly AnalysisProblem[]) => {
    problemsList.replaceChildren(
      ...problems.map((problem) => {
        const item = document.createElement("li");
        if (problem.line !== undefined) {
          const place = document.createElement("button");
          place.type = "button";
          place.className = "goto";
          place.textContent = `line ${problem.line}, column ${problem.column ?? 1}`;
          place.title = "Show it in the editor";
          place.addEventListener("click", () => editor.goTo(problem.line!, problem.column ?? 1));
          item.append(place, ": ");
        }
        item.append(problemText(problem));
        return item;
      }),
    );
    problemsNone.textContent =
      problems.length === 0 ? "None: the scenario parses and passes every check." : "";
    problemsNone.hidden = problems.length > 0;
  };

  let shown: {
    id: number;
    result: AnalysisResult;
    scenario: ParsedScenarioSummary;
    timing: string;
  } | null = null;
  let sentAt = 0;
  const client = new AnalysisClient((response, request) => {
    if (response.kind === "analysis") {
      editor.showProblems([], request.text);
      showProblems([]);
      sliders.show(response.scenario.parameters);
      const roundTrip = performance.now() - sentAt;
      const worker = response.parseMs + response.analyzeMs;
      const timing = `analysed in ${Math.round(worker)} ms${response.parseMs >= 1 ? ` (parsing ${Math.round(response.parseMs)} ms)` : ""}`;
      shown = { id: response.id, result: response.result, scenario: response.scenario, timing };
      view.show(
        response.result,
        response.scenario.demands,
        false,
        `${timing}; finding the pivots…`,
      );
      const timingElement = verdictRoot.querySelector<HTMLElement>('[data-test="analysis-ms"]');
      timingElement?.setAttribute("data-ms", worker.toFixed(1));
      timingElement?.setAttribute("data-round-trip-ms", roundTrip.toFixed(1));
      if (response.unknownOverrides.length > 0) {
        const kept = Object.fromEntries(
          [...workbench.overrides].filter(([id]) => !response.unknownOverrides.includes(id)),
        );
        workbench.replaceOverrides(kept);
      }
    } else if (response.kind === "pivots") {
      if (!shown || shown.id !== response.id) return;
      view.show(
        { ...shown.result, pivots: response.pivots },
        shown.scenario.demands,
        true,
        `${shown.timing}; pivots in ${Math.round(response.pivotsMs)} ms`,
      );
    } else if (response.stage === "parse") {
      editor.showProblems(response.problems, request.text);
      showProblems(response.problems);
      const n = response.problems.length;
      const count = `The scenario has ${n === 1 ? "a problem" : `${n} problems`} (listed under the editor)`;
      view.showStatus(
        shown ? `${count}; the analysis below is of its last version that parsed.` : `${count}.`,
        true,
      );
    } else {
      // the text parsed (or the worker failed): what is wrong is not in the text
      editor.showProblems([], request.text);
      showProblems([]);
      if (response.scenario) sliders.show(response.scenario.parameters);
      view.showStatus(
        `The analysis was refused: ${response.problems.map(problemText).join("; ")}`,
        true,
      );
    }
  });

  const analyse = () => {
    if (workbench.text.trim() === "") {
      view.showStatus("Waiting for a scenario: paste one into the editor or open a file.");
      return;
    }
    sentAt = performance.now();
    client.request(workbench.text, workbench.source, workbench.overrideRecord());
  };
  workbench.on("scenario", () => {
    if (!applyingEdit) {
      clearTimeout(editTimer);
      editor.setText(workbench.text);
    }
    analyse();
  });
  workbench.on("overrides", analyse);
  if (workbench.text !== "") {
    editor.setText(workbench.text);
    analyse();
  }
  void sources.load();
}
