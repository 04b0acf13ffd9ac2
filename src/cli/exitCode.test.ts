import { describe, expect, it } from "vitest";
import { LinkageError } from "../errors/LinkageError.js";
import { EXIT_INPUT, EXIT_INTERNAL, exitCodeFor } from "./exitCode.js";

describe("exitCodeFor", () => {
  it("gives 2 for the user's input", () => {
    expect(exitCodeFor(new LinkageError("E_INPUT", "bad flag"))).toEqual({
      code: EXIT_INPUT,
      message: "bad flag",
    });
    expect(exitCodeFor(new LinkageError("E_SCENARIO", "bad scenario")).code).toBe(EXIT_INPUT);
  });

  it("gives 2 for the environment (a full disk, a refused permission)", () => {
    const full = Object.assign(new Error("ENOSPC: no space left on device, write"), {
      code: "ENOSPC",
      syscall: "write",
    });
    const r = exitCodeFor(full);
    expect(r.code).toBe(EXIT_INPUT);
    expect(r.message).toMatch(/^write: ENOSPC: no space left/);
  });

  it("gives 1 and a one-line apology with a hint to report for a genuine fault", () => {
    const r = exitCodeFor(new TypeError("x is undefined\n    at somewhere (file.js:1:1)"));
    expect(r.code).toBe(EXIT_INTERNAL);
    expect(r.message).toMatch(
      /^internal error, sorry — this is a bug in Linkage: x is undefined\. Please report it/,
    );
    expect(r.message).not.toContain("\n");
    expect(exitCodeFor(new LinkageError("E_SOLVER", "ray")).code).toBe(EXIT_INTERNAL);
  });
});
