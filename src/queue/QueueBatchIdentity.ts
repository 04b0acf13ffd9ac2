/**
 * What a queue batch computes, as recorded in Redis when it starts: the linkage version, the
 * command, the scenarios' text hashes and every setting that changes the numbers. `--resume ID`
 * compares it with the resuming command's own, so a batch is never finished with different work
 * (nor by another version, whose chunks and stored results may differ).
 */
export interface QueueBatchIdentity {
  /** The linkage version that started the batch (package.json's). */
  readonly version: string;
  /** The command that started the batch: simulate, run or sweep. */
  readonly command: string;
  /** SHA-256 of each scenario file's text, in the order the command reads them. */
  readonly scenarios: readonly string[];
  /** Each flag that changes the numbers (flag → its value as given; absent flags omitted). */
  readonly settings: Readonly<Record<string, string>>;
}

/**
 * The differences between a recorded batch identity and a resuming command's, in words (empty
 * when they describe the same work).
 * @example queueBatchDifferences(
 *   { version: "0.1.0", command: "sweep", scenarios: ["ab"], settings: { "--runs": "300" } },
 *   { version: "0.1.0", command: "sweep", scenarios: ["ab"], settings: { "--runs": "400" } },
 * ) // => ["--runs (300 then, 400 now)"]
 */
export function queueBatchDifferences(
  recorded: QueueBatchIdentity,
  wanted: QueueBatchIdentity,
): string[] {
  if (recorded.version !== wanted.version) {
    return [`linkage's version (linkage ${recorded.version} then, linkage ${wanted.version} now)`];
  }
  if (recorded.command !== wanted.command) {
    return [`the command (linkage ${recorded.command} then, linkage ${wanted.command} now)`];
  }
  const differences: string[] = [];
  if (recorded.scenarios.length !== wanted.scenarios.length) {
    differences.push(
      `the number of scenario files (${recorded.scenarios.length} then, ${wanted.scenarios.length} now)`,
    );
  } else {
    recorded.scenarios.forEach((hash, k) => {
      if (hash !== wanted.scenarios[k]) {
        differences.push(
          recorded.scenarios.length === 1
            ? "the scenario file's text"
            : `the text of scenario file ${k + 1}`,
        );
      }
    });
  }
  const flags = [
    ...new Set([...Object.keys(recorded.settings), ...Object.keys(wanted.settings)]),
  ].sort();
  for (const flag of flags) {
    const then = recorded.settings[flag];
    const now = wanted.settings[flag];
    if (then !== now)
      differences.push(`${flag} (${then ?? "not given"} then, ${now ?? "not given"} now)`);
  }
  return differences;
}

/** Reads a recorded identity back, or null when the text is not one. */
export function parseQueueBatchIdentity(text: string): QueueBatchIdentity | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof data !== "object" || data === null) return null;
  const { version, command, scenarios, settings } = data as Record<string, unknown>;
  if (version !== undefined && typeof version !== "string") return null;
  if (typeof command !== "string") return null;
  if (!Array.isArray(scenarios) || !scenarios.every((s) => typeof s === "string")) return null;
  if (typeof settings !== "object" || settings === null || Array.isArray(settings)) return null;
  if (!Object.values(settings).every((v) => typeof v === "string")) return null;
  return {
    // a record from before versions were recorded names none
    version: typeof version === "string" ? version : "(a version that did not record it)",
    command,
    scenarios: scenarios as string[],
    settings: settings as Record<string, string>,
  };
}
