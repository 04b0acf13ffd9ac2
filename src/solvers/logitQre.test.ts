import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  GAMBIT_REFERENCES_ABSENT,
  type GambitAnswer,
  gambitReferenceCases,
  HAS_GAMBIT_REFERENCES,
} from "../../test/support/gambitReferenceFiles.js";
import { skipReason } from "../../test/support/skipReason.js";
import { LinkageError } from "../errors/LinkageError.js";
import type { ExtensiveGame } from "../games/extensiveGame.js";
import { readEfg } from "../games/gambit/readEfg.js";
import { readGambitGame } from "../games/gambit/readGambitGame.js";
import { profileCount } from "../games/strategicGame.js";
import { strategicGameFromTables } from "../games/strategicGameFromTables.js";
import {
  logitBranch,
  logitBranchAgent,
  logitQreAt,
  logitQreAtAgent,
  profileOf,
  traceLogitBranch,
} from "./logitQre.js";
import { agentLogitSystem, strategicLogitSystem } from "./logitQreSystem.js";
import { behaviourRegret, strategicRegret } from "./regret.js";

/** Agreement with Gambit's printed limit, per entry (the task's tolerance). */
const MATCH_TOL = 1e-6;

const matchingPennies = strategicGameFromTables(
  [2, 2],
  [
    [1, -1, -1, 1],
    [-1, 1, 1, -1],
  ],
);
// prisoner's dilemma: strategy 2 (defect) strictly dominates for both
const prisonersDilemma = strategicGameFromTables(
  [2, 2],
  [
    [3, 5, 0, 1],
    [3, 0, 5, 1],
  ],
);
// a generic 3 × 2 game without pure equilibria among the first strategies
const asymmetric = strategicGameFromTables(
  [3, 2],
  [
    [4, 1, 0, 0, 3, 2],
    [1, 2, 3, 3, 0, 1],
  ],
);

/** Max over players and strategies of |σ_ij − exp(λ u_ij) / Σ_k exp(λ u_ik)|. */
function logitDefect(game: typeof asymmetric, lambda: number, profile: Float64Array): number {
  const mixed: Float64Array[] = [];
  let offset = 0;
  for (const s of game.strategies) {
    mixed.push(profile.subarray(offset, offset + s.length));
    offset += s.length;
  }
  // pure payoffs against the others, by brute force over profiles
  const n = game.players.length;
  const total = profileCount(game);
  const values = game.strategies.map((s) => new Float64Array(s.length));
  for (let k = 0; k < total; k++) {
    let rest = k;
    const digits = game.strategies.map((s) => {
      const d = rest % s.length;
      rest = Math.floor(rest / s.length);
      return d;
    });
    for (let p = 0; p < n; p++) {
      let w = game.payoffs[k * n + p]!;
      for (let q = 0; q < n; q++) if (q !== p) w *= mixed[q]![digits[q]!]!;
      values[p]![digits[p]!] = values[p]![digits[p]!]! + w;
    }
  }
  let worst = 0;
  values.forEach((v, p) => {
    const top = Math.max(...v);
    const weights = Array.from(v, (u) => Math.exp(lambda * (u - top)));
    const sum = weights.reduce((a, b) => a + b, 0);
    weights.forEach((w, j) => {
      worst = Math.max(worst, Math.abs(w / sum - mixed[p]![j]!));
    });
  });
  return worst;
}

