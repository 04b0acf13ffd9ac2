/**
 * The README's front door: the documented way to run the command (`node bin/linkage.js …`) works
 * on this checkout as written, without npm's exec cache, and every such command the README shows
 * succeeds.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const README = readFileSync(`${ROOT}README.md`, "utf8");
const VERSION = (JSON.parse(readFileSync(`${ROOT}package.json`, "utf8")) as { version: string })
  .version;

/** The README's inline commands that start with `node bin/linkage.js`, output redirections dropped. */
const documented = [...README.matchAll(/`(node bin\/linkage\.js [^`]+)`/g)]
  .map((m) => m[1]!.replace(/\s*>.*$/, "").trim())
  .filter((command) => !command.includes("…") && !/\bX$/.test(command));

describe("the front door", () => {
  it("node bin/linkage.js runs the compiled command", () => {
    const r = spawnSync(process.execPath, ["bin/linkage.js", "--version"], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(VERSION);
  });

  it("the README shows its commands in that form", () => {
    expect(documented.length).toBeGreaterThanOrEqual(3);
    expect(README).not.toMatch(/`npx linkage [a-z]/);
  });

  it.each(documented)("%s", (command) => {
    const args = command.split(/\s+/).slice(1);
    const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: "utf8" });
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(r.status).toBe(0);
  });
});
