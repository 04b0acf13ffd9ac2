import { LinkageError } from "../errors/LinkageError.js";
import type { StrategicGame } from "../games/strategicGame.js";
import { type LinearConstraint, solveLinearProgram } from "../math/linearProgram.js";
import {
  add,
  equals,
  formatRational,
  fromNumber,
  multiply,
  type Rational,
  subtract,
  toNumber,
  ZERO,
} from "../math/rational.js";
import { lemkeHowsonExact } from "./lemkeHowson.js";

/**
 * The solution of a two-player constant-sum game (A + B = c everywhere).
 * @typeParam S - a mixed strategy: `Float64Array` or `readonly Rational[]`
 * @typeParam V - a payoff: `number` or `Rational`
 */
export interface ZeroSumSolution<S, V> {
  /** `[x, y]`: an optimal (maximin) strategy of player 1, then one of player 2. */
  readonly strategies: readonly [S, S];
  /** `[v, c − v]`: what each player guarantees itself; xᵀAy = v at the solution. */
  readonly values: readonly [V, V];
  /** The constant c = Aᵢⱼ + Bᵢⱼ (0 for a zero-sum game). */
  readonly constant: V;
}

function twoPlayers(game: StrategicGame): { m: number; n: number } {
  if (game.players.length !== 2) {
    throw new LinkageError(
      "E_INPUT",
      `the zero-sum LP needs a two-player game; "${game.title}" has ${game.players.length} players`,
    );
  }
  return { m: game.strategies[0]!.length, n: game.strategies[1]!.length };
}

/**
 * The constant c with A + B = c, checked exactly on the game's exact payoffs (or on the exact
 * values of its doubles).
 */
function constantSum(game: StrategicGame, m: number): Rational {
  const exact = game.exactPayoffs ?? Array.from(game.payoffs, fromNumber);
  const sum = (k: number) => add(exact[2 * k]!, exact[2 * k + 1]!);
  const c = sum(0);
  const count = exact.length / 2;
  for (let k = 1; k < count; k++) {
    const s = sum(k);
    if (!equals(s, c)) {
      const name = game.title === "" ? "the game" : `"${game.title}"`;
      throw new LinkageError(
        "E_INPUT",
        `${name} is not constant-sum: payoffs of profile (1, 1) sum to ${formatRational(c)}, ` +
          `of (${(k % m) + 1}, ${Math.floor(k / m) + 1}) to ${formatRational(s)}`,
      );
    }
  }
  return c;
}

/** Clears the solver's tiny negative noise and rescales to a probability vector. */
function probabilities(values: ArrayLike<number>, count: number): Float64Array {
  const out = new Float64Array(count);
  let sum = 0;
  for (let i = 0; i < count; i++) {
    out[i] = Math.max(0, values[i]!);
    sum += out[i]!;
  }
  for (let i = 0; i < count; i++) out[i]! /= sum;
  return out;
}

/**
 * Value and optimal strategies of a two-player constant-sum game by linear programming (HiGHS).
 *
 * With A player 1's payoffs (B = c − A), player 1 solves
 *   max v  s.t.  Σᵢ xᵢAᵢⱼ ≥ v for every column j,  Σᵢ xᵢ = 1,  x ≥ 0  (v free),
 * and player 2 the dual, min w s.t. Σⱼ Aᵢⱼyⱼ ≤ w for every row i, Σⱼ yⱼ = 1, y ≥ 0. By the
 * minimax theorem v = w, the value of the game to player 1; player 2's is c − v. Both programs
 * are solved (the HiGHS adapter returns no duals). Strategies are cleaned of solver noise (negative
 * entries set to 0, renormalised). When the optimum is not unique, which optimal strategy comes
 * back is up to the solver.
 *
 * Sources: J. von Neumann (1928); G. B. Dantzig, "A proof of the equivalence of the programming
 * problem and the game problem" (1951); von Stengel (2007) §3.2 in Nisan et al., Algorithmic Game
 * Theory. Gambit's counterpart is `gambit-lp`.
 *
 * @throws {LinkageError} E_INPUT unless the game has two players and A + B is the same at every
 * profile ("… is not constant-sum: payoffs of profile (1, 1) sum to X, of (i, j) to Y", 1-based);
 * E_SOLVER when HiGHS fails
 * @example
 * // matching pennies
 * await zeroSumLp(strategicGameFromTables([2, 2], [[1, -1, -1, 1], [-1, 1, 1, -1]]))
 * // => { strategies: [[0.5, 0.5], [0.5, 0.5]], values: [0, 0], constant: 0 } (Float64Arrays)
 */