describe("logitBranch (strategic games)", () => {
  it("stays at (1/2, 1/2) for every λ in matching pennies", () => {
    // the centroid is the equilibrium, so the branch stops at once…
    const result = logitBranch(matchingPennies);
    expect(result.points).toHaveLength(1);
    expect(result.converged).toBe(true);
    expect(Array.from(result.limit)).toEqual([0.5, 0.5, 0.5, 0.5]);
    // …and followed further, it never moves
    const system = strategicLogitSystem(matchingPennies);
    let steps = 0;
    for (const point of traceLogitBranch(system)) {
      for (const p of profileOf(system, point.y)) expect(p).toBeCloseTo(0.5, 12);
      if (point.y[system.size]! / system.scale > 1000 || ++steps > 500) break;
    }
    expect(steps).toBeLessThan(500);
    for (const lambda of [0.5, 3.7, 100]) {
      for (const p of logitQreAt(matchingPennies, lambda)) expect(p).toBeCloseTo(0.5, 12);
    }
  });

  it("reports every accepted point through onPoint, from λ = 0", () => {
    const seen: number[] = [];
    const result = logitBranch(asymmetric, { onPoint: (lambda) => seen.push(lambda) });
    expect(seen[0]).toBe(0);
    expect(seen).toEqual(result.points.map((p) => p.lambda));
    expect(result.lambda).toBe(seen.at(-1));
    const capped = logitBranch(asymmetric, { maxLambda: 2 });
    expect(capped.converged).toBe(false);
    expect(capped.lambda).toBeGreaterThanOrEqual(2);
    expect(capped.points.at(-2)!.lambda).toBeLessThan(2);
  });

  it("tends to the dominant strategies of the prisoner's dilemma", () => {
    const result = logitBranch(prisonersDilemma);
    expect(result.converged).toBe(true);
    expect(result.bifurcations).toEqual([]);
    expect(Array.from(result.limit)).toEqual([0, 1, 0, 1].map((v) => expect.closeTo(v, 9)));
    expect(result.limitRegret).toBeLessThan(1e-9);
    // the probability of defecting grows along the branch
    const defect = result.points.map((p) => p.profile[1]!);
    for (let i = 1; i < defect.length; i++)
      expect(defect[i]!).toBeGreaterThanOrEqual(defect[i - 1]! - 1e-12);
  });

  it("starts at the centroid: the QRE at λ = 0 is uniform", () => {
    const uniform = [1 / 3, 1 / 3, 1 / 3, 0.5, 0.5].map((v) => expect.closeTo(v, 15));
    expect(Array.from(logitQreAt(asymmetric, 0))).toEqual(uniform);
    expect(Array.from(logitBranch(asymmetric).points[0]!.profile)).toEqual(uniform);
    expect(Array.from(logitQreAtAgent(readEfg(SIMULTANEOUS), 0))).toEqual([0.5, 0.5, 0.5, 0.5]);
  });

  it("logitQreAt solves the logit equations σ_ij ∝ exp(λ u_ij(σ))", () => {
    for (const lambda of [0.3, 1.5, 4, 20]) {
      const profile = logitQreAt(asymmetric, lambda);
      expect(logitDefect(asymmetric, lambda, profile)).toBeLessThan(1e-10);
    }
    // a three-player game too
    const three = strategicGameFromTables(
      [2, 2, 2],
      [
        [9, 0, 0, 9, 0, 3, 3, 0],
        [8, 0, 0, 8, 0, 4, 4, 0],
        [12, 0, 0, 2, 0, 6, 6, 0],
      ],
    );
    for (const lambda of [0.5, 2]) {
      expect(logitDefect(three, lambda, logitQreAt(three, lambda))).toBeLessThan(1e-10);
    }
  });

  it("every point of the branch is a logit QRE at its λ, and the limit a Nash equilibrium", () => {
    const result = logitBranch(asymmetric);
    for (const point of result.points.filter((_, i) => i % 5 === 0)) {
      expect(logitDefect(asymmetric, point.lambda, point.profile)).toBeLessThan(1e-8);
    }
    const { max } = strategicRegret(asymmetric, [
      result.limit.subarray(0, 3),
      result.limit.subarray(3),
    ]);
    expect(max).toBe(result.limitRegret);
    expect(max).toBeLessThan(1e-12);
  });

  it("rejects negative λ", () => {
    expect(() => logitQreAt(asymmetric, -1)).toThrow(LinkageError);
  });

  it("stays on the principal branch past a split bifurcation (Nashpy issue 35's game)", () => {
    // Nashpy issues 35 and 65: A = B = [[-1,-1,-1],[0,0,0],[-1,-1,-10000]]. Row 2 strictly
    // dominates, but only by 1 in 10000: near λ·10000 ≈ 8.4 the game is almost symmetric in
    // (row 3, column 3), and the pitchfork the symmetric game would have there is split into the
    // principal branch and a closed loop of QREs passing close by. A long step used to jump onto
    // the loop (the orientation determinant changed sign), follow it round its fold at λ ≈ 8.714,
    // jump back onto the principal branch backwards and run to λ → −∞.
    const issue35 = [
      [-1, -1, -1],
      [0, 0, 0],
      [-1, -1, -10000],
    ];
    const table: number[] = [];
    for (let j = 0; j < 3; j++) for (let i = 0; i < 3; i++) table.push(issue35[i]![j]!);
    const game = strategicGameFromTables([3, 3], [table, table]);
    const result = logitBranch(game);
    expect(result.converged).toBe(true);
    expect(result.bifurcations).toEqual([]);
    expect(Math.min(...result.points.map((p) => p.lambda))).toBe(0);
    for (const point of result.points.filter((_, i) => i % 4 === 0)) {
      expect(logitDefect(game, point.lambda, point.profile)).toBeLessThan(1e-8);
    }
    const { max } = strategicRegret(game, [result.limit.subarray(0, 3), result.limit.subarray(3)]);
    expect(max).toBe(result.limitRegret);
    expect(max).toBeLessThanOrEqual(1e-9 * 10000);
    expect(result.limit[1]).toBeGreaterThan(1 - 1e-6); // the dominant row
  });

  it("crosses the battle of the sexes' bifurcation on the smooth continuation", () => {
    // a genuine bifurcation (symmetric game): the step that changes the orientation's sign is
    // accepted because two half steps reach the same point
    const battle = strategicGameFromTables(
      [2, 2],
      [
        [2, 0, 0, 1],
        [1, 0, 0, 2],
      ],
    );
    const result = logitBranch(battle);
    expect(result.converged).toBe(true);
    expect(result.bifurcations).toHaveLength(1);
    expect(result.bifurcations[0]).toBeGreaterThan(1);
    expect(result.bifurcations[0]).toBeLessThan(2);
    // the smooth continuation keeps the symmetry: the mixed equilibrium (2/3, 1/3), (1/3, 2/3)
    const expected = [2 / 3, 1 / 3, 1 / 3, 2 / 3];
    expected.forEach((v, k) => {
      expect(result.limit[k]).toBeCloseTo(v, 9);
    });
    for (const point of result.points) expect(point.lambda).toBeGreaterThanOrEqual(0);
  });
});

