import { describe, expect, it } from "vitest";
import { readNfg } from "../../games/gambit/readNfg.js";
import { solveGame } from "../solveGame.js";

// 3 × 3: three pure equilibria on the diagonal, so paths from different labels end apart
const DIAGONAL = `NFG 1 R "diagonal" { "Row" "Column" } { 3 3 }

3 3 0 0 0 0 0 0 2 2 0 0 0 0 0 0 1 1
`;
// Shapley-like 3 × 3 with mixed equilibria
const SKEW = `NFG 1 R "skew" { "Row" "Column" } { 3 3 }

2 1 0 3 1 0 1 0 2 2 3 1 0 1 1 3 2 0
`;

describe("solve --method lh --label K", () => {
  for (const [name, text] of [
    ["diagonal", DIAGONAL],
    ["skew", SKEW],
  ] as const) {
    it(`${name}: each label's path ends at an equilibrium (exact regret 0), and the labels together give --all-labels`, async () => {
      const game = { form: "strategic" as const, game: readNfg(text, `${name}.nfg`) };
      const all = await solveGame(game, { method: "lh", rational: true });
      const found = new Set<string>();
      for (let label = 1; label <= 6; label++) {
        const one = await solveGame(game, { method: "lh", rational: true, label });
        expect(one.equilibria).toHaveLength(1);
        const e = one.equilibria[0]!;
        expect(e.regret).toBe("0");
        found.add(JSON.stringify(e.profile));
        const floats = await solveGame(game, { method: "lh", label });
        floats.equilibria[0]!.profile.flat().forEach((p, i) => {
          const [n, d = "1"] = String(e.profile.flat()[i]).split("/");
          expect(p as number).toBeCloseTo(Number(n) / Number(d), 12);
        });
      }
      expect([...found].sort()).toEqual(
        all.equilibria.map((e) => JSON.stringify(e.profile)).sort(),
      );
    });
  }

  it("label 1 on the diagonal game starts by dropping Row's first strategy: it ends at (A, A)", async () => {
    const game = { form: "strategic" as const, game: readNfg(DIAGONAL, "d.nfg") };
    const one = await solveGame(game, { method: "lh", rational: true, label: 1 });
    expect(one.equilibria[0]!.profile).toEqual([
      ["1", "0", "0"],
      ["1", "0", "0"],
    ]);
  });

  it("refuses a label outside 1 … m + n, and --label with another method", async () => {
    const game = { form: "strategic" as const, game: readNfg(DIAGONAL, "d.nfg") };
    await expect(solveGame(game, { method: "lh", label: 7 })).rejects.toThrow(
      /--label 7: expected a whole number from 1 to 6 \(1–3 player 1's strategies, 4–6 player 2's\)/,
    );
    await expect(solveGame(game, { method: "lcp", label: 1 })).rejects.toThrow(
      /--label applies to --method lh only/,
    );
  });
});
