import { drawsRandom } from "./drawsRandom.js";
import type { CallExpression, Expression } from "./Expression.js";
import { ExpressionError } from "./ExpressionError.js";
import type { ExpressionRandom } from "./ExpressionRandom.js";
import { expressionBuiltins, HAWKES_TAU_INDEX } from "./expressionBuiltins.js";
import { hawkesStep } from "./hawkesStep.js";

/** One definition of a step: the value of `ast` is stored under `name`. */
export interface ExpressionDefinition {
  readonly name: string;
  readonly ast: Expression;
}

/**
 * One step's definitions compiled to a single JavaScript function: call it with the value
 * vector and a random source, and it overwrites the definitions' slots in place.
 */
export interface CompiledStep {
  (v: Float64Array, rng: ExpressionRandom): void;
  /** The generated function body, for inspection, debugging and tests. */
  readonly source: string;
  /** The smallest `v.length` the step reads and writes within (largest slot used + 1). */
  readonly minLength: number;
}

// Fixed tables: the generator writes only these strings, never text taken from the tree.
const ARITHMETIC = new Map<string, string>([
  ["+", "+"],
  ["-", "-"],
  ["*", "*"],
  ["/", "/"],
  ["^", "**"],
]);
const COMPARISON = new Map<string, string>([
  ["<", "<"],
  ["<=", "<="],
  [">", ">"],
  [">=", ">="],
  ["==", "==="],
  ["!=", "!=="],
]);
const DIRECT_CALLS = new Map<string, string>([
  ["min", "Math.min"],
  ["max", "Math.max"],
  ["abs", "Math.abs"],
  ["exp", "Math.exp"],
  ["log", "Math.log"],
  ["sqrt", "Math.sqrt"],
  ["floor", "Math.floor"],
  ["ceil", "Math.ceil"],
  ["poisson", "rng.poisson"],
  ["bernoulli", "rng.bernoulli"],
  ["normal", "rng.normal"],
  ["lognormal", "rng.lognormal"],
  ["powerlaw", "rng.powerlaw"],
  ["severity", "rng.severity"],
]);

/**
 * Writes a number as a JavaScript literal that reads back as exactly the same double
 * (ECMAScript's shortest round-trip formatting); negative numbers and −0 in parentheses.
 * Returns undefined for NaN, ±Infinity and non-numbers, which have no literal.
 */
function literal(value: unknown): string | undefined {
  if (typeof value !== "number" || !Number.isFinite(value)) return undefined;
  if (Object.is(value, -0)) return "(-0)";
  const text = String(value);
  return value < 0 ? `(${text})` : text;
}

/** Options of {@link compileExpressions}. */
export interface CompileExpressionsOptions {
  /**
   * For diagnostics only: before each definition the step writes `first + its index` into
   * `at[0]`, so a caller that catches an error knows which definition raised it.
   */
  readonly trace?: { readonly at: Int32Array; readonly first: number };
}

/**
 * Compiles one step's definitions into a single JavaScript function
 * `(v: Float64Array, rng: ExpressionRandom) => void` built with `new Function`.
 *
 * For each definition in the order given, the function evaluates its expression and writes
 * the result to `v[slots.get(name)]`. Every name an expression mentions is read as
 * `v[slots.get(name)]` at the moment it is evaluated, so a definition sees the values that
 * earlier definitions of the same step have just written (use {@link orderDefinitions} to
 * get an order that respects these dependencies), and sees whatever else is in `v` for the
 * rest. **Double-buffering is the caller's job**: give last week's state and this week's new
 * values different names, hence different slots (`I` and `I_next`), and copy them over
 * between steps; a definition that writes a slot other definitions read as "previous" state
 * would otherwise overwrite it mid-step.
 *
 * The semantics are exactly those of {@link evaluateExpression} (same values bit for bit,
 * same random draws in the same order). The generated source contains only numeric
 * literals, `v[<integer>]`, operators, `Math.exp/log/sqrt/abs/floor/ceil/min/max`,
 * conditional expressions (for `if`, `and`, `or`, comparisons; lazy where the language is)
 * and `rng.<draw>(…)`; names become slot integers and no text from the expression is ever
 * copied into it. The generator refuses any node, operator or function it does not know, so a
 * tree that did not come from {@link parseExpression} cannot inject code.
 *
 * @param defs - definitions, evaluated in this order (each should have passed
 *   {@link checkExpression})
 * @param slots - index in `v` of every name read or written (non-negative integers)
 * @throws {ExpressionError} (with `definition` set) when a name has no valid slot, a node,
 *   operator or function is unknown, a call has a wrong number of arguments, or the `tau`
 *   argument of `hawkes` draws random numbers
 * @example
 * const step = compileExpressions(
 *   [{ name: "I_next", ast: parseExpression("I * (1 + r * (1 - I / Imax))") }],
 *   new Map([["I", 0], ["r", 1], ["Imax", 2], ["I_next", 3]]),
 * );
 * step.source // => "v[3] = (v[0] * (1 + (v[1] * (1 - (v[0] / v[2])))));\n"
 * const v = Float64Array.of(100, 0.1, 200, 0);
 * step(v, rng); // v[3] === 105
 */
