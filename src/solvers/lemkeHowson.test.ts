import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { randomStrategicGame } from "../../bench/randomGames.js";
import {
  GAMBIT_REFERENCES_ABSENT,
  type GambitAnswer,
  gambitReferenceCases,
  HAS_GAMBIT_REFERENCES,
} from "../../test/support/gambitReferenceFiles.js";
import { LOPSIDED_6X6_NFG } from "../../test/support/lopsidedGame.js";
import { skipReason } from "../../test/support/skipReason.js";
import { LinkageError } from "../errors/LinkageError.js";
import { RoundingBreakdown } from "../errors/RoundingBreakdown.js";
import { readGambitGame } from "../games/gambit/readGambitGame.js";
import { readNfg } from "../games/gambit/readNfg.js";
import type { StrategicGame } from "../games/strategicGame.js";
import { strategicGameFromTables } from "../games/strategicGameFromTables.js";
import { formatRational, type Rational, toNumber } from "../math/rational.js";
import { BasisCycleDetector } from "./basisCycleDetector.js";
import {
  type LemkeHowsonEquilibrium,
  lemkeHowson,
  lemkeHowsonAll,
  lemkeHowsonAllExact,
  lemkeHowsonExact,
  lemkeHowsonRace,
  lemkeHowsonRaceExact,
} from "./lemkeHowson.js";
import { strategicRegret, strategicRegretExact } from "./regret.js";

/** Float regret accepted as an equilibrium. */
const REGRET_TOL = 1e-9;
/** Largest difference accepted between the float and exact results of one path. */
const AGREE_TOL = 1e-9;

const line = (e: LemkeHowsonEquilibrium<readonly Rational[]>) =>
  e.strategies.flat().map(formatRational).join(",");

function expectEquilibriumExact(
  game: StrategicGame,
  e: LemkeHowsonEquilibrium<readonly Rational[]>,
) {
  expect(formatRational(strategicRegretExact(game, [...e.strategies]).max)).toBe("0");
}

