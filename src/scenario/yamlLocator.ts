import { type Document, isMap, isPair, isScalar, isSeq, type LineCounter, type Node } from "yaml";

export type DocumentPath = readonly (string | number)[];

/** 1-based line and column of a node in a YAML source. */
export interface LineColumn {
  readonly line: number;
  readonly column: number;
}

/**
 * Finds the line and column of `path` in a parsed YAML document. When `key` is given the
 * position of that key inside the mapping at `path` is returned (for unknown keys). When the
 * path goes deeper than the document (a missing field), the deepest existing node is used.
 */
export function locateInYaml(
  document: Document,
  lineCounter: LineCounter,
  path: DocumentPath,
  key?: string,
): LineColumn {
  let node: unknown = document.contents;
  let offset = rangeStart(node) ?? 0;
  for (const segment of path) {
    const next = child(node, segment);
    if (next === undefined) break;
    node = next.value;
    offset = rangeStart(next.key) ?? rangeStart(next.value) ?? offset;
    const valueStart = rangeStart(next.value);
    if (valueStart !== undefined) offset = valueStart;
  }
  if (key !== undefined) {
    const pair = child(node, key);
    const keyStart = pair && rangeStart(pair.key);
    if (keyStart !== undefined) offset = keyStart;
  }
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

function child(
  node: unknown,
  segment: string | number,
): { key: unknown; value: unknown } | undefined {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (isPair(pair) && scalarValue(pair.key) === segment)
        return { key: pair.key, value: pair.value };
      if (
        isPair(pair) &&
        typeof segment === "number" &&
        scalarValue(pair.key) === String(segment)
      ) {
        return { key: pair.key, value: pair.value };
      }
    }
    return undefined;
  }
  if (isSeq(node) && typeof segment === "number") {
    const item = node.items[segment];
    return item === undefined ? undefined : { key: undefined, value: item };
  }
  return undefined;
}

function scalarValue(node: unknown): unknown {
  return isScalar(node) ? node.value : node;
}

function rangeStart(node: unknown): number | undefined {
  if (node && typeof node === "object" && "range" in node) {
    const range = (node as Node).range;
    if (range) return range[0];
  }
  return undefined;
}

/** Formats a document path as `demands[1].costToTarget.committed`. */
export function formatPath(path: DocumentPath): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else out += out === "" ? segment : `.${segment}`;
  }
  return out === "" ? "(document root)" : out;
}

/**
 * Line and column of character `offset` inside the string scalar at `path` (for errors inside
 * expressions). Exact for plain and quoted single-line scalars; for folded or escaped scalars the
 * position is the scalar's start plus the offset, which may drift by the folding.
 */
export function locateInsideScalar(
  document: Document,
  lineCounter: LineCounter,
  path: DocumentPath,
  offset: number,
): LineColumn {
  const node = document.getIn(path, true);
  if (!isScalar(node) || !node.range) return locateInYaml(document, lineCounter, path);
  const quoted = node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE" ? 1 : 0;
  const { line, col } = lineCounter.linePos(node.range[0] + quoted + offset);
  return { line, column: col };
}

/**
 * The start offset of every node's value in a YAML document, keyed by its formatted path
 * ({@link formatPath}): one pass over the document, so locating many paths stays linear (each
 * {@link locateInYaml} call scans the mappings on its path).
 */
export function indexYamlPaths(document: Document): Map<string, number> {
  const index = new Map<string, number>();
  const visit = (node: unknown, path: (string | number)[]): void => {
    const start = rangeStart(node);
    if (start !== undefined) index.set(formatPath(path), start);
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        path.push(String(scalarValue(pair.key)));
        visit(pair.value, path);
        path.pop();
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        path.push(i);
        visit(item, path);
        path.pop();
      });
    }
  };
  visit(document.contents, []);
  return index;
}