export function compileExpressions(
  defs: readonly ExpressionDefinition[],
  slots: ReadonlyMap<string, number>,
  { trace }: CompileExpressionsOptions = {},
): CompiledStep {
  let minLength = 0;
  let source = "";
  for (const [index, def] of defs.entries()) {
    if (trace) source += `t[0] = ${trace.first + index};\n`;
    const fail = (message: string, node: Expression, length = node.end - node.start) =>
      new ExpressionError(message, node.start, length, { definition: def.name });
    const slot = (name: string, node: Expression): string => {
      const index = slots.get(name);
      if (index === undefined || !Number.isSafeInteger(index) || index < 0) {
        throw fail(`no slot for the name "${name}"`, node);
      }
      minLength = Math.max(minLength, index + 1);
      return `v[${index}]`;
    };
    const emit = (node: Expression): string => {
      switch (node.kind) {
        case "number": {
          const text = literal(node.value);
          if (text === undefined) throw fail("cannot compile a non-finite number", node);
          return text;
        }
        case "name":
          return slot(node.name, node);
        case "unary": {
          const x = emit(node.operand);
          if (node.op === "-") return `(-${x})`;
          if (node.op === "not") return `(${x} === 0 ? 1 : 0)`;
          break;
        }
        case "binary": {
          const a = emit(node.left);
          const b = emit(node.right);
          if (node.op === "and") return `(${a} !== 0 && ${b} !== 0 ? 1 : 0)`;
          if (node.op === "or") return `(${a} !== 0 || ${b} !== 0 ? 1 : 0)`;
          const arithmetic = ARITHMETIC.get(node.op);
          if (arithmetic !== undefined) return `(${a} ${arithmetic} ${b})`;
          const comparison = COMPARISON.get(node.op);
          if (comparison !== undefined) return `(${a} ${comparison} ${b} ? 1 : 0)`;
          break;
        }
        case "call":
          return call(node, emit, fail);
      }
      throw fail("cannot compile an unknown kind of expression node", node);
    };
    const target = slot(def.name, def.ast);
    source += `${target} = ${emit(def.ast)};\n`;
  }
  // Safe: the source is generated from the tree through fixed tables, never from user text.
  if (trace) {
    const traced = bindHelpers(["v", "rng", "t"], source) as (
      v: Float64Array,
      rng: ExpressionRandom,
      t: Int32Array,
    ) => void;
    const at = trace.at;
    const run = (v: Float64Array, rng: ExpressionRandom) => traced(v, rng, at);
    return Object.assign(run, { source, minLength });
  }
  const run = bindHelpers(["v", "rng"], source) as (v: Float64Array, rng: ExpressionRandom) => void;
  return Object.assign(run, { source, minLength });
}

/** The generated function, with the pure helpers it may call (hawkesStep) in its scope. */
function bindHelpers(parameters: readonly string[], source: string): unknown {
  const make = new Function(
    "hawkesStep",
    `return function step(${parameters.join(", ")}) {\n${source}};`,
  ) as (helper: typeof hawkesStep) => unknown;
  return make(hawkesStep);
}

function call(
  node: CallExpression,
  emit: (node: Expression) => string,
  fail: (message: string, node: Expression, length?: number) => ExpressionError,
): string {
  const builtin = expressionBuiltins.get(node.callee);
  if (builtin === undefined)
    throw fail("cannot compile a call of an unknown function", node, node.callee.length);
  const n = node.args.length;
  if (n < builtin.minArgs || n > builtin.maxArgs) {
    throw fail(`cannot compile a call of ${node.callee} with ${n} arguments`, node);
  }
  const args = node.args.map(emit);
  const direct = DIRECT_CALLS.get(node.callee);
  if (direct !== undefined) return `${direct}(${args.join(", ")})`;
  const [a, b, c, d] = args;
  switch (node.callee) {
    case "if":
      return `(${a} !== 0 ? ${b} : ${c})`;
    case "clamp":
      return `Math.min(Math.max(${a}, ${b}), ${c})`;
    case "hawkes": {
      const tau = node.args[HAWKES_TAU_INDEX]!;
      if (drawsRandom(tau))
        throw fail("the decay time tau of hawkes must not draw random numbers", tau);
      // arguments evaluate left to right, as in the interpreter
      return `hawkesStep(${a}, ${b}, ${c}, ${d})`;
    }
  }
  throw fail("cannot compile a call of an unknown function", node, node.callee.length);
}
