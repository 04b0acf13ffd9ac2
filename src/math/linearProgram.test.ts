import { describe, expect, it } from "vitest";
import { solveLinearProgram } from "./linearProgram.js";

describe("solveLinearProgram", () => {
  it("solves a small LP with free and bounded variables", async () => {
    const r = await solveLinearProgram({
      sense: "maximize",
      objective: [1, 2],
      constraints: [
        { coefficients: [1, 1], op: "<=", rhs: 1 },
        { coefficients: [1, -1], op: ">=", rhs: -3 },
      ],
      bounds: [
        [0, 1],
        [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY],
      ],
    });
    expect(r.status).toBe("optimal");
    if (r.status === "optimal") {
      expect(r.value).toBeCloseTo(2, 12);
      expect([...r.x]).toEqual([0, 1]);
    }
  });
  it("reports infeasible and unbounded programs", async () => {
    expect(
      (
        await solveLinearProgram({
          sense: "minimize",
          objective: [1],
          constraints: [{ coefficients: [1], op: "<=", rhs: -1 }],
        })
      ).status,
    ).toBe("infeasible");
    expect(
      (
        await solveLinearProgram({
          sense: "maximize",
          objective: [1],
          constraints: [{ coefficients: [1], op: ">=", rhs: 0 }],
        })
      ).status,
    ).toBe("unbounded");
  });
});
