import type { ScenarioRun } from "../analysis/ScenarioRun.js";
import type { RunReportOptions } from "./RunReportOptions.js";

/** Hex digits of the scenario's SHA-256 the footer prints. */
export const SCENARIO_HASH_DIGITS = 12;

/** One line of the report's footer: what it states, and its value as plain text. */
export interface FooterFact {
  readonly name: string;
  readonly value: string;
  /** A command or hash, shown in a code font. */
  readonly code: boolean;
}

/**
 * The facts a run report ends with, in order: the generation date (ISO, UTC), Linkage's version,
 * the scenario (id and the first {@link SCENARIO_HASH_DIGITS} hex digits of its file's SHA-256),
 * the seed, and the command that reproduces the run. A fact the options omit is left out.
 *
 * @example reportFooterFacts(run, { generatedAt: new Date("2026-01-05T10:00:00Z") })[0]
 * // => { name: "Generated", value: "2026-01-05", code: false }
 */
export function reportFooterFacts(run: ScenarioRun, options: RunReportOptions = {}): FooterFact[] {
  const facts: FooterFact[] = [];
  if (options.generatedAt)
    facts.push({
      name: "Generated",
      value: options.generatedAt.toISOString().slice(0, 10),
      code: false,
    });
  if (options.version) facts.push({ name: "Linkage", value: options.version, code: false });
  facts.push({ name: "Scenario", value: run.scenario.id, code: true });
  if (options.scenarioHash)
    facts.push({
      name: "Scenario SHA-256",
      value: options.scenarioHash.slice(0, SCENARIO_HASH_DIGITS),
      code: true,
    });
  facts.push({ name: "Seed", value: String(run.seed), code: false });
  facts.push({ name: "Command", value: run.command, code: true });
  return facts;
}
