import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shippedScenarioText, withEdits } from "../../test/support/scenarioText.js";
import { runScenario } from "../analysis/runScenario.js";
import type { ScenarioRun } from "../analysis/ScenarioRun.js";
import { parseScenario } from "../scenario/parseScenario.js";
import type { Scenario } from "../scenario/Scenario.js";
import { closeSimulationPool } from "../sim/simulate.js";
import { analysisVerdict } from "./analysisVerdict.js";
import { reportWords, shortName } from "./reportWords.js";
import { runReportHtml } from "./runReportHtml.js";
import { runReportMarkdown } from "./runReportMarkdown.js";

const FLAGSHIP = shippedScenarioText("kabul-2021");

/** The flagship with each `[find, replace]` applied once. */
const variant = (...edits: [string, string][]): string => withEdits(FLAGSHIP, ...edits);

/** A run with no simulated outcomes: enough for the words that do not depend on them. */
function emptyRun(step?: string): ScenarioRun {
  return { simulation: { ...(step ? { step } : {}), policies: {} } } as unknown as ScenarioRun;
}

describe("shortName", () => {
  it("initials of two or more capitalised words, else the name", () => {
    expect(shortName("United States")).toBe("US");
    expect(shortName("International Monetary Fund")).toBe("IMF");
    expect(shortName("Taliban")).toBe("Taliban");
    expect(shortName("Islamic Republic of Iran")).toBe("Islamic Republic of Iran");
  });
});

describe("reportWords", () => {
  const monthly = parseScenario(
    variant(
      ["  weeks: 52\n", "  step: month\n  steps: 24\n"],
      [
        "    stabilityChange:",
        '    stagesMet: { mean: "s" }\n    described: { final: I, label: Strength, unit: fighters, description: "fighters at the end" }\n    stabilityChange:',
      ],
      ["  series: [attacks,", "  series: [{ name: attacks, label: Raids, unit: raids a month },"],
    ),
    "m.yaml",
  );

  it("an unknown output: a generic description from its name and aggregate", () => {
    const d = reportWords(emptyRun(), monthly).outcome("stagesMet");
    expect(d.meaning).toBe("stagesMet (mean over the months)");
    expect(d.title).toBe("stagesMet");
    expect(d.percent).toBeUndefined();
  });

  it("an output with words: the scenario's words, and listed among the outcomes", () => {
    const words = reportWords(emptyRun(), monthly);
    expect(words.outcome("described")).toEqual({
      title: "Strength",
      axis: "Strength (fighters)",
      unit: "fighters",
      meaning: "fighters at the end",
    });
    expect(Object.keys(words.outcomes)).toContain("described");
    expect(Object.keys(words.outcomes)).not.toContain("stagesMet");
    expect(words.policyTable.map(([key]) => key)).toContain("described");
  });

  it("a series with words; a flagship series in the step; an unknown one generic", () => {
    const words = reportWords(emptyRun(), monthly);
    expect(words.series("attacks")).toMatchObject({
      title: "Raids",
      axis: "Raids (raids a month)",
    });
    expect(words.series("fatalities").title).toBe("Fatalities per month");
    expect(words.series("z")).toEqual({
      title: "Series z",
      axis: "z (model units)",
      meaning: "the model quantity z",
    });
  });

  it("the built-in descriptions say the step and the actors' names", () => {
    const words = reportWords(emptyRun(), monthly);
    expect(words.sender).toBe("US");
    expect(words.outcomes["alqaedaSuspendedShare"]!.title).toBe(
      "Months with al-Qaeda support suspended",
    );
    expect(words.outcomes["senderUtility"]!.unit).toBe("sender units per month");
  });

  it("without the scenario: the run's step, the week for older results", () => {
    expect(reportWords(emptyRun("quarter")).step.adjective).toBe("quarterly");
    expect(reportWords(emptyRun()).step.unit).toBe("week");
  });
});

describe("the report of a monthly scenario says months", () => {
  let scenario: Scenario;
  let run: ScenarioRun;
  let markdown: string;
  let html: string;

  beforeAll(async () => {
    scenario = parseScenario(
      variant(
        ["  weeks: 52\n", "  step: month\n  steps: 24\n"],
        [
          "    stabilityChange:",
          '    supportGiven: { mean: s, label: Support given, unit: share of full support, description: "the mean support level over the months" }\n    stabilityChange:',
        ],
        [" x, mu]", " { name: x, label: Escalation rung, unit: rungs }, mu]"],
      ),
      "monthly.yaml",
    );
    run = await runScenario(scenario, { runs: 60, draws: 60 });
    const verdict = analysisVerdict(run.analysis);
    markdown = runReportMarkdown(run, scenario, verdict);
    html = runReportHtml(run, scenario, verdict);
  }, 60_000);

  afterAll(async () => {
    await closeSimulationPool();
  });

  /** The report's own words: before the appendix, without the record section and the scenario's parameter texts. */
  function ownText(text: string): string {
    let own = text.split("## Appendix")[0]!;
    own = own.replace(/## Does the model reproduce[\s\S]*?\n## /, "## ");
    for (const p of scenario.parameters)
      for (const t of [p.label, p.unit]) if (t) own = own.split(t).join("");
    return own;
  }

  it("Month by month, over 24 months, the month columns, no week", () => {
    expect(run.simulation.step).toBe("month");
    expect(markdown).toContain("## Month by month");
    expect(markdown).toContain("over 24 months");
    expect(markdown).toContain("| month 24 |");
    expect(markdown).toContain("per month");
    expect(ownText(markdown)).not.toMatch(/week/i);
  });

  it("the scenario's words for an output and a series", () => {
    expect(markdown).toContain("**Escalation rung** (Escalation rung (rungs))");
    expect(markdown).toMatch(/\| Support given \(share of full support\) \| /);
    expect(markdown).toMatch(/\| policy \| one-shot US value \|[^\n]*\| Support given \|/);
    expect(html).toContain("Support given");
  });

  it("the HTML report's headings and fan charts say months", () => {
    expect(html).toContain(`<h2 id="weekly">Month by month</h2>`);
    expect(html).toMatch(/, month by month<\/figcaption>|month by month/);
    expect(html).toContain("months 1 to 24");
  });
});
