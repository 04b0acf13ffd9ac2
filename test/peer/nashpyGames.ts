/**
 * Games and equilibria asserted by Nashpy's own tests (MIT licence; see README.md), read at
 * drvinceknight/Nashpy@b80533daeec4e54a341b47a873efac96cf09a209. Nashpy writes a game as the row
 * player's matrix A and the column player's B; its Lemke–Howson labels are 0-based (rows first),
 * ours 1-based. Where Nashpy compares with `zip`, it checks a prefix of its solver's output only,
 * so those lists are not claims of completeness; completions checked by hand are in `byHand`,
 * with the reasoning beside them.
 */
import { bimatrixTables, negated, type PeerGame, pure } from "./PeerGame.js";

const NASHPY = "drvinceknight/Nashpy@b80533d tests/unit";

/** von Stengel (2007)'s 3 × 2 example, nondegenerate, three equilibria. */
const VON_STENGEL_A = [
  [3, 3],
  [2, 5],
  [0, 6],
];
const VON_STENGEL_B = [
  [3, 2],
  [2, 6],
  [3, 1],
];
const VON_STENGEL_PURE = [
  [1, 0, 0],
  [1, 0],
];
const VON_STENGEL_MIXED = [
  [0, 1 / 3, 2 / 3],
  [1 / 3, 2 / 3],
];

const MATCHING_PENNIES = [
  [1, -1],
  [-1, 1],
];
const HALF = [
  [1 / 2, 1 / 2],
  [1 / 2, 1 / 2],
];

/** The 4 × 3 game of Nashpy's support/vertex enumeration and Lemke–Howson tests. */
const FOUR_BY_THREE_A = [
  [160, 205, 44],
  [175, 180, 45],
  [201, 204, 50],
  [120, 207, 49],
];
const FOUR_BY_THREE_B = [
  [2, 2, 2],
  [1, 0, 0],
  [3, 4, 1],
  [4, 1, 2],
];

/** Nashpy issue 35/65: a degenerate 3 × 3 game (row 2 strictly dominates the others). */
const ISSUE_35 = [
  [-1, -1, -1],
  [0, 0, 0],
  [-1, -1, -10000],
];

/** Nashpy issue 67, its payoffs rounded to 5 decimals as the test does (np.round(A, 5)). */
const ISSUE_67_A = [
  [52.46337, 69.47196, 0.0, 54.14372],
  [77.0, 88.0, 84.85714, 92.4],
  [77.78571, 87.35294, 93.5, 91.38462],
  [66.37101, 43.45304, 0.0, 60.36192],
];
const ISSUE_67_B = [
  [23.52691, 17.35459, 88.209, 20.80217],
  [16.17165, 0.0, 14.00143, 6.46866],
  [0.0, 5.76529, 0.0, 0.0],
  [15.68327, 40.68156, 84.00857, 11.06597],
];

/** The 9 × 9 constant-sum game (B = 1 − A) of Nashpy's tie-breaking test. */
const TIE_BREAKING_A = [
  [0.0, 0.5, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0],
  [0.711, 0.0, 0.0, 0.5, 1.0, 1.0, 1.0, 1.0, 1.0],
  [1.0, 0.672, 0.0, 0.0, 0.5, 1.0, 1.0, 1.0, 1.0],
  [1.0, 1.0, 0.667, 0.0, 0.0, 0.5, 1.0, 1.0, 1.0],
  [1.0, 1.0, 1.0, 0.579, 0.0, 0.0, 0.5, 1.0, 1.0],
  [1.0, 1.0, 1.0, 1.0, 0.5, 0.0, 0.0, 0.5, 1.0],
  [1.0, 1.0, 1.0, 1.0, 1.0, 0.5, 0.0, 0.0, 1.0],
  [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.333, 0.0, 0.5],
  [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.0],
];

/** Nashpy's docs example for its zero-sum linear program: a modified rock–paper–scissors. */
const MINIMAX_M = [
  [0, 1, -1],
  [-1, 0, 1],
  [1, -1, 0],
  [1, -1, 1],
];

const RPS = [
  [0, -1, 1],
  [1, 0, -1],
  [-1, 1, 0],
];

