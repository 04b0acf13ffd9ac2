import { describe, expect, it } from "vitest";
import { sourceCitations } from "./sourceCitations.js";

const KEYS = new Set(["un-sg-isil-2022", "un-sg-isil-2022b", "gtd", "a.b"]);

describe("sourceCitations", () => {
  it("cuts a text into plain text and the keys it cites", () => {
    expect(sourceCitations("gtd: 160 events; approaching 4,000 (un-sg-isil-2022)", KEYS)).toEqual([
      { kind: "key", key: "gtd" },
      { kind: "text", text: ": 160 events; approaching 4,000 (" },
      { kind: "key", key: "un-sg-isil-2022" },
      { kind: "text", text: ")" },
    ]);
  });

  it("matches whole keys only, the longest first, with regular-expression characters as text", () => {
    expect(sourceCitations("un-sg-isil-2022b", KEYS)).toEqual([
      { kind: "key", key: "un-sg-isil-2022b" },
    ]);
    expect(sourceCitations("gtd-hawkes-fit and my_gtd", KEYS)).toEqual([
      { kind: "text", text: "gtd-hawkes-fit and my_gtd" },
    ]);
    expect(sourceCitations("a.b axb", KEYS)).toEqual([
      { kind: "key", key: "a.b" },
      { kind: "text", text: " axb" },
    ]);
  });

  it("gives plain text when nothing is cited, and nothing for an empty text", () => {
    expect(sourceCitations("A judgement", KEYS)).toEqual([{ kind: "text", text: "A judgement" }]);
    expect(sourceCitations("A judgement", new Set())).toEqual([
      { kind: "text", text: "A judgement" },
    ]);
    expect(sourceCitations("", KEYS)).toEqual([]);
  });
});
