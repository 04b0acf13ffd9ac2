import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { errorOf } from "../../../test/support/errorOf.js";
import {
  GAMBIT_GAMES_ABSENT,
  GAMBIT_GAMES_DIR,
  HAS_GAMBIT_GAMES,
} from "../../../test/support/gambitReferenceFiles.js";
import { skipReason } from "../../../test/support/skipReason.js";
import type { Rational } from "../../math/rational.js";
import { buildExtensiveGame, type GameSpec } from "../buildExtensiveGame.js";
import { CHANCE, NATURE, PERSONAL, TERMINAL } from "../extensiveGame.js";
import { readEfg } from "./readEfg.js";
import { writeEfg } from "./writeEfg.js";

const r = (n: number, d = 1): Rational => ({ n: BigInt(n), d: BigInt(d) });

/** Reads `text` as bad.efg and returns `line:column: message` of the error. */
function failure(text: string): string {
  const e = errorOf(() => readEfg(text, "bad.efg"));
  expect(e.code).toBe("E_INPUT");
  expect(e.location?.file).toBe("bad.efg");
  const { line, column } = e.location ?? { line: 0, column: 0 };
  expect(e.message.startsWith(`bad.efg:${line}:${column}: `)).toBe(true);
  return e.message.slice("bad.efg:".length);
}

const HEADER = 'EFG 2 R "t" { "P1" "P2" }\n""\n';

