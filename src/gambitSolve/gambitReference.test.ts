/**
 * Pure equilibria against Gambit 17's own answers (`gambit-enumpure`) for every shared game that
 * has a reference file. Skips itself when ../shared/games/gambit is absent (a clone elsewhere).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  GAMBIT_REFERENCES_ABSENT,
  type GambitAnswer,
  gambitReferenceCases,
  HAS_GAMBIT_REFERENCES,
} from "../../test/support/gambitReferenceFiles.js";
import { skipReason } from "../../test/support/skipReason.js";
import { isLinkageError } from "../errors/LinkageError.js";
import { readGambitGame } from "../games/gambit/readGambitGame.js";
import { solveGame } from "./solveGame.js";

/** The entries of a reference file that these tests read. */
interface References {
  readonly enumpure?: GambitAnswer;
  readonly enummixed?: GambitAnswer;
}

describe.skipIf(!HAS_GAMBIT_REFERENCES)(
  `pure equilibria equal Gambit's enumpure${skipReason(!HAS_GAMBIT_REFERENCES, GAMBIT_REFERENCES_ABSENT)}`,
  () => {
    const cases = gambitReferenceCases<References>([".nfg", ".efg"]);

    it("covers the reference set", () => {
      expect(cases.length).toBeGreaterThan(200);
    });

    it.each(cases.map((c) => [c.name, c] as const))("%s", async (_, { file, references }) => {
      const expected = references.enumpure;
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
    });

    const twoPlayerStrategic = cases.filter((c) => {
      if (!c.file.endsWith(".nfg")) return false;
      return c.references.enummixed?.status === "ok";
    });
    it("enummixed covers the two-player strategic games", () => {
      expect(twoPlayerStrategic.length).toBeGreaterThan(40);
    });
    it.each(twoPlayerStrategic.map((c) => [c.name, c] as const))(
      "enummixed %s equals Gambit's extreme equilibria",
      async (_, { file, references }) => {
        const expected = references.enummixed!;
        const game = readGambitGame(readFileSync(file, "utf8"), file);
        const result = await solveGame(game, { method: "enummixed", rational: true });
        const ours = result.equilibria.map((e) => e.profile.flat().join(",")).sort();
        // Gambit's own list repeats some profiles (csg2, csg4)
        const theirs = [...new Set(expected.equilibria!.map((e) => e.join(",")))].sort();
        expect(ours).toEqual(theirs);
        for (const e of result.equilibria) expect(e.regret).toBe("0");
      },
    );
  },
);
