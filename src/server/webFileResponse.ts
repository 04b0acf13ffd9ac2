import { readFileSync, statSync } from "node:fs";
import { extname, isAbsolute, join, relative, resolve } from "node:path";

/** Content types of the files the page's build writes. */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".wasm": "application/wasm",
  ".txt": "text/plain; charset=utf-8",
  ".efg": "text/plain; charset=utf-8",
  ".nfg": "text/plain; charset=utf-8",
  ".yaml": "text/yaml; charset=utf-8",
};

/** The page shown at `/` when the page has not been built. */
const NOT_BUILT = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Linkage workbench: page not built</title>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto">
<h1>The workbench's page is not built yet</h1>
<p>The server is running, but the folder with the page (dist/web) is missing. Build it in Linkage's folder with</p>
<pre>npm run build</pre>
<p>(<code>npm ci</code> does it too), then reload this page.</p></body></html>
`;

/**
 * The response for a GET of `urlPath` (the URL's path, still percent-encoded) from the built page
 * in `webDir`: the file with its content type (`index.html` for `/`), or undefined when there is
 * no such file. Only regular files inside `webDir` are ever read: a path that decodes to `..`, a
 * backslash, a NUL or an absolute path finds nothing. Without the folder, `/` answers a page
 * saying how to build it.
 */
export function webFileResponse(webDir: string, urlPath: string): Response | undefined {
  let path: string;
  try {
    path = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (path === "/" || path === "") path = "/index.html";
  const segments = path.split("/").slice(1);
  if (
    !path.startsWith("/") ||
    segments.some((s) => s === "" || s === "." || s === ".." || /[\\\0:]/.test(s))
  ) {
    return undefined;
  }
  const root = resolve(webDir);
  const file = join(root, ...segments);
  const inside = relative(root, file);
  if (inside === "" || inside.startsWith("..") || isAbsolute(inside)) return undefined;
  let body: Buffer;
  try {
    if (!statSync(file).isFile()) return undefined;
    body = readFileSync(file);
  } catch {
    if (path === "/index.html" && !isFolder(root)) {
      return new Response(NOT_BUILT, {
        status: 503,
        headers: { "content-type": "text/html; charset=utf-8" },
      });
    }
    return undefined;
  }
  const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? "application/octet-stream";
  return new Response(new Uint8Array(body), {
    headers: {
      "content-type": type,
      "content-length": String(body.length),
      "x-content-type-options": "nosniff",
      "cache-control": path === "/index.html" ? "no-cache" : "public, max-age=3600",
    },
  });
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
