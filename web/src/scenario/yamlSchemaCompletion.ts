/**
 * Completion of a YAML document from a JSON Schema: at the cursor, the property names the schema
 * allows in the mapping the cursor is in (minus those already written), or the values a key allows
 * (`const`/`enum`), each with its type and the schema's description when it has one.
 *
 * The cursor's place in the document is read from the text around it, line by line, by
 * indentation, so it works while the document is half-typed and does not parse: the keys of the
 * enclosing block mappings and sequence items (`- `), and, on the cursor's line, of the enclosing
 * flow mappings (`prior: { dist: triangular, m|`). The schema is walked along that path through
 * `properties`, `additionalProperties`, `patternProperties`, `items`/`prefixItems`, and through
 * local `$ref`s, `anyOf`, `oneOf` and `allOf`; where several alternatives remain (a `oneOf` of
 * mappings), those whose `const`/`enum` discriminators contradict the keys already written
 * (`dist: triangular`) are dropped.
 *
 * Pure (no editor, no DOM): the editor adapts the result to its own completion type.
 */

/** A JSON Schema node (draft 2020-12), as plain data. */
export type JsonSchema = boolean | { readonly [keyword: string]: unknown };

/** One thing the user may type at the cursor. */
export interface SchemaCompletion {
  readonly label: string;
  /** `property` for a key, `enum` for a value. */
  readonly type: "property" | "enum";
  /** The text inserted (a key is followed by `: `). */
  readonly apply: string;
  /** The value's type in a few words ("number or string", "one of: a, b"), "required" marked. */
  readonly detail: string;
  /** The schema's description of the property, when it has one. */
  readonly info?: string;
}

export interface SchemaCompletionResult {
  /** Where the word being completed starts (an offset into the text). */
  readonly from: number;
  readonly options: readonly SchemaCompletion[];
}

/** A segment of a path in the document: a mapping key or a sequence index. */
export type YamlPathSegment = string | number;

/** Where the cursor is: the path of the mapping it is in, and whether a key or a value is typed. */
export interface YamlCursorPlace {
  /** Path of the mapping (or sequence, for a flow sequence's value) holding the cursor. */
  readonly path: readonly YamlPathSegment[];
  /** A key of that mapping is being typed, or the value of `key`. */
  readonly position: { readonly kind: "key" } | { readonly kind: "value"; readonly key: string };
  /** The part of the word typed so far, and where it starts. */
  readonly prefix: string;
  readonly from: number;
  /** Scalar values of the keys already in that mapping (for discriminators and to skip them). */
  readonly siblings: ReadonlyMap<string, string>;
}

/**
 * The completions at `offset` in `text` from `schema`, or `null` where nothing is to be completed
 * (a comment, a block scalar, the inside of a quoted string, a key the schema does not know).
 */
export function yamlSchemaCompletions(
  schema: JsonSchema,
  text: string,
  offset: number,
): SchemaCompletionResult | null {
  const place = yamlCursorPlace(text, offset);
  if (!place) return null;
  const root = schema;
  if (place.position.kind === "key") {
    const mappings = discriminated(
      schemasAt(root, root, place.path).filter(isObjectSchema),
      root,
      place.siblings,
    );
    const options: SchemaCompletion[] = [];
    const seen = new Set<string>();
    for (const mapping of mappings) {
      const properties = record(mapping["properties"]);
      const required = new Set(stringArray(mapping["required"]));
      for (const [name, property] of Object.entries(properties)) {
        if (seen.has(name) || place.siblings.has(name)) continue;
        seen.add(name);
        const description = describedBy(property, root);
        options.push({
          label: name,
          type: "property",
          apply: `${name}: `,
          detail: `${typeWords(property, root)}${required.has(name) ? " (required)" : ""}`,
          ...(description === undefined ? {} : { info: description }),
        });
      }
    }
    return options.length === 0 ? null : { from: place.from, options };
  }
  const key = place.position.key;
  const holders = schemasAt(root, root, place.path);
  // key "" is a flow sequence's element: the path ends at the sequence itself
  const candidates =
    key === ""
      ? holders.flatMap((sequence) => childSchemas(sequence, 0, root))
      : discriminated(holders.filter(isObjectSchema), root, place.siblings).flatMap((mapping) =>
          childSchemas(mapping, key, root),
        );
  const values = new Map<string, SchemaCompletion>();
  for (const candidate of candidates.flatMap((s) => alternatives(s, root))) {
    for (const value of allowedValues(candidate)) {
      const label = typeof value === "string" ? value : JSON.stringify(value);
      if (!values.has(label)) {
        const description = describedBy(candidate, root);
        values.set(label, {
          label,
          type: "enum",
          apply: label,
          detail: typeWords(candidate, root),
          ...(description === undefined ? {} : { info: description }),
        });
      }
    }
  }
  return values.size === 0 ? null : { from: place.from, options: [...values.values()] };
}

