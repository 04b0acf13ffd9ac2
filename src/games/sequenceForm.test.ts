import { describe, expect, it } from "vitest";
import { matchingPenniesGame } from "../../test/support/smallExtensiveGames.js";
import { formatRational, type Rational } from "../math/rational.js";
import { buildExtensiveGame } from "./buildExtensiveGame.js";
import { sequenceForm, sequenceToBehaviour, sequenceToBehaviourExact } from "./sequenceForm.js";

/** Chance deals high or low (2:1); player 1 sees it and bets or folds; player 2 calls blind. */
const poker = buildExtensiveGame({
  players: ["1", "2"],
  root: {
    chance: true,
    actions: ["high", "low"],
    probabilities: ["2/3", "1/3"],
    children: ["high", "low"].map((card) => ({
      player: 0,
      infoset: card,
      actions: ["bet", "fold"],
      outcome: { payoffs: [-1, 1] }, // the ante, on an inner node
      children: [
        {
          player: 1,
          infoset: "facing a bet",
          actions: ["call", "pass"],
          children: [
            { outcome: { payoffs: card === "high" ? [4, -2] : [0, 2] } },
            { outcome: { payoffs: [2, 0] } },
          ],
        },
        { outcome: { payoffs: [0, 0] } },
      ],
    })),
  },
});

const show = (xs: readonly Rational[]) => xs.map(formatRational);

describe("sequenceForm", () => {
  it("lists sequences, constraints and payoffs of matching pennies", () => {
    const sf = sequenceForm(matchingPenniesGame);
    const [p1, p2] = sf.players;
    expect(p1.size).toBe(3);
    expect(p2.size).toBe(3);
    expect(Array.from(p1.parentSequence)).toEqual([0]);
    expect(Array.from(p1.firstSequence)).toEqual([1]);
    // E = [[1, 0, 0], [−1, 1, 1]]
    expect(Array.from(p1.constraints.row)).toEqual([0, 1, 1, 1]);
    expect(Array.from(p1.constraints.col)).toEqual([0, 0, 1, 2]);
    expect(Array.from(p1.constraints.value)).toEqual([1, -1, 1, 1]);
    expect(Array.from(sf.payoffs.row)).toEqual([1, 1, 2, 2]);
    expect(Array.from(sf.payoffs.col)).toEqual([1, 2, 1, 2]);
    expect(Array.from(sf.payoffs.a)).toEqual([1, -1, -1, 1]);
    expect(Array.from(sf.payoffs.b)).toEqual([-1, 1, 1, -1]);
  });

  it("weights leaves by chance and adds inner outcomes along the path", () => {
    const sf = sequenceForm(poker);
    const [p1, p2] = sf.players;
    expect(p1.size).toBe(5); // ∅, high-bet, high-fold, low-bet, low-fold
    expect(p2.size).toBe(3); // ∅, call, pass
    const cells = Array.from(sf.payoffs.row, (r, e) => [
      r,
      sf.payoffs.col[e]!,
      formatRational(sf.payoffs.aExact[e]!),
      formatRational(sf.payoffs.chanceExact[e]!),
    ]);
    // high-bet-call: 2/3 · (−1 + 4) = 2; high-fold: 2/3 · (−1) = −2/3; low-bet-call: 1/3 · (−1 + 0)
    expect(cells).toEqual([
      [1, 1, "2", "2/3"],
      [1, 2, "2/3", "2/3"],
      [2, 0, "-2/3", "2/3"],
      [3, 1, "-1/3", "1/3"],
      [3, 2, "1/3", "1/3"],
      [4, 0, "-1/3", "1/3"],
    ]);
  });

  it("converts plans to behaviour, uniform where the player's own plan never arrives", () => {
    const sf = sequenceForm(poker);
    // Σ_a x = 0 at player 1's "low" set (not a valid plan there, but it shows the convention)
    const x = [1, 0.5, 0.5, 0, 0];
    const y = [1, 0.25, 0.75];
    expect(Array.from(sequenceToBehaviour(poker, sf, x, y))).toEqual([
      0.5, 0.5, 0.5, 0.5, 0.25, 0.75,
    ]);
    const zero = { n: 0n, d: 1n };
    const one = { n: 1n, d: 1n };
    expect(
      show(sequenceToBehaviourExact(poker, sf, [one, one, zero, zero, zero], [one, zero, zero])),
    ).toEqual(["1", "0", "1/2", "1/2", "1/2", "1/2"]);
  });

  it("refuses games without two players or without perfect recall", () => {
    const three = buildExtensiveGame({
      players: ["1", "2", "3"],
      root: { player: 2, infoset: "a", actions: ["x"], children: [{}] },
    });
    expect(() => sequenceForm(three)).toThrow(/two-player/);
    const forgetful = buildExtensiveGame({
      players: ["1", "2"],
      root: {
        player: 0,
        infoset: "first",
        actions: ["L", "R"],
        children: [
          { player: 0, infoset: "second", actions: ["l", "r"], children: [{}, {}] },
          { player: 0, infoset: "second", actions: ["l", "r"], children: [{}, {}] },
        ],
      },
    });
    expect(() => sequenceForm(forgetful)).toThrow(/perfect recall/);
  });
});
