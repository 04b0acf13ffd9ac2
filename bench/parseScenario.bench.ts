/**
 * Parsing is linear in the scenario's size (issue 20): the flagship with 1,000, 4,000 and 16,000
 * extra parameters, and with 4,000 and 16,000 unknown keys (refused), in the same run. Each
 * fourfold size should cost about four times as much; the parser's own duplicate-key check,
 * replaced by scenario/checkYamlDocument, made 20,000 unknown keys take 15 s (6.6 s here).
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { bench, describe } from "vitest";
import { parseScenario } from "../src/scenario/parseScenario.js";

const FLAGSHIP = readFileSync(
  fileURLToPath(new URL("../scenarios/kabul-2021.yaml", import.meta.url)),
  "utf8",
);

function withParameters(n: number): string {
  const extra = Array.from({ length: n }, (_, k) => `  p${k}: { value: 1 }`).join("\n");
  return FLAGSHIP.replace("parameters:\n", `parameters:\n${extra}\n`);
}

function withUnknownKeys(n: number): string {
  return `${FLAGSHIP}\n${Array.from({ length: n }, (_, k) => `zz${k}: 1`).join("\n")}\n`;
}

const refused = (text: string) => {
  try {
    parseScenario(text, "bench.yaml");
  } catch {
    return;
  }
  throw new Error("expected the scenario to be refused");
};

describe("parseScenario: linear in size", () => {
  for (const n of [1_000, 4_000, 16_000]) {
    const text = withParameters(n);
    bench(
      `flagship + ${n} parameters`,
      () => {
        parseScenario(text, "bench.yaml");
      },
      { iterations: 5, warmupIterations: 1 },
    );
  }
  for (const n of [4_000, 16_000]) {
    const text = withUnknownKeys(n);
    bench(`flagship + ${n} unknown keys (refused)`, () => refused(text), {
      iterations: 5,
      warmupIterations: 1,
    });
  }
});
