/**
 * A mistake in an expression of the scenario language: a syntax error, an unknown name or
 * function, a wrong number of arguments, a division by a literal zero, or a cycle among
 * definitions.
 *
 * `offset` and `length` locate the offending text as character offsets (JavaScript string
 * indices, i.e. UTF-16 code units) into the expression's source, so the scenario loader can
 * turn them into a line and column inside the YAML file and wrap the error in a
 * `LinkageError` (`E_SCENARIO`). When the error concerns one of several definitions (a cycle,
 * a missing slot), `definition` names the definition whose text the offset refers to.
 *
 * @example
 * try { parseExpression("min(a, b"); } catch (e) {
 *   // e.message === 'expected ")" after the arguments of min, found end of expression'
 *   // e.offset === 8, e.length === 0
 * }
 */
export class ExpressionError extends Error {
  override readonly name = "ExpressionError";
  /** Name of the definition whose source `offset` refers to, when several are involved. */
  readonly definition: string | undefined;

  constructor(
    message: string,
    /** Offset of the first offending character in the expression's source. */
    readonly offset: number,
    /** Number of offending characters (0 for "end of expression"). */
    readonly length: number,
    options: { readonly definition?: string; readonly cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.definition = options.definition;
  }
}
