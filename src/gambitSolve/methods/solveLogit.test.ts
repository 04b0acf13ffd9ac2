import { describe, expect, it } from "vitest";
import { ENTRY_EFG } from "../../../test/support/entryGame.js";
import { readEfg } from "../../games/gambit/readEfg.js";
import { readNfg } from "../../games/gambit/readNfg.js";
import { solveGame } from "../solveGame.js";

// an asymmetric 2 × 2 game with one mixed equilibrium (Row 1/2, Column 1/3 … by its payoffs)
const ASYMMETRIC = `NFG 1 R "asymmetric" { "Row" "Column" } { 2 2 }

3 0 0 2 0 1 1 0
`;
// Selten's chain-store stage game (test/support/entryGame)
const ENTRY = ENTRY_EFG;

describe("solve --method logit --lambda L", () => {
  const game = { form: "strategic" as const, game: readNfg(ASYMMETRIC, "a.nfg") };
  // payoffs[player][row][column], from the file's profile order (row index fastest)
  const u = [
    [
      [3, 0],
      [0, 1],
    ],
    [
      [0, 1],
      [2, 0],
    ],
  ];

  it("is the logit fixed point at λ: each player's probabilities ∝ exp(λ·expected payoff)", async () => {
    for (const lambda of [0, 0.5, 2, 10]) {
      const { qre, equilibria } = await solveGame(game, { method: "logit", lambda });
      expect(equilibria).toEqual([]);
      expect(qre!.lambda).toBe(lambda);
      const [x, y] = qre!.profile as number[][];
      const row = [0, 1].map((r) => u[0]![r]![0]! * y![0]! + u[0]![r]![1]! * y![1]!);
      const col = [0, 1].map((c) => u[1]![0]![c]! * x![0]! + u[1]![1]![c]! * x![1]!);
      const logit = (v: number[]) => {
        const w = v.map((a) => Math.exp(lambda * a));
        return w.map((a) => a / (w[0]! + w[1]!));
      };
      for (const [i, p] of logit(row).entries()) expect(x![i]).toBeCloseTo(p, 8);
      for (const [i, p] of logit(col).entries()) expect(y![i]).toBeCloseTo(p, 8);
    }
  });

  it("λ = 0 is uniform play; the regret falls as λ grows (towards the branch's Nash limit)", async () => {
    const at = async (lambda: number) => (await solveGame(game, { method: "logit", lambda })).qre!;
    expect((await at(0)).profile).toEqual([
      [0.5, 0.5],
      [0.5, 0.5],
    ]);
    const regrets = await Promise.all(
      [1, 10, 100].map(async (l) => (await at(l)).regret as number),
    );
    expect(regrets[1]!).toBeLessThan(regrets[0]!);
    expect(regrets[2]!).toBeLessThan(regrets[1]!);
  });

  it("works on the agent form of an extensive game: at λ = 0 every action is equally likely", async () => {
    const entry = { form: "extensive" as const, game: readEfg(ENTRY, "entry.efg") };
    const { qre } = await solveGame(entry, { method: "logit", lambda: 0 });
    expect(qre!.profile).toEqual([
      [0.5, 0.5],
      [0.5, 0.5],
    ]);
    const sharp = await solveGame(entry, { method: "logit", lambda: 50 });
    // the subgame-perfect play: enter, accommodate
    expect((sharp.qre!.profile as number[][])[0]![1]!).toBeGreaterThan(0.99);
    expect((sharp.qre!.profile as number[][])[1]![1]!).toBeGreaterThan(0.99);
  });

  it("refuses a negative λ, --rational with --lambda, and --lambda with another method", async () => {
    await expect(solveGame(game, { method: "logit", lambda: -1 })).rejects.toThrow(/--lambda -1/);
    await expect(solveGame(game, { method: "logit", lambda: 1, rational: true })).rejects.toThrow(
      /--rational does not apply with --lambda/,
    );
    await expect(solveGame(game, { method: "lh", lambda: 1 })).rejects.toThrow(
      /--lambda applies to --method logit only/,
    );
  });
});

describe("solve --method logit --branch", () => {
  const strategic = { form: "strategic" as const, game: readNfg(ASYMMETRIC, "a.nfg") };
  const extensive = { form: "extensive" as const, game: readEfg(ENTRY, "entry.efg") };

  it.each([
    ["a strategic game", strategic],
    ["an extensive game (agent form)", extensive],
  ] as const)(
    "on %s: starts at λ = 0 with uniform play, λ increases, each point is a profile, and it ends at the printed equilibrium",
    async (_, game) => {
      const result = await solveGame(game, { method: "logit", branch: true });
      const branch = result.branch!;
      expect(branch.length).toBeGreaterThan(2);
      expect(branch[0]!.lambda).toBe(0);
      for (const row of branch[0]!.profile) for (const p of row) expect(p).toBeGreaterThan(0);
      for (let k = 1; k < branch.length; k++)
        expect(branch[k]!.lambda).toBeGreaterThanOrEqual(branch[k - 1]!.lambda);
      for (const point of branch) {
        expect(point.profile.map((r) => r.length)).toEqual(
          result.equilibria[0]!.profile.map((r) => r.length),
        );
        for (const p of point.profile.flat()) expect(p).toBeGreaterThanOrEqual(0);
      }
      // the last point traced is close to the limit printed as the equilibrium
      const last = branch.at(-1)!.profile.flat();
      const limit = result.equilibria[0]!.profile.flat() as number[];
      last.forEach((p, k) => {
        expect(Math.abs(p - limit[k]!)).toBeLessThan(1e-3);
      });
    },
  );

  it("without --branch no branch is returned; --branch with --lambda is refused", async () => {
    expect((await solveGame(strategic, { method: "logit" })).branch).toBeUndefined();
    await expect(
      solveGame(strategic, { method: "logit", branch: true, lambda: 1 }),
    ).rejects.toThrow(/--branch and --lambda exclude each other/);
  });
});
