import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { errorOf } from "../../../test/support/errorOf.js";
import {
  GAMBIT_GAMES_ABSENT,
  GAMBIT_GAMES_DIR,
  HAS_GAMBIT_GAMES,
} from "../../../test/support/gambitReferenceFiles.js";
import { skipReason } from "../../../test/support/skipReason.js";
import { fromNumber, type Rational, toNumber } from "../../math/rational.js";
import { profileIndex, type StrategicGame } from "../strategicGame.js";
import { readNfg } from "./readNfg.js";
import { writeNfg } from "./writeNfg.js";

const r = (n: number, d = 1): Rational => ({ n: BigInt(n), d: BigInt(d) });

describe("readNfg", () => {
  it("reads the payoff form with strategy counts (player 1 varies fastest)", () => {
    const g = readNfg('NFG 1 D "PD" { "Row" "Col" } { 2 3 }\n3 3 5 0 0 5 1 1 .5 2. 1/3 -1e-1\n');
    expect(g.title).toBe("PD");
    expect(g.comment).toBe("");
    expect(g.players).toEqual(["Row", "Col"]);
    expect(g.strategies).toEqual([
      ["", ""],
      ["", "", ""],
    ]);
    expect(g.outcomes).toBeNull();
    const at = (s: number[], p: number) => g.payoffs[profileIndex(g, s) * 2 + p];
    expect(at([1, 0], 0)).toBe(5);
    expect(at([1, 0], 1)).toBe(0);
    expect(at([0, 2], 0)).toBe(0.5);
    expect(at([1, 2], 0)).toBe(1 / 3);
    expect(at([1, 2], 1)).toBe(-0.1);
    expect(g.exactPayoffs?.[9]).toEqual(r(2));
    expect(g.exactPayoffs?.[10]).toEqual(r(1, 3));
    expect(g.exactPayoffs?.[11]).toEqual(r(-1, 10));
  });

  it("reads the outcome form with strategy labels and a comment", () => {
    const g = readNfg(
      'NFG 1 R "BoS" { "1" "2" }\n{ { "T" "B" }\n{ "L" "R" }\n}\n"note"\n{\n{ "tl" 3, 2 }\n{ "" 0 1 }\n}\n1 0 2 1\n',
    );
    expect(g.comment).toBe("note");
    expect(g.strategies).toEqual([
      ["T", "B"],
      ["L", "R"],
    ]);
    expect(g.outcomes?.labels).toEqual(["tl", ""]);
    expect(g.outcomes?.payoffs).toEqual([
      [r(3), r(2)],
      [r(0), r(1)],
    ]);
    expect(Array.from(g.outcomes?.profileOutcome ?? [])).toEqual([0, -1, 1, 0]);
    expect(Array.from(g.payoffs)).toEqual([3, 2, 0, 0, 0, 1, 3, 2]);
  });

  describe.skipIf(!HAS_GAMBIT_GAMES)(
    `catalog files, checked by hand${skipReason(!HAS_GAMBIT_GAMES, GAMBIT_GAMES_ABSENT)}`,
    () => {
      it("nau2004/sec3.nfg: Battle of the Sexes in outcome form", () => {
        const g = readNfg(
          readFileSync(`${GAMBIT_GAMES_DIR}catalog/journals/ijgt/nau2004/sec3.nfg`, "utf8"),
          "sec3.nfg",
        );
        expect(g.title).toBe("Battle of the Sexes");
        expect(g.players).toEqual(["Player 1", "Player 2"]);
        expect(g.strategies).toEqual([
          ["Top", "Bottom"],
          ["Left", "Right"],
        ]);
        expect(g.comment).toMatch(/^The coordination game known as Battle of the Sexes/);
        // outcomes 1 2 3 4 = (Top,Left) (Bottom,Left) (Top,Right) (Bottom,Right)
        const pay = (s: number[]) => {
          const k = profileIndex(g, s);
          return [g.payoffs[2 * k], g.payoffs[2 * k + 1]];
        };
        expect(pay([0, 0])).toEqual([3, 2]);
        expect(pay([1, 0])).toEqual([0, 0]);
        expect(pay([0, 1])).toEqual([0, 0]);
        expect(pay([1, 1])).toEqual([2, 3]);
        expect(g.outcomes?.labels).toEqual(["", "", "", ""]);
      });

      it("nau2004/sec4.nfg: three players, 2x2x2", () => {
        const g = readNfg(
          readFileSync(`${GAMBIT_GAMES_DIR}catalog/journals/ijgt/nau2004/sec4.nfg`, "utf8"),
        );
        expect(g.players).toHaveLength(3);
        expect(g.strategies.map((s) => s.length)).toEqual([2, 2, 2]);
        // profile (Bottom, Right, 2) is the last, outcome 8 = { 2, 0, 3 }
        const k = profileIndex(g, [1, 1, 1]);
        expect(k).toBe(7);
        expect(Array.from(g.payoffs.slice(3 * k, 3 * k + 3))).toEqual([2, 0, 3]);
        // profile (Bottom, Left, 1) is outcome 2 = { 0, 1, 0 }
        expect(Array.from(g.payoffs.slice(3, 6))).toEqual([0, 1, 0]);
      });

      it("contrib/games/coord2.nfg: payoff form with labels and no comment", () => {
        const g = readNfg(readFileSync(`${GAMBIT_GAMES_DIR}contrib/games/coord2.nfg`, "utf8"));
        expect(g.comment).toBe("");
        expect(g.outcomes).toBeNull();
        expect(Array.from(g.payoffs)).toEqual([3, 2, 0, 0, 0, 0, 2, 2]);
      });
    },
  );

  describe("errors are located", () => {
    it("wrong payoff count", () => {
      const e = errorOf(() =>
        readNfg('NFG 1 R "x" { "A" "B" } { 3 1 }\n""\n1 2 3 4 5\n', "few.nfg"),
      );
      expect(e.code).toBe("E_INPUT");
      expect(e.location).toEqual({ file: "few.nfg", line: 4, column: 1 });
      expect(e.message).toBe(
        "few.nfg:4:1: unexpected end of file: expected 6 payoffs (2 players × 3 profiles), found 5",
      );
      const more = errorOf(() => readNfg('NFG 1 R "x" { "A" } { 2 }\n1 2 3', "more.nfg"));
      expect(more.message).toBe(
        "more.nfg:2:5: expected 2 payoffs (1 player × 2 profiles), found more",
      );
    });

    it("a non-number where a payoff is expected", () => {
      const e = errorOf(() => readNfg('NFG 1 R "x" { "A" "B" } { 2 1 }\n1 2\n3 } 4', "bad.nfg"));
      expect(e.location).toEqual({ file: "bad.nfg", line: 3, column: 3 });
      expect(e.message).toBe('bad.nfg:3:3: expected a payoff (a number), found "}"');
      const word = errorOf(() => readNfg('NFG 1 R "x" { "A" } { 2 }\n1 x', "w.nfg"));
      expect(word.message).toBe('w.nfg:2:3: expected a payoff (a number), found "x"');
    });

    it("outcome form: undeclared outcome, wrong payoff count, missing profiles", () => {
      const head = 'NFG 1 R "x" { "A" "B" } { 2 1 }\n{ { "o" 1, 2 } }\n';
      expect(errorOf(() => readNfg(`${head}1 2`, "o.nfg")).message).toBe(
        "o.nfg:3:3: outcome 2 is not declared (the file declares 1 outcome)",
      );
      expect(errorOf(() => readNfg(`${head}1`, "o.nfg")).message).toBe(
        "o.nfg:3:2: unexpected end of file: expected 2 outcome numbers (one per profile), found 1",
      );
      expect(
        errorOf(() => readNfg('NFG 1 R "x" { "A" "B" } { 2 1 }\n{ { "o" 1, 2, 3 } }\n1 1', "o.nfg"))
          .message,
      ).toBe("o.nfg:2:3: expected 2 payoffs in outcome 1 (one per player), found 3");
    });

    it("header errors", () => {
      expect(errorOf(() => readNfg("EFG 2 R", "h.nfg")).message).toBe(
        'h.nfg:1:1: expected "NFG", found "EFG"',
      );
      expect(errorOf(() => readNfg('NFG 1 R "x" { "A" "B" } { 2 }', "h.nfg")).message).toBe(
        "h.nfg:1:25: expected strategies for 2 players, found 1",
      );
      expect(errorOf(() => readNfg('NFG 1 R "x" { "A" } { 0 }', "h.nfg")).message).toBe(
        "h.nfg:1:23: expected a positive strategy count, found 0",
      );
      expect(
        errorOf(() => readNfg('NFG 1 R "x" { "A" "B" "C" } { 20 20 20 } 1', "h.nfg")).message,
      ).toMatch(/^h\.nfg:1:29: the strategies give 8000 profiles, more than the file can hold/);
    });
  });
});

