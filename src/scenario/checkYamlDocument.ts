import { type Document, isAlias, isMap, isPair, isScalar, isSeq, type Node } from "yaml";
import type { DocumentPath } from "./yamlLocator.js";

/** Keys that would reach an object's prototype if used as names: refused everywhere. */
export const RESERVED_NAMES: ReadonlySet<string> = new Set([
  "__proto__",
  "constructor",
  "prototype",
]);

/** Most aliases (`*name`) a scenario may use: enough for sharing values, not for a bomb. */
export const MAX_YAML_ALIASES = 100;

/** Deepest nesting of mappings and lists in a scenario. */
export const MAX_YAML_DEPTH = 64;

/** The core schema's tags; any other (`!!js/function`, `!custom`) is refused, not ignored. */
const CORE_TAGS: ReadonlySet<string> = new Set(
  ["str", "int", "float", "bool", "null", "map", "seq"].map((t) => `tag:yaml.org,2002:${t}`),
);

/** A problem found by {@link checkYamlDocument}, located by path (and key, for a key). */
export interface YamlProblem {
  readonly path: DocumentPath;
  readonly key?: string;
  readonly message: string;
}

/**
 * Checks what the YAML parser itself lets through, in one pass over the document (linear in its
 * size — the parser's own `uniqueKeys` check is quadratic): duplicate keys, keys that are
 * reserved names (`__proto__`, `constructor`, `prototype`, which would otherwise vanish into or
 * alter an object's prototype), tags outside YAML's core schema, more than
 * {@link MAX_YAML_ALIASES} aliases and nesting deeper than {@link MAX_YAML_DEPTH}.
 */
export function checkYamlDocument(document: Document): YamlProblem[] {
  const problems: YamlProblem[] = [];
  let aliases = 0;
  const visit = (node: unknown, path: (string | number)[], depth: number): void => {
    if (node === null || node === undefined) return;
    if (isAlias(node)) {
      aliases++;
      if (aliases === MAX_YAML_ALIASES + 1) {
        problems.push({
          path: [...path],
          message: `more than ${MAX_YAML_ALIASES} aliases (*name); write the values out`,
        });
      }
      return;
    }
    const tag = (node as Node).tag;
    if (tag !== undefined && !CORE_TAGS.has(tag)) {
      problems.push({
        path: [...path],
        message: `the tag ${tag} is not part of the scenario language; remove it`,
      });
    }
    if (depth > MAX_YAML_DEPTH) {
      problems.push({ path: [...path], message: `nested deeper than ${MAX_YAML_DEPTH} levels` });
      return;
    }
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = isScalar(pair.key) ? pair.key.value : pair.key;
        const name = String(key);
        if (isScalar(pair.key) && seen.has(key)) {
          problems.push({ path: [...path], key: name, message: `duplicate key "${name}"` });
        }
        seen.add(key);
        if (typeof key === "string" && RESERVED_NAMES.has(key)) {
          problems.push({
            path: [...path],
            key: name,
            message: `"${name}" is a reserved name and cannot be used as a key or id`,
          });
        }
        path.push(name);
        visit(pair.value, path, depth + 1);
        path.pop();
      }
      return;
    }
    if (isSeq(node)) {
      node.items.forEach((item, i) => {
        path.push(i);
        visit(item, path, depth + 1);
        path.pop();
      });
    }
  };
  visit(document.contents, [], 0);
  return problems;
}
