/**
 * Every `.nfg` and `.efg` file shipped with Gambit (copied under /work/shared/games/gambit), read,
 * written and read again. Which files must read comes from the reference answers in `expected/`:
 * a file Gambit 17 read (some solver answered, or refused only for reasons of the game such as
 * imperfect recall) must read; a file it rejected for its labels must be rejected, with a location.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { LinkageError } from "../../errors/LinkageError.js";
import { readGambitGame } from "./readGambitGame.js";
import { writeEfg } from "./writeEfg.js";
import { writeNfg } from "./writeNfg.js";

const SHARED = fileURLToPath(new URL("../../../../shared/games/gambit/", import.meta.url));

interface Expected {
  readonly verdict: "read" | "reject";
  readonly why: string;
}

function gameFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return name === "expected" ? [] : gameFiles(path);
      return name.endsWith(".nfg") || name.endsWith(".efg") ? [path] : [];
    });
}

/** What Gambit 17 did with the file, from its reference answers. */
function expectedOf(file: string): Expected {
  const json = JSON.parse(readFileSync(join(SHARED, "expected", `${file}.json`), "utf8")) as Record<
    string,
    unknown
  >;
  const entries = Object.values(json).filter(
    (v): v is { status: string; message?: string } =>
      typeof v === "object" && v !== null && "status" in v,
  );
  if (entries.some((e) => e.status === "ok")) return { verdict: "read", why: "solved" };
  const labels = entries.find((e) => /label must be unique/.test(e.message ?? ""));
  if (labels) return { verdict: "reject", why: labels.message ?? "" };
  return { verdict: "read", why: entries.map((e) => e.message ?? e.status).join("; ") };
}

const write = (g: ReturnType<typeof readGambitGame>): string =>
  g.form === "strategic" ? writeNfg(g.game) : writeEfg(g.game);

describe.skipIf(!existsSync(SHARED))("Gambit's own game files", () => {
  const files = existsSync(SHARED) ? gameFiles(SHARED).map((f) => relative(SHARED, f)) : [];
  const cases = files.map((file) => ({ file, ...expectedOf(file) }));

  it("has the files and reference answers we expect", () => {
    expect(cases.length).toBe(234);
    expect(cases.filter((c) => c.verdict === "reject").map((c) => c.file)).toEqual([
      "contrib/games/4cards.efg",
      "contrib/games/caro2.efg",
      "contrib/games/coord2ts.efg",
      "contrib/games/e10.efg",
      "contrib/games/e10a.efg",
      "contrib/games/holdout.efg",
      "contrib/games/nim.efg",
      "contrib/games/nim7.efg",
    ]);
  });

  it.each(cases.filter((c) => c.verdict === "read"))("reads $file", ({ file }) => {
    const text = readFileSync(join(SHARED, file), "utf8");
    const game = readGambitGame(text, file);
    expect(game.form).toBe(file.endsWith(".nfg") ? "strategic" : "extensive");
    const written = write(game);
    const again = readGambitGame(written, `${file} (written)`);
    expect(again).toStrictEqual(game);
    expect(write(again)).toBe(written);
  });

  it.each(cases.filter((c) => c.verdict === "reject"))("rejects $file ($why)", ({ file, why }) => {
    const text = readFileSync(join(SHARED, file), "utf8");
    let error: unknown;
    try {
      readGambitGame(text, file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LinkageError);
    const e = error as LinkageError;
    expect(e.code).toBe("E_INPUT");
    expect(e.location?.file).toBe(file);
    expect(e.location?.line).toBeGreaterThan(0);
    expect(e.message).toMatch(
      /Node label/.test(why)
        ? /node label ".*" is used twice .*unique within a game$/
        : /information set label ".*" is used by two information sets .*unique per player$/,
    );
  });
});
