import { LinkageError } from "../errors/LinkageError.js";

/** A Redis URL accepted by {@link checkRedisUrl}: the URL itself and a form safe to print. */
export interface CheckedRedisUrl {
  readonly url: string;
  /** The URL with its password replaced by `***`, for messages and logs. */
  readonly display: string;
}

/** Host names that reach this machine only. */
function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, "").toLowerCase();
  return bare === "localhost" || bare === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(bare);
}

/**
 * Checks a `redis://` or `rediss://` URL before anything connects to it. A Redis reachable from
 * other machines with no password lets anyone on the network read and write the job queue (and
 * so feed workers jobs), so a non-loopback URL without a password is refused unless `insecure`.
 * @throws {LinkageError} E_INPUT for a malformed URL, another scheme, or a non-loopback host
 *   without a password (and without `insecure`)
 * @example checkRedisUrl("redis://127.0.0.1:6390").display // => "redis://127.0.0.1:6390"
 */
export function checkRedisUrl(
  text: string,
  {
    insecure = false,
    flag = "--redis",
  }: { readonly insecure?: boolean; readonly flag?: string } = {},
): CheckedRedisUrl {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new LinkageError(
      "E_INPUT",
      `${flag} ${text}: not a URL; expected redis://[:PASSWORD@]HOST:PORT, e.g. redis://127.0.0.1:6379`,
    );
  }
  if (url.protocol !== "redis:" && url.protocol !== "rediss:") {
    throw new LinkageError(
      "E_INPUT",
      `${flag} ${text}: expected a redis:// or rediss:// URL, found ${url.protocol}//`,
    );
  }
  if (url.hostname === "") {
    throw new LinkageError("E_INPUT", `${flag} ${text}: the URL names no host`);
  }
  const hasPassword = url.password !== "";
  const shown = new URL(url.href);
  if (hasPassword) shown.password = "***";
  const display = shown.href.replace(/\/$/, "");
  if (!hasPassword && !isLoopback(url.hostname) && !insecure) {
    throw new LinkageError(
      "E_INPUT",
      `${flag} ${display}: refusing a Redis on another machine without a password (anyone who reaches it could read results and queue jobs); give one as redis://:PASSWORD@${url.host}, or pass --insecure on a network you trust`,
    );
  }
  return { url: url.href, display };
}
