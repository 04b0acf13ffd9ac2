import type { Context } from "hono";
import type { z } from "zod";
import { ApiProblem } from "./ApiProblem.js";

/** A request body read and checked: the schema's output, and the JSON exactly as sent. */
export interface JsonBody<T> {
  readonly body: T;
  readonly raw: unknown;
}

/**
 * Reads a request's JSON body and checks it against `schema` (zod). The size limit is enforced
 * before this, by the app's body-limit middleware.
 * @throws {ApiProblem} 415 when the body is not declared as JSON (which also keeps plain HTML
 *   forms of other sites out), 400 `E_INPUT` for invalid JSON or a body that breaks the schema,
 *   with the zod path of the first problem
 */
export async function readJsonBody<S extends z.ZodType>(
  c: Context,
  schema: S,
): Promise<JsonBody<z.output<S>>> {
  const type = c.req.header("content-type") ?? "";
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new ApiProblem(
      415,
      "E_INPUT",
      `expected a JSON body with content-type: application/json, found ${type === "" ? "no content type" : JSON.stringify(type)}`,
    );
  }
  const text = await c.req.text();
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ApiProblem(400, "E_INPUT", `the body is not valid JSON: ${(error as Error).message}`);
  }
  const result = schema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const path = issue.path.map((key) => (typeof key === "number" ? key : String(key)));
    const keys = "keys" in issue && Array.isArray(issue.keys) ? issue.keys.map(String) : [];
    const where = path.length > 0 ? path.join(".") : "body";
    const what =
      issue.code === "unrecognized_keys"
        ? `unknown ${keys.length === 1 ? "key" : "keys"} ${keys.map((k) => JSON.stringify(k)).join(", ")}`
        : issue.message;
    throw new ApiProblem(400, "E_INPUT", `${where}: ${what}`, { path });
  }
  return { body: result.data, raw };
}
