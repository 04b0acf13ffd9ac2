import { describe, expect, it } from "vitest";
import type { ScenarioRun } from "../analysis/ScenarioRun.js";
import { REPORT_CSS } from "./reportCss.js";
import { runIndexHtml } from "./runIndexHtml.js";
import { runIndexRows } from "./runIndexRows.js";

/** An outcome summary with the given mean and 90% interval (the other fields are not read). */
function outcome(mean: number, q05 = mean, q95 = mean) {
  return { mean, q05, q95 };
}

/**
 * Just what the index reads of a run: weekly, K beats U in simulation (leverage 0.37 [−0.16,
 * 1.2]) and is best in 44% of runs, while the one-shot game prefers KE; KE is assessed and not
 * credible at ρ = 0.2 (ρ* = 0.35). A title with markup, to be escaped.
 */
const weekly = {
  scenario: { id: "alpha", title: "Aid <for> concessions & more", description: null },
  seed: 7,
  runs: 500,
  analysis: {
    bestPolicy: "KE",
    beliefs: "fixed",
    policies: {
      U: { label: "Unconditional", kind: "unconditional", senderValue: 0 },
      K: { label: "Conditional", kind: "conditional", senderValue: 0.2 },
      KE: {
        label: "Conditional, with escalation",
        kind: "conditional-escalation",
        senderValue: 0.3,
      },
    },
    credibility: {
      policy: "KE",
      reputation: 0.2,
      minReputationStake: 0.35,
      promiseAfterClean: 0.1,
      supportAfterViolation: -0.1,
      escalationAfterViolation: -0.35,
      promiseCredible: true,
      withholdCredible: true,
      escalationCredible: false,
    },
  },
  simulation: {
    weeks: 52,
    runs: 500,
    leverageBaseline: "U",
    bestPolicyShare: { U: 0.2, K: 0.44, KE: 0.36 },
    policies: {
      U: { label: "Unconditional", outcomes: { senderUtility: outcome(1) } },
      K: {
        label: "Conditional",
        outcomes: { senderUtility: outcome(1.37), leverageValue: outcome(0.37, -0.16, 1.16) },
      },
      KE: {
        label: "Conditional, with escalation",
        outcomes: { senderUtility: outcome(1.2), leverageValue: outcome(0.2, -0.3, 0.8) },
      },
    },
  },
} as unknown as ScenarioRun;

/**
 * Monthly (`simulation.step`), 24 steps: unconditional support is best both ways, so there is no
 * leverage value over it and the verdict says nothing of credibility.
 */
const monthly = {
  scenario: { id: "beta", title: "Relief for limits", description: null },
  seed: 7,
  runs: 500,
  analysis: {
    bestPolicy: "U",
    beliefs: "fixed",
    policies: {
      U: { label: "Relief without conditions", kind: "unconditional", senderValue: 1 },
      K: { label: "Relief for limits", kind: "conditional", senderValue: 0.5 },
    },
    credibility: { ...weekly.analysis.credibility!, policy: "K" },
  },
  simulation: {
    weeks: 24,
    step: "month",
    runs: 500,
    leverageBaseline: "U",
    bestPolicyShare: { U: 0.81, K: 0.19 },
    policies: {
      U: { label: "Relief without conditions", outcomes: { senderUtility: outcome(2) } },
      K: {
        label: "Relief for limits",
        outcomes: { senderUtility: outcome(1.5), leverageValue: outcome(-0.5, -0.9, -0.1) },
      },
    },
  },
} as unknown as ScenarioRun;

describe("runIndexRows", () => {
  const [a, b] = runIndexRows([weekly, monthly]);

  it("the recommendation is the highest simulated sender utility; the one-shot best beside it", () => {
    expect(a!.recommended).toEqual({ id: "K", label: "Conditional" });
    expect(a!.oneShotBest).toEqual({ id: "KE", label: "Conditional, with escalation" });
    expect(b!.recommended).toEqual({ id: "U", label: "Relief without conditions" });
  });

  it("the leverage value over the baseline with its 90% interval; none when the baseline is recommended", () => {
    expect(a!.leverage).toEqual({ mean: 0.37, q05: -0.16, q95: 1.16, baseline: "U" });
    expect(b!.leverage).toBeNull();
  });

  it("the time step: the simulation's, else the week", () => {
    expect([a!.step, a!.steps]).toEqual(["week", 52]);
    expect([b!.step, b!.steps]).toEqual(["month", 24]);
  });

  it("best-policy share, credibility (only where the verdict states it) and the report's link", () => {
    expect(a!.bestPolicyShare).toBe(0.44);
    expect(a!.credibility).toEqual({
      policy: "KE",
      credible: false,
      reputation: 0.2,
      minReputationStake: 0.35,
      headline: "KE not credible at ρ = 0.2 (credible for ρ ≥ 0.35)",
    });
    expect(b!.credibility).toBeNull();
    expect([a!.report, b!.report]).toEqual(["alpha/report.html", "beta/report.html"]);
  });
});

describe("runIndexHtml", () => {
  const html = runIndexHtml([weekly, monthly], {
    generatedAt: new Date("2026-01-02T03:04:00Z"),
    version: "9.9.9",
  });
  const rows = [...html.matchAll(/<tr data-scenario="([^"]+)">([\s\S]*?)<\/tr>/g)];
  const cells = (row: string) =>
    [...row.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ""));

  it("is one self-contained page in the reports' stylesheet", () => {
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).toContain(`<style>${REPORT_CSS}`);
    expect(html).not.toMatch(/<link|<script|src=|https?:\/\//);
    expect(html).toContain("<title>2 scenarios compared</title>");
    expect(html).toContain("How to read this page");
    expect(html).toContain("generated 2026-01-02 03:04 UTC · Linkage 9.9.9 · seed 7");
  });

  it("one row per run, in order, each cell from its row's data", () => {
    expect(rows.map((r) => r[1])).toEqual(["alpha", "beta"]);
    expect(cells(rows[0]![2]!)).toEqual([
      "Aid &lt;for&gt; concessions &amp; more alpha",
      "52 weeks",
      "K Conditional",
      "KE Conditional, with escalation",
      "0.37 [−0.16 to 1.16] over U",
      "44%",
      "KE not credible at ρ = 0.2 (credible for ρ ≥ 0.35)",
      "alpha/report.html",
    ]);
    expect(cells(rows[1]![2]!)).toEqual([
      "Relief for limits beta",
      "24 months",
      "U Relief without conditions",
      "U Relief without conditions",
      "—",
      "81%",
      "—",
      "beta/report.html",
    ]);
    expect(rows[0]![2]).toContain('<a href="alpha/report.html">');
  });
});
