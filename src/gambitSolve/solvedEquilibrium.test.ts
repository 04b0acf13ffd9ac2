import { describe, expect, it } from "vitest";
import { readEfg } from "../games/gambit/readEfg.js";
import { readNfg } from "../games/gambit/readNfg.js";
import { solveGame } from "./solveGame.js";

// zero-sum: player 1 mixes 2/3 on a, player 2 2/3 on c (the value is 2/3)
const TWO_THIRDS = `EFG 2 R "two-thirds" { "1" "2" }
""
p "" 1 1 "" { "a" "b" } 0
p "" 2 1 "" { "c" "d" } 0
t "" 1 "" { 1, -1 }
t "" 2 "" { 0, 0 }
p "" 2 1 "" { "c" "d" } 0
t "" 3 "" { 0, 0 }
t "" 4 "" { 2, -2 }
`;
// a 3 × 3 zero-sum game whose value and strategies have denominators 3 and 7
const SEVENTHS = `NFG 1 R "sevenths" { "1" "2" } { 3 3 }

0 0 2 -2 -1 1 -1 1 0 0 3 -3 1 -1 -2 2 0 0
`;

// zero-sum, payoffs from 2 to 3·10¹⁹: floats lose the small payoffs next to the huge one
const BADLY_SCALED = `EFG 2 R "badly scaled" { "Row" "Column" }
""
c "" 1 "" { "heads" 1/2 "tails" 1/2 } 0
p "" 1 1 "" { "up" "down" } 0
p "" 2 1 "" { "left" "right" } 0
t "" 1 "huge" { 30000000000000000000, -30000000000000000000 }
t "" 2 "two" { 2, -2 }
p "" 2 2 "" { "left" "right" } 0
t "" 3 "minus two" { -2, 2 }
t "" 4 "zero" { 0, 0 }
p "" 1 2 "" { "up" "down" } 0
p "" 2 1 "" { "left" "right" } 0
t "" 3 "minus two" { -2, 2 }
t "" 2 "two" { 2, -2 }
p "" 2 2 "" { "left" "right" } 0
t "" 4 "zero" { 0, 0 }
t "" 1 "huge" { 30000000000000000000, -30000000000000000000 }
`;

/** Whether a fraction's denominator is a power of two above 4 (a float converted as it is). */
const binary = (text: string | number) => {
  const d = String(text).split("/")[1];
  return (
    d !== undefined && /^\d+$/.test(d) && BigInt(d) > 4n && (BigInt(d) & (BigInt(d) - 1n)) === 0n
  );
};

describe("--rational prints the fractions a float solver's answer stands for, verified exactly", () => {
  it("sequence-form LP on a tree: 2/3, not 6004799503160661/9007199254740992; exact regret 0", async () => {
    const game = { form: "extensive" as const, game: readEfg(TWO_THIRDS, "t.efg") };
    const { equilibria } = await solveGame(game, { method: "lp", rational: true });
    expect(equilibria[0]!.profile).toEqual([
      ["2/3", "1/3"],
      ["2/3", "1/3"],
    ]);
    expect(equilibria[0]!.regret).toBe("0");
    expect(equilibria[0]!.payoffs).toEqual(["2/3", "-2/3"]);
  });

  it("float methods with --rational on small rational games print no binary fractions when they hit the equilibrium", async () => {
    const game = { form: "strategic" as const, game: readNfg(SEVENTHS, "s.nfg") };
    for (const method of ["lp", "lh", "simpdiv", "logit"] as const) {
      const { equilibria } = await solveGame(game, { method, rational: true });
      for (const e of equilibria) {
        if (e.regret !== "0") continue; // an approximate method that stopped short says so by its regret
        for (const p of e.profile.flat()) expect(binary(p), `${method}: ${p}`).toBe(false);
      }
    }
  });

  it("never rounds a non-equilibrium into a claimed one: a profile that is not exactly one keeps its regret", async () => {
    const game = { form: "strategic" as const, game: readNfg(SEVENTHS, "s.nfg") };
    // logit's branch stops within a tolerance: either it rounds to the exact equilibrium (regret 0)
    // or it is printed as the floats it is, with their nonzero exact regret
    const { equilibria } = await solveGame(game, { method: "logit", rational: true });
    const e = equilibria[0]!;
    if (e.regret !== "0") expect(e.profile.flat().some(binary)).toBe(true);
  });
});

describe("the sequence-form LP's answer is checked before it is printed", () => {
  it("on badly scaled payoffs a wrong float answer (value 1, regret 1) is re-solved exactly: value 2, regret 0", async () => {
    const game = { form: "extensive" as const, game: readEfg(BADLY_SCALED, "big.efg") };
    const floats = (await solveGame(game, { method: "lp" })).equilibria[0]!;
    expect(floats.regret).toBe(0);
    expect(floats.payoffs).toEqual([2, -2]);
    const exact = (await solveGame(game, { method: "lp", rational: true })).equilibria[0]!;
    expect(exact.regret).toBe("0");
    expect(exact.payoffs).toEqual(["2", "-2"]);
  });
});
