/**
 * Games and equilibria asserted by QuantEcon.py's game-theory tests (MIT licence; see README.md),
 * read at QuantEcon/QuantEcon.py@13b436b8a43aa53313f6523509bd3f7a35d9dfd2,
 * quantecon/game_theory/tests/. QuantEcon writes a two-player game either as a bimatrix of payoff
 * pairs (rows = player 1) or as one `Player` per player whose payoff array is indexed by its own
 * action first, then the opponents' in order i + 1, i + 2, …: player 2's array is then the
 * transpose of the bimatrix's B. Its Lemke–Howson `init_pivot` k is our label k + 1.
 */
import { bimatrixTables, type PeerGame, pure, tablesFromPayoff } from "./PeerGame.js";

const QE = "QuantEcon/QuantEcon.py@13b436b quantecon/game_theory/tests";

/** A bimatrix written as QuantEcon writes it: rows of (player 1, player 2) payoff pairs. */
function pairs(rows: readonly (readonly (readonly [number, number])[])[]) {
  return bimatrixTables(
    rows.map((row) => row.map((p) => p[0])),
    rows.map((row) => row.map((p) => p[1])),
  );
}

/** A game of `Player`s: player i's payoff array indexed by its action, then players i + 1, … (cyclically). */
function players(
  strategies: readonly number[],
  arrays: readonly ((actions: readonly number[]) => number)[],
) {
  const n = strategies.length;
  return tablesFromPayoff(strategies, (p, profile) =>
    arrays[p]!(Array.from({ length: n }, (_, k) => profile[(p + k) % n]!)),
  );
}

/** Index a nested array by a list of indices. */
function at(array: unknown, indices: readonly number[]): number {
  let value = array;
  for (const i of indices) value = (value as unknown[])[i];
  return value as number;
}

const VON_STENGEL: [number, number][][] = [
  [
    [3, 3],
    [3, 2],
  ],
  [
    [2, 2],
    [5, 6],
  ],
  [
    [0, 3],
    [6, 1],
  ],
];
const VON_STENGEL_PURE = [
  [1, 0, 0],
  [1, 0],
];
const VON_STENGEL_MIXED = [
  [0, 1 / 3, 2 / 3],
  [1 / 3, 2 / 3],
];

/** QuantEcon's degenerate variant of von Stengel's game: row 1 pays the column player 3 either way. */
const VON_STENGEL_DEGENERATE: [number, number][][] = [
  [
    [3, 3],
    [3, 3],
  ],
  [
    [2, 2],
    [5, 6],
  ],
  [
    [0, 3],
    [6, 1],
  ],
];

/** test_lemke_howson.py: a game where "smallest row index" tie breaking cycles. */
const CYCLE_A = [
  [0, 0, 0],
  [0, 1, 1],
  [1, 1, 0],
];
/** Player 2's payoff array (own action first): the bimatrix's B is its transpose. */
const CYCLE_B_OWN = [
  [1, 0, 1],
  [1, 1, 0],
  [0, 0, 2],
];
const transpose = (m: readonly (readonly number[])[]) =>
  m[0]!.map((_, j) => m.map((row) => row[j]!));

/** test_mclennan_tourky.py: the N-player anti-coordination game with v = 2. */
function antiCoordination(n: number, v: number) {
  const payoff = (actions: readonly number[]) =>
    actions[0] === 0 ? 1 : actions.slice(1).every((a) => a === 0) ? v : 0;
  return players(
    Array.from({ length: n }, () => 2),
    Array.from({ length: n }, () => payoff),
  );
}

/** test_normal_form_game.py::TestNormalFormGame_3p: every player has this payoff array. */
const THREE_PLAYER = [
  [
    [3, 6],
    [4, 2],
  ],
  [
    [1, 0],
    [5, 7],
  ],
];
const THREE_PLAYER_P = (1 + Math.sqrt(65)) / 16;

const RPS = [
  [0, -1, 1],
  [1, 0, -1],
  [-1, 1, 0],
];

/**
 * A polymatrix game: player i's payoff is Σ_{j ≠ i} M_ij[a_i][a_j], the matrices keyed "i,j"
 * (0-based) as in QuantEcon's PolymatrixGame.
 */