// simultaneous 2 × 2 game in extensive form: P2 does not see P1's move
const SIMULTANEOUS = `EFG 2 R "simultaneous" { "P1" "P2" } ""
p "" 1 1 "" { "T" "B" } 0
p "" 2 1 "" { "L" "R" } 0
t "" 1 "TL" { 4, 1 }
t "" 2 "TR" { 0, 3 }
p "" 2 1 "" { "L" "R" } 0
t "" 3 "BL" { 1, 2 }
t "" 4 "BR" { 2, 0 }
`;
// chance goes left with probability 1; the right branch (probability 0) holds P1's second set
const ZERO_CHANCE = `EFG 2 R "zero chance" { "P1" } ""
c "" 1 "" { "A" 1 "B" 0 } 0
p "" 1 1 "" { "x" "y" } 0
t "" 1 "" { 1 }
t "" 2 "" { 0 }
p "" 1 2 "" { "u" "d" } 0
t "" 3 "" { 3 }
t "" 4 "" { 1 }
`;

describe("logitBranchAgent (agent form of extensive games)", () => {
  it("equals the strategic QRE when the tree is a simultaneous-move game", () => {
    const tree = readEfg(SIMULTANEOUS);
    const table = strategicGameFromTables(
      [2, 2],
      [
        [4, 1, 0, 2],
        [1, 2, 3, 0],
      ],
    );
    for (const lambda of [0, 0.7, 3]) {
      const agent = logitQreAtAgent(tree, lambda);
      const strategic = logitQreAt(table, lambda);
      for (let k = 0; k < 4; k++) expect(agent[k]!).toBeCloseTo(strategic[k]!, 10);
    }
    const limit = logitBranchAgent(tree).limit;
    const reference = logitBranch(table).limit;
    for (let k = 0; k < 4; k++) expect(limit[k]!).toBeCloseTo(reference[k]!, 7);
  });

  it("uses conditional payoffs at a set that only a zero-probability chance move reaches", () => {
    const tree = readEfg(ZERO_CHANCE);
    const lambda = 1.2;
    const profile = logitQreAtAgent(tree, lambda);
    // set 1: payoffs 1 vs 0; set 2 (never reached): payoffs 3 vs 1, as if it were reached
    expect(profile[0]).toBeCloseTo(1 / (1 + Math.exp(-lambda)), 12);
    expect(profile[2]).toBeCloseTo(1 / (1 + Math.exp(-2 * lambda)), 12);
    const limit = logitBranchAgent(tree).limit;
    expect(Array.from(limit)).toEqual([1, 0, 1, 0].map((v) => expect.closeTo(v, 8)));
  });

  it("refuses games without perfect recall", () => {
    const forgetful = readEfg(`EFG 2 R "absent-minded driver" { "D" } ""
p "" 1 1 "" { "exit" "go" } 0
t "" 1 "" { 0 }
p "" 1 1 "" { "exit" "go" } 0
t "" 2 "" { 4 }
t "" 3 "" { 1 }
`);
    expect(() => logitBranchAgent(forgetful)).toThrow(/perfect recall/);
  });
});

