import { describe, expect, it } from "vitest";
import { engineCommandFlags, engineFlags } from "./engineFlags.js";

describe("the engine flags in a recorded command line", () => {
  it("none for the local engine", async () => {
    expect(engineCommandFlags(await engineFlags({}))).toEqual([]);
    expect(engineCommandFlags(await engineFlags({ engine: "local" }))).toEqual([]);
  });

  it("the engine and the Redis, its password never shown; --insecure kept, --resume left out", async () => {
    const choice = await engineFlags({
      engine: "bullmq",
      redis: "redis://:secret@10.0.0.5:6379",
      resume: "0f1e2d3c",
    });
    expect(engineCommandFlags(choice)).toEqual([
      "--engine bullmq",
      "--redis redis://:***@10.0.0.5:6379",
    ]);
    expect(JSON.stringify(choice.kind === "bullmq" ? choice.redis.display : "")).not.toContain(
      "secret",
    );
    const open = await engineFlags({ engine: "bullmq", redis: "redis://10.0.0.5", insecure: true });
    expect(engineCommandFlags(open)).toEqual([
      "--engine bullmq",
      "--redis redis://10.0.0.5",
      "--insecure",
    ]);
  });
});
