import { DEFAULT_LADDER } from "../defaultLadder.js";
import type { AutomatonSpec, PolicySpec } from "../Scenario.js";
import type { ScenarioDocument } from "../scenarioSchema.js";
import type { DocumentPath } from "../yamlLocator.js";
import type { ScenarioBuild } from "./ScenarioBuild.js";

type AutomatonDocument = NonNullable<ScenarioDocument["policies"][number]["automaton"]>;

/** The automaton a policy gets when it names none. */
export function defaultAutomaton(kind: PolicySpec["kind"]): AutomatonDocument {
  switch (kind) {
    case "unconditional":
      return { kind: "unconditional" };
    case "withhold":
      return { kind: "withhold" };
    case "conditional":
      return { kind: "punish", weeks: 1 };
    case "conditional-escalation":
      return { kind: "ladder" };
  }
}

/**
 * A policy's weekly automaton (its own, or its kind's default), its quantities resolved. They
 * belong to the weekly model, not the one-shot game, so they do not mark parameters as used there.
 */
export function buildAutomaton(
  document: AutomatonDocument | undefined,
  kind: PolicySpec["kind"],
  path: DocumentPath,
  build: ScenarioBuild,
): AutomatonSpec {
  return build.outsideOneShot((): AutomatonSpec => {
    const spec = document ?? defaultAutomaton(kind);
    switch (spec.kind) {
      case "unconditional":
      case "withhold":
        return { kind: spec.kind };
      case "punish":
        return {
          kind: "punish",
          weeks:
            spec.weeks === "inf"
              ? { kind: "constant", value: Number.POSITIVE_INFINITY }
              : build.quantity(spec.weeks, [...path, "weeks"]),
        };
      case "ladder": {
        const levels = (spec.levels ?? DEFAULT_LADDER).map((level, i) => ({
          support: build.quantity(level.support, [...path, "levels", i, "support"], true),
          escalation: build.quantity(level.escalation, [...path, "levels", i, "escalation"]),
          label: level.label ?? `level ${i}`,
        }));
        const start = spec.start ?? 1;
        if (start >= levels.length) {
          build.report(
            [...path, "start"],
            `expected a start level below ${levels.length}, found ${start}`,
          );
        }
        return { kind: "ladder", start, levels };
      }
      case "generous-tit-for-tat":
        return {
          kind: spec.kind,
          forgiveness: build.quantity(spec.forgiveness, [...path, "forgiveness"], true),
        };
    }
  });
}