describe("readEfg", () => {
  it("reads nodes, information sets and outcomes in depth-first order", () => {
    const g = readEfg(
      'EFG 2 R "Tiny" { "A" "B" } "about"\nc "root" 4 "N" { "h" 1/4 "t" 3/4 } 0\n' +
        'p "" 2 7 "b" { "x" "y" } 3 "bonus" { 1/2, 0 }\nt "" 0\nt "end" 9 "o9" { 1 -1 }\n' +
        'p "" 2 7 3\nt "" 9\nt "" 3 "bonus" { .5 0 }\n',
    );
    expect(g.title).toBe("Tiny");
    expect(g.comment).toBe("about");
    expect(Array.from(g.nodeKind)).toEqual([
      CHANCE,
      PERSONAL,
      TERMINAL,
      TERMINAL,
      PERSONAL,
      TERMINAL,
      TERMINAL,
    ]);
    expect(g.nodeLabel).toEqual(["root", "", "", "end", "", "", ""]);
    expect(Array.from(g.nodeParent)).toEqual([-1, 0, 1, 1, 0, 4, 4]);
    expect(Array.from(g.childStart)).toEqual([0, 2, 4, 4, 4, 6, 6, 6]);
    expect(Array.from(g.children)).toEqual([1, 4, 2, 3, 5, 6]);
    expect(Array.from(g.nodeInfoset)).toEqual([0, 1, -1, -1, 1, -1, -1]);
    expect(g.infosets).toEqual([
      {
        player: NATURE,
        number: 4,
        label: "N",
        actions: ["h", "t"],
        probabilities: [r(1, 4), r(3, 4)],
      },
      { player: 1, number: 7, label: "b", actions: ["x", "y"], probabilities: null },
    ]);
    expect(Array.from(g.nodeOutcome)).toEqual([-1, 0, -1, 1, 0, 1, 0]);
    expect(g.outcomes).toEqual([
      { number: 3, label: "bonus", payoffs: [r(1, 2), r(0)] },
      { number: 9, label: "o9", payoffs: [r(1), r(-1)] },
    ]);
    expect(Array.from(g.outcomePayoffs)).toEqual([0.5, 0, 1, -1]);
  });

  describe.skipIf(!HAS_GAMBIT_GAMES)(
    `catalog files, checked by hand${skipReason(!HAS_GAMBIT_GAMES, GAMBIT_GAMES_ABSENT)}`,
    () => {
      it("selten1975/fig2.efg: information sets in order of first appearance", () => {
        const g = readEfg(
          readFileSync(`${GAMBIT_GAMES_DIR}catalog/journals/ijgt/selten1975/fig2.efg`, "utf8"),
        );
        expect(g.title).toBe("Selten (IJGT 1975) Figure 2");
        expect(g.players).toEqual(["Player 1", "Player 2"]);
        expect(g.comment).toMatch(/^This is a counterexample presented in :cite:p:`Sel75`/);
        expect(g.comment.endsWith("in the normal form.\n")).toBe(true);
        expect(Array.from(g.nodeKind)).toEqual([1, 0, 1, 0, 1, 0, 0]);
        expect(g.infosets.map((s) => [s.player, s.number, s.actions])).toEqual([
          [0, 1, ["R", "L"]],
          [1, 1, ["R", "L"]],
          [0, 2, ["r", "l"]],
        ]);
        // p(1,1) → R: t 1 {1,1}; L: p(2,1) → R: t 2 {0,2}; L: p(1,2) → r: t 3 {0,3}; l: t 4 {2,0}
        expect(Array.from(g.children)).toEqual([1, 2, 3, 4, 5, 6]);
        expect(g.outcomes.map((o) => [o.number, o.label, o.payoffs])).toEqual([
          [1, "Outcome 1", [r(1), r(1)]],
          [2, "Outcome 2", [r(0), r(2)]],
          [3, "Outcome 3", [r(0), r(3)]],
          [4, "Outcome 4", [r(2), r(0)]],
        ]);
        expect(Array.from(g.nodeOutcome)).toEqual([-1, 0, -1, 1, -1, 2, 3]);
      });

      it("shohamleytonbrown2008/fig5_10.efg: sets numbered out of order, referred to by number", () => {
        const g = readEfg(
          readFileSync(
            `${GAMBIT_GAMES_DIR}catalog/books/shohamleytonbrown2008/fig5_10.efg`,
            "utf8",
          ),
        );
        expect(g.infosets.map((s) => [s.player, s.number])).toEqual([
          [0, 2],
          [1, 3],
          [0, 1],
        ]);
        // line 12, `p "" 1 1 0`, is node 5 and joins the set of node 2
        expect(g.nodeKind[5]).toBe(PERSONAL);
        expect(g.nodeInfoset[5]).toBe(g.nodeInfoset[2]);
      });
    },
  );

  it("writes and reads back games built in code", () => {
    const spec: GameSpec = {
      title: 'Fixture "one"',
      comment: "back\\slash \\wedge\nand a new line",
      players: ["Alice", "Bob", "Carol"],
      root: {
        chance: true,
        label: "root",
        infosetLabel: "deal",
        actions: ["H", "L"],
        probabilities: ["1/3", "2/3"],
        outcome: { payoffs: [1, "1/2", -1], label: "ante" },
        children: [
          {
            player: 0,
            infoset: "a",
            infosetLabel: "A",
            actions: ["x", "y"],
            children: [
              { label: "leaf", outcome: { payoffs: [0, 0, 0] } },
              {
                player: 1,
                infoset: "b",
                actions: ["u", "v", "w"],
                children: [
                  { outcome: { payoffs: ["0.25", -3, 7], label: 'q"' } },
                  {},
                  { outcome: { payoffs: [1e-3, 2, "-5/3"] } },
                ],
              },
            ],
          },
          {
            player: 0,
            infoset: "a",
            actions: ["x", "y"],
            children: [
              {},
              {
                chance: true,
                actions: ["only"],
                probabilities: [1],
                children: [{ player: 2, infoset: "c", actions: ["z"], children: [{}] }],
              },
            ],
          },
        ],
      },
    };
    const game = buildExtensiveGame(spec);
    const text = writeEfg(game);
    const back = readEfg(text);
    expect(back).toStrictEqual(game);
    expect(writeEfg(back)).toBe(text);
    expect(text.split("\n").slice(0, 5)).toEqual([
      'EFG 2 R "Fixture \\"one\\"" { "Alice" "Bob" "Carol" }',
      '"back\\slash \\wedge',
      'and a new line"',
      "",
      'c "root" 1 "deal" { "H" 1/3 "L" 2/3 } 1 "ante" { 1, 1/2, -1 }',
    ]);
    // the second node of set "a" gives its number alone
    expect(text).toContain('\np "" 1 1 0\n');
  });

  it("reads and writes a tree 200 000 levels deep (no recursion)", () => {
    const depth = 200_000;
    const lines = [HEADER, 'p "" 1 1 "" { "on" "off" } 0'];
    for (let i = 1; i < depth; i++) lines.push('p "" 1 1 0');
    lines.push('t "" 1 "" { 1, 2 }');
    for (let i = 0; i < depth; i++) lines.push('t "" 0');
    const g = readEfg(lines.join("\n"));
    expect(g.nodeKind.length).toBe(2 * depth + 1);
    expect(g.nodeParent[depth]).toBe(depth - 1);
    expect(g.children[1]).toBe(2 * depth); // root's "off" child is the last node
    // (toStrictEqual is slow on arrays this long: compare field by field)
    const text = writeEfg(g);
    const back = readEfg(text);
    for (const key of ["nodeKind", "nodeParent", "childStart", "children", "nodeInfoset"] as const)
      expect(Buffer.compare(Buffer.from(back[key].buffer), Buffer.from(g[key].buffer))).toBe(0);
    expect(back.nodeLabel.every((label, i) => label === g.nodeLabel[i])).toBe(true);
    expect(back.infosets).toStrictEqual(g.infosets);
    expect(back.outcomes).toStrictEqual(g.outcomes);
    expect(writeEfg(back)).toBe(text);
  });

  describe("errors are located", () => {
    it("truncated file", () => {
      expect(failure(`${HEADER}p "" 1 1 "" { "a" "b" } 0\nt "" 0\n`)).toBe(
        "5:1: unexpected end of file: expected a node (p, c or t), child 2 of 2 of node 1 in depth-first order",
      );
      expect(failure(`${HEADER}p "" 1 1 "" { "a" "b"`)).toBe(
        '3:22: unexpected end of file: expected an action label (a quoted string) or "}"',
      );
      expect(failure(HEADER)).toBe(
        "3:1: unexpected end of file: expected the root node (p, c or t)",
      );
    });

    it("wrong payoff count", () => {
      expect(failure(`${HEADER}t "" 1 "o" { 1, 2, 3 }`)).toBe(
        "3:12: expected 2 payoffs (one per player), found 3",
      );
    });

    it("undeclared information set", () => {
      expect(
        failure(`${HEADER}p "" 1 1 "" { "a" "b" } 0\np "" 1 3 0\nt "" 0\nt "" 0\nt "" 0\n`),
      ).toBe(
        "4:8: information set 3 of player 1 is used before it is declared (expected its label and actions)",
      );
      expect(failure(`${HEADER}c "" 2 0\n`)).toBe(
        "3:6: chance information set 2 is used before it is declared (expected its label and actions)",
      );
      expect(failure(`${HEADER}t "" 4\n`)).toBe(
        "3:6: outcome 4 is used before it is declared (expected its label and payoffs)",
      );
    });

    it("chance probabilities that do not sum to one, or are negative", () => {
      expect(failure(`${HEADER}c "" 1 "" { "a" 1/2 "b" 2/5 } 0\nt "" 0\nt "" 0\n`)).toBe(
        "3:11: chance probabilities sum to 9/10, expected 1",
      );
      expect(failure(`${HEADER}c "" 1 "" { "a" 3/2 "b" -1/2 } 0\n`)).toBe(
        '3:25: expected a non-negative probability, found "-1/2"',
      );
    });

    it("a non-number where a payoff is expected", () => {
      expect(failure(`${HEADER}t "" 1 "o" { 1, x }`)).toBe(
        '3:17: expected a payoff (a number) or "}", found "x"',
      );
      expect(failure(`${HEADER}t "" 1 "o" { 1, "2" }`)).toBe(
        '3:17: expected a payoff (a number) or "}", found "2"',
      );
    });

    it("unknown node type letter", () => {
      expect(failure(`${HEADER}p "" 1 1 "" { "a" } 0\nx "" 0\n`)).toBe(
        '4:1: expected a node type (p, c or t), found "x"',
      );
    });

    it("duplicate labels, as Gambit 17 rejects them", () => {
      expect(failure(`${HEADER}p "n" 1 1 "" { "a" "b" } 0\nt "m" 0\nt "n" 0\n`)).toBe(
        '5:3: node label "n" is used twice (first on line 3); Gambit 17 requires non-empty node labels to be unique within a game',
      );
      expect(
        failure(`${HEADER}p "" 1 1 "s" { "a" "b" } 0\np "" 1 2 "s" { "c" } 0\nt "" 0\nt "" 0\n`),
      ).toBe(
        '4:10: information set label "s" is used by two information sets of player 1 (numbers 1 and 2); Gambit 17 requires non-empty information set labels to be unique per player',
      );
      // the same label for sets of different players is fine
      expect(() =>
        readEfg(`${HEADER}p "" 1 1 "s" { "a" "b" } 0\np "" 2 1 "s" { "c" } 0\nt "" 0\nt "" 0\n`),
      ).not.toThrow();
    });

    it("redeclarations that disagree, bad players, trailing text", () => {
      expect(
        failure(
          `${HEADER}p "" 1 1 "" { "a" "b" } 0\np "" 1 1 "" { "a" "c" } 0\nt "" 0\nt "" 0\nt "" 0\n`,
        ),
      ).toBe(
        "4:13: information set 1 of player 1 is declared again with other actions than on line 3",
      );
      expect(
        failure(`${HEADER}p "" 1 1 "" { "a" "b" } 0\nt "" 1 "o" { 1 2 }\nt "" 1 "o" { 1 3 }\n`),
      ).toBe("5:12: outcome 1 is declared again with other payoffs than on line 4");
      expect(failure(`${HEADER}p "" 3 1 "" { "a" } 0\n`)).toBe(
        "3:6: expected a player number (1 to 2), found 3",
      );
      expect(failure(`${HEADER}t "" 0\nt "" 0\n`)).toBe(
        '4:1: expected the end of file after the complete tree, found "t"',
      );
      expect(failure('EFG 3 R "" { }')).toBe('1:5: expected the format version "2", found "3"');
    });
  });
});
