import { describe, expect, it } from "vitest";
import { LinkageError } from "../errors/LinkageError.js";
import { queueFailureError, queueFailureText } from "./queueFailure.js";

describe("a chunk's failure across the queue", () => {
  it("a job refused for its format says the worker is of another linkage version", () => {
    for (const reason of [
      "[E_INPUT] chunk job refused: chunk.format: Invalid input: expected 1",
      "[E_INPUT] chunk job refused: it was queued by a linkage of another version (job format 3, this worker reads format 2); run the same linkage version on the workers and the coordinator",
    ]) {
      const error = queueFailureError(reason, "the job of runs 0+250 (chunk-ab)");
      expect(error).toBeInstanceOf(LinkageError);
      expect(error.message).toMatch(
        /^the job of runs 0\+250 \(chunk-ab\) was refused by a linkage worker of another version \(chunk job refused: .*\); run the same linkage version on the workers as on this machine$/,
      );
    }
  });

  it("keeps a LinkageError's code and message", () => {
    const text = queueFailureText(new LinkageError("E_DOMAIN", "run 7: attacks is NaN\nin week 3"));
    expect(text).toBe("[E_DOMAIN] run 7: attacks is NaN\nin week 3");
    const back = queueFailureError(text, "chunk 0");
    expect(back).toBeInstanceOf(LinkageError);
    expect((back as LinkageError).code).toBe("E_DOMAIN");
    expect(back.message).toBe("run 7: attacks is NaN\nin week 3");
  });

  it("reports a bug as a plain error, and a stalled chunk as the environment's problem", () => {
    const bug = queueFailureError(queueFailureText(new TypeError("x is undefined")), "chunk 2");
    expect(bug).not.toBeInstanceOf(LinkageError);
    expect(bug.message).toBe("a chunk failed on a worker (chunk 2): x is undefined");
    const stalled = queueFailureError("job stalled more than allowable limit", "chunk 3");
    expect((stalled as LinkageError).code).toBe("E_INPUT");
    expect(stalled.message).toBe(
      "chunk 3 failed on the workers: job stalled more than allowable limit",
    );
  });
});
