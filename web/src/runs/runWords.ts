import type { ScenarioRun } from "linkage/analysis/ScenarioRun";
import { type ReportWords, reportWords } from "linkage/report/reportWords";
import { parseScenario } from "linkage/scenario/parseScenario";

/**
 * The report's words for a run (its step, actors, outcomes and series), read from the scenario
 * text it ran; a text that no longer parses (a newer language) falls back to the run's own words.
 */
export function runWords(run: ScenarioRun, text: string, source: string): ReportWords {
  try {
    return reportWords(run, parseScenario(text, source));
  } catch {
    return reportWords(run);
  }
}
