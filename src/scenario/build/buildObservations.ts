import type { ObservationSpec, ObservationsSpec, SourceSpec } from "../Scenario.js";
import type { ScenarioDocument } from "../scenarioSchema.js";
import type { ScenarioBuild } from "./ScenarioBuild.js";

/**
 * The `observations` section: it needs a `dynamics` section (observations are compared with its
 * outputs); the policy followed must be a declared policy; each observation has a unique id, names
 * an output of the dynamics, has low ≤ high, and cites only keys of `sources`. Null when the
 * scenario has no observations.
 */
export function buildObservations(
  doc: ScenarioDocument,
  build: ScenarioBuild,
  sources: readonly SourceSpec[],
): ObservationsSpec | null {
  const section = doc.observations;
  if (!section) return null;
  if (!doc.dynamics) {
    build.report(
      ["observations"],
      "observations need a dynamics section: each is compared with one of its outputs",
    );
  }
  const policyIds = doc.policies.map((p) => p.id);
  const policy = policyIds.indexOf(section.policy);
  if (policy < 0) {
    build.report(
      ["observations", "policy"],
      `unknown policy "${section.policy}"; expected one of ${policyIds.join(", ")}`,
    );
  }
  const outputs = Object.keys(doc.dynamics?.outputs ?? {});
  const keys = new Set(sources.map((s) => s.key));
  build.uniqueIds(section.items, ["observations", "items"], "observation");
  const items = section.items.map((o, i): ObservationSpec => {
    const path = ["observations", "items", i];
    if (doc.dynamics && !outputs.includes(o.output)) {
      build.report(
        [...path, "output"],
        `unknown output "${o.output}"; expected one of the dynamics' outputs: ${outputs.join(", ")}`,
      );
    }
    if (!(o.low <= o.high)) {
      build.report([...path, "high"], `expected high ≥ low (${o.low}), found ${o.high}`);
    }
    const cited = typeof o.source === "string" ? [o.source] : o.source;
    cited.forEach((key, j) => {
      if (keys.has(key)) return;
      const known =
        keys.size > 0 ? `; the sources are ${[...keys].join(", ")}` : "; no sources are declared";
      build.report(
        typeof o.source === "string" ? [...path, "source"] : [...path, "source", j],
        `unknown source "${key}"${known}`,
      );
    });
    return {
      id: o.id,
      label: o.label,
      output: o.output,
      statistic: o.statistic,
      window: o.window ?? doc.dynamics?.steps ?? doc.dynamics?.weeks ?? 52,
      value: o.value ?? null,
      low: o.low,
      high: o.high,
      unit: o.unit ?? null,
      counts: o.counts,
      model: o.model ?? null,
      conversion: o.conversion ?? null,
      sources: cited,
    };
  });
  return { policy, period: section.period ?? null, items };
}
