import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { LinkageError } from "../errors/LinkageError.js";

/**
 * Reads a UTF-8 text file of at most `maxBytes`, checking before reading that it is a regular
 * file (not a folder, device or pipe such as /dev/zero) no larger than that, and never reading
 * more than `maxBytes + 1` bytes whatever the file does meanwhile.
 *
 * @param what - what the file is, for messages ("scenario", "game")
 * @throws {LinkageError} E_INPUT naming the path and what was expected
 */
export function readTextFile(path: string, maxBytes: number, what: string): string {
  const fail = (why: string, cause?: unknown): LinkageError =>
    new LinkageError("E_INPUT", `${path}: cannot read the ${what}: ${why}`, undefined, {
      cause,
    });
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw fail(
      code === "ENOENT"
        ? "no such file"
        : code === "EISDIR"
          ? `it is a directory, expected a ${what} file`
          : String((error as Error).message),
      error,
    );
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw fail(`it is a directory, expected a ${what} file`);
    if (!stat.isFile()) throw fail(`not a regular file, expected a ${what} file`);
    if (stat.size > maxBytes) throw fail(tooLarge(stat.size, maxBytes));
    const buffer = Buffer.allocUnsafe(Math.min(stat.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length > maxBytes) throw fail(tooLarge(length, maxBytes));
      if (length === buffer.length) break;
    }
    return buffer.toString("utf8", 0, length);
  } catch (error) {
    if (error instanceof LinkageError) throw error;
    throw fail(String((error as Error).message), error);
  } finally {
    closeSync(fd);
  }
}

function tooLarge(size: number, maxBytes: number): string {
  return `${size.toLocaleString("en-US")} bytes or more, above the limit of ${maxBytes.toLocaleString("en-US")} bytes`;
}