export const NASHPY_GAMES: readonly PeerGame[] = [
  {
    id: "Nashpy: von Stengel's 3 × 2 game",
    source: "Nashpy",
    // test_vertex_enumeration.py::test_three_by_two_vertex_enumeration (all three, sorted);
    // test_lemke_howson.py::test_particular_lemke_howson_non_lex and …_with_lexicographic_ratio_test
    // (the end of the path from each label 0 … 4)
    cite: `${NASHPY}/test_vertex_enumeration.py::test_three_by_two_vertex_enumeration; test_lemke_howson.py::test_particular_lemke_howson_non_lex`,
    ...bimatrixTables(VON_STENGEL_A, VON_STENGEL_B),
    asserted: [
      VON_STENGEL_PURE,
      VON_STENGEL_MIXED,
      [
        [4 / 5, 1 / 5, 0],
        [2 / 3, 1 / 3],
      ],
    ],
    complete: "all",
    finite: true,
    nondegenerate: true,
    byLabel: [
      { label: 1, equilibrium: VON_STENGEL_PURE },
      { label: 2, equilibrium: VON_STENGEL_MIXED },
      { label: 3, equilibrium: VON_STENGEL_PURE },
      { label: 4, equilibrium: VON_STENGEL_PURE },
      { label: 5, equilibrium: VON_STENGEL_MIXED },
    ],
  },
  {
    id: "Nashpy: matching pennies",
    source: "Nashpy",
    // the unique equilibrium (no saddle point; the optimal strategies are unique) from every label
    cite: `${NASHPY}/test_lemke_howson.py::test_particular_lemke_howson_non_lex; test_vertex_enumeration.py::test_with_negative_utilities`,
    ...bimatrixTables(MATCHING_PENNIES, negated(MATCHING_PENNIES)),
    asserted: [HALF],
    complete: "all",
    finite: true,
    nondegenerate: true,
    byLabel: [1, 2, 3, 4].map((label) => ({ label, equilibrium: HALF })),
    value: 0,
  },
  {
    id: "Nashpy: degenerate 3 × 3 (issue 65)",
    source: "Nashpy",
    // lexicographic Lemke–Howson from every label ends at ((1/2, 1/2, 0), (0, 0, 1)). By hand it
    // is extreme: against column 3 every row pays 3, and column 3 is a best reply iff x2 ≥ x1 and
    // x2 + x3 ≥ x1, a polygon with vertices (0,1,0), (0,0,1), (1/2,1/2,0). Degenerate, so only
    // this one equilibrium is asserted.
    cite: `${NASHPY}/test_lemke_howson.py::test_particular_lemke_howson_with_lexicographic_ratio_test_with_degenerate_games`,
    ...bimatrixTables(
      [
        [1, 3, 3],
        [3, 1, 3],
        [1, 3, 3],
      ],
      [
        [3, 3, 1],
        [1, 1, 3],
        [3, 1, 3],
      ],
    ),
    asserted: [
      [
        [1 / 2, 1 / 2, 0],
        [0, 0, 1],
      ],
    ],
    complete: "none",
    finite: false,
    nondegenerate: false,
  },
  {
    id: "Nashpy: degenerate 3 × 3 (issues 35, 65)",
    source: "Nashpy",
    // Nashpy asserts ((0,1,0), (1,0,0)) from every label (lexicographic). By hand: row 2 strictly
    // dominates rows 1 and 3, and against row 2 the column player is indifferent, so the
    // equilibria are {row 2} × every column mixture: extreme ones are row 2 with each pure column.
    cite: `${NASHPY}/test_lemke_howson.py::test_particular_lemke_howson_with_lexicographic_ratio_test_with_degenerate_games; test_game.py::TestGame::test_degenerate_lemke_howson_provides_some_solution`,
    ...bimatrixTables(ISSUE_35, ISSUE_35),
    asserted: [pure([3, 3], [1, 0])],
    byHand: [pure([3, 3], [1, 1]), pure([3, 3], [1, 2])],
    complete: "all",
    finite: false,
    nondegenerate: false,
  },
  {
    id: "Nashpy: 9 × 9 constant-sum tie-breaking game",
    source: "Nashpy",
    // Nashpy asserts the row player's payoff 0.75872890672 ("from support vector calc", within
    // 1e-7) at every equilibrium Lemke–Howson finds; B = 1 − A, so it is the game's value
    cite: `${NASHPY}/test_lemke_howson.py::test_lemke_howson_lex_degenerate_tie_breaking_looping`,
    // (1 − 0.711 is 0.28900000000000003 in doubles: B is rounded back to the decimals it stands
    // for, so that the game is exactly constant-sum, as Nashpy means it)
    ...bimatrixTables(
      TIE_BREAKING_A,
      TIE_BREAKING_A.map((row) => row.map((a) => Math.round((1 - a) * 1000) / 1000)),
    ),
    asserted: [],
    complete: "none",
    finite: false,
    nondegenerate: false,
    value: 0.75872890672,
    tolerance: 1e-7,
  },
  {
    id: "Nashpy: 4 × 3 game",
    source: "Nashpy",
    // the first equilibrium of support and vertex enumeration, and Lemke–Howson from label 4
    // (our 5). Row 1 leaves the column player indifferent among all three columns: degenerate.
    cite: `${NASHPY}/test_game.py::TestGame::test_support_enumeration_for_bi_matrix, test_vertex_enumeration_for_bi_matrix, test_lemke_howson_for_bi_matrix`,
    ...bimatrixTables(FOUR_BY_THREE_A, FOUR_BY_THREE_B),
    asserted: [
      [
        [0, 0, 3 / 4, 1 / 4],
        [1 / 28, 27 / 28, 0],
      ],
    ],
    complete: "none",
    finite: false,
    nondegenerate: false,
  },
  {
    id: "Nashpy: 2 × 2 with three equilibria (a)",
    source: "Nashpy",
    // a nondegenerate 2 × 2 game has at most three equilibria: these are all of them
    cite: `${NASHPY}/test_game.py::TestGame::test_support_enumeration_for_bi_matrix, test_vertex_enumeration_for_bi_matrix`,
    ...bimatrixTables(
      [
        [1, 0],
        [-2, 3],
      ],
      [
        [3, 2],
        [-1, 0],
      ],
    ),
    asserted: [pure([2, 2], [0, 0]), pure([2, 2], [1, 1]), HALF],
    complete: "all",
    finite: true,
    nondegenerate: true,
  },
  {
    id: "Nashpy: 2 × 2 with three equilibria (b)",
    source: "Nashpy",
    cite: `${NASHPY}/test_game.py::TestGame::test_support_enumeration_for_bi_matrix, test_vertex_enumeration_for_bi_matrix; test_support_enumeration.py::test_indifference_strategies`,
    ...bimatrixTables(
      [
        [2, 1],
        [0, 2],
      ],
      [
        [2, 0],
        [1, 2],
      ],
    ),
    asserted: [
      pure([2, 2], [0, 0]),
      pure([2, 2], [1, 1]),
      [
        [1 / 3, 2 / 3],
        [1 / 3, 2 / 3],
      ],
    ],
    complete: "all",
    finite: true,
    nondegenerate: true,
  },
  {
    id: "Nashpy: degenerate zero-sum 2 × 2",
    source: "Nashpy",
    // support enumeration (with a degeneracy warning) lists ((1,0),(1,0)) and ((0,1),(1,0)); the
    // linear program returns ((1,0),(1,0)). By hand: column 1 is the column player's unique
    // optimal strategy (it pays −1 to the row player whatever he does) and every row mixture is
    // optimal, so the equilibria are a segment with those two ends; the value is −1
    cite: `${NASHPY}/test_game.py::TestGame::test_support_enumeration_for_degenerate_bi_matrix_game, test_linear_program_for_zero_sum_games`,
    ...bimatrixTables(
      [
        [-1, 0],
        [-1, 1],
      ],
      [
        [1, 0],
        [1, -1],
      ],
    ),
    asserted: [pure([2, 2], [0, 0]), pure([2, 2], [1, 0])],
    complete: "all",
    finite: false,
    nondegenerate: false,
    value: -1,
  },
  {
    id: "Nashpy: degenerate 3 × 2",
    source: "Nashpy",
    // Nashpy lists two (zip: a prefix); the third extreme one, (row 1, (2/3, 1/3)), is the end of
    // the segment row 1 × {y₁ ≥ 2/3} (row 1 pays 3, row 2 pays 5 − 3y₁, row 3 pays 6 − 6y₁;
    // the column player is indifferent against row 1). QuantEcon.py asserts all three.
    cite: `${NASHPY}/test_game.py::TestGame::test_support_enumeration_for_degenerate_bi_matrix_game`,
    ...bimatrixTables(VON_STENGEL_A, [
      [3, 3],
      [2, 6],
      [3, 1],
    ]),
    asserted: [VON_STENGEL_PURE, VON_STENGEL_MIXED],
    byHand: [
      [
        [1, 0, 0],
        [2 / 3, 1 / 3],
      ],
    ],
    complete: "all",
    finite: false,
    nondegenerate: false,
  },
  {
    id: "Nashpy: all-zero 2 × 2",
    source: "Nashpy",
    // every profile is an equilibrium; the four pure ones are the extreme ones
    cite: `${NASHPY}/test_game.py::TestGame::test_support_enumeration_for_degenerate_bi_matrix_game`,
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
    value: 0,
  },
  {
    id: "Nashpy: issue 67 (4 × 4, rounded payoffs)",
    source: "Nashpy",
    // support enumeration returns exactly one equilibrium (len(eqs) == 1), asserted with
    // np.isclose (relative 1e-5). Discrepancy: the expected profile is that of the UNROUNDED
    // payoffs (the column strategy 0.4516129 = 0.64705882/1.43276995 from rows 2 and 3 of the
    // original A); with the payoffs rounded to 5 decimals, as the test solves, it is
    // 0.64706/1.43277 = 0.45161470…, 1.8e-6 away, which Nashpy's rtol = 1e-5 hides. Checked
    // here with Nashpy's own tolerance.
    cite: `${NASHPY}/test_game.py::TestGame::test_support_enumeration_for_particular_game`,
    ...bimatrixTables(ISSUE_67_A, ISSUE_67_B),
    asserted: [
      [
        [0, 0.262812089, 0.737187911, 0],
        [0.4516129, 0.5483871, 0, 0],
      ],
    ],
    complete: "all",
    finite: true,
    nondegenerate: true,
    tolerance: 1e-5,
  },
  {
    id: "Nashpy: 2 × 2 coordination (Lemke–Howson enumeration)",
    source: "Nashpy",
    // Lemke–Howson from labels 0 and 1 (our 1 and 2) ends at the two pure equilibria (zip with a
    // two-entry list). By hand the third is ((3/4, 1/4), (1/4, 3/4)): row indifferent when
    // 3y + (1 − y) = 2(1 − y), column when 2x = x + 3(1 − x).
    cite: `${NASHPY}/test_game.py::TestGame::test_lemke_howson_enumeration`,
    ...bimatrixTables(
      [
        [3, 1],
        [0, 2],
      ],
      [
        [2, 1],
        [0, 3],
      ],
    ),
    asserted: [pure([2, 2], [0, 0]), pure([2, 2], [1, 1])],
    byHand: [
      [
        [3 / 4, 1 / 4],
        [1 / 4, 3 / 4],
      ],
    ],
    complete: "all",
    finite: true,
    nondegenerate: true,
    byLabel: [
      { label: 1, equilibrium: pure([2, 2], [0, 0]) },
      { label: 2, equilibrium: pure([2, 2], [1, 1]) },
    ],
  },
  {
    id: "Nashpy: 2 × 2 without pure equilibria",
    source: "Nashpy",
    // the unique equilibrium, from all four labels
    cite: `${NASHPY}/test_game.py::TestGame::test_lemke_howson_enumeration`,
    ...bimatrixTables(
      [
        [3, 1],
        [1, 3],
      ],
      [
        [1, 3],
        [3, 1],
      ],
    ),
    asserted: [HALF],
    complete: "all",
    finite: true,
    nondegenerate: true,
    byLabel: [1, 2, 3, 4].map((label) => ({ label, equilibrium: HALF })),
  },
  {
    id: "Nashpy: regret minimisation, non-zero-sum 3 × 3",
    source: "Nashpy",
    // the pure equilibrium (row 2, column 3): 6 is the best of column 3, 3 the best of row 2
    cite: `${NASHPY}/test_game.py::TestGame::test_regret_minimization_non_zerosum_game; test_regret_minimization.py::test_regret_minimization_non_zerosum_game`,
    ...bimatrixTables(
      [
        [3, -1, 3],
        [-1, 3, 6],
        [-1, 1, 2],
      ],
      [
        [-3, 1, 4],
        [1, -3, 3],
        [-1, 3, 4],
      ],
    ),
    asserted: [pure([3, 3], [1, 2])],
    complete: "none",
    finite: false,
    nondegenerate: false,
  },
  {
    id: "Nashpy: rock–paper–scissors",
    source: "Nashpy",
    // uniform play, the unique equilibrium (the optimal strategies of this zero-sum game are unique)
    cite: `${NASHPY}/test_regret_minimization.py::test_regret_minimization_for_zerosum_game; test_support_enumeration.py::test_is_ne`,
    ...bimatrixTables(RPS, negated(RPS)),
    asserted: [
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
    id: "Nashpy: modified rock–paper–scissors (minimax docs example)",
    source: "Nashpy",
    // the row player's optimal strategy from linear_program(M) and the column player's from
    // linear_program(−Mᵀ) (np.allclose, 8 digits printed); value 1/9 (each column pays 1/9
    // against the row strategy, and no row gets more than 1/9 against the column strategy)
    cite: `${NASHPY}/test_minimax.py::test_linear_program_for_matrix_in_docs_for_row_player, …_for_column_player`,
    ...bimatrixTables(MINIMAX_M, negated(MINIMAX_M)),
    asserted: [
      [
        [4 / 9, 2 / 9, 0, 1 / 3],
        [2 / 9, 4 / 9, 1 / 3],
      ],
    ],
    complete: "none",
    finite: false,
    nondegenerate: false,
    value: 1 / 9,
  },
];
