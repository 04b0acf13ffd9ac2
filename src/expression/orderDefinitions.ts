import type { ExpressionDefinition } from "./compileExpressions.js";
import type { NameReference } from "./Expression.js";
import { ExpressionError } from "./ExpressionError.js";
import { nameReferences } from "./nameReferences.js";

/** Which names mean "this step's value" when definitions refer to each other. */
export interface OrderDefinitionsOptions {
  /**
   * Names whose reference reads the value computed in the same step (e.g. this week's
   * `Kcap` inside this week's `lambda`). A reference to a defined name in this set makes the
   * definition wait for it; references to other names (parameters, last week's state) and to
   * same-step names defined elsewhere (the week's choices, `t`) impose no order.
   */
  readonly sameStepNames: ReadonlySet<string>;
}

/**
 * Orders one step's definitions so each is evaluated after the same-step definitions it
 * refers to (a topological order, Kahn's algorithm). Among the definitions that are ready,
 * the one listed first goes first, so an already valid order is returned unchanged.
 *
 * @returns the definitions' names in evaluation order
 * @throws {ExpressionError} when two definitions share a name, or when definitions refer to
 *   each other in a cycle. The cycle is named starting from its definition listed first, e.g.
 *   `cycle: lambda → attacks → lambda`; `definition` is that first definition and
 *   `offset`/`length` locate, in its text, its reference to the next name of the cycle.
 * @example
 * orderDefinitions(
 *   [
 *     { name: "lambda", ast: parseExpression("lambda0 * exp(-(Kcap - K0))") },
 *     { name: "Kcap", ast: parseExpression("K0 + learn * t") },
 *   ],
 *   { sameStepNames: new Set(["lambda", "Kcap"]) },
 * ) // => ["Kcap", "lambda"]
 */
export function orderDefinitions(
  defs: readonly ExpressionDefinition[],
  { sameStepNames }: OrderDefinitionsOptions,
): string[] {
  const index = new Map<string, number>();
  defs.forEach((def, i) => {
    if (index.has(def.name)) {
      throw new ExpressionError(`"${def.name}" is defined more than once`, 0, 0, {
        definition: def.name,
      });
    }
    index.set(def.name, i);
  });
  // For each definition, its first reference to each same-step definition it depends on.
  const dependencies = defs.map((def) => {
    const first = new Map<number, NameReference>();
    for (const ref of nameReferences(def.ast)) {
      const target = index.get(ref.name);
      if (target !== undefined && sameStepNames.has(ref.name) && !first.has(target)) {
        first.set(target, ref);
      }
    }
    return first;
  });

  const order: string[] = [];
  const done = new Array<boolean>(defs.length).fill(false);
  for (let placed = 0; placed < defs.length; placed++) {
    const next = defs.findIndex(
      (_, i) => !done[i] && [...dependencies[i]!.keys()].every((j) => done[j]),
    );
    if (next < 0) throw cycleError(defs, dependencies, done);
    done[next] = true;
    order.push(defs[next]!.name);
  }
  return order;
}

/** Finds the shortest cycle through the earliest-listed definition that lies on one. */
function cycleError(
  defs: readonly ExpressionDefinition[],
  dependencies: readonly ReadonlyMap<number, NameReference>[],
  done: readonly boolean[],
): ExpressionError {
  for (let start = 0; start < defs.length; start++) {
    if (done[start]) continue;
    // Breadth-first search from `start` back to `start` through unfinished definitions.
    const parent = new Map<number, number>();
    const queue = [start];
    for (let head = 0; head < queue.length; head++) {
      const at = queue[head]!;
      for (const j of dependencies[at]!.keys()) {
        if (done[j]) continue;
        if (j === start) {
          const path = [start];
          for (let k = at; k !== start; k = parent.get(k)!) path.splice(1, 0, k);
          const names = [...path, start].map((i) => defs[i]!.name);
          const ref = dependencies[start]!.get(path[1] ?? start)!;
          return new ExpressionError(
            `cycle: ${names.join(" → ")}`,
            ref.start,
            ref.end - ref.start,
            { definition: defs[start]!.name },
          );
        }
        if (!parent.has(j) && j !== start) {
          parent.set(j, at);
          queue.push(j);
        }
      }
    }
  }
  // Unreachable: when no definition is ready, the unfinished ones contain a cycle.
  return new ExpressionError("cycle among definitions", 0, 0);
}
