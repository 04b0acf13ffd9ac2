import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseScenario } from "../../src/scenario/parseScenario.js";
import type { Scenario } from "../../src/scenario/Scenario.js";

const FLAGSHIP = fileURLToPath(new URL("../../scenarios/kabul-2021.yaml", import.meta.url));

/**
 * The flagship as MODEL.md §2 states it before §2b: the sender follows its rule and the target's
 * beliefs q_R and q_X are parameters (value 1, triangular priors on [0.2, 1] with mode 1), for
 * the tests of the fixed-belief closed forms. The text is the shipped file with its credibility
 * section switched to `beliefs: fixed`.
 */
export function fixedBeliefsFlagshipText(): string {
  const text = readFileSync(FLAGSHIP, "utf8");
  const withParameters = text.replace(
    /\n {2}piR:\n/,
    `
  qR:
    value: 1
    prior: { dist: triangular, min: 0.2, mode: 1, max: 1 }
    label: Taliban belief that the US keeps its promise of support
  qX:
    value: 1
    prior: { dist: triangular, min: 0.2, mode: 1, max: 1 }
    label: Taliban belief that the US carries out its threat
  piR:
`,
  );
  const fixed = withParameters.replace(
    /\n {2}resolute: piR\n/,
    "\n  beliefs: fixed\n  promiseBelief: qR\n  threatBelief: qX\n",
  );
  if (fixed === withParameters || withParameters === text) {
    throw new Error("fixedBeliefsFlagshipText: the flagship's layout changed; update this helper");
  }
  return fixed;
}

/** {@link fixedBeliefsFlagshipText}, parsed (piR stays, unused). */
export function fixedBeliefsFlagship(): Scenario {
  return parseScenario(fixedBeliefsFlagshipText(), FLAGSHIP);
}
