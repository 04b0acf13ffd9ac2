/**
 * The runs panel's permalinks: a URL hash that reproduces a run's inputs.
 *
 * | hash                                                        | opens                                   |
 * | ----------------------------------------------------------- | --------------------------------------- |
 * | `#runs`                                                     | the runs panel                          |
 * | `#runs/<run id>`                                            | that stored run: its scenario text and overrides are loaded into the workbench, its results shown |
 * | `#runs/new?scenario=<shipped id>&seed=<n>&runs=<n>&set=<id>=<value>,<id>=<value>` | a shipped scenario (unchanged text) with those values set, the seed and runs filled in, ready to start |
 *
 * `seed`, `runs` and `set` are optional (defaults 1, 2000, none). Parameter ids and numbers need
 * no escaping, so the `set` list stays readable (`set=sigma_sub=0.1,beta=0.5`). The `new` form
 * works on any workbench with the shipped scenarios; the `<run id>` form on the server that
 * holds the run.
 */
import { ID_PATTERN } from "linkage/server/workbenchApi";

/** What a runs-panel hash asks for. */
export type RunPermalink =
  | { readonly kind: "panel" }
  | { readonly kind: "run"; readonly id: string }
  | {
      readonly kind: "new";
      readonly scenario: string;
      readonly seed: number;
      readonly runs: number;
      readonly overrides: Readonly<Record<string, number>>;
    };

/** The defaults of a new run (as the server's `StartRunBody`). */
export const DEFAULT_SEED = 1;
export const DEFAULT_RUNS = 2000;

const SET_ENTRY = /^([A-Za-z_][A-Za-z0-9_]*)=(.+)$/;

/**
 * Reads a location hash (with or without its `#`). Returns null when the hash is not the runs
 * panel's; throws an `Error` saying what is wrong when it is the runs panel's but malformed.
 */
export function parseRunPermalink(hash: string): RunPermalink | null {
  const text = hash.replace(/^#/, "");
  if (text === "runs" || text === "runs/") return { kind: "panel" };
  if (!text.startsWith("runs/")) return null;
  const rest = text.slice("runs/".length);
  const [path = "", query = ""] = rest.split("?", 2);
  if (path !== "new") {
    const id = decodeURIComponent(path);
    if (!ID_PATTERN.test(id)) throw new Error(`the link names no valid run id ("${id}")`);
    return { kind: "run", id };
  }
  const params = new URLSearchParams(query);
  const scenario = params.get("scenario") ?? "";
  if (!ID_PATTERN.test(scenario))
    throw new Error(`the link names no valid shipped scenario ("scenario=${scenario}")`);
  const seed = integerParameter(params, "seed", DEFAULT_SEED);
  const runs = integerParameter(params, "runs", DEFAULT_RUNS);
  const overrides: Record<string, number> = {};
  const set = params.get("set");
  if (set !== null && set !== "") {
    for (const entry of set.split(",")) {
      const match = SET_ENTRY.exec(entry.trim());
      const value = match ? Number(match[2]) : Number.NaN;
      if (!match || !Number.isFinite(value))
        throw new Error(`the link's "set" entry "${entry}" is not id=number`);
      overrides[match[1]!] = value;
    }
  }
  return { kind: "new", scenario, seed, runs, overrides };
}

function integerParameter(params: URLSearchParams, name: string, fallback: number): number {
  const raw = params.get(name);
  if (raw === null || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`the link's "${name}=${raw}" is not a whole number`);
  return value;
}

/** The hash of a permalink (with its `#`), the inverse of {@link parseRunPermalink}. */
export function formatRunPermalink(link: RunPermalink): string {
  if (link.kind === "panel") return "#runs";
  if (link.kind === "run") return `#runs/${encodeURIComponent(link.id)}`;
  const parts = [
    `scenario=${encodeURIComponent(link.scenario)}`,
    `seed=${link.seed}`,
    `runs=${link.runs}`,
  ];
  const set = Object.entries(link.overrides)
    .map(([id, value]) => `${id}=${String(value).replace("+", "%2B")}`)
    .join(",");
  if (set !== "") parts.push(`set=${set}`);
  return `#runs/new?${parts.join("&")}`;
}