// ---------------------------------------------------------------------------------------------
// Gambit's reference answers: `gambit-logit -e -d 10` (Gambit 17.0.0-alpha.2), key `logit` of
// ../shared/games/gambit/expected/**.json. Profiles compare entry by entry in Gambit's order.

/** Size limit: games larger than this are skipped to keep the suite fast (none are, today). */
const MAX_PROFILES = 5000;
const MAX_NODES = 5000;

/**
 * Games whose limit differs from Gambit's by more than MATCH_TOL, and why (checked below).
 *
 * - `bifurcation`: the principal branch of these degenerate (mostly symmetric) games passes a
 *   bifurcation point, detected as a sign change of the orientation determinant. We keep to the
 *   smooth continuation of the branch; Gambit takes the other branch (battle of the sexes →
 *   a pure equilibrium, Shapley's game → (1/6, 1/3, 1/2)) or, for McKelvey–McLennan's 2×2×2
 *   game (2x2x2.*, basic_extensive_game, mixed_behavior_game), stops at the bifurcation point
 *   itself: its printed profile there has regret 0.21 and is no equilibrium.
 * - `gambitEarly`: both limits are on the same equilibrium, but Gambit stopped at a smaller λ
 *   (slowly converging components, weakly dominated or unreached actions): our limit's regret is
 *   no larger than that of Gambit's printed profile, and the two differ by less than 1e-3.
 */
const KNOWN: Readonly<Record<string, "bifurcation" | "gambitEarly">> = {
  "catalog/books/shohamleytonbrown2008/fig5_10.efg": "bifurcation",
  "catalog/conf/itcs/jakobsen2016/fig1c.efg": "bifurcation",
  "catalog/journals/dcg/vonstengel1999/6x6_game_with_75_eq_small_payoffs.nfg": "bifurcation",
  "catalog/journals/ijgt/nau2004/sec3.nfg": "bifurcation",
  "catalog/journals/other/shapley1974/fig3.nfg": "bifurcation",
  "contrib/games/2s2x2x2.efg": "bifurcation",
  "contrib/games/2x2x2.efg": "bifurcation",
  "contrib/games/2x2x2.nfg": "bifurcation",
  "contrib/games/artist2.efg": "bifurcation",
  "contrib/games/sh3.efg": "bifurcation",
  "contrib/games/sh3.nfg": "bifurcation",
  "contrib/games/sww3.efg": "bifurcation",
  "contrib/games/w_ex1.efg": "bifurcation",
  "contrib/games/w_ex2.efg": "bifurcation",
  "doc/2x2x2.nfg": "bifurcation",
  "tests/test_games/basic_extensive_game.efg": "bifurcation",
  "tests/test_games/mixed_behavior_game.efg": "bifurcation",
  "tests/test_games/non_const_sum_game.nfg": "bifurcation",
  "tests/test_games/reduction_both_players_payoff_ties_GTE_survey.efg": "bifurcation",
  "catalog/books/shohamleytonbrown2008/fig5_15.efg": "gambitEarly",
  "catalog/books/shohamleytonbrown2008/fig6_8.efg": "gambitEarly",
  "catalog/conf/itcs/jakobsen2016/fig3.efg": "gambitEarly",
  "catalog/journals/geb/bagwell1995.efg": "gambitEarly",
  "catalog/journals/ijgt/selten1975/fig1.efg": "gambitEarly",
  "contrib/games/bcp2.efg": "gambitEarly",
  "contrib/games/bcp4.efg": "gambitEarly",
  "contrib/games/cent3.efg": "gambitEarly",
  "contrib/games/cent6.efg": "gambitEarly",
  "contrib/games/e08.efg": "gambitEarly",
  "contrib/games/e16.efg": "gambitEarly",
  "contrib/games/my_2-8.efg": "gambitEarly",
  "contrib/games/palf2.efg": "gambitEarly",
  "contrib/games/tim.efg": "gambitEarly",
  "contrib/games/vd.efg": "gambitEarly",
  "tests/test_games/cent3.efg": "gambitEarly",
  "tests/test_games/mixed_strategy.nfg": "gambitEarly",
};

