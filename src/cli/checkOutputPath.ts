import { accessSync, constants, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { LinkageError } from "../errors/LinkageError.js";

/**
 * Checks, before any work, that `dir` can hold the command's output files: it is a folder, or
 * does not exist yet and its nearest existing ancestor is a folder we may write in.
 * @throws {LinkageError} E_INPUT naming the flag and the path
 */
export function checkOutputFolder(flag: string, dir: string): void {
  const kind = pathKind(dir);
  if (kind === "folder") {
    requireWritable(flag, dir, dir);
    return;
  }
  if (kind === "other") {
    throw new LinkageError("E_INPUT", `${flag} ${dir}: exists and is not a folder`);
  }
  requireWritable(flag, dir, nearestExistingAncestor(flag, dir));
}

/**
 * Checks, before any work, that `file` can be written: it is not a folder, and its folder exists
 * (or can be made) and may be written in.
 * @throws {LinkageError} E_INPUT naming the flag and the path
 */
export function checkOutputFile(flag: string, file: string): void {
  if (pathKind(file) === "folder") {
    throw new LinkageError("E_INPUT", `${flag} ${file}: is a folder; expected a file name`);
  }
  const parent = dirname(resolve(file));
  const kind = pathKind(parent);
  if (kind === "other") {
    throw new LinkageError("E_INPUT", `${flag} ${file}: ${parent} is not a folder`);
  }
  requireWritable(flag, file, kind === "folder" ? parent : nearestExistingAncestor(flag, parent));
}

function pathKind(path: string): "folder" | "other" | "missing" {
  try {
    return statSync(path).isDirectory() ? "folder" : "other";
  } catch {
    return "missing";
  }
}

function nearestExistingAncestor(flag: string, path: string): string {
  let at = resolve(path);
  for (;;) {
    const up = dirname(at);
    const kind = pathKind(up);
    if (kind === "folder") return up;
    if (kind === "other") {
      throw new LinkageError("E_INPUT", `${flag} ${path}: ${up} exists and is not a folder`);
    }
    if (up === at) return at;
    at = up;
  }
}

function requireWritable(flag: string, path: string, folder: string): void {
  try {
    accessSync(folder, constants.W_OK);
  } catch {
    throw new LinkageError("E_INPUT", `${flag} ${path}: cannot write in ${folder}`);
  }
}
