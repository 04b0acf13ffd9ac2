/**
 * The messages between the scenario panel and its analysis worker (analysisWorker.ts): the page
 * asks for the analysis of a scenario text with some parameter values set; the worker answers,
 * for that request id, with the parsed parameters, the one-shot analysis without pivots (fast),
 * then the pivots (slower); or with the problems found. A request the worker sees superseded by a
 * newer one before it finishes is dropped, and the page ignores answers older than its latest
 * request, so a stale result never overwrites a newer one.
 */
import type { AnalysisResult, TippingPoint } from "linkage/analysis/AnalysisResult";
import type { ParameterSpec } from "linkage/scenario/Scenario";

export interface AnalysisRequest {
  readonly id: number;
  /** The scenario's YAML text and the file name its messages give. */
  readonly text: string;
  readonly source: string;
  /** Parameter values set by the user (`--set`), id → value. */
  readonly overrides: Readonly<Record<string, number>>;
}

/** One problem found, located in the text when it has a place there (1-based line and column). */
export interface AnalysisProblem {
  /** The document path (`parameters.mu0.value`), "(document)" for broken YAML, "" for none. */
  readonly path: string;
  /** The message the CLI gives, without its `file:line:column: path: ` prefix. */
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
}

/** The parts of the parsed scenario the panel shows (the sliders and the tables' headings). */
export interface ParsedScenarioSummary {
  readonly id: string;
  readonly title: string;
  readonly parameters: readonly ParameterSpec[];
  readonly demands: readonly string[];
}

export type AnalysisResponse =
  | {
      /** The text parsed and the one-shot analysis without pivots is done. */
      readonly kind: "analysis";
      readonly id: number;
      readonly scenario: ParsedScenarioSummary;
      /** The analysis with `pivots: []` (they follow in a `pivots` answer). */
      readonly result: AnalysisResult;
      /** Overrides left out because the scenario has no such parameter any more. */
      readonly unknownOverrides: readonly string[];
      /** Time in the worker: parsing (0 when the text was parsed before) and analysing. */
      readonly parseMs: number;
      readonly analyzeMs: number;
    }
  | {
      /** The pivots of the same request, as `analyze` finds them (every parameter, grid 256). */
      readonly kind: "pivots";
      readonly id: number;
      readonly pivots: readonly TippingPoint[];
      readonly pivotsMs: number;
    }
  | {
      /** The text does not parse (`parse`) or the values set are refused (`analyze`). */
      readonly kind: "problems";
      readonly id: number;
      readonly stage: "parse" | "analyze";
      readonly problems: readonly AnalysisProblem[];
      /** The parsed scenario when the problem is in the analysis, for the sliders. */
      readonly scenario: ParsedScenarioSummary | null;
    };
