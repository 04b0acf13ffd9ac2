/**
 * The scenario panel's Web Worker: parses a scenario text with the core's `parseScenario` and runs
 * the one-shot analysis (`analyze`) with the values set, off the page's thread. It answers in two
 * steps so the verdict shows at once: the analysis without pivots, then the pivots, found one
 * parameter at a time exactly as `analyze` finds them, between which it reads its messages and
 * drops the request if a newer one came (a slider being dragged). The last text's parse is kept,
 * so moving a slider costs an analysis only.
 */

import type { TippingPoint } from "linkage/analysis/AnalysisResult";
import { analyze } from "linkage/analysis/analyze";
import { findTippingPoints } from "linkage/analysis/tippingPoints";
import { compileLeverageGame } from "linkage/scenario/compileLeverageGame";
import { parameterValues } from "linkage/scenario/parameterValues";
import { parseScenario } from "linkage/scenario/parseScenario";
import type { Scenario } from "linkage/scenario/Scenario";
import type {
  AnalysisRequest,
  AnalysisResponse,
  ParsedScenarioSummary,
} from "./analysisMessages.js";
import { problemsOf } from "./problemsOf.js";

interface ParsedText {
  readonly text: string;
  readonly source: string;
  readonly outcome: { readonly scenario: Scenario } | { readonly error: unknown };
}

let parsed: ParsedText | null = null;
let latest = 0;

function answer(response: AnalysisResponse): void {
  self.postMessage(response);
}

function summary(scenario: Scenario): ParsedScenarioSummary {
  return {
    id: scenario.id,
    title: scenario.title,
    parameters: scenario.parameters,
    demands: scenario.demands.map((d) => d.id),
  };
}

/** Lets the worker read the messages that came meanwhile. */
function yieldToMessages(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

async function handle(request: AnalysisRequest): Promise<void> {
  const start = performance.now();
  if (!parsed || parsed.text !== request.text || parsed.source !== request.source) {
    let outcome: ParsedText["outcome"];
    try {
      outcome = { scenario: parseScenario(request.text, request.source) };
    } catch (error) {
      outcome = { error };
    }
    parsed = { text: request.text, source: request.source, outcome };
  }
  const parseMs = performance.now() - start;
  if ("error" in parsed.outcome) {
    answer({
      kind: "problems",
      id: request.id,
      stage: "parse",
      problems: problemsOf(parsed.outcome.error),
      scenario: null,
    });
    return;
  }
  const scenario = parsed.outcome.scenario;
  const known = new Set(scenario.parameters.map((p) => p.id));
  const overrides = Object.fromEntries(
    Object.entries(request.overrides).filter(([id]) => known.has(id)),
  );
  const unknownOverrides = Object.keys(request.overrides).filter((id) => !known.has(id));
  const analyzeStart = performance.now();
  let result: ReturnType<typeof analyze>;
  let values: Float64Array;
  try {
    result = analyze(scenario, { overrides, pivots: false });
    values = parameterValues(scenario, overrides).values;
  } catch (error) {
    answer({
      kind: "problems",
      id: request.id,
      stage: "analyze",
      problems: problemsOf(error),
      scenario: summary(scenario),
    });
    return;
  }
  answer({
    kind: "analysis",
    id: request.id,
    scenario: summary(scenario),
    result,
    unknownOverrides,
    parseMs,
    analyzeMs: performance.now() - analyzeStart,
  });

  // the pivots, one parameter at a time: findTippingPoints skips the parameters without a range
  const pivotsStart = performance.now();
  const pivots: TippingPoint[] = [];
  const build = (v: Float64Array) => compileLeverageGame(scenario, v);
  for (let k = 0; k < scenario.parameters.length; k++) {
    const parameter = scenario.parameters[k]!;
    if (!parameter.range || !parameter.usedInOneShot) continue;
    await yieldToMessages();
    if (request.id !== latest) return;
    const onlyThis: Scenario = {
      ...scenario,
      parameters: scenario.parameters.map((p, i) => (i === k ? p : { ...p, range: null })),
    };
    pivots.push(...findTippingPoints(onlyThis, values, build));
  }
  answer({ kind: "pivots", id: request.id, pivots, pivotsMs: performance.now() - pivotsStart });
}

self.addEventListener("message", (event: MessageEvent<AnalysisRequest>) => {
  latest = event.data.id;
  handle(event.data).catch((error: unknown) => {
    answer({
      kind: "problems",
      id: event.data.id,
      stage: "analyze",
      problems: problemsOf(error),
      scenario: null,
    });
  });
});
