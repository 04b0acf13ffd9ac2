import type {
  CompletionContext,
  CompletionResult,
  CompletionSource,
} from "@codemirror/autocomplete";
import { type JsonSchema, yamlSchemaCompletions } from "./yamlSchemaCompletion.js";

/**
 * The editor's completion from a JSON Schema (see yamlSchemaCompletion): keys valid at the cursor
 * with their type and description, or a key's allowed values. Opens as the user types a word, or
 * on an empty spot with Ctrl-Space.
 */
export function schemaCompletionSource(schema: JsonSchema): CompletionSource {
  return (context: CompletionContext): CompletionResult | null => {
    const found = yamlSchemaCompletions(schema, context.state.doc.toString(), context.pos);
    if (!found) return null;
    if (found.from === context.pos && !context.explicit) return null;
    return {
      from: found.from,
      options: found.options.map((o) => ({
        label: o.label,
        type: o.type,
        apply: o.apply,
        detail: o.detail,
        ...(o.info === undefined ? {} : { info: o.info }),
      })),
      validFor: /^[A-Za-z0-9_$.-]*$/,
    };
  };
}