/**
 * Where the cursor at `offset` is in the YAML `text`: the path of the enclosing mapping and
 * whether a key or a value is being typed; `null` in a comment, a quoted string, a block scalar
 * or a line whose shape is not a key or a simple value.
 */
export function yamlCursorPlace(text: string, offset: number): YamlCursorPlace | null {
  const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  if (before.includes("\t")) return null;
  const lines = text.split("\n");
  const lineIndex = text.slice(0, lineStart).split("\n").length - 1;
  const head = /^( *)((?:-(?: +|$))*)(.*)$/.exec(before)!;
  const indent = head[1]!.length;
  const dashes = countDashes(head[2]!);
  const column = indent + head[2]!.length;
  const rest = head[3]!;
  if (commentStart(rest) !== -1) return null;

  // the path of the mapping whose keys sit at `column` on this line
  let path: YamlPathSegment[];
  let siblings: Map<string, string>;
  if (dashes > 0) {
    const owner = enclosingPath(lines, lineIndex, indent, true);
    if (!owner) return null;
    path = [...owner.path, ...Array.from({ length: dashes }, () => 0)];
    siblings = new Map();
  } else {
    const found = enclosingPath(lines, lineIndex, column, false);
    if (!found) return null;
    path = found.path;
    siblings = found.siblings;
  }
  for (const [key, value] of siblingsBelow(lines, lineIndex, column)) siblings.set(key, value);

  const keyTyped = /^[A-Za-z0-9_$-]*$/.exec(rest);
  if (keyTyped) {
    return { path, position: { kind: "key" }, prefix: rest, from: offset - rest.length, siblings };
  }
  const valueTyped = /^([A-Za-z0-9_$-]+):( +)(.*)$/.exec(rest);
  if (!valueTyped) return null;
  const key = valueTyped[1]!;
  const value = valueTyped[3]!;
  if (/^[{[]/.test(value)) {
    const flow = flowPlace(value);
    if (!flow) return null;
    const inner = [...path, key, ...flow.path];
    return flow.kind === "key"
      ? {
          path: inner,
          position: { kind: "key" },
          prefix: flow.prefix,
          from: offset - flow.prefix.length,
          siblings: flow.siblings,
        }
      : {
          path: inner,
          position: { kind: "value", key: flow.key },
          prefix: flow.prefix,
          from: offset - flow.prefix.length,
          siblings: flow.siblings,
        };
  }
  if (!/^[A-Za-z0-9_.-]*$/.test(value)) return null;
  return {
    path,
    position: { kind: "value", key },
    prefix: value,
    from: offset - value.length,
    siblings,
  };
}

/** One line of a block document as far as paths go: its indentation, sequence dashes and key. */
interface LineShape {
  readonly indent: number;
  readonly dashes: number;
  /** Column of the content after the dashes. */
  readonly column: number;
  /** The mapping key on the line (after the dashes), if it is `key:` or `key: value`. */
  readonly key: string | null;
  /** The key's value on the same line ("" when the value is on the next lines). */
  readonly value: string;
}

/** The shape of a line, or null for a blank line, a comment or a document marker. */
function lineShape(line: string): LineShape | null {
  const text = line.replace(/\r$/, "");
  if (/^\s*(#.*)?$/.test(text) || /^(---|\.\.\.)(\s|$)/.test(text)) return null;
  const m = /^( *)((?:-(?: +|$))*)(.*)$/.exec(text)!;
  const rest = m[3]!;
  const cut = commentStart(rest);
  const content = (cut === -1 ? rest : rest.slice(0, cut)).trimEnd();
  const keyed =
    /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s:#"'{[\]},&*!|>-][^:#]*?|-[^\s:#][^:#]*?)\s*:(?: +(.*))?$/.exec(
      content,
    );
  return {
    indent: m[1]!.length,
    dashes: countDashes(m[2]!),
    column: m[1]!.length + m[2]!.length,
    key: keyed ? unquote(keyed[1]!) : null,
    value: keyed ? (keyed[2] ?? "").trim() : content,
  };
}

/** True when a key's value on its own line makes it a scalar (not a mapping opened below). */
function holdsScalar(shape: LineShape): boolean {
  return shape.value !== "" && !/^([&!][^\s]*\s*)+$/.test(shape.value);
}

/**
 * The path of the block mapping whose keys sit at `column` (or, with `item`, of the sequence whose
 * dashes sit at `column`), found by reading the lines above `lineIndex`; with the scalar values of
 * that mapping's keys written above. Null inside a block scalar or under a key holding a scalar.
 */
function enclosingPath(
  lines: readonly string[],
  lineIndex: number,
  column: number,
  item: boolean,
): { path: YamlPathSegment[]; siblings: Map<string, string> } | null {
  const reversed: YamlPathSegment[] = [];
  const siblings = new Map<string, string>();
  let target = column;
  let afterItem = item;
  for (let i = lineIndex - 1; i >= 0; i--) {
    const shape = lineShape(lines[i]!);
    if (!shape) continue;
    const first = reversed.length === 0 && !item;
    if (shape.dashes === 0) {
      if (shape.column > target) continue;
      if (shape.column === target) {
        if (afterItem && shape.key !== null) {
          // a compact sequence (`key:` then `- item` at the key's own column)
          if (holdsScalar(shape)) return null;
          reversed.push(shape.key);
          afterItem = false;
          if (target === 0) break;
        } else if (first && shape.key !== null) siblings.set(shape.key, shape.value);
        continue;
      }
      if (shape.key === null) return null;
      if (holdsScalar(shape)) return null;
      reversed.push(shape.key);
      target = shape.column;
      afterItem = false;
      if (target === 0) break;
      continue;
    }
    if (shape.indent > target) continue;
    if (shape.indent === target && afterItem) continue; // an earlier item of the same sequence
    if (shape.column > target) continue;
    if (shape.column === target) {
      // the first key of a sequence item whose mapping holds the cursor
      if (first && shape.key !== null) siblings.set(shape.key, shape.value);
    } else if (shape.key !== null) {
      if (holdsScalar(shape)) return null;
      reversed.push(shape.key);
    } else if (shape.value !== "") return null;
    for (let d = 0; d < shape.dashes; d++) reversed.push(0);
    target = shape.indent;
    afterItem = true;
  }
  if (afterItem) return null; // a sequence at the root: the scenario's root is a mapping
  return { path: reversed.reverse(), siblings };
}

/** Keys written below the cursor's line in the same mapping (keys at `column`, until it closes). */
function siblingsBelow(
  lines: readonly string[],
  lineIndex: number,
  column: number,
): Map<string, string> {
  const found = new Map<string, string>();
  for (let i = lineIndex + 1; i < lines.length; i++) {
    const shape = lineShape(lines[i]!);
    if (!shape) continue;
    if (shape.dashes > 0 ? shape.indent < column : shape.column < column) break;
    if (shape.dashes === 0 && shape.column === column && shape.key !== null) {
      found.set(shape.key, shape.value);
    }
  }
  return found;
}

/** Inside a flow collection on the cursor's line: the path into it and what is being typed. */
function flowPlace(flow: string):
  | {
      kind: "key";
      path: YamlPathSegment[];
      prefix: string;
      siblings: Map<string, string>;
    }
  | {
      kind: "value";
      key: string;
      path: YamlPathSegment[];
      prefix: string;
      siblings: Map<string, string>;
    }
  | null {
  interface Frame {
    readonly kind: "{" | "[";
    readonly key: string | null;
    readonly siblings: Map<string, string>;
  }
  const frames: Frame[] = [];
  let token = "";
  let entryKey: string | null = null;
  let quote: string | null = null;
  const endEntry = () => {
    const frame = frames.at(-1);
    if (frame && entryKey !== null) frame.siblings.set(entryKey, token.trim());
    entryKey = null;
    token = "";
  };
  for (const ch of flow) {
    if (quote) {
      if (ch === quote) quote = null;
      token += ch;
      continue;
    }
    if (ch === '"' || ch === "'") {
      quote = ch;
      token += ch;
    } else if (ch === "{" || ch === "[") {
      frames.push({ kind: ch, key: entryKey, siblings: new Map() });
      entryKey = null;
      token = "";
    } else if (ch === "}" || ch === "]") {
      endEntry();
      frames.pop();
      if (frames.length === 0) return null; // the cursor is after the collection
    } else if (ch === ",") endEntry();
    else if (ch === ":" && entryKey === null && frames.at(-1)?.kind === "{") {
      entryKey = unquote(token.trim());
      token = "";
    } else token += ch;
  }
  if (quote || frames.length === 0) return null;
  const path: YamlPathSegment[] = [];
  for (let f = 1; f < frames.length; f++) {
    const parent = frames[f - 1]!;
    if (parent.kind === "[") path.push(0);
    else path.push(frames[f]!.key ?? "");
  }
  const innermost = frames.at(-1)!;
  const prefix = token.trimStart();
  if (!/^[A-Za-z0-9_.$-]*$/.test(prefix)) return null;
  if (innermost.kind === "[") {
    return { kind: "value", key: "", path, prefix, siblings: new Map() };
  }
  if (entryKey === null) return { kind: "key", path, prefix, siblings: innermost.siblings };
  return { kind: "value", key: entryKey, path, prefix, siblings: innermost.siblings };
}

/** Where a comment starts in a line's content (`#` at its start or after a space, outside quotes). */
function commentStart(content: string): number {
  let quote: string | null = null;
  for (let i = 0; i < content.length; i++) {
    const ch = content[i]!;
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === "#" && (i === 0 || content[i - 1] === " ")) return i;
  }
  return -1;
}

function countDashes(dashes: string): number {
  return (dashes.match(/-/g) ?? []).length;
}

function unquote(key: string): string {
  if (key.startsWith('"') && key.endsWith('"') && key.length >= 2) {
    try {
      return JSON.parse(key) as string;
    } catch {
      return key.slice(1, -1);
    }
  }
  if (key.startsWith("'") && key.endsWith("'") && key.length >= 2) {
    return key.slice(1, -1).replaceAll("''", "'");
  }
  return key;
}

// --- the schema ---------------------------------------------------------------------------------

type SchemaObject = { readonly [keyword: string]: unknown };

function isSchemaObject(value: unknown): value is SchemaObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function record(value: unknown): Record<string, unknown> {
  return isSchemaObject(value) ? (value as Record<string, unknown>) : {};
}

function stringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

/** Follows a local `$ref` (`#/$defs/Name`, `#/properties/…`); null when it cannot be followed. */
function dereference(reference: string, root: JsonSchema): JsonSchema | null {
  if (!reference.startsWith("#")) return null;
  let node: unknown = root;
  for (const raw of reference.slice(1).split("/").slice(1)) {
    const part = decodeURIComponent(raw).replaceAll("~1", "/").replaceAll("~0", "~");
    if (!isSchemaObject(node) && !Array.isArray(node)) return null;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "boolean" || isSchemaObject(node) ? node : null;
}

/**
 * The alternatives a schema stands for: itself with its `$ref` followed, and each branch of its
 * `anyOf`/`oneOf`/`allOf`, recursively (allOf's branches all apply; for completion their
 * properties add up, so listing each is enough).
 */
function alternatives(schema: JsonSchema, root: JsonSchema, depth = 0): SchemaObject[] {
  if (!isSchemaObject(schema) || depth > 32) return [];
  const out: SchemaObject[] = [];
  const reference = schema["$ref"];
  if (typeof reference === "string") {
    const target = dereference(reference, root);
    if (target !== null) out.push(...alternatives(target, root, depth + 1));
  }
  let branched = false;
  for (const keyword of ["anyOf", "oneOf", "allOf"]) {
    const branches = schema[keyword];
    if (!Array.isArray(branches)) continue;
    branched = true;
    for (const branch of branches) {
      if (typeof branch === "boolean" || isSchemaObject(branch)) {
        out.push(...alternatives(branch, root, depth + 1));
      }
    }
  }
  if (!branched && typeof reference !== "string") out.push(schema);
  else if ("properties" in schema || "items" in schema || "enum" in schema || "const" in schema) {
    out.push(schema); // a schema with both its own keywords and branches
  }
  return out;
}

/** The schemas of a child (a key's value or a sequence's element) of an object/array schema. */
function childSchemas(
  schema: SchemaObject,
  segment: YamlPathSegment,
  root: JsonSchema,
): JsonSchema[] {
  const out: JsonSchema[] = [];
  for (const s of alternatives(schema, root)) {
    if (typeof segment === "string") {
      const property = record(s["properties"])[segment];
      if (property !== undefined) {
        out.push(property as JsonSchema);
        continue;
      }
      const patterns = record(s["patternProperties"]);
      const matched = Object.entries(patterns).filter(([pattern]) => {
        try {
          return new RegExp(pattern, "u").test(segment);
        } catch {
          return false;
        }
      });
      if (matched.length > 0) {
        out.push(...matched.map(([, p]) => p as JsonSchema));
        continue;
      }
      const additional = s["additionalProperties"];
      if (isSchemaObject(additional)) out.push(additional);
    } else {
      const prefix = s["prefixItems"];
      if (Array.isArray(prefix) && segment < prefix.length) out.push(prefix[segment] as JsonSchema);
      else if (isSchemaObject(s["items"])) out.push(s["items"]);
    }
  }
  return out;
}

/** Every schema alternative of the value at `path` below `schema`. */
function schemasAt(
  schema: JsonSchema,
  root: JsonSchema,
  path: readonly YamlPathSegment[],
): SchemaObject[] {
  let current = alternatives(schema, root);
  for (const segment of path) {
    current = current
      .flatMap((s) => childSchemas(s, segment, root))
      .flatMap((s) => alternatives(s, root));
  }
  return current;
}

function isObjectSchema(schema: SchemaObject): boolean {
  return isSchemaObject(schema["properties"]);
}

/**
 * The mapping alternatives that agree with the keys written: one whose property has a
 * `const`/`enum` that the written value is not in is dropped (all are kept if none agrees).
 */
function discriminated(
  mappings: readonly SchemaObject[],
  root: JsonSchema,
  siblings: ReadonlyMap<string, string>,
): SchemaObject[] {
  const agreeing = mappings.filter((mapping) => {
    const properties = record(mapping["properties"]);
    for (const [key, written] of siblings) {
      const property = properties[key];
      if (property === undefined || written === "") continue;
      const allowed = alternatives(property as JsonSchema, root).flatMap(allowedValues);
      if (allowed.length === 0) continue;
      const value = unquote(written);
      if (!allowed.some((a) => String(a) === value)) return false;
    }
    return true;
  });
  return agreeing.length > 0 ? agreeing : [...mappings];
}

/** The values a schema allows by `const` or `enum` (none when it allows any of its type). */
function allowedValues(schema: SchemaObject): unknown[] {
  if ("const" in schema) return [schema["const"]];
  const values = schema["enum"];
  return Array.isArray(values) ? values : [];
}

/** The schema's own description (or its first alternative's). */
function describedBy(schema: unknown, root: JsonSchema): string | undefined {
  if (!isSchemaObject(schema)) return undefined;
  if (typeof schema["description"] === "string") return schema["description"];
  for (const alternative of alternatives(schema, root)) {
    if (typeof alternative["description"] === "string") return alternative["description"];
  }
  return undefined;
}

const TYPE_WORDS: Readonly<Record<string, string>> = {
  object: "mapping",
  array: "list",
  string: "string",
  number: "number",
  integer: "integer",
  boolean: "true or false",
  null: "null",
};

/** A schema's type in a few words: "number or string", "one of: a, b", "mapping". */
function typeWords(schema: unknown, root: JsonSchema): string {
  const words: string[] = [];
  const add = (word: string) => {
    if (!words.includes(word)) words.push(word);
  };
  const values: unknown[] = [];
  for (const alternative of isSchemaObject(schema) ? alternatives(schema, root) : []) {
    const allowed = allowedValues(alternative);
    if (allowed.length > 0) {
      values.push(...allowed);
      continue;
    }
    const type = alternative["type"];
    for (const t of Array.isArray(type) ? type : [type]) {
      if (typeof t === "string") add(TYPE_WORDS[t] ?? t);
    }
    if (type === undefined && isSchemaObject(alternative["properties"])) add("mapping");
  }
  if (values.length > 0) {
    add(
      values.length === 1
        ? `${JSON.stringify(values[0])}`
        : `one of: ${values.map((v) => (typeof v === "string" ? v : JSON.stringify(v))).join(", ")}`,
    );
  }
  return words.length === 0 ? "any value" : words.join(" or ");
}