function expectEquilibrium(game: StrategicGame, e: LemkeHowsonEquilibrium<Float64Array>) {
  for (const s of e.strategies) expect(s.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  expect(strategicRegret(game, e.strategies).max).toBeLessThanOrEqual(REGRET_TOL);
}

function expectAgree(
  float: LemkeHowsonEquilibrium<Float64Array>,
  exact: LemkeHowsonEquilibrium<readonly Rational[]>,
) {
  float.strategies.forEach((s, p) => {
    s.forEach((x, i) => {
      expect(Math.abs(x - toNumber(exact.strategies[p]![i]!))).toBeLessThanOrEqual(AGREE_TOL);
    });
  });
}

/**
 * The default exact answer (float path, final bases re-solved exactly) is the exact path's: the
 * same equilibrium, reached after the same number of pivots, and it says how it was found.
 */
function expectSameAsExactPivoting(
  game: StrategicGame,
  label: number,
  exact: LemkeHowsonEquilibrium<readonly Rational[]>,
) {
  const pivoted = lemkeHowsonExact(game, { label, pivoting: "exact" });
  expect(pivoted.exactBy).toBe("exact-pivoting");
  expect(pivoted.fallback).toBeUndefined();
  expect(line(exact)).toBe(line(pivoted));
  expect(exact.pivots).toBe(pivoted.pivots);
  expect(exact.exactBy).toBe("float-basis");
}

describe.skipIf(!HAS_GAMBIT_REFERENCES)(
  `Lemke–Howson against Gambit's lcp${skipReason(!HAS_GAMBIT_REFERENCES, GAMBIT_REFERENCES_ABSENT)}`,
  () => {
    const cases = gambitReferenceCases<{ lcp?: GambitAnswer }>([".nfg"])
      .map(({ name, file, references }) => ({ name, file, lcp: references.lcp }))
      .filter((c) => c.lcp?.status === "ok");
    const firstMatches: string[] = [];

    it("covers the two-player games Gambit solved", () => {
      expect(cases.length).toBe(44);
    });

    it.each(cases.map((c) => [c.name, c] as const))("%s", (name, { file, lcp }) => {
      const game = readNfg(readFileSync(file, "utf8"), file);
      const labels = game.strategies[0]!.length + game.strategies[1]!.length;
      for (let label = 0; label < labels; label++) {
        const exact = lemkeHowsonExact(game, { label });
        const float = lemkeHowson(game, { label });
        expectEquilibriumExact(game, exact);
        expectEquilibrium(game, float);
        expectAgree(float, exact);
        expectSameAsExactPivoting(game, label, exact);
      }
      // gambit-lcp starts by dropping label 0 (player 1's first strategy)
      // the same lexicographic rule, so the same path: its end is Gambit's first equilibrium
      const first = line(lemkeHowsonExact(game, { label: 0 }));
      expect(first).toBe(lcp!.equilibria![0]!.join(","));
      firstMatches.push(name);

      const reachable = lemkeHowsonAllExact(game, { reachable: true });
      for (const e of reachable) expectEquilibriumExact(game, e);
      const ours = reachable.map(line).sort();
      const theirs = lcp!.equilibria!.map((e) => e.join(",")).sort();
      expect(ours).toEqual(theirs);
      expect(lemkeHowsonAll(game, { reachable: true }).length).toBe(reachable.length);
    });

    it("label 0 reproduces Gambit's first equilibrium in every game", () => {
      expect(firstMatches.length).toBe(cases.length);
    });
  },
);

/** A random bimatrix game with small integer payoffs (ties, hence degeneracy, are common). */
const arbGame = fc
  .record({ m: fc.integer({ min: 1, max: 5 }), n: fc.integer({ min: 1, max: 5 }) })
  .chain(({ m, n }) =>
    fc
      .array(fc.array(fc.integer({ min: -3, max: 3 }), { minLength: m * n, maxLength: m * n }), {
        minLength: 2,
        maxLength: 2,
      })
      .map((tables) => strategicGameFromTables([m, n], tables)),
  );

/** Player 1's first strategy repeated as an extra last strategy, for both players' payoffs. */
function withRepeatedRow(game: StrategicGame): StrategicGame {
  const m = game.strategies[0]!.length;
  const n = game.strategies[1]!.length;
  const tables = [0, 1].map((p) => {
    const t: number[] = [];
    for (let j = 0; j < n; j++) {
      for (let i = 0; i < m; i++) t.push(game.payoffs[2 * (i + m * j) + p]!);
      t.push(game.payoffs[2 * (m * j) + p]!);
    }
    return t;
  });
  return strategicGameFromTables([m + 1, n], tables);
}

function identityGame(n: number, other: "identity" | "zero"): StrategicGame {
  const id = Array.from({ length: n * n }, (_, k) => (k % n === Math.floor(k / n) ? 1 : 0));
  return strategicGameFromTables([n, n], [id, other === "identity" ? id : id.map(() => 0)]);
}

function checkEveryLabel(game: StrategicGame): void {
  const labels = game.strategies[0]!.length + game.strategies[1]!.length;
  for (let label = 0; label < labels; label++) {
    const exact = lemkeHowsonExact(game, { label });
    const float = lemkeHowson(game, { label });
    expectEquilibriumExact(game, exact);
    expectEquilibrium(game, float);
    expectAgree(float, exact);
    expectSameAsExactPivoting(game, label, exact);
  }
}

describe("Lemke–Howson properties", () => {
  it("every label gives an equilibrium, the same in floats and exactly (random games)", () => {
    fc.assert(fc.property(arbGame, checkEveryLabel), { seed: 20240611, numRuns: 300 });
  });

  it("degenerate games: repeated rows, zero payoffs, identity games", () => {
    fc.assert(fc.property(arbGame.map(withRepeatedRow), checkEveryLabel), {
      seed: 7,
      numRuns: 150,
    });
    checkEveryLabel(
      strategicGameFromTables([3, 4], [new Array(12).fill(0), new Array(12).fill(0)]),
    );
    for (let n = 1; n <= 5; n++) {
      checkEveryLabel(identityGame(n, "identity"));
      checkEveryLabel(identityGame(n, "zero"));
    }
  });

  it("all labels and all reachable: distinct equilibria, exact and float counts agree", () => {
    fc.assert(
      fc.property(arbGame, (game) => {
        const exact = lemkeHowsonAllExact(game, { reachable: true });
        const keys = exact.map(line);
        expect(new Set(keys).size).toBe(keys.length);
        for (const e of exact) expectEquilibriumExact(game, e);
        const fromArtificial = lemkeHowsonAllExact(game).map(line);
        for (const k of fromArtificial) expect(keys).toContain(k);
        const float = lemkeHowsonAll(game, { reachable: true });
        for (const e of float) expectEquilibrium(game, e);
        expect(float.length).toBe(exact.length);
      }),
      { seed: 99, numRuns: 200 },
    );
  });

  it("the coordination game: pure equilibria from the labels, the mixed one by reachability", () => {
    const coordination = identityGame(2, "identity");
    expect(lemkeHowsonAllExact(coordination).map(line).sort()).toEqual(["0,1,0,1", "1,0,1,0"]);
    expect(lemkeHowsonAllExact(coordination, { reachable: true }).map(line).sort()).toEqual([
      "0,1,0,1",
      "1,0,1,0",
      "1/2,1/2,1/2,1/2",
    ]);
  });

  it("races paths and returns an equilibrium from one of them", () => {
    fc.assert(
      fc.property(arbGame, (game) => {
        const float = lemkeHowsonRace(game);
        const exact = lemkeHowsonRaceExact(game);
        expectEquilibrium(game, float);
        expectEquilibriumExact(game, exact);
        expect(float.label).toBe(exact.label);
        expectAgree(lemkeHowson(game, { label: float.label }), exact);
        const pivoted = lemkeHowsonRaceExact(game, { pivoting: "exact" });
        expect([exact.exactBy, pivoted.exactBy]).toEqual(["float-basis", "exact-pivoting"]);
        expect([exact.label, exact.pivots, line(exact)]).toEqual([
          pivoted.label,
          pivoted.pivots,
          line(pivoted),
        ]);
      }),
      { seed: 5, numRuns: 100 },
    );
  });

  it("matching pennies: the unique equilibrium (1/2, 1/2), (1/2, 1/2)", () => {
    const pennies = strategicGameFromTables(
      [2, 2],
      [
        [1, -1, -1, 1],
        [-1, 1, 1, -1],
      ],
    );
    expect(line(lemkeHowsonExact(pennies))).toBe("1/2,1/2,1/2,1/2");
    for (const s of lemkeHowson(pennies).strategies) {
      for (const x of s) expect(x).toBeCloseTo(0.5, 15);
    }
  });
});

/**
 * Three degenerate 3×3 games of Gambit's collection (contrib/games/perfect2.nfg, deg1.nfg and
 * deg2.nfg, gambitproject/gambit v17.0.0-alpha.2), payoff tables in .nfg order (player 1's
 * strategy fastest), with what gambit-lcp 17 printed for them: the end of the path dropping label
 * 0 first, then every equilibrium reachable from the artificial one. Ties in these games are
 * decided by the lexicographic rule alone, and a rule other than gambit-lcp's (1 − (ε, ε², …) on
 * the right-hand side, first slack first) gives another first equilibrium or another reachable set.
 */
const GAMBIT_DEGENERATE = [
  {
    name: "perfect2",
    tables: [
      [4, 2, 0, 0, 3, 0, 0, 2, 4],
      [0, 1, 4, 0, 3, 0, 4, 1, 0],
    ],
    lcp: ["1/2,0,1/2,1/2,0,1/2", "1/4,1/2,1/4,1/2,0,1/2", "0,1,0,0,1,0"],
  },
  {
    name: "deg1",
    tables: [
      [1, 2, 3, 3, 2, 1, 2, 2, 2],
      [1, 3, 2, 2, 2, 2, 3, 1, 2],
    ],
    lcp: ["1,0,0,0,0,1", "0,0,1,0,0,1", "0,0,1,1,0,0"],
  },
  {
    name: "deg2",
    tables: [
      [1, 2, 3, 3, 2, 1, 2, 2, 2],
      [2, 1, 3, 2, 2, 2, 2, 3, 1],
    ],
    lcp: ["0,0,1,1,0,0"],
  },
] as const;

describe("Lemke–Howson's lexicographic rule is gambit-lcp's", () => {
  it.each(GAMBIT_DEGENERATE.map((g) => [g.name, g] as const))(
    "%s: label 0 ends at gambit-lcp's first equilibrium, the reachable set is its set",
    (_, { tables, lcp }) => {
      const game = strategicGameFromTables(
        [3, 3],
        tables.map((t) => [...t]),
      );
      const exact = lemkeHowsonExact(game);
      expect(line(exact)).toBe(lcp[0]);
      expectSameAsExactPivoting(game, 0, exact);
      expectAgree(lemkeHowson(game), exact);
      const reachable = lemkeHowsonAllExact(game, { reachable: true }).map(line).sort();
      expect(reachable).toEqual([...lcp].sort());
    },
  );

  it("random 50×50 game with payoffs in [−10, 10] (seed 6): the label-0 path takes 9 pivots", () => {
    // with 1 + (ε^r, …, ε) instead (the old rule) this path took 318 pivots; on the 200×200 game
    // of seed 1, 284 182 against gambit-lcp's rule's 80 665 (bench/lemkeHowson.bench.ts)
    const game = randomStrategicGame([50, 50], 6);
    const float = lemkeHowson(game);
    const exact = lemkeHowsonExact(game);
    expect(exact.pivots).toBe(9);
    expectSameAsExactPivoting(game, 0, exact);
    expect(float.pivots).toBe(exact.pivots);
    expectAgree(float, exact);
    expectEquilibriumExact(game, exact);
  });
});

describe("Lemke–Howson refusals", () => {
  it("refuses games without exactly two players", () => {
    const three = strategicGameFromTables(
      [2, 2, 2],
      [new Array(8).fill(0), new Array(8).fill(0), new Array(8).fill(0)],
    );
    expect(() => lemkeHowson(three)).toThrow(/needs a two-player game/);
    expect(() => lemkeHowsonAllExact(three)).toThrow(expect.objectContaining({ code: "E_INPUT" }));
  });

  it("refuses labels outside 0 … m+n−1", () => {
    const game = identityGame(2, "identity");
    expect(() => lemkeHowson(game, { label: 4 })).toThrow(
      expect.objectContaining({ code: "E_DOMAIN" }),
    );
    expect(() => lemkeHowsonRace(game, { labels: [] })).toThrow(/no labels/);
  });

  it("stops after maxPivots", () => {
    const game = identityGame(3, "zero");
    expect(() => lemkeHowsonExact(game, { label: 0, maxPivots: 0 })).toThrow(
      expect.objectContaining({ code: "E_SOLVER" }),
    );
  });
});

describe("a float path that cycles on rounding", () => {
  const game = (readGambitGame(LOPSIDED_6X6_NFG, "lopsided-6x6.nfg") as { game: StrategicGame })
    .game;

  it("is stopped as soon as it returns to bases it had left, not after maxPivots", () => {
    expect(() => lemkeHowson(game, { label: 10 })).toThrow(
      /label 10 returned to bases it had left after \d+ pivots/,
    );
    // a RoundingBreakdown (solveGame re-solves those exactly), unlike a path that is too long
    const caught = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return error;
      }
      return null;
    };
    expect(caught(() => lemkeHowson(game, { label: 10 }))).toBeInstanceOf(RoundingBreakdown);
    const long = caught(() => lemkeHowson(game, { label: 0, maxPivots: 2 }));
    expect(long).toBeInstanceOf(LinkageError);
    expect(long).not.toBeInstanceOf(RoundingBreakdown);
    // the exact path of the same label ends, at an equilibrium
    const exact = lemkeHowsonExact(game, { label: 10 });
    expect(exact.pivots).toBeLessThan(100);
    expectEquilibriumExact(game, exact);
  });
});

describe("BasisCycleDetector", () => {
  it("reports a return to an earlier state and never a path that keeps moving", () => {
    const cycling = new BasisCycleDetector();
    // states: bases {0} → {1} → {2} → {0} → …, one variable swapped a pivot
    const order = [0, 1, 2];
    let at = 0;
    cycling.toggle(0, order[at]!);
    let found = -1;
    for (let step = 1; step < 50 && found < 0; step++) {
      const next = (at + 1) % order.length;
      cycling.toggle(0, order[at]!);
      cycling.toggle(0, order[next]!);
      at = next;
      if (cycling.repeated(0, 7)) found = step;
    }
    expect(found).toBeGreaterThan(0);
    expect(found).toBeLessThan(12);
    const moving = new BasisCycleDetector();
    for (let v = 0; v < 10_000; v++) {
      moving.toggle(1, v);
      expect(moving.repeated(0, v)).toBe(false);
    }
  });
});
