import type { Command } from "commander";

/**
 * Adds the queue-engine flags of `simulate`, `run` and `sweep` to a command, in this order:
 * `--engine`, `--redis`, `--insecure` and `--resume` (checked together by engineFlags). Only
 * `--engine`'s help differs between the commands: `local` is its words up to the local engine,
 * what executes there and how the command calls the local engine.
 * @example addEngineOptions(program.command("sweep"), "where each point's chunks execute: local (the default)")
 * // --engine's help: "where each point's chunks execute: local (the default) or bullmq (…); the numbers are the same"
 */
export function addEngineOptions(command: Command, local: string): Command {
  return command
    .option(
      "--engine <engine>",
      `${local} or bullmq (linkage worker processes through --redis); the numbers are the same`,
    )
    .option("--redis <url>", "with --engine bullmq: the Redis the workers serve, redis://HOST:PORT")
    .option("--insecure", "accept a Redis on another machine without a password")
    .option(
      "--resume <id>",
      "with --engine bullmq: finish the stopped batch with this id (printed when it started), reusing its finished chunks",
    );
}
