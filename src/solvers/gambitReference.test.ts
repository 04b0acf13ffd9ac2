/**
 * Pure equilibria against Gambit 17's own answers (`gambit-enumpure`) for every shared game that
 * has a reference file. Skips itself when ../shared/games/gambit is absent (a clone elsewhere).
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { isLinkageError } from "../errors/LinkageError.js";
import { readGambitGame } from "../games/gambit/readGambitGame.js";
import { solveGame } from "./solveGame.js";

const SHARED = fileURLToPath(new URL("../../../shared/games/gambit/", import.meta.url));
const EXPECTED = join(SHARED, "expected");

interface Reference {
  readonly status: "ok" | "error" | "timeout";
  readonly equilibria?: string[][];
  readonly message?: string;
}

function gameFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return path === EXPECTED ? [] : gameFiles(path);
    return /\.(nfg|efg)$/.test(name) ? [path] : [];
  });
}

describe.skipIf(!existsSync(EXPECTED))("pure equilibria equal Gambit's enumpure", () => {
  const cases = existsSync(EXPECTED)
    ? gameFiles(SHARED)
        .map((file) => ({ file, reference: join(EXPECTED, `${relative(SHARED, file)}.json`) }))
        .filter((c) => existsSync(c.reference))
    : [];

  it("covers the reference set", () => {
    expect(cases.length).toBeGreaterThan(200);
  });

  it.each(cases.map((c) => [relative(SHARED, c.file), c] as const))(
    "%s",
    async (_, { file, reference }) => {
      const expected = (JSON.parse(readFileSync(reference, "utf8")) as { enumpure?: Reference })
        .enumpure;
      if (!expected || expected.status === "timeout") return;
      let game: ReturnType<typeof readGambitGame>;
      try {
        game = readGambitGame(readFileSync(file, "utf8"), file);
      } catch (error) {
        // files Gambit 17 rejects must be rejected with a located error, never a crash
        expect(isLinkageError(error)).toBe(true);
        expect(expected.status).toBe("error");
        return;
      }
      if (expected.status === "error") {
        // Gambit refused the method (e.g. imperfect recall): we must refuse too, with a clear error
        await expect(solveGame(game, { method: "enumpure", rational: true })).rejects.toSatisfy(
          isLinkageError,
        );
        return;
      }
      const result = await solveGame(game, { method: "enumpure", rational: true });
      const ours = result.equilibria.map((e) => e.profile.flat().join(",")).sort();
      const theirs = expected.equilibria!.map((e) => e.join(",")).sort();
      if (result.equilibria.length === 1 && result.equilibria[0]!.profile.flat().length === 0) {
        // a game in which nobody moves: we report its one (empty) profile, Gambit prints nothing
        expect(theirs).toEqual([]);
        return;
      }
      expect(ours).toEqual(theirs);
      for (const e of result.equilibria) expect(e.regret).toBe("0");
    },
  );

  const twoPlayerStrategic = cases.filter((c) => {
    if (!c.file.endsWith(".nfg")) return false;
    const expected = (JSON.parse(readFileSync(c.reference, "utf8")) as { enummixed?: Reference })
      .enummixed;
    return expected?.status === "ok";
  });
  it("enummixed covers the two-player strategic games", () => {
    expect(twoPlayerStrategic.length).toBeGreaterThan(40);
  });
  it.each(twoPlayerStrategic.map((c) => [relative(SHARED, c.file), c] as const))(
    "enummixed %s equals Gambit's extreme equilibria",
    async (_, { file, reference }) => {
      const expected = (JSON.parse(readFileSync(reference, "utf8")) as { enummixed: Reference })
        .enummixed;
      const game = readGambitGame(readFileSync(file, "utf8"), file);
      const result = await solveGame(game, { method: "enummixed", rational: true });
      const ours = result.equilibria.map((e) => e.profile.flat().join(",")).sort();
      // Gambit's own list repeats some profiles (csg2, csg4)
      const theirs = [...new Set(expected.equilibria!.map((e) => e.join(",")))].sort();
      expect(ours).toEqual(theirs);
      for (const e of result.equilibria) expect(e.regret).toBe("0");
    },
  );
});
