import { existsSync, readdirSync } from "node:fs";
import { basename, dirname, extname, isAbsolute, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { LinkageError } from "../errors/LinkageError.js";
import { closestNames, quoteAlternatives } from "../expression/closestNames.js";
import type { CliIo } from "./cliIo.js";

/** This package's folder (the CLI's modules sit two levels below it, in src/cli/ or dist/cli/). */
const PACKAGE_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** A scenario id as the scenario language spells it (scenario/scenarioSchema's Id). */
const SCENARIO_ID = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** File names that may hold a scenario. */
const SCENARIO_FILE = /\.ya?ml$/;

/** Most suggestions a missing path gets. */
const MAX_SUGGESTIONS = 3;

/**
 * The scenario file a command-line argument names, the one place every command that reads a
 * scenario resolves it:
 *
 * - a path that exists is used as given (reading it may still fail: a folder, a device);
 * - a scenario id (`kabul-2021`) that is no file is looked up as `scenarios/<id>.yaml`, relative
 *   to the current folder, then to this package's folder, and the file used is noted on stderr;
 * - anything else is refused, suggesting the closest scenario files in the path's own folder
 *   and in those `scenarios/` folders.
 *
 * @returns the path to read: `argument` itself, or the file found, relative to the current
 *   folder when it lies inside it
 * @throws {LinkageError} E_INPUT naming the argument, where it was looked for, and what is close
 */
export function scenarioPath(argument: string, io: CliIo): string {
  if (existsSync(argument)) return argument;
  const folders = scenarioFolders();
  const isId = SCENARIO_ID.test(argument);
  if (isId) {
    for (const folder of folders) {
      const file = join(folder, `${argument}.yaml`);
      if (existsSync(file)) {
        const path = shown(file);
        io.stderr(`linkage: note: no file "${argument}": using the scenario ${path}\n`);
        return path;
      }
    }
  }
  const lookedIn =
    isId && folders.length > 0
      ? `, nor ${folders.map((folder) => shown(join(folder, `${argument}.yaml`))).join(" nor ")}`
      : "";
  const close = suggestions(argument, folders);
  throw new LinkageError(
    "E_INPUT",
    `${argument}: cannot read the scenario: no such file${lookedIn}${close.length > 0 ? `; did you mean ${quoteAlternatives(close)}?` : ""}`,
  );
}

/** The `scenarios/` folders that exist: the current folder's, then the package's (once if the same). */
function scenarioFolders(): string[] {
  const folders = [resolve("scenarios"), join(PACKAGE_ROOT, "scenarios")];
  return [...new Set(folders.map((folder) => resolve(folder)))].filter((folder) =>
    existsSync(folder),
  );
}

/**
 * Existing scenario files close to `argument`: in its own folder by file name, then in the
 * `scenarios/` folders by id (where the same id counts as closest: `scenario/kabul-2021.yaml`
 * finds `scenarios/kabul-2021.yaml`).
 */
function suggestions(argument: string, folders: readonly string[]): string[] {
  const found: string[] = [];
  const folder = dirname(argument);
  const name = basename(argument);
  for (const close of closestNames(name, scenarioFiles(folder))) found.push(join(folder, close));
  const id = basename(name, extname(name));
  for (const scenarios of folders) {
    const files = scenarioFiles(scenarios);
    const ids = files.map((file) => basename(file, extname(file)));
    const exact = files.filter((_, k) => ids[k] === id);
    const near = closestNames(id, ids).map((close) => files[ids.indexOf(close)]!);
    for (const file of [...exact, ...near]) found.push(shown(join(scenarios, file)));
  }
  const unique = new Map<string, string>();
  for (const path of found) if (!unique.has(resolve(path))) unique.set(resolve(path), path);
  return [...unique.values()].slice(0, MAX_SUGGESTIONS);
}

/** The scenario files (.yaml, .yml) directly inside `folder`, or none when it cannot be listed. */
function scenarioFiles(folder: string): string[] {
  try {
    return readdirSync(folder, { withFileTypes: true })
      .filter((entry) => !entry.isDirectory() && SCENARIO_FILE.test(entry.name))
      .map((entry) => entry.name)
      .sort();
  } catch {
    return [];
  }
}

/** A path as the user would type it: relative to the current folder when inside it. */
function shown(path: string): string {
  const inside = relative(process.cwd(), path);
  return inside !== "" && !inside.startsWith("..") && !isAbsolute(inside) ? inside : path;
}
