import { describe, expect, it } from "vitest";
import { ExpressionError } from "./ExpressionError.js";
import { orderDefinitions } from "./orderDefinitions.js";
import { parseExpression } from "./parseExpression.js";

function defs(entries: Record<string, string>) {
  return Object.entries(entries).map(([name, text]) => ({ name, ast: parseExpression(text) }));
}

function cycleError(entries: Record<string, string>, same: readonly string[]): ExpressionError {
  try {
    orderDefinitions(defs(entries), { sameStepNames: new Set(same) });
  } catch (error) {
    if (error instanceof ExpressionError) return error;
    throw error;
  }
  throw new Error("expected a cycle");
}

describe("orderDefinitions", () => {
  it("puts a definition after the same-step definitions it reads", () => {
    const week = defs({
      lambda: "lambda0 * (I / I0) * exp(-(Kcap - K0)) * (1 + omega * s)",
      attacks: "poisson(lambda)",
      Kcap: "K0 + learn * t + kappa * s",
      I_next: "I * (1 + r * (1 - I / Imax) - aK * Kcap)",
    });
    const same = new Set(["lambda", "attacks", "Kcap", "I_next", "s", "t"]);
    expect(orderDefinitions(week, { sameStepNames: same })).toEqual([
      "Kcap",
      "lambda",
      "attacks",
      "I_next",
    ]);
  });

  it("keeps the given order when it is already valid, and ignores non-same-step references", () => {
    const list = defs({ a: "b + c", b: "a + 1", c: "2" });
    // `b` reads last step's `a` (not a same-step name), so there is no cycle.
    expect(orderDefinitions(list, { sameStepNames: new Set(["b", "c"]) })).toEqual(["b", "c", "a"]);
    expect(orderDefinitions(list, { sameStepNames: new Set() })).toEqual(["a", "b", "c"]);
    expect(orderDefinitions([], { sameStepNames: new Set() })).toEqual([]);
  });

  it("names a cycle from its first definition and points at the reference that closes it", () => {
    const error = cycleError(
      {
        Kcap: "K0 + 1",
        lambda: "lambda0 * exp(-Kcap) * (1 + attacks)",
        attacks: "poisson(lambda)",
      },
      ["Kcap", "lambda", "attacks"],
    );
    expect(error.message).toBe("cycle: lambda → attacks → lambda");
    expect(error.definition).toBe("lambda");
    expect([error.offset, error.length]).toEqual([28, 7]); // "attacks" in lambda's text
  });

  it("reports the shortest cycle through the earliest definition on one, skipping bystanders", () => {
    const error = cycleError({ out: "a + 1", a: "c + b", b: "c", c: "a * 2" }, [
      "out",
      "a",
      "b",
      "c",
    ]);
    expect(error.message).toBe("cycle: a → c → a");
    expect(error.definition).toBe("a");
    expect([error.offset, error.length]).toEqual([0, 1]);
  });

  it("detects self-reference", () => {
    const error = cycleError({ x: "1 + 2 * x" }, ["x"]);
    expect(error.message).toBe("cycle: x → x");
    expect([error.offset, error.length, error.definition]).toEqual([8, 1, "x"]);
  });

  it("refuses a name defined twice", () => {
    const list = [...defs({ a: "1" }), ...defs({ a: "2" })];
    expect(() => orderDefinitions(list, { sameStepNames: new Set(["a"]) })).toThrow(
      '"a" is defined more than once',
    );
  });
});
