import { LinkageError } from "../errors/LinkageError.js";
import type { CheckedRedisUrl } from "../queue/checkRedisUrl.js";
import type { ChunkEngine } from "../sim/ChunkEngine.js";
import type { CliIo } from "./cliIo.js";

/** The engine flags of `linkage simulate` and `linkage run`, as commander gives them. */
export interface EngineFlagOptions {
  readonly engine?: string;
  readonly redis?: string;
  readonly insecure?: boolean;
}

/** Where a command's simulation chunks run, from its checked flags. */
export type EngineChoice =
  | { readonly kind: "local" }
  | { readonly kind: "bullmq"; readonly redis: CheckedRedisUrl };

/**
 * Checks `--engine local|bullmq`, `--redis URL` and `--insecure` together (before any work):
 * bullmq needs a Redis URL (checked by checkRedisUrl: a non-loopback host needs a password or
 * `--insecure`), and the local engine takes none.
 * @throws {LinkageError} E_INPUT for an unknown engine or an inconsistent combination
 */
export async function engineFlags(options: EngineFlagOptions): Promise<EngineChoice> {
  const engine = options.engine ?? "local";
  if (engine !== "local" && engine !== "bullmq") {
    throw new LinkageError("E_INPUT", `--engine ${engine}: expected local or bullmq`);
  }
  if (engine === "local") {
    if (options.redis !== undefined || options.insecure) {
      throw new LinkageError(
        "E_INPUT",
        `${options.redis !== undefined ? "--redis" : "--insecure"} is for --engine bullmq; add --engine bullmq to run the chunks on linkage worker processes`,
      );
    }
    return { kind: "local" };
  }
  if (options.redis === undefined) {
    throw new LinkageError(
      "E_INPUT",
      "--engine bullmq needs --redis redis://HOST:PORT, the Redis that linkage worker processes serve",
    );
  }
  const { checkRedisUrl } = await import("../queue/checkRedisUrl.js");
  return {
    kind: "bullmq",
    redis: checkRedisUrl(options.redis, { insecure: options.insecure ?? false }),
  };
}

/**
 * The chunk engine of a choice for one scenario (`undefined`: simulate's default local engine).
 * The queue's code (bullmq, ioredis) is loaded only when it is chosen; Redis is checked reachable
 * here, before the simulation starts.
 * @throws {LinkageError} E_INPUT naming the URL when Redis cannot be reached
 */
export async function chunkEngineFor(
  choice: EngineChoice,
  scenarioText: string,
  io: CliIo,
): Promise<ChunkEngine | undefined> {
  if (choice.kind === "local") return undefined;
  const { assertRedisReachable, bullmqChunkEngine } = await import("../queue/index.js");
  await assertRedisReachable(choice.redis);
  return bullmqChunkEngine({
    redis: choice.redis,
    scenarioText,
    notice: (line) => io.stderr(`linkage: note: ${line}\n`),
  });
}
