import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { isLinkageError } from "../errors/LinkageError.js";
import { parseScenario } from "./parseScenario.js";

const FLAGSHIP = readFileSync(
  fileURLToPath(new URL("../../scenarios/kabul-2021.yaml", import.meta.url)),
  "utf8",
);

/** The flagship with one expression replaced; returns the error message and the line the change is on. */
function errorFor(find: string, replace: string): { message: string; line: number; text: string } {
  const at = FLAGSHIP.indexOf(find);
  if (at < 0) throw new Error(`fixture: "${find}" not in the flagship`);
  const text = FLAGSHIP.slice(0, at) + replace + FLAGSHIP.slice(at + find.length);
  const line = text.slice(0, at).split("\n").length;
  try {
    parseScenario(text, "k.yaml");
  } catch (error) {
    expect(isLinkageError(error)).toBe(true);
    return { message: (error as Error).message, line, text };
  }
  throw new Error("expected the scenario to be refused");
}

/** 1-based column of `needle` on line `line` of `text`. */
function columnOf(text: string, line: number, needle: string): number {
  return text.split("\n")[line - 1]!.indexOf(needle) + 1;
}

describe("dynamics expressions are checked at load time, with line and column", () => {
  it("an unknown name, with suggestions", () => {
    const { message, line, text } = errorFor('Kcap: "K0 + learn * t', 'Kcap: "K0 + lern * t');
    expect(message).toContain(
      `k.yaml:${line}:${columnOf(text, line, "lern")}: dynamics.week.Kcap:`,
    );
    expect(message).toMatch(/unknown name "lern".*learn/);
  });

  it("a wrong number of arguments", () => {
    const { message, line, text } = errorFor(
      'next: "max(suspended, alqaeda)"',
      'next: "clamp(suspended, alqaeda)"',
    );
    expect(message).toContain(`k.yaml:${line}:${columnOf(text, line, "clamp")}:`);
    expect(message).toMatch(/clamp takes 3 arguments, found 2/);
  });

  it("a division by a literal zero", () => {
    const { message, line, text } = errorFor("chiN * attacks / Nref", "chiN * attacks / 0");
    expect(message).toContain(`k.yaml:${line}:${columnOf(text, line, "0,")}:`);
    expect(message).toMatch(/division by zero/i);
  });

  it("a cycle among the week's values", () => {
    const { message } = errorFor(
      'rate: "lambda0 * (I / I0)',
      'rate: "attacks + lambda0 * (I / I0)',
    );
    expect(message).toMatch(
      /dynamics\.week\.(rate|attacks).*cycle: (rate → attacks → rate|attacks → rate → attacks)/,
    );
  });

  it("a syntax error", () => {
    const { message, line } = errorFor('attacks: "poisson(rate)"', 'attacks: "poisson(rate"');
    expect(message).toContain(`k.yaml:${line}:`);
    expect(message).toMatch(/expected "\)"/);
  });

  it("a name clash between a state variable and a parameter, and an unknown series", () => {
    expect(
      errorFor(
        "    suspended: # 1 once",
        '    I0: { initial: 0, next: "0" }\n    suspended: # 1 once',
      ).message,
    ).toMatch(/dynamics\.state: "I0" is already a parameter/);
    expect(errorFor("series: [attacks,", "series: [atacks,").message).toMatch(
      /unknown series "atacks"/,
    );
  });

  it("weekly signals only for hidden demands; weekly costs only for known demands", () => {
    expect(
      errorFor(
        "      alqaeda: { falsePositive: alpha_w",
        "      evacuation: { falsePositive: alpha_w",
      ).message,
    ).toMatch(/demand "evacuation" is observable/);
    expect(errorFor("      evacuation: cE\n", "      evacuate: cE\n").message).toMatch(
      /unknown demand "evacuate"/,
    );
  });
});
