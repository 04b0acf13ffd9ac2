import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";

/** One import statement found in a module: what it names and where it resolves. */
export interface ImportEdge {
  /** The importing file, relative to the root given. */
  readonly from: string;
  /** The specifier as written. */
  readonly specifier: string;
  /** For a relative specifier, the imported file relative to the root; otherwise null. */
  readonly to: string | null;
  /** `import type` (erased at run time). */
  readonly typeOnly: boolean;
}

const IMPORT =
  /(?:^|\n)\s*(import|export)\s+(type\s+)?(?:[^"';]*?\s+from\s+)?["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

/** Every import and re-export of every `.ts`/`.js` file under `root` (tests excluded). */
export function importEdges(root: string): ImportEdge[] {
  const edges: ImportEdge[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|js)$/.test(entry.name) && !/\.(test|bench)\.ts$|\.d\.ts$/.test(entry.name)) {
        const text = readFileSync(path, "utf8");
        for (const m of text.matchAll(IMPORT)) {
          const specifier = m[3] ?? m[4]!;
          const target = specifier.startsWith(".")
            ? relative(root, resolve(dirname(path), specifier)).replace(/\.js$/, extensionOf(path))
            : null;
          edges.push({
            from: relative(root, path),
            specifier,
            to: target,
            typeOnly: m[2] !== undefined,
          });
        }
      }
    }
  };
  walk(root);
  return edges;
}

function extensionOf(path: string): string {
  return path.endsWith(".ts") ? ".ts" : ".js";
}

/** The top folder of a path relative to the source root ("" for a file at the root). */
export function topFolder(path: string): string {
  const parts = path.split(sep);
  return parts.length > 1 ? parts[0]! : "";
}

/**
 * What loading `entry` loads at run time: every file reached by value imports (type-only imports
 * are erased), and every package named by a bare specifier on the way.
 */
export function runtimeClosure(
  root: string,
  entry: string,
  edges: readonly ImportEdge[],
): { files: Set<string>; packages: Set<string> } {
  const byFile = new Map<string, ImportEdge[]>();
  for (const e of edges) byFile.set(e.from, [...(byFile.get(e.from) ?? []), e]);
  const files = new Set<string>();
  const packages = new Set<string>();
  const stack = [entry];
  while (stack.length > 0) {
    const file = stack.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    for (const e of byFile.get(file) ?? []) {
      if (e.typeOnly) continue;
      if (e.to === null) packages.add(e.specifier);
      else if (existsSync(join(root, e.to))) stack.push(e.to);
    }
  }
  return { files, packages };
}
