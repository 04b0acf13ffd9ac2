import type * as z from "zod";
import { closestNames, quoteAlternatives } from "../expression/closestNames.js";
import type { DocumentPath } from "./yamlLocator.js";

/** A zod issue turned into words: what was found, what was expected, and which key if any. */
export interface IssueDescription {
  readonly path: DocumentPath;
  /** For unknown keys: the offending key, so its own line can be reported. */
  readonly key?: string;
  readonly message: string;
}

/** Describes a value found in a document in a few words: `"abc" (a string)`, `a list`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "an empty value (null)";
  if (typeof value === "string")
    return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}" (a string)`;
  if (typeof value === "number") return `${value} (a number)`;
  if (typeof value === "boolean") return `${value} (a boolean)`;
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  return typeof value;
}

const EXPECTED_WORDS: Readonly<Record<string, string>> = {
  number: "a number",
  string: "a string",
  boolean: "true or false",
  object: "a mapping",
  record: "a mapping",
  array: "a list",
};

/**
 * Turns one zod issue into a message that says what was expected and what was found.
 * `schema` is the root schema, used to list the keys allowed where an unknown key appears.
 */
export function describeIssue(issue: z.core.$ZodIssue, schema: z.ZodType): IssueDescription {
  const path = issue.path.filter((s): s is string | number => typeof s !== "symbol");
  const input = (issue as { input?: unknown }).input;
  const found = describeValue(input);
  switch (issue.code) {
    case "invalid_type": {
      if (input === undefined)
        return { path, message: missing(path, EXPECTED_WORDS[issue.expected] ?? issue.expected) };
      const custom = issue.message.startsWith("Invalid input") ? undefined : issue.message;
      return {
        path,
        message: `${custom ?? `expected ${EXPECTED_WORDS[issue.expected] ?? issue.expected}`}, found ${found}`,
      };
    }
    case "unrecognized_keys": {
      const key = issue.keys[0] ?? "";
      const allowed = allowedKeys(schema, path);
      const more = issue.keys.length > 1 ? ` (and ${issue.keys.length - 1} more unknown)` : "";
      const close = closestNames(key, allowed);
      return {
        path,
        key,
        message: `unknown key "${key}"${more}; ${close.length > 0 ? `did you mean ${quoteAlternatives(close)}?` : `expected one of: ${allowed.join(", ")}`}`,
      };
    }
    case "invalid_value":
      return {
        path,
        message: `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}, found ${found}`,
      };
    case "invalid_union": {
      if (input === undefined)
        return { path, message: missing(path, issue.message.replace(/^expected /, "")) };
      if ("discriminator" in issue && issue.discriminator !== undefined) {
        const value =
          input && typeof input === "object"
            ? (input as Record<string, unknown>)[issue.discriminator as string]
            : input;
        return { path, message: `${issue.message}, found ${describeValue(value)}` };
      }
      return { path, message: `${issue.message}, found ${found}` };
    }
    case "too_small":
    case "too_big": {
      if (issue.origin === "array") return { path, message: issue.message };
      return { path, message: `${issue.message}, found ${found}` };
    }
    default:
      return {
        path,
        message: input === undefined ? issue.message : `${issue.message}, found ${found}`,
      };
  }
}

function missing(path: DocumentPath, expected: string): string {
  const field = path[path.length - 1];
  return `missing required field${field === undefined ? "" : ` "${String(field)}"`}: expected ${expected}`;
}

interface Def {
  type: string;
  shape?: Record<string, { _zod: { def: Def } }>;
  element?: { _zod: { def: Def } };
  valueType?: { _zod: { def: Def } };
  innerType?: { _zod: { def: Def } };
  options?: { _zod: { def: Def } }[];
}

function defOf(schema: unknown): Def {
  return (schema as { _zod: { def: Def } })._zod.def;
}

function unwrap(def: Def): Def {
  let d = def;
  while ((d.type === "optional" || d.type === "default" || d.type === "nullable") && d.innerType) {
    d = defOf(d.innerType);
  }
  return d;
}

/** Object schemas that the value at `path` may be checked against (several inside unions). */
function schemasAt(schema: z.ZodType, path: DocumentPath): Def[] {
  let current: Def[] = [unwrap(defOf(schema))];
  for (const segment of path) {
    const next: Def[] = [];
    for (const def of current.flatMap(expandUnion)) {
      if (def.type === "object" && typeof segment === "string" && def.shape?.[segment]) {
        next.push(unwrap(defOf(def.shape[segment])));
      } else if (def.type === "array" && typeof segment === "number" && def.element) {
        next.push(unwrap(defOf(def.element)));
      } else if (def.type === "record" && def.valueType) {
        next.push(unwrap(defOf(def.valueType)));
      }
    }
    current = next;
  }
  return current.flatMap(expandUnion);
}

function expandUnion(def: Def): Def[] {
  if (def.type === "union" && def.options) return def.options.map((o) => unwrap(defOf(o)));
  return [def];
}

function allowedKeys(schema: z.ZodType, path: DocumentPath): string[] {
  const keys = new Set<string>();
  for (const def of schemasAt(schema, path)) {
    if (def.type === "object" && def.shape) for (const key of Object.keys(def.shape)) keys.add(key);
  }
  return [...keys];
}
