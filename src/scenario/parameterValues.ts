import { LinkageError } from "../errors/LinkageError.js";
import { closestNames, quoteAlternatives } from "../expression/closestNames.js";
import type { Scenario } from "./Scenario.js";
import { typePriorProblem } from "./typePriorProblem.js";

/** Parameter values for one evaluation of a scenario, in declaration order. */
export interface ParameterValues {
  readonly values: Float64Array;
  /** Notes for the user, e.g. a value set outside its prior's range. */
  readonly warnings: readonly string[];
}

/**
 * The scenario's parameter values: defaults, with `overrides` (id → value) applied, as from
 * `--set id=value`. Values used as probabilities must stay in [0, 1]; a value outside its
 * prior's range is allowed and noted in `warnings`.
 *
 * @throws {LinkageError} E_INPUT for an unknown id, a non-finite value or a probability outside [0, 1]
 */
export function parameterValues(
  scenario: Scenario,
  overrides: Readonly<Record<string, number>> = {},
): ParameterValues {
  const values = Float64Array.from(scenario.parameters, (p) => p.value);
  const warnings: string[] = [];
  for (const [id, value] of Object.entries(overrides)) {
    const index = scenario.parameters.findIndex((p) => p.id === id);
    if (index < 0) {
      const ids = scenario.parameters.map((p) => p.id);
      const close = closestNames(id, ids);
      throw new LinkageError(
        "E_INPUT",
        `--set ${id}=${value}: unknown parameter "${id}" in ${scenario.source}; ${close.length > 0 ? `did you mean ${quoteAlternatives(close)}?` : `expected one of: ${ids.join(", ")}`}`,
      );
    }
    const spec = scenario.parameters[index]!;
    if (!Number.isFinite(value)) {
      throw new LinkageError("E_INPUT", `--set ${id}=${value}: expected a finite number`);
    }
    if (spec.probabilityUses.length > 0 && !(value >= 0 && value <= 1)) {
      throw new LinkageError(
        "E_INPUT",
        `--set ${id}=${value}: "${id}" is used as a probability (${spec.probabilityUses.join(", ")}), so it must lie in [0, 1]`,
      );
    }
    if (spec.range && !(value >= spec.range[0] && value <= spec.range[1])) {
      warnings.push(
        `--set ${id}=${value} lies outside its prior's range [${spec.range[0]}, ${spec.range[1]}]`,
      );
    }
    values[index] = value;
  }
  const problem = typePriorProblem(scenario, values);
  if (problem) throw new LinkageError("E_INPUT", `with the values set: ${problem}`);
  return { values, warnings };
}

/**
 * Parses `--set` arguments of the form `id=value` into an overrides record.
 * @throws {LinkageError} E_INPUT when an argument is not `id=number`
 */
export function parseAssignments(assignments: readonly string[]): Record<string, number> {
  // ids are data: a null-prototype record keeps "__proto__" an id like any other (refused below as unknown)
  const out: Record<string, number> = Object.create(null);
  for (const text of assignments) {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(\S+)\s*$/.exec(text);
    const value = match ? Number(match[2]) : Number.NaN;
    if (!match || match[2]!.trim() === "" || !Number.isFinite(value)) {
      throw new LinkageError("E_INPUT", `--set ${text}: expected id=number, e.g. --set alpha=0.2`);
    }
    out[match[1]!] = value;
  }
  return out;
}
