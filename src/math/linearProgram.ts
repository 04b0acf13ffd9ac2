import highs, { type Highs, type InitOptions } from "highs";
import { LinkageError } from "../errors/LinkageError.js";

/** HiGHS's loader, spelled out: `typeof highs.default` holds under NodeNext but not under a bundler's resolution (the page's). */
type Loader = (options?: InitOptions) => Promise<Highs>;
// highs' typings are CommonJS-flavoured under NodeNext; at run time the ESM default is the loader
const loadHighs: Loader =
  (highs as unknown as { default?: Loader }).default ?? (highs as unknown as Loader);
let solver: ReturnType<Loader> | undefined;

/** One linear constraint Σ_j coefficients[j]·x_j (op) rhs. */
export interface LinearConstraint {
  readonly coefficients: ArrayLike<number>;
  readonly op: "<=" | ">=" | "=";
  readonly rhs: number;
}

/** A linear program over variables x_0 … x_{n−1}. */
export interface LinearProgram {
  readonly sense: "maximize" | "minimize";
  readonly objective: ArrayLike<number>;
  readonly constraints: readonly LinearConstraint[];
  /** Per variable [lower, upper]; ±Infinity for none. @default [0, +∞) for every variable */
  readonly bounds?: readonly (readonly [number, number])[];
}

export type LinearProgramResult =
  | { readonly status: "optimal"; readonly value: number; readonly x: Float64Array }
  | { readonly status: "infeasible" | "unbounded" };

/**
 * Solves a linear program with HiGHS (WebAssembly; loaded once, on first use).
 * @throws {LinkageError} E_SOLVER when HiGHS fails for a reason other than infeasibility or unboundedness
 */
export async function solveLinearProgram(lp: LinearProgram): Promise<LinearProgramResult> {
  solver ??= loadHighs();
  const h = await solver;
  const n = lp.objective.length;
  const term = (c: number, j: number, first: boolean) => {
    if (c === 0) return "";
    const sign = c < 0 ? "-" : first ? "" : "+";
    return ` ${sign} ${formatNumber(Math.abs(c))} x${j}`;
  };
  const expression = (coefficients: ArrayLike<number>) => {
    let text = "";
    for (let j = 0; j < n; j++) text += term(coefficients[j]!, j, text === "");
    return text === "" ? " 0 x0" : text;
  };
  const lines = [
    lp.sense === "maximize" ? "Maximize" : "Minimize",
    ` obj:${expression(lp.objective)}`,
    "Subject To",
  ];
  for (const [i, c] of lp.constraints.entries()) {
    lines.push(` c${i}:${expression(c.coefficients)} ${c.op} ${formatNumber(c.rhs)}`);
  }
  lines.push("Bounds");
  for (let j = 0; j < n; j++) {
    const [lo, hi] = lp.bounds?.[j] ?? [0, Number.POSITIVE_INFINITY];
    const lower = lo === Number.NEGATIVE_INFINITY ? "-inf" : formatNumber(lo);
    const upper = hi === Number.POSITIVE_INFINITY ? "+inf" : formatNumber(hi);
    lines.push(` ${lower} <= x${j} <= ${upper}`);
  }
  lines.push("End");
  const solution = h.solve(lines.join("\n"), { presolve: "off" });
  switch (solution.Status) {
    case "Optimal": {
      const x = new Float64Array(n);
      for (let j = 0; j < n; j++) x[j] = solution.Columns[`x${j}`]?.Primal ?? 0;
      return { status: "optimal", value: solution.ObjectiveValue, x };
    }
    case "Infeasible":
      return { status: "infeasible" };
    case "Unbounded":
    case "Primal infeasible or unbounded":
      return { status: "unbounded" };
    default:
      throw new LinkageError(
        "E_SOLVER",
        `linear program: HiGHS stopped with status "${solution.Status}"`,
      );
  }
}

function formatNumber(x: number): string {
  if (!Number.isFinite(x))
    throw new LinkageError("E_DOMAIN", `linear program: coefficient ${x} is not finite`);
  return String(x);
}
