import { LinkageError } from "../errors/LinkageError.js";
import type { ExtensiveGame } from "../games/extensiveGame.js";
import {
  type SequenceForm,
  type SparseMatrix,
  sequenceForm,
  sequenceToBehaviour,
} from "../games/sequenceForm.js";
import {
  type LinearConstraint,
  type LinearProgram,
  solveLinearProgram,
} from "../math/linearProgram.js";
import { add, equals, type Rational, rational, toNumber } from "../math/rational.js";

/** The solution of a two-player constant-sum extensive game by the sequence-form LP. */
export interface SequenceFormLpSolution {
  /** `[v, c − v]`: what each player guarantees itself (v = player 1's maximin value). */
  readonly values: readonly [number, number];
  /** The constant c = u₁ + u₂ of every play (0 for a zero-sum game). */
  readonly constant: number;
  /** Optimal (maximin) behaviour of both players, in Gambit's order (see behaviourLayout). */
  readonly behaviour: Float64Array;
  /** `[x, y]`: the optimal realisation plans, one entry per sequence. */
  readonly plans: readonly [Float64Array, Float64Array];
}

export interface SequenceFormLpOptions {
  /** A sequence form of `game` computed earlier. @default sequenceForm(game) */
  readonly sequenceForm?: SequenceForm;
}

/**
 * The constant c with A + B = c·C entrywise (C = the chance weights), or null when the game is
 * not constant-sum on the sequence form.
 */
function constantSum(sf: SequenceForm): Rational | null {
  const { aExact, bExact, chanceExact } = sf.payoffs;
  let c: Rational | null = null;
  for (let e = 0; e < aExact.length; e++) {
    const w = chanceExact[e]!;
    const sum = add(aExact[e]!, bExact[e]!);
    if (w.n === 0n) {
      if (sum.n !== 0n) return null;
      continue;
    }
    const per = rational(sum.n * w.d, sum.d * w.n);
    if (c === null) c = per;
    else if (!equals(c, per)) return null;
  }
  return c ?? { n: 0n, d: 1n };
}

/** Dense rows of Mᵀ for sparse M, as arrays of length `width` placed at `offset`. */
function denseColumns(m: SparseMatrix, width: number, offset: number, sign: number): number[][] {
  const rows = Array.from({ length: m.cols }, () => new Array<number>(width).fill(0));
  for (let k = 0; k < m.row.length; k++) rows[m.col[k]!]![offset + m.row[k]!] = sign * m.value[k]!;
  return rows;
}

/**
 * Player 1's maximin LP, or player 2's minimax LP, over one player's plan and the other's duals:
 *   player 1: max f_∅ q  s.t.  Ex = e, Fᵀq − Aᵀx ≤ 0, x ≥ 0, q free;
 *   player 2: min e_∅ p  s.t.  Fy = f, Eᵀp − Ay ≥ 0, y ≥ 0, p free.
 */
function maximinProgram(sf: SequenceForm, player: 0 | 1, scale: number): LinearProgram {
  const own = sf.players[player];
  const other = sf.players[1 - player]!;
  const n = own.size;
  const k = other.constraints.rows;
  const width = n + k;
  const constraints: LinearConstraint[] = [];
  // own plan constraints
  const planRows = Array.from({ length: own.constraints.rows }, () =>
    new Array<number>(width).fill(0),
  );
  const c = own.constraints;
  for (let e = 0; e < c.row.length; e++) planRows[c.row[e]!]![c.col[e]!] = c.value[e]!;
  planRows.forEach((coefficients, r) => {
    constraints.push({ coefficients, op: "=", rhs: r === 0 ? 1 : 0 });
  });
  // one row per sequence of the other player: (other's constraints)ᵀ dual − A-part ≤ 0 (or ≥ 0)
  const dualRows = denseColumns(other.constraints, width, n, 1);
  const { row, col, a } = sf.payoffs;
  for (let e = 0; e < row.length; e++) {
    const mine = player === 0 ? row[e]! : col[e]!;
    const theirs = player === 0 ? col[e]! : row[e]!;
    dualRows[theirs]![mine] = dualRows[theirs]![mine]! - a[e]! / scale;
  }
  for (const coefficients of dualRows) {
    constraints.push({ coefficients, op: player === 0 ? "<=" : ">=", rhs: 0 });
  }
  const objective = new Array<number>(width).fill(0);
  objective[n] = 1; // the dual of the empty-sequence row
  const bounds: (readonly [number, number])[] = [];
  for (let j = 0; j < width; j++) {
    bounds.push(
      j < n ? [0, Number.POSITIVE_INFINITY] : [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY],
    );
  }
  return { sense: player === 0 ? "maximize" : "minimize", objective, constraints, bounds };
}

