import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { LinkageError } from "../errors/LinkageError.js";

/**
 * Writes a file by writing a temporary sibling and renaming it over the target, so a failure
 * midway never leaves a half-written file where a good one was.
 * @throws {LinkageError} E_INPUT when the directory cannot be created or the file written
 */
export function writeFileAtomic(path: string, contents: string): void {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(temporary, contents);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new LinkageError(
      "E_INPUT",
      `${path}: cannot write: ${(error as Error).message}`,
      undefined,
      { cause: error },
    );
  }
}
