import { ApiFailure } from "../api.js";

/**
 * What went wrong with a request, in one plain sentence for the page: the server's message, with
 * the scenario's line and column in front when the server located the problem
 * ("kabul-2021.yaml, line 12, column 5: …"), or the body's path for a bad request.
 */
export function failureMessage(error: unknown): string {
  if (error instanceof ApiFailure) {
    const { message, line, column, path } = error.body;
    if (line !== undefined) {
      const where = column !== undefined ? `line ${line}, column ${column}` : `line ${line}`;
      // the core's messages start "source:line:column: "; say it in words instead
      const located = new RegExp(`^(.*?):${line}(?::${column ?? "\\d+"})?: `).exec(message);
      return located
        ? `${located[1]}, ${where}: ${message.slice(located[0].length)}`
        : `${where}: ${message}`;
    }
    if (path !== undefined && path.length > 0 && !message.includes(path.join(".")))
      return `${path.join(".")}: ${message}`;
    return message;
  }
  if (error instanceof TypeError) return "the server did not answer (is `linkage serve` running?)";
  return error instanceof Error ? error.message : String(error);
}