describe.skipIf(!HAS_GAMBIT_REFERENCES)(
  `logit limits equal Gambit's gambit-logit -e${skipReason(!HAS_GAMBIT_REFERENCES, GAMBIT_REFERENCES_ABSENT)}`,
  () => {
    const cases = gambitReferenceCases<{ logit?: GambitAnswer }>([".nfg", ".efg"]).flatMap(
      ({ name, file, references }) =>
        references.logit?.status === "ok" ? [{ name, file, reference: references.logit }] : [],
    );
    const outcomes = new Map<string, boolean>();

    it.each(cases.map((c) => [c.name, c] as const))("%s", (name, { file, reference }) => {
      const parsed = readGambitGame(readFileSync(file, "utf8"), file);
      const theirs = (reference.equilibria?.[0] ?? []).map(Number);
      let ours: Float64Array;
      let ourRegret: number;
      let theirRegret: number;
      let bifurcations: number[];
      let spread: number;
      if (parsed.form === "strategic") {
        const game = parsed.game;
        if (profileCount(game) > MAX_PROFILES) return;
        const result = logitBranch(game);
        ours = result.limit;
        ourRegret = result.limitRegret;
        bifurcations = result.bifurcations;
        spread = strategicLogitSystem(game).scale;
        const mixed: number[][] = [];
        let offset = 0;
        for (const s of game.strategies) {
          mixed.push(theirs.slice(offset, offset + s.length));
          offset += s.length;
        }
        theirRegret = strategicRegret(game, mixed).max;
      } else {
        const game: ExtensiveGame = parsed.game;
        if (game.nodeKind.length > MAX_NODES) return;
        const result = logitBranchAgent(game);
        ours = result.limit;
        ourRegret = result.limitRegret;
        bifurcations = result.bifurcations;
        spread = agentLogitSystem(game).scale;
        theirRegret = theirs.length === ours.length ? behaviourRegret(game, theirs).max : 0;
      }
      expect(ours.length).toBe(theirs.length);
      // ours is always an ε-equilibrium
      expect(ourRegret).toBeLessThanOrEqual(1e-6 * spread);
      let diff = 0;
      theirs.forEach((v, k) => {
        diff = Math.max(diff, Math.abs(v - ours[k]!));
      });
      const matched = diff <= MATCH_TOL;
      outcomes.set(name, matched);
      if (matched) return;
      const why = KNOWN[name];
      expect(why, `limit differs from Gambit's by ${diff}`).toBeDefined();
      if (why === "bifurcation") {
        expect(bifurcations.length).toBeGreaterThan(0);
      } else {
        expect(diff).toBeLessThan(1e-3);
        expect(ourRegret).toBeLessThanOrEqual(theirRegret * (1 + 1e-9) + 1e-12 * spread);
      }
    });

    it("matches Gambit on all but the documented games", () => {
      // 199 games with a logit reference: 163 match to 1e-6; 19 bifurcation, 17 gambitEarly
      expect(cases.length).toBeGreaterThanOrEqual(199);
      const matched = [...outcomes.values()].filter(Boolean).length;
      expect(matched).toBeGreaterThanOrEqual(cases.length - Object.keys(KNOWN).length);
    });
  },
);
