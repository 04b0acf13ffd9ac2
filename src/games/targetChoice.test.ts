import { describe, expect, it } from "vitest";
import { concedes, concessionCount, prefersConceding } from "./targetChoice.js";

describe("targetChoice", () => {
  it("reads a choice's bits", () => {
    expect([0, 1, 2].map((j) => concedes(0b101, j))).toEqual([true, false, true]);
    expect(concessionCount(0)).toBe(0);
    expect(concessionCount(0b1011)).toBe(3);
    expect(concessionCount(0xffff)).toBe(16);
  });

  it("prefers more concessions, then the earlier-listed demand", () => {
    expect(prefersConceding(0b11, 0b100)).toBe(true);
    expect(prefersConceding(0b100, 0b11)).toBe(false);
    expect(prefersConceding(0b01, 0b10)).toBe(true);
    expect(prefersConceding(0b10, 0b01)).toBe(false);
    expect(prefersConceding(0b1010, 0b1100)).toBe(true);
    expect(prefersConceding(0b1100, 0b1010)).toBe(false);
    expect(prefersConceding(0b0110, 0b1010)).toBe(true);
    expect(prefersConceding(0b101, 0b101)).toBe(false);
  });

  it("orders all choices over 4 demands strictly", () => {
    const choices = Array.from({ length: 16 }, (_, c) => c);
    for (const a of choices)
      for (const b of choices)
        if (a !== b) expect(prefersConceding(a, b)).toBe(!prefersConceding(b, a));
    const sorted = [...choices].sort((a, b) => (prefersConceding(a, b) ? -1 : 1));
    expect(sorted.slice(0, 6)).toEqual([0b1111, 0b0111, 0b1011, 0b1101, 0b1110, 0b0011]);
    expect(sorted.at(-1)).toBe(0);
  });
});