/**
 * Solves a two-player constant-sum extensive game with perfect recall by the sequence-form linear
 * program, with HiGHS (solveLinearProgram). The strategic form is never built.
 *
 * Formulation (von Stengel 1996; Koller, Megiddo & von Stengel 1996): against a fixed plan x,
 * player 2 minimises xᵀAy over Fy = f, y ≥ 0, whose LP dual is max fᵀq s.t. Fᵀq ≤ Aᵀx. So
 * player 1's maximin plan solves
 *
 *   max_{x, q} fᵀq  s.t.  Ex = e,  Fᵀq − Aᵀx ≤ 0,  x ≥ 0,  q free,
 *
 * and player 2's plan solves the dual LP min_{y, p} eᵀp s.t. Fy = f, Eᵀp − Ay ≥ 0, y ≥ 0. Both
 * optima equal the value v (LP duality); payoffs are [v, c − v] when u₁ + u₂ = c on every play.
 * The LPs have |x| + |y| + sets rows and columns: linear in the size of the tree. The behaviour is
 * read off the plans by sequenceToBehaviour (uniform where a player's own plan never reaches a set).
 *
 * Sources: B. von Stengel, "Efficient computation of behavior strategies", GEB 14 (1996), §4;
 * Koller, Megiddo & von Stengel, GEB 14 (1996); von Stengel, ch. 3.10 of Nisan et al.,
 * Algorithmic Game Theory (2007).
 *
 * @throws {LinkageError} E_INPUT unless the game has two players and perfect recall, or when it is
 * not constant-sum (u₁ + u₂ must be the same constant on every play, chance-weighted per pair of
 * sequences); E_SOLVER when HiGHS fails
 * @example (await sequenceFormLp(pennies)).values // => [0, 0]
 */
export async function sequenceFormLp(
  game: ExtensiveGame,
  { sequenceForm: given }: SequenceFormLpOptions = {},
): Promise<SequenceFormLpSolution> {
  if (game.players.length !== 2) {
    throw new LinkageError(
      "E_INPUT",
      `the sequence-form LP needs a two-player game; "${game.title}" has ${game.players.length} players`,
    );
  }
  const sf = given ?? sequenceForm(game);
  const c = constantSum(sf);
  if (c === null) {
    throw new LinkageError(
      "E_INPUT",
      `the sequence-form LP needs a constant-sum game (u1 + u2 the same on every play); "${game.title}" is not`,
    );
  }
  // payoffs scaled to [−1, 1] so that HiGHS sees well-conditioned, plainly written coefficients
  let scale = 0;
  for (const v of sf.payoffs.a) scale = Math.max(scale, Math.abs(v));
  if (scale === 0) scale = 1;
  const results = await Promise.all([
    solveLinearProgram(maximinProgram(sf, 0, scale)),
    solveLinearProgram(maximinProgram(sf, 1, scale)),
  ]);
  const [r1, r2] = results;
  if (r1.status !== "optimal" || r2.status !== "optimal") {
    throw new LinkageError(
      "E_SOLVER",
      `sequence-form LP: HiGHS reported ${r1.status} / ${r2.status} for a game that has a value`,
    );
  }
  const [n1, n2] = [sf.players[0].size, sf.players[1].size];
  const x = r1.x.slice(0, n1);
  const y = r2.x.slice(0, n2);
  const v = r1.value * scale;
  const constant = toNumber(c);
  return {
    values: [v, constant - v],
    constant,
    behaviour: sequenceToBehaviour(game, sf, x, y),
    plans: [x, y],
  };
}
