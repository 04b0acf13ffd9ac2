/**
 * The page's one way to the server: typed calls on the workbench API (src/server/workbenchApi.ts).
 * A non-2xx answer becomes an `ApiFailure` carrying the server's code, message and location.
 */
import type { ApiError } from "linkage/server/workbenchApi";

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiError["error"],
  ) {
    super(body.message);
  }
}

export async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  if (init.body !== undefined && !headers.has("content-type")) {
    headers.set("content-type", "application/json");
  }
  const response = await fetch(path, { ...init, headers });
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (!response.ok) {
    const error = (body as ApiError | undefined)?.error ?? {
      code: "E_HTTP",
      message: `${response.status} ${response.statusText}`,
    };
    throw new ApiFailure(response.status, error);
  }
  return body as T;
}
