import { isMap, isScalar, type Pair, parseDocument } from "yaml";
import { LinkageError } from "../errors/LinkageError.js";
import type { Prior } from "../scenario/Scenario.js";

/** A parameter's new default, prior and source, as a calibration writes them. */
export interface ParameterCalibration {
  readonly id: string;
  readonly value: number;
  readonly prior: Prior;
  readonly source: string;
  /** One line placed above the parameter's `value` in the written file (without the `#`). */
  readonly comment: string;
}

interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * A copy of a scenario's YAML text with the given parameters' `value`, `prior` and `source`
 * replaced, and a comment line saying where they came from. The text is edited in place of the
 * old values only (each replaced value to the end of its line, so a stale trailing comment goes
 * with it); every other byte (comments, layout, folded text, other parameters) is kept as written.
 * The caller writes it to a new file: the original is never modified.
 *
 * @param text the scenario file's text (it parsed as a scenario)
 * @param file its name, for messages
 * @throws {LinkageError} E_SCENARIO if the text has no `parameters` map or lacks one of the ids
 * @example calibratedScenarioYaml(text, "kabul.yaml", [{ id: "nH", value: 0.48, prior, source, comment }])
 */
export function calibratedScenarioYaml(
  text: string,
  file: string,
  calibrations: readonly ParameterCalibration[],
): string {
  const document = parseDocument(text);
  const parameters = document.get("parameters", true);
  if (!isMap(parameters)) {
    throw new LinkageError(
      "E_SCENARIO",
      `${file}: no parameters section to write the estimates into`,
    );
  }
  const edits: Edit[] = [];
  for (const c of calibrations) {
    const entry = parameters.get(c.id, true);
    if (!isMap(entry) || entry.flow) {
      throw new LinkageError(
        "E_SCENARIO",
        `${file}: parameters.${c.id} must be declared as a block map (value:, prior:, … on their own lines) to be calibrated`,
      );
    }
    const pairs = entry.items as Pair[];
    const pairOf = (key: string) => pairs.find((p) => isScalar(p.key) && p.key.value === key);
    const firstKey = pairs[0]?.key;
    if (!isScalar(firstKey) || !firstKey.range) {
      throw new LinkageError("E_SCENARIO", `${file}: parameters.${c.id} is empty`);
    }
    const keyStart = firstKey.range[0];
    const lineStart = text.lastIndexOf("\n", keyStart - 1) + 1;
    const indent = text.slice(lineStart, keyStart);
    const lastValue = pairs[pairs.length - 1]?.value as { range?: [number, number, number] };
    const insertAt = lineEnd(text, lastValue?.range?.[1] ?? keyStart);
    const set = (key: string, rendered: string) => {
      const pair = pairOf(key);
      const node = pair?.value as { range?: [number, number, number] } | null | undefined;
      if (node?.range) {
        // a value on one line is replaced to the end of its line (a trailing comment about the
        // old value goes with it); a block scalar (`>`, `|`) or flow value over several lines
        // exactly up to its last character, so the next key is kept
        let end = node.range[1];
        while (end > node.range[0] && (text[end - 1] === "\n" || text[end - 1] === "\r")) end--;
        const multiLine = text.slice(node.range[0], end).includes("\n");
        edits.push({
          start: node.range[0],
          end: multiLine ? end : lineEnd(text, end),
          text: rendered,
        });
      } else {
        edits.push({ start: insertAt, end: insertAt, text: `\n${indent}${key}: ${rendered}` });
      }
    };
    edits.push({ start: lineStart, end: lineStart, text: `${indent}# ${oneLine(c.comment)}\n` });
    set("value", String(c.value));
    set("prior", flowMap(c.prior));
    set("source", JSON.stringify(oneLine(c.source)));
  }
  // from the end backwards, so earlier offsets stay valid; insertions at one offset in reverse
  // order, so they appear in the order they were made
  const order = edits.map((_, i) => i).sort((a, b) => edits[b]!.start - edits[a]!.start || b - a);
  let out = text;
  for (const i of order) {
    const e = edits[i]!;
    out = out.slice(0, e.start) + e.text + out.slice(e.end);
  }
  return out;
}

/** The end of the line that `index` is on (before its newline, or the end of the text). */
function lineEnd(text: string, index: number): number {
  const newline = text.indexOf("\n", index);
  const end = newline === -1 ? text.length : newline;
  return text[end - 1] === "\r" ? end - 1 : end;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, " ");
}

/** A prior as a one-line YAML flow map: `{ dist: normal, mean: 0.48, sd: 0.05 }`. */
function flowMap(prior: Prior): string {
  const fields = Object.entries(prior).filter(([, v]) => v !== undefined);
  return `{ ${fields.map(([k, v]) => `${k}: ${v}`).join(", ")} }`;
}
