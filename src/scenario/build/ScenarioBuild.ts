import { closestNames, quoteAlternatives } from "../../expression/closestNames.js";
import type { ParameterSpec, Quantity } from "../Scenario.js";
import type { PerTypeValueRef, ValueRef } from "../scenarioSchema.js";
import { type DocumentPath, formatPath } from "../yamlLocator.js";

/** A problem found while building a scenario, located later by its path (and key or offset). */
export interface Problem {
  readonly path: DocumentPath;
  readonly key?: string | undefined;
  readonly message: string;
  /** For errors inside an expression: the character offset within the expression's text. */
  readonly offset?: number | undefined;
}

/** A parameter as declared, before its uses are known. */
export type DeclaredParameter = Omit<ParameterSpec, "probabilityUses" | "usedInOneShot">;

/**
 * The state one scenario's build shares between its sections: the problems found so far, the
 * declared parameters and how each is used (as a probability, in the one-shot game), and the
 * target's type ids. Sections read numbers through {@link quantity} and {@link perType}, which
 * resolve parameter references and record problems instead of throwing, so every problem of a
 * scenario is found in one pass.
 */
export class ScenarioBuild {
  readonly problems: Problem[] = [];
  readonly parameterIds: readonly string[];
  readonly probabilityUses: string[][];
  readonly usedInOneShot: Uint8Array;
  /** The target's type ids, once the actors are built (per-type values need them). */
  typeIds: readonly string[] = [];
  /** Quantities read while true belong to the one-shot game. */
  private inOneShot = true;
  private readonly parameterIndex: ReadonlyMap<string, number>;
  private parameters: readonly DeclaredParameter[] = [];

  constructor(parameterIds: readonly string[]) {
    this.parameterIds = parameterIds;
    this.parameterIndex = new Map(parameterIds.map((id, i) => [id, i]));
    this.probabilityUses = parameterIds.map(() => []);
    this.usedInOneShot = new Uint8Array(parameterIds.length);
  }

  /** The declared parameters, for the checks {@link quantity} makes on probabilities. */
  declare(parameters: readonly DeclaredParameter[]): void {
    this.parameters = parameters;
  }

  /** Records a problem at `path` (at `key` inside it, or `offset` inside an expression). */
  readonly report = (path: DocumentPath, message: string, key?: string, offset?: number): void => {
    this.problems.push({ path, key, message, offset });
  };

  /** Runs `build` with the quantities it reads counted as outside the one-shot game. */
  outsideOneShot<T>(build: () => T): T {
    const was = this.inOneShot;
    this.inOneShot = false;
    try {
      return build();
    } finally {
      this.inOneShot = was;
    }
  }

  /** From now on, every quantity read is outside the one-shot game (the dynamics). */
  leaveOneShot(): void {
    this.inOneShot = false;
  }

  /**
   * A number or a parameter reference, resolved; a probability must lie in [0, 1] (a
   * parameter's default and prior range too, which are checked where it is used as one).
   */
  readonly quantity = (ref: ValueRef, path: DocumentPath, probability = false): Quantity => {
    if (typeof ref === "number") {
      if (!Number.isFinite(ref)) this.report(path, `expected a finite number, found ${ref}`);
      else if (probability && !(ref >= 0 && ref <= 1)) {
        this.report(path, `expected a probability in [0, 1], found ${ref}`);
      }
      return { kind: "constant", value: ref };
    }
    const index = this.parameterIndex.get(ref);
    if (index === undefined) {
      const close = closestNames(ref, this.parameterIds);
      const known =
        close.length > 0
          ? `; did you mean ${quoteAlternatives(close)}?`
          : this.parameterIds.length > 0
            ? `; declared parameters: ${this.parameterIds.join(", ")}`
            : "; no parameters are declared";
      this.report(path, `undefined parameter "${ref}"${known}`);
      return { kind: "constant", value: Number.NaN };
    }
    if (this.inOneShot) this.usedInOneShot[index] = 1;
    if (probability) {
      const where = formatPath(path);
      this.probabilityUses[index]!.push(where);
      const p = this.parameters[index]!;
      if (!(p.value >= 0 && p.value <= 1)) {
        this.report(
          ["parameters", p.id, "value"],
          `expected a probability in [0, 1] because "${p.id}" is used as one at ${where}, found ${p.value}`,
        );
      } else if (p.range && !(p.range[0] >= 0 && p.range[1] <= 1)) {
        this.report(
          ["parameters", p.id, "prior"],
          `expected a prior within [0, 1] because "${p.id}" is used as a probability at ${where}, found the range [${p.range[0]}, ${p.range[1]}]`,
        );
      }
    }
    return { kind: "parameter", index };
  };

  /** One value for every target type: a shared number or reference, or a mapping by type id. */
  readonly perType = (ref: PerTypeValueRef, path: DocumentPath): Quantity[] => {
    const typeIds = this.typeIds;
    if (typeof ref === "number" || typeof ref === "string") {
      const shared = this.quantity(ref, path);
      return typeIds.map(() => shared);
    }
    for (const key of Object.keys(ref)) {
      if (!typeIds.includes(key)) {
        this.report(
          path,
          `unknown target type "${key}"; expected the types ${typeIds.join(", ")}`,
          key,
        );
      }
    }
    return typeIds.map((id) => {
      const value = ref[id];
      if (value === undefined) {
        this.report(
          path,
          `missing a value for target type "${id}": a per-type mapping needs every type (${typeIds.join(", ")})`,
        );
        return { kind: "constant", value: Number.NaN };
      }
      return this.quantity(value, [...path, id]);
    });
  };

  /** Reports every id of `items` seen before in the list. */
  uniqueIds(items: readonly { id: string }[], path: DocumentPath, what: string): void {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (seen.has(item.id))
        this.report([...path, i, "id"], `expected a unique ${what} id, found "${item.id}" again`);
      seen.add(item.id);
    });
  }
}
