import { describe, expect, it } from "vitest";
import { closestNames, quoteAlternatives } from "./closestNames.js";

const SECTIONS = ["linkage", "id", "title", "parameters", "actors", "dynamics", "demands"];

describe("closestNames", () => {
  it("finds a name one or two edits away", () => {
    expect(closestNames("paramters", SECTIONS)).toEqual(["parameters"]);
    expect(closestNames("dynamcs", SECTIONS)).toEqual(["dynamics"]);
    expect(closestNames("sigma_su", ["sigma_sub", "sigma", "mu0"])).toEqual(["sigma_sub"]);
  });

  it("counts two swapped neighbours as one edit", () => {
    expect(closestNames("valeu", ["value", "label", "unit"])).toEqual(["value"]);
    expect(closestNames("di", SECTIONS)).toEqual(["id"]);
  });

  it("matches case-insensitively and by prefix, nearest first", () => {
    expect(closestNames("Poisson", ["poisson", "normal"])).toEqual(["poisson"]);
    expect(closestNames("dyn", SECTIONS)).toEqual(["dynamics"]);
    expect(closestNames("Im", ["I", "Imax", "x"])).toEqual(["I", "Imax"]);
  });

  it("suggests nothing far away, nor for one letter", () => {
    expect(closestNames("visible", ["observable", "costToTarget"])).toEqual([]);
    expect(closestNames("q", ["r", "s"])).toEqual([]);
  });
});

describe("quoteAlternatives", () => {
  it("joins with commas and a final or", () => {
    expect(quoteAlternatives(["a"])).toBe('"a"');
    expect(quoteAlternatives(["a", "b", "c"])).toBe('"a", "b" or "c"');
  });
});
