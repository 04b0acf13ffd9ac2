import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  GAMBIT_GAMES_ABSENT,
  gambitGameFiles,
  HAS_GAMBIT_GAMES,
} from "../../../test/support/gambitReferenceFiles.js";
import { skipReason } from "../../../test/support/skipReason.js";
import { isLinkageError } from "../../errors/LinkageError.js";
import { readGambitGame } from "./readGambitGame.js";
import { writeEfg } from "./writeEfg.js";
import { writeNfg } from "./writeNfg.js";

describe("readGambitGame", () => {
  it("dispatches on the first word", () => {
    expect(readGambitGame('NFG 1 R "" { "A" } { 2 } 1 0').form).toBe("strategic");
    expect(readGambitGame('  EFG 2 R "" { "A" } t "" 0').form).toBe("extensive");
    expect(() => readGambitGame("\n#AGG\n", "g.agg")).toThrow(
      'g.agg:2:1: expected "NFG" or "EFG" (a Gambit game file), found "#AGG"',
    );
    expect(() => readGambitGame("", "empty")).toThrow(
      'empty:1:1: unexpected end of file: expected "NFG" or "EFG" (a Gambit game file)',
    );
  });
});

/**
 * Reading any text either succeeds or throws a located E_INPUT LinkageError, never anything else;
 * and whatever reads writes back to the same game.
 */
function checkAnyText(text: string): void {
  let game: ReturnType<typeof readGambitGame>;
  try {
    game = readGambitGame(text, "fuzz");
  } catch (e) {
    if (!isLinkageError(e)) throw e;
    expect(e.code).toBe("E_INPUT");
    expect(e.location?.file).toBe("fuzz");
    expect(e.location?.line).toBeGreaterThanOrEqual(1);
    expect(e.location?.column).toBeGreaterThanOrEqual(1);
    expect(e.message.startsWith(`fuzz:${e.location?.line}:${e.location?.column}: `)).toBe(true);
    return;
  }
  const written = game.form === "strategic" ? writeNfg(game.game) : writeEfg(game.game);
  expect(readGambitGame(written, "written")).toStrictEqual(game);
}

describe.skipIf(!HAS_GAMBIT_GAMES)(
  `robustness on damaged real files${skipReason(!HAS_GAMBIT_GAMES, GAMBIT_GAMES_ABSENT)}`,
  () => {
    const texts = HAS_GAMBIT_GAMES
      ? gambitGameFiles([".nfg", ".efg"]).map((f) => readFileSync(f, "utf8"))
      : [];
    const alphabet = [...'{}",.-/0123456789eEpctRDNFG \n\\x'];
    const mutation = fc.record({
      at: fc.integer({ min: 0, max: 2 ** 30 }),
      op: fc.constantFrom("delete", "insert", "replace", "duplicate"),
      char: fc.constantFrom(...alphabet),
      length: fc.integer({ min: 1, max: 12 }),
    });

    it("every prefix of a few small files", () => {
      const small = texts.filter((t) => t.length < 1200).slice(0, 12);
      expect(small.length).toBeGreaterThan(5);
      for (const text of small)
        for (let i = 0; i <= text.length; i++) checkAnyText(text.slice(0, i));
    });

    it("random truncations and mutations (property, fixed seed)", () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: Math.max(0, texts.length - 1) }),
          fc.array(mutation, { minLength: 1, maxLength: 6 }),
          fc.option(fc.integer({ min: 0, max: 2 ** 30 }), { nil: undefined, freq: 2 }),
          (which, mutations, cut) => {
            let text = texts[which] ?? "";
            for (const m of mutations) {
              const i = m.at % (text.length + 1);
              if (m.op === "delete") text = text.slice(0, i) + text.slice(i + m.length);
              else if (m.op === "insert") text = text.slice(0, i) + m.char + text.slice(i);
              else if (m.op === "replace") text = text.slice(0, i) + m.char + text.slice(i + 1);
              else text = text.slice(0, i) + text.slice(i, i + m.length * 4) + text.slice(i);
            }
            if (cut !== undefined) text = text.slice(0, cut % (text.length + 1));
            checkAnyText(text);
          },
        ),
        { seed: 20_260_601, numRuns: 3000 },
      );
    });
  },
);
