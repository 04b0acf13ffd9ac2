/**
 * Every `.nfg` and `.efg` file shipped with Gambit (copied under /work/shared/games/gambit), read,
 * written and read again. Which files must read comes from the reference answers in `expected/`:
 * a file Gambit 17 read (some solver answered, or refused only for reasons of the game such as
 * imperfect recall) must read; a file it rejected for its labels must be rejected, with a location.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { errorOf } from "../../../test/support/errorOf.js";
import {
  GAMBIT_EXPECTED_DIR,
  GAMBIT_GAMES_ABSENT,
  GAMBIT_GAMES_DIR,
  gambitGameFiles,
  gambitGameName,
  HAS_GAMBIT_GAMES,
} from "../../../test/support/gambitReferenceFiles.js";
import { skipReason } from "../../../test/support/skipReason.js";
import { readGambitGame } from "./readGambitGame.js";
import { writeEfg } from "./writeEfg.js";
import { writeNfg } from "./writeNfg.js";

interface Expected {
  readonly verdict: "read" | "reject";
  readonly why: string;
}

/** What Gambit 17 did with the file, from its reference answers. */
function expectedOf(file: string): Expected {
  const json = JSON.parse(
    readFileSync(join(GAMBIT_EXPECTED_DIR, `${file}.json`), "utf8"),
  ) as Record<string, unknown>;
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

describe.skipIf(!HAS_GAMBIT_GAMES)(
  `Gambit's own game files${skipReason(!HAS_GAMBIT_GAMES, GAMBIT_GAMES_ABSENT)}`,
  () => {
    const files = HAS_GAMBIT_GAMES ? gambitGameFiles([".nfg", ".efg"]).map(gambitGameName) : [];
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
      const text = readFileSync(join(GAMBIT_GAMES_DIR, file), "utf8");
      const game = readGambitGame(text, file);
      expect(game.form).toBe(file.endsWith(".nfg") ? "strategic" : "extensive");
      const written = write(game);
      const again = readGambitGame(written, `${file} (written)`);
      expect(again).toStrictEqual(game);
      expect(write(again)).toBe(written);
    });

    it.each(cases.filter((c) => c.verdict === "reject"))(
      "rejects $file ($why)",
      ({ file, why }) => {
        const text = readFileSync(join(GAMBIT_GAMES_DIR, file), "utf8");
        const e = errorOf(() => readGambitGame(text, file));
        expect(e.code).toBe("E_INPUT");
        expect(e.location?.file).toBe(file);
        expect(e.location?.line).toBeGreaterThan(0);
        expect(e.message).toMatch(
          /Node label/.test(why)
            ? /node label ".*" is used twice .*unique within a game$/
            : /information set label ".*" is used by two information sets .*unique per player$/,
        );
      },
    );
  },
);