describe("writeNfg", () => {
  const literal: StrategicGame = {
    title: 'A "quoted" title',
    comment: "two\nlines",
    players: ["Row", "Col"],
    strategies: [
      ["U", "D"],
      ["L", "C", "R"],
    ],
    payoffs: Float64Array.of(1, -1, 0.1, 2.5, 1e-7, 3, 4, 1e21, -0.5, 0, 7, 1 / 3),
    exactPayoffs: null,
    outcomes: null,
  };

  it("writes a game literal given by doubles and reads the same doubles back", () => {
    const text = writeNfg(literal);
    const back = readNfg(text);
    expect(back.title).toBe(literal.title);
    expect(back.comment).toBe(literal.comment);
    expect(back.players).toEqual(literal.players);
    expect(back.strategies).toEqual(literal.strategies);
    expect(back.payoffs).toEqual(literal.payoffs);
    expect(back.exactPayoffs?.map(toNumber)).toEqual(Array.from(literal.payoffs));
    // the shortest decimal is written, so 0.1 reads back as exactly 1/10, not as the double's value
    expect(back.exactPayoffs?.[2]).toEqual(r(1, 10));
    expect(back.exactPayoffs?.[2]).not.toEqual(fromNumber(0.1));
    expect(writeNfg(readNfg(writeNfg(back)))).toBe(writeNfg(back));
  });

  it("writes exact payoffs as rationals and outcome structures as outcomes", () => {
    const exact = [r(1, 3), r(-2), r(0), r(5, 7)];
    const g: StrategicGame = {
      title: "",
      comment: "",
      players: ["A", "B"],
      strategies: [[""], ["", ""]],
      payoffs: Float64Array.from(exact.map(toNumber)),
      exactPayoffs: exact,
      outcomes: null,
    };
    const text = writeNfg(g);
    expect(text).toBe('NFG 1 R "" { "A" "B" } { 1 2 }\n""\n\n1/3 -2\n0 5/7\n');
    expect(readNfg(text)).toStrictEqual(g);

    const withOutcomes: StrategicGame = {
      ...g,
      strategies: [["x"], ["y", "z"]],
      payoffs: Float64Array.of(1 / 3, -2, 0, 0),
      exactPayoffs: [r(1, 3), r(-2), r(0), r(0)],
      outcomes: {
        labels: ["o"],
        payoffs: [[r(1, 3), r(-2)]],
        profileOutcome: Int32Array.of(0, -1),
      },
    };
    const outcomeText = writeNfg(withOutcomes);
    expect(outcomeText).toBe(
      'NFG 1 R "" { "A" "B" }\n\n{ { "x" }\n{ "y" "z" }\n}\n""\n\n{\n{ "o" 1/3, -2 }\n}\n1 0\n',
    );
    expect(readNfg(outcomeText)).toStrictEqual(withOutcomes);
  });

  it("refuses non-finite payoffs", () => {
    expect(() =>
      writeNfg({ ...literal, payoffs: literal.payoffs.map((x, i) => (i === 3 ? Number.NaN : x)) }),
    ).toThrow(/not finite/);
  });
});
