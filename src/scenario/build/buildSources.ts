import type { SourceSpec } from "../Scenario.js";
import type { ScenarioDocument } from "../scenarioSchema.js";
import type { ScenarioBuild } from "./ScenarioBuild.js";

/** A source key is an id: a letter or _ followed by letters, digits, _ or -. */
const KEY_PATTERN = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** The `sources` section: each key well formed, each source as written (order kept). */
export function buildSources(doc: ScenarioDocument, build: ScenarioBuild): SourceSpec[] {
  return Object.entries(doc.sources).map(([key, s]) => {
    if (!KEY_PATTERN.test(key)) {
      build.report(
        ["sources"],
        `expected a source key (a letter or _ followed by letters, digits, _ or -), found "${key}"`,
        key,
      );
    }
    return {
      key,
      author: s.author,
      title: s.title,
      date: s.date,
      url: s.url ?? null,
      note: s.note ?? null,
    };
  });
}