export async function zeroSumLp(
  game: StrategicGame,
): Promise<ZeroSumSolution<Float64Array, number>> {
  const { m, n } = twoPlayers(game);
  const constant = toNumber(constantSum(game, m));
  const a = (i: number, j: number) => game.payoffs[2 * (i + m * j)]!;
  const free: [number, number] = [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY];
  const unit: [number, number] = [0, Number.POSITIVE_INFINITY];

  const rowConstraints: LinearConstraint[] = [];
  for (let j = 0; j < n; j++) {
    const coefficients = new Float64Array(m + 1);
    for (let i = 0; i < m; i++) coefficients[i] = a(i, j);
    coefficients[m] = -1;
    rowConstraints.push({ coefficients, op: ">=", rhs: 0 });
  }
  rowConstraints.push({ coefficients: new Float64Array(m + 1).fill(1, 0, m), op: "=", rhs: 1 });
  const objective1 = new Float64Array(m + 1);
  objective1[m] = 1;

  const columnConstraints: LinearConstraint[] = [];
  for (let i = 0; i < m; i++) {
    const coefficients = new Float64Array(n + 1);
    for (let j = 0; j < n; j++) coefficients[j] = a(i, j);
    coefficients[n] = -1;
    columnConstraints.push({ coefficients, op: "<=", rhs: 0 });
  }
  columnConstraints.push({ coefficients: new Float64Array(n + 1).fill(1, 0, n), op: "=", rhs: 1 });
  const objective2 = new Float64Array(n + 1);
  objective2[n] = 1;

  const [row, column] = await Promise.all([
    solveLinearProgram({
      sense: "maximize",
      objective: objective1,
      constraints: rowConstraints,
      bounds: [...new Array<[number, number]>(m).fill(unit), free],
    }),
    solveLinearProgram({
      sense: "minimize",
      objective: objective2,
      constraints: columnConstraints,
      bounds: [...new Array<[number, number]>(n).fill(unit), free],
    }),
  ]);
  if (row.status !== "optimal" || column.status !== "optimal") {
    // both programs are feasible and bounded for every finite matrix
    throw new LinkageError(
      "E_SOLVER",
      `zero-sum LP: HiGHS reported ${row.status} / ${column.status} for a finite game`,
    );
  }
  return {
    strategies: [probabilities(row.x, m), probabilities(column.x, n)],
    values: [row.value, constant - column.value],
    constant,
  };
}

/**
 * {@link zeroSumLp} in exact rationals. Not by an exact simplex: in a constant-sum game every
 * Nash equilibrium is a pair of optimal strategies and its payoff is the value (minimax theorem),
 * so one exact Lemke–Howson path (label 0, {@link lemkeHowsonExact}) gives an exact solution;
 * v = xᵀAy is then computed exactly.
 * @throws {LinkageError} E_INPUT as {@link zeroSumLp}
 * @example
 * zeroSumLpExact(matchingPennies).strategies[0].map(formatRational) // => ["1/2", "1/2"]
 */
export function zeroSumLpExact(
  game: StrategicGame,
): ZeroSumSolution<readonly Rational[], Rational> {
  const { m, n } = twoPlayers(game);
  const constant = constantSum(game, m);
  const exact = game.exactPayoffs ?? Array.from(game.payoffs, fromNumber);
  const [x, y] = lemkeHowsonExact(game, { label: 0 }).strategies;
  let v = ZERO;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      const w = multiply(x[i]!, y[j]!);
      if (w.n !== 0n) v = add(v, multiply(w, exact[2 * (i + m * j)]!));
    }
  }
  return {
    strategies: [x, y],
    values: [v, subtract(constant, v)],
    constant,
  };
}
