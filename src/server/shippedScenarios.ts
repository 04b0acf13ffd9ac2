import { readdirSync } from "node:fs";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import { parse } from "yaml";
import { MAX_SCENARIO_BYTES } from "../scenario/loadScenario.js";
import { readTextFile } from "../scenario/readTextFile.js";
import { ID_PATTERN, type ShippedScenario } from "./workbenchApi.js";

/** Scenario files: `<id>.yaml` or `<id>.yml`. */
const SCENARIO_FILE = /^(.+)\.ya?ml$/;

/**
 * The scenario files shipped in `folder` (the regular files named `<id>.yaml` or `.yml` whose id
 * matches the API's id pattern; symbolic links and folders are left out), sorted by id, each
 * with its title (the file's `title`, else its id). An unreadable folder lists none.
 */
export function shippedScenarios(folder: string): ShippedScenario[] {
  let entries: { name: string; isFile(): boolean }[];
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return [];
  }
  const found: ShippedScenario[] = [];
  for (const entry of entries) {
    const id = SCENARIO_FILE.exec(entry.name)?.[1];
    if (!entry.isFile() || id === undefined || !ID_PATTERN.test(id)) continue;
    found.push({ id, title: titleOf(join(folder, entry.name)) ?? id, file: entry.name });
  }
  return found.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** A shipped scenario's text and the name a run of it records (see `shippedScenarioText`). */
export interface ShippedScenarioText {
  readonly text: string;
  /**
   * The file as `linkage run` would be given it from the folder the server started in
   * (`scenarios/kabul-2021.yaml`), or its absolute path when it lies elsewhere.
   */
  readonly source: string;
}

/**
 * The text of the shipped scenario `id`: looked up among the files `shippedScenarios` lists,
 * never built into a path from the id, so no id reaches a file outside `folder`.
 * @returns undefined when no such scenario is shipped
 * @throws {LinkageError} E_INPUT when the file cannot be read or is over the size limit
 */
export function shippedScenarioText(folder: string, id: string): ShippedScenarioText | undefined {
  if (!ID_PATTERN.test(id)) return undefined;
  const scenario = shippedScenarios(folder).find((s) => s.id === id);
  if (!scenario) return undefined;
  const file = resolve(folder, scenario.file);
  const fromHere = relative(process.cwd(), file);
  const source =
    fromHere.startsWith("..") || isAbsolute(fromHere) ? file : fromHere.split(sep).join("/");
  return { text: readTextFile(file, MAX_SCENARIO_BYTES, "scenario"), source };
}

/** A scenario file's `title`, if it reads as YAML with a string title. */
function titleOf(file: string): string | undefined {
  try {
    const document = parse(readTextFile(file, MAX_SCENARIO_BYTES, "scenario")) as unknown;
    const title = (document as { title?: unknown } | null)?.title;
    return typeof title === "string" && title.trim() !== "" ? title : undefined;
  } catch {
    return undefined;
  }
}