function polymatrix(
  strategies: readonly number[],
  matrices: Readonly<Record<string, readonly (readonly number[])[]>>,
) {
  return tablesFromPayoff(strategies, (i, a) =>
    strategies.reduce(
      (sum, _, j) => (j === i ? sum : sum + matrices[`${i},${j}`]![a[i]!]![a[j]!]!),
      0,
    ),
  );
}

/** test_howson_lcp.py: rock–paper–scissors at ten times the stakes, between players 1 and 2. */
const RPS_10 = [
  [0, -10, 10],
  [10, 0, -10],
  [-10, 10, 0],
];

export const QUANTECON_GAMES: readonly PeerGame[] = [
  {
    id: "QuantEcon.py: von Stengel's 3 × 2 game",
    source: "QuantEcon.py",
    // support and vertex enumeration: exactly these three (len checked); Lemke–Howson from
    // init_pivot 0 and 1 (our labels 1 and 2)
    cite: `${QE}/test_support_enumeration.py::TestSupportEnumeration; test_vertex_enumeration.py::TestVertexEnumeration; test_lemke_howson.py::TestLemkeHowson`,
    ...pairs(VON_STENGEL),
    asserted: [
      VON_STENGEL_PURE,
      [
        [4 / 5, 1 / 5, 0],
        [2 / 3, 1 / 3],
      ],
      VON_STENGEL_MIXED,
    ],
    complete: "all",
    finite: true,
    nondegenerate: true,
    byLabel: [
      { label: 1, equilibrium: VON_STENGEL_PURE },
      { label: 2, equilibrium: VON_STENGEL_MIXED },
    ],
  },
  {
    id: "QuantEcon.py: degenerate 3 × 2 (support enumeration)",
    source: "QuantEcon.py",
    // QuantEcon's own comment: "NEs ([0, p, 1-p], [1/2, 1/2]), 0 <= p <= 1, are not detected".
    // By hand the extreme equilibria are those two, (row 2, (1/2,1/2)) and (row 3, (1/2,1/2)):
    // against (1/2,1/2) every row pays 0, against rows 2 and 3 the column player gets 0 either
    // way, and once row 1 has weight column 1 is strictly better, so the row player plays row 1
    cite: `${QE}/test_support_enumeration.py::TestSupportEnumeration (degenerate game)`,
    ...pairs([
      [
        [1, 1],
        [-1, 0],
      ],
      [
        [-1, 0],
        [1, 0],
      ],
      [
        [0, 0],
        [0, 0],
      ],
    ]),
    asserted: [pure([3, 2], [0, 0]), pure([3, 2], [1, 1])],
    byHand: [
      [
        [0, 1, 0],
        [1 / 2, 1 / 2],
      ],
      [
        [0, 0, 1],
        [1 / 2, 1 / 2],
      ],
    ],
    complete: "all",
    finite: false,
    nondegenerate: false,
  },
  {
    id: "QuantEcon.py: degenerate 3 × 2 (vertex enumeration)",
    source: "QuantEcon.py",
    // vertex enumeration: exactly these three extreme equilibria (len checked); Lemke–Howson
    // from init_pivot 0 ends at the mixed one (degenerate: a path, not the path)
    cite: `${QE}/test_vertex_enumeration.py::TestVertexEnumeration (degenerate game); test_lemke_howson.py::TestLemkeHowsonDegenerate`,
    ...pairs(VON_STENGEL_DEGENERATE),
    asserted: [
      VON_STENGEL_PURE,
      [
        [1, 0, 0],
        [2 / 3, 1 / 3],
      ],
      VON_STENGEL_MIXED,
    ],
    complete: "all",
    finite: false,
    nondegenerate: false,
  },
  {
    id: "QuantEcon.py: degenerate 3 × 2, rows reordered (qhull options)",
    source: "QuantEcon.py",
    cite: `${QE}/test_vertex_enumeration.py::test_vertex_enumeration_qhull_options`,
    ...pairs([VON_STENGEL_DEGENERATE[2]!, VON_STENGEL_DEGENERATE[1]!, VON_STENGEL_DEGENERATE[0]!]),
    asserted: [
      pure([3, 2], [2, 0]),
      [
        [0, 0, 1],
        [2 / 3, 1 / 3],
      ],
      [
        [2 / 3, 1 / 3, 0],
        [1 / 3, 2 / 3],
      ],
    ],
    complete: "all",
    finite: false,
    nondegenerate: false,
  },
  {
    id: "QuantEcon.py: Lemke–Howson cycling example (row index)",
    source: "QuantEcon.py",
    cite: `${QE}/test_lemke_howson.py::TestLemkeHowsonDegenerate (smallest row index cycles)`,
    ...bimatrixTables(CYCLE_A, transpose(CYCLE_B_OWN)),
    asserted: [
      [
        [0, 2 / 3, 1 / 3],
        [0, 1, 0],
      ],
    ],
    complete: "none",
    finite: false,
    nondegenerate: false,
  },
  {
    id: "QuantEcon.py: Lemke–Howson cycling example (variable index)",
    source: "QuantEcon.py",
    // the same game with player 2's actions permuted by [2, 0, 1]
    cite: `${QE}/test_lemke_howson.py::TestLemkeHowsonDegenerate (smallest variable index cycles)`,
    ...bimatrixTables(
      CYCLE_A.map((row) => [row[2]!, row[0]!, row[1]!]),
      transpose([CYCLE_B_OWN[2]!, CYCLE_B_OWN[0]!, CYCLE_B_OWN[1]!]),
    ),
    asserted: [
      [
        [0, 2 / 3, 1 / 3],
        [0, 0, 1],
      ],
    ],
    complete: "none",
    finite: false,
    nondegenerate: false,
  },
  {
    id: "QuantEcon.py: matching pennies (pure)",
    source: "QuantEcon.py",
    // no pure equilibrium; by hand the unique one is uniform play
    cite: `${QE}/test_pure_nash.py::TestPureNashBruteForce`,
    ...pairs([
      [
        [1, -1],
        [-1, 1],
      ],
      [
        [-1, 1],
        [1, -1],
      ],
    ]),
    asserted: [],
    byHand: [
      [
        [1 / 2, 1 / 2],
        [1 / 2, 1 / 2],
      ],
    ],
    complete: "all",
    finite: true,
    nondegenerate: true,
    value: 0,
  },
  {
    id: "QuantEcon.py: prisoners' dilemma (pure)",
    source: "QuantEcon.py",
    // the second action strictly dominates: the unique equilibrium
    cite: `${QE}/test_pure_nash.py::TestPureNashBruteForce`,
    ...pairs([
      [
        [1, 1],
        [-2, 3],
      ],
      [
        [3, -2],
        [0, 0],
      ],
    ]),
    asserted: [pure([2, 2], [1, 1])],
    complete: "all",
    finite: true,
    nondegenerate: true,
  },
  {
    id: "QuantEcon.py: battle of the sexes (pure)",
    source: "QuantEcon.py",
    // the two pure equilibria; by hand the mixed one: row indifferent when 3y + (1 − y) = 2(1 − y)
    // (y = 1/4), column when 2x + (1 − x) = 3(1 − x) (x = 1/2)
    cite: `${QE}/test_pure_nash.py::TestPureNashBruteForce`,
    ...pairs([
      [
        [3, 2],
        [1, 0],
      ],
      [
        [0, 1],
        [2, 3],
      ],
    ]),
    asserted: [pure([2, 2], [0, 0]), pure([2, 2], [1, 1])],
    byHand: [
      [
        [1 / 2, 1 / 2],
        [1 / 4, 3 / 4],
      ],
    ],
    complete: "all",
    finite: true,
    nondegenerate: true,
  },
  {
    id: "QuantEcon.py: 4-player unanimity game (pure)",
    source: "QuantEcon.py",
    // payoff (1,1,1,1) when all play 1, (2,2,2,2) when all play 2, else 0: the pure equilibria are
    // unanimity and every profile with at least two players on each action (no one alone changes
    // the outcome)
    cite: `${QE}/test_pure_nash.py::TestPureNashBruteForce (Unanimity Game, N = 4)`,
    ...tablesFromPayoff([2, 2, 2, 2], (_, s) =>
      s.every((a) => a === 0) ? 1 : s.every((a) => a === 1) ? 2 : 0,
    ),
    asserted: [
      [0, 0, 0, 0],
      [0, 0, 1, 1],
      [0, 1, 0, 1],
      [0, 1, 1, 0],
      [1, 0, 0, 1],
      [1, 0, 1, 0],
      [1, 1, 0, 0],
      [1, 1, 1, 1],
    ].map((s) => pure([2, 2, 2, 2], s)),
    complete: "pure",
    finite: false,
    nondegenerate: false,
  },
  {
    id: "QuantEcon.py: prisoners' dilemma with an ε-equilibrium",
    source: "QuantEcon.py",
    // with tol = 0 the only pure equilibrium is (2, 2); (1, 1) is an ε-equilibrium only (ε = 1e-8)
    cite: `${QE}/test_pure_nash.py::TestPureNashBruteForce::test_tol`,
    ...pairs([
      [
        [1, 1],
        [-2, 1 + 1e-8],
      ],
      [
        [1 + 1e-8, -2],
        [0, 0],
      ],
    ]),
    asserted: [pure([2, 2], [1, 1])],
    complete: "all",
    finite: true,
    nondegenerate: true,
  },
  {
    id: "QuantEcon.py: symmetric 2 × 2 coordination",
    source: "QuantEcon.py",
    // NormalFormGame of one square matrix: both players get M[own][other]. By hand the third
    // equilibrium is (2, 2): M[1][1] = 2 beats M[0][1] = 0
    cite: `${QE}/test_normal_form_game.py::TestNormalFormGame_Sym2p::test_is_nash_pure, test_is_nash_mixed`,
    ...bimatrixTables(
      [
        [4, 0],
        [3, 2],
      ],
      [
        [4, 3],
        [0, 2],
      ],
    ),
    asserted: [
      pure([2, 2], [0, 0]),
      [
        [2 / 3, 1 / 3],
        [2 / 3, 1 / 3],
      ],
    ],
    byHand: [pure([2, 2], [1, 1])],
    complete: "all",
    finite: true,
    nondegenerate: true,
  },
  {
    id: "QuantEcon.py: battle of the sexes (is_nash)",
    source: "QuantEcon.py",
    // the mixed equilibrium; (2, 1) is asserted not to be one. By hand the pure ones are (1, 1)
    // and (2, 2)
    cite: `${QE}/test_normal_form_game.py::TestNormalFormGame_Asym2p::test_is_nash_mixed`,
    ...pairs([
      [
        [3, 2],
        [1, 1],
      ],
      [
        [0, 0],
        [2, 3],
      ],
    ]),
    asserted: [
      [
        [3 / 4, 1 / 4],
        [1 / 4, 3 / 4],
      ],
    ],
    byHand: [pure([2, 2], [0, 0]), pure([2, 2], [1, 1])],
    complete: "all",
    finite: true,
    nondegenerate: true,
  },
  {
    id: "QuantEcon.py: symmetric 3-player game",
    source: "QuantEcon.py",
    // (1, 1, 1) is an equilibrium, and so is everyone playing action 2 with p = (1 + √65)/16,
    // an irrational probability (no exact method can print it; checked to 1e-9)
    cite: `${QE}/test_normal_form_game.py::TestNormalFormGame_3p::test_is_nash_pure, test_is_nash_mixed`,
    ...players(
      [2, 2, 2],
      [0, 1, 2].map(() => (a: readonly number[]) => at(THREE_PLAYER, a)),
    ),
    asserted: [
      pure([2, 2, 2], [0, 0, 0]),
      [0, 1, 2].map(() => [1 - THREE_PLAYER_P, THREE_PLAYER_P]),
    ],
    complete: "none",
    finite: false,
    nondegenerate: false,
  },
  {
    id: "QuantEcon.py: constant payoffs",
    source: "QuantEcon.py",
    cite: `${QE}/test_normal_form_game.py::test_normalformgame_constant_payoffs`,
    ...bimatrixTables(
      [
        [0, 0],
        [0, 0],
      ],
      [
        [0, 0],
        [0, 0],
      ],
    ),
    asserted: [
      pure([2, 2], [0, 0]),
      pure([2, 2], [0, 1]),
      pure([2, 2], [1, 0]),
      pure([2, 2], [1, 1]),
    ],
    complete: "all",
    finite: false,
    nondegenerate: false,
  },
  ...[2, 3, 4].map(
    (n): PeerGame => ({
      id: `QuantEcon.py: ${n}-player anti-coordination game (v = 2)`,
      source: "QuantEcon.py",
      // McLennan–Tourky asserts the symmetric equilibrium, action 1 with probability
      // p* = 1/v^(1/(N−1)) (irrational for N = 3, 4), to within 1e-5; from (2, 1, …, 1) it stops
      // at once: a pure equilibrium (player 1 alone on action 2 gets v, the others 1 > 0)
      cite: `${QE}/test_mclennan_tourky.py::TestMclennanTourky::test_pure_nash; TestEpsilonNash::test_epsilon_nash_with_full_output`,
      ...antiCoordination(n, 2),
      asserted: [
        Array.from({ length: n }, () => {
          const p = 1 / 2 ** (1 / (n - 1));
          return [p, 1 - p];
        }),
        pure(
          Array.from({ length: n }, () => 2),
          Array.from({ length: n }, (_, i) => (i === 0 ? 1 : 0)),
        ),
      ],
      complete: "none",
      finite: false,
      nondegenerate: false,
    }),
  ),
  {
    id: "QuantEcon.py: rock–paper–scissors polymatrix",
    source: "QuantEcon.py",
    // polym_lcp_solver's answer is checked with is_nash only; by hand the unique equilibrium
    // is uniform play (both players score with the same matrix: player 2's payoff M[own][other])
    cite: `${QE}/test_howson_lcp.py::test_solves_rock_paper_scissors`,
    ...bimatrixTables(RPS, transpose(RPS)),
    asserted: [],
    byHand: [
      [
        [1 / 3, 1 / 3, 1 / 3],
        [1 / 3, 1 / 3, 1 / 3],
      ],
    ],
    complete: "all",
    finite: true,
    nondegenerate: true,
    value: 0,
  },
  {
    id: "QuantEcon.py: rock–paper–scissors with a scissorless third player",
    source: "QuantEcon.py",
    // polym_lcp_solver's answer is checked with is_nash only: no profile asserted
    cite: `${QE}/test_howson_lcp.py::test_solves_rps_with_scissorless_third_player`,
    ...polymatrix([3, 3, 2], {
      "0,1": RPS_10,
      "0,2": [
        [0, -10],
        [15, 0],
        [-10, 0],
      ],
      "1,0": RPS_10,
      "1,2": [
        [0, -10],
        [15, 0],
        [-10, 0],
      ],
      "2,0": RPS_10.slice(0, 2),
      "2,1": RPS_10.slice(0, 2),
    }),
    asserted: [],
    complete: "none",
    finite: false,
    nondegenerate: false,
  },
  {
    id: "QuantEcon.py: rock–paper–scissors with a rocking third player",
    source: "QuantEcon.py",
    // polym_lcp_solver's answer is checked with is_nash only: no profile asserted
    cite: `${QE}/test_howson_lcp.py::test_solves_rps_with_rocking_third_player`,
    ...polymatrix([3, 3, 3], {
      "0,1": RPS_10,
      "0,2": [
        [0, -10, 0],
        [15, 0, -10],
        [-10, 0, -25],
      ],
      "1,0": RPS_10,
      "1,2": [
        [0, -10, 0],
        [15, 0, -10],
        [-10, 0, -25],
      ],
      "2,0": [...RPS_10.slice(0, 2), [0, -15, 25]],
      "2,1": [...RPS_10.slice(0, 2), [0, -15, 25]],
    }),
    asserted: [],
    complete: "none",
    finite: false,
    nondegenerate: false,
  },
];
