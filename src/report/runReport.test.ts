import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runScenario } from "../analysis/runScenario.js";
import type { ScenarioRun } from "../analysis/ScenarioRun.js";
import { loadScenario } from "../scenario/loadScenario.js";
import type { Scenario } from "../scenario/Scenario.js";
import { closeSimulationPool } from "../sim/simulate.js";
import { analysisVerdict } from "./analysisVerdict.js";
import { tidyTreeLayout } from "./charts/gameTreeChart.js";
import { escapeHtml } from "./escapeHtml.js";
import { formatQuantity } from "./formatQuantity.js";
import { keyFindings } from "./keyFindings.js";
import { labelledSensitivity } from "./labelledSensitivity.js";
import { localGlobalSentence } from "./localGlobalSentence.js";
import { HEADLINE_OUTCOMES } from "./outcomeDescriptions.js";
import { runReportHtml } from "./runReportHtml.js";
import { runReportMarkdown } from "./runReportMarkdown.js";
import { runVerdict } from "./runVerdict.js";

const FLAGSHIP = fileURLToPath(new URL("../../scenarios/kabul-2021.yaml", import.meta.url));

/** The charts the report must contain (the weekly fan charts are checked separately). */
const CHARTS = [
  "best-policy-share",
  "paired-differences",
  "outcome-distributions",
  "game-tree",
  "tornado",
  "tornado-attacks",
  "sobol-leverageValue",
  "sobol-attacks",
];
const FANS = ["attacks", "I", "B", "A", "s", "x"].map((s) => `fan-${s}`);

let scenario: Scenario;
let run: ScenarioRun;
let verdict: string[];
let html: string;
let markdown: string;

beforeAll(async () => {
  scenario = loadScenario(FLAGSHIP);
  run = await runScenario(scenario, { runs: 250, draws: 200 });
  verdict = analysisVerdict(run.analysis);
  html = runReportHtml(run, scenario, verdict);
  markdown = runReportMarkdown(run, scenario, verdict);
}, 60_000);

afterAll(async () => {
  await closeSimulationPool();
});

/** Every `<figure class="chart" data-chart="…">…</figure>` of the page, by name. */
function figures(page: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const m of page.matchAll(
    /<figure class="chart" data-chart="([^"]+)">([\s\S]*?)<\/figure>\n/g,
  ))
    found.set(m[1]!, m[2]!);
  return found;
}

describe("runReportHtml", () => {
  it("is one page with every section, in order", () => {
    expect(html.startsWith("<!doctype html>")).toBe(true);
    const headings = [
      "Key findings",
      "The verdict in detail",
      "Policies compared",
      "Each policy against unconditional support, run by run",
      "Week by week",
      "Outcomes at the end of the horizon",
      "Does the model reproduce what happened?",
      "Credibility",
      "The one-shot game",
      "Sensitivity: one parameter at a time",
      "Sensitivity: all parameters together",
      "Pivots: the verdict changes if …",
      "Sources",
      "Appendix: parameters and reproduction",
    ];
    const positions = headings.map((h) => html.indexOf(`">${h}</h2>`));
    for (const [i, p] of positions.entries()) expect(p, headings[i]).toBeGreaterThan(0);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it("lists the verdict sentences as given", () => {
    expect(verdict.length).toBeGreaterThanOrEqual(3);
    for (const s of verdict) expect(html).toContain(`<li>${escapeHtml(s)}</li>`);
  });

  it("has every chart, each a figure with a title, a caption and SVG marks", () => {
    const found = figures(html);
    for (const name of [...CHARTS, ...FANS]) {
      const body = found.get(name);
      expect(body, name).toBeDefined();
      expect(body).toMatch(/<h3>[^<]+<\/h3>/);
      expect(body).toMatch(/<figcaption>[^<]{40,}<\/figcaption>/);
      const svg = body!.match(/<svg[\s\S]*<\/svg>/)?.[0];
      expect(svg, name).toBeDefined();
      expect(svg).toMatch(/<(path|rect|line|circle|text)\b/);
    }
    expect(found.size).toBe(
      CHARTS.length + Object.keys(run.simulation.policies["U"]!.weekly).length,
    );
  });

  it("labels the axes with units", () => {
    const found = figures(html);
    expect(found.get("fan-attacks")).toContain("attacks per week");
    expect(found.get("fan-I")).toContain("ISKP fighters");
    expect(found.get("outcome-distributions")).toMatch(
      /data-panel="outcome-evacuatedShare">[\s\S]*% of the initial backlog/,
    );
    expect(found.get("paired-differences")).toContain("difference (percentage points)");
    expect(found.get("tornado")).toContain("(sender units)");
    expect(found.get("game-tree")).toContain("(p = 0.7)");
  });

  it("compares local and global sensitivity in a sentence per output, and shows sample sizes and flags", () => {
    // the main body names parameters by their labels, and policies too
    const labels = new Map(scenario.parameters.map((p) => [p.id, p.label ?? p.id]));
    const named = (id: string) => `“${labels.get(id) ?? id}”`;
    const sensitivity = labelledSensitivity(run);
    for (const result of sensitivity.sobol) {
      const local = sensitivity.tornadoes.find((t) => t.output === result.output)!;
      const sentence = localGlobalSentence(local, result, named);
      expect(sentence).toMatch(/^Local \(tornado/);
      expect(html).toContain(
        `<p class="local-global" data-output="${result.output}">${escapeHtml(sentence)}</p>`,
      );
      expect(markdown).toContain(`\n${sentence}\n`);
      const caption = figures(html).get(`sobol-${result.output}`)!;
      expect(caption).toContain(`Estimated from ${result.baseSamples} base samples`);
      expect(caption).toContain(result.targetMet ? "target met" : "target not met");
      for (const i of result.indices.filter((x) => x.flag))
        expect(caption).toContain(escapeHtml(`${i.label}, ${i.flag}`));
    }
    // the flagship's disagreement: the reputation stake decides credibility only together with
    // other parameters (MODEL.md §2b), so it moves little locally but leads the Sobol ranking
    const leverage = localGlobalSentence(run.sensitivity.tornadoes[0]!, run.sensitivity.sobol[0]!);
    expect(leverage).toMatch(/rankings of the one-shot leverage value differ: rho\b/);
    expect(leverage).toMatch(/they rank 1st/);
    expect(leverage).toContain("interaction (total − first-order)");
  });

  it("has a policy table row per policy, with uncertainty", () => {
    for (const id of Object.keys(run.simulation.policies))
      expect(html).toContain(`<tr data-policy="${id}"`);
    expect(html).toMatch(/<span class="ci">\[[^\]]+, [^\]]+\]<\/span>/);
  });

  it("has the credibility panel, pivots, parameters and the reproducing command", () => {
    const labels = new Map(scenario.parameters.map((p) => [p.id, p.label ?? p.id]));
    expect(html).toContain(
      "The smallest reputation cost at which every prescribed action is credible",
    );
    for (const p of run.analysis.pivots)
      expect(html).toContain(escapeHtml(`${labels.get(p.parameter)!.slice(1)} `));
    for (const p of scenario.parameters) expect(html).toContain(`<code>${escapeHtml(p.id)}</code>`);
    expect(html).toContain(escapeHtml(run.command));
    expect(html).toContain(`Seed ${run.seed}`);
  });

  it("is self-contained: no scripts, no links but to its own bibliography, and no URLs but SVG namespaces and the sources' addresses (as text)", () => {
    expect(html).not.toMatch(/<script/i);
    expect(html.replace(/<a class="cite" href="#source-[A-Za-z0-9_-]+">/g, "")).not.toMatch(
      /<a\b|\bhref=|\bsrc=/i,
    );
    const cited = scenario.sources.flatMap((s) => (s.url ? [escapeHtml(s.url)] : []));
    const urls = [...html.matchAll(/https?:\/\/[^\s"'<>)]*/g)].map((m) =>
      m[0].replace(/[.,]$/, ""),
    );
    expect(urls.filter((u) => u !== "http://www.w3.org/2000/svg" && !cited.includes(u))).toEqual(
      [],
    );
    expect(html).not.toMatch(/<link\b|@import|url\(/i);
  });

  it("escapes scenario text", () => {
    const nasty = `<b>&"`;
    const first = run.sensitivity.tornado[0]!;
    const page = runReportHtml(
      {
        ...run,
        scenario: { ...run.scenario, title: nasty, description: `${nasty} <script>x</script>` },
        sensitivity: {
          ...run.sensitivity,
          tornado: [{ ...first, label: nasty }, ...run.sensitivity.tornado.slice(1)],
        },
      },
      {
        ...scenario,
        title: nasty,
        parameters: scenario.parameters.map((p, i) =>
          i === 0 ? { ...p, label: nasty, source: `${nasty} https://example.org` } : p,
        ),
      },
      [...verdict, `a verdict with ${nasty}`],
    );
    expect(page).not.toContain("<b>&");
    expect(page).not.toMatch(/<script/i);
    expect(page).toContain("<h1>&lt;b&gt;&amp;&quot;</h1>");
    expect(page).toContain("<title>&lt;b&gt;&amp;&quot;</title>");
    expect(page).toContain("<li>a verdict with &lt;b&gt;&amp;&quot;</li>");
    expect(page).toContain("<td>&lt;b&gt;&amp;&quot; https://example.org</td>");
    // a tick label of the tornado, written by Plot through linkedom (which leaves `"` as is in text)
    expect(page).toMatch(/>&lt;b&gt;&amp;(&quot;|")</);
  });
});

describe("the first screen and the footer", () => {
  const options = {
    generatedAt: new Date("2026-01-05T23:30:00Z"),
    version: "9.8.7",
    scenarioHash: "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
  };

  it("opens with the key findings, one paragraph (HTML) or line (Markdown) each, before everything else", () => {
    const findings = keyFindings(run, scenario);
    expect(findings.length).toBeGreaterThan(0);
    const start = html.indexOf('<section class="key-findings"');
    expect(start).toBeGreaterThan(html.indexOf("<h1>"));
    expect(html.indexOf("<h2", html.indexOf("<h1>"))).toBe(html.indexOf("<h2", start));
    for (const f of findings) expect(html).toContain(`<p>${escapeHtml(f)}</p>`);
    const md = markdown.split("\n");
    expect(md[2]).toBe("## Key findings");
    expect(md.slice(4, 4 + 2 * findings.length).filter((l) => l !== "")).toEqual(findings);
  });

  it("ends with the date, version, scenario hash, seed and command when given, and without a date otherwise", () => {
    const page = runReportHtml(run, scenario, verdict, options);
    const foot = page.slice(page.indexOf('<footer data-section="footer">'));
    expect(foot).toContain("Generated: 2026-01-05");
    expect(foot).toContain("Linkage: 9.8.7");
    expect(foot).toContain("<code>0123456789ab</code>");
    expect(foot).not.toContain("0123456789abc");
    expect(foot).toContain(`Seed: ${run.seed}`);
    expect(foot).toContain(`<code>${escapeHtml(run.command)}</code>`);
    const md = runReportMarkdown(run, scenario, verdict, options);
    const last = md.trimEnd().split("\n").at(-1)!;
    expect(last).toMatch(/^Generated: 2026-01-05 · Linkage: 9\.8\.7 · Scenario: `kabul-2021` · /);
    expect(last).toContain("`0123456789ab`");
    // pure: no options, no date
    expect(html).not.toContain("Generated:");
    expect(markdown).not.toContain("Generated:");
    expect(html).toContain('<footer data-section="footer">');
  });
});

describe("runReportMarkdown", () => {
  it("has every section and the key numbers of each chart", () => {
    for (const h of [
      "## Key findings",
      "## The verdict in detail",
      "## Policies compared",
      "## Week by week",
      "## Outcomes at the end of the horizon",
      "## Does the model reproduce what happened?",
      "## Credibility",
      "## The one-shot game",
      "## Sensitivity: one parameter at a time",
      "## Sensitivity: all parameters together",
      "## Pivots: the verdict changes if …",
      "## Appendix: parameters and reproduction",
    ])
      expect(markdown).toContain(`\n${h}\n`);
    expect(markdown.startsWith(`# ${run.scenario.title}`)).toBe(true);
    for (const s of verdict) expect(markdown).toContain(`- ${s}`);
    for (const p of Object.values(run.simulation.policies))
      expect(markdown).toMatch(new RegExp(`\\n\\| (\\*\\*)?${p.label}(\\*\\*)? \\|`));
    expect(markdown).toContain("How often each policy is best");
    expect(markdown).toContain("**ISKP attacks per week** (attacks per week)");
    expect(markdown).toContain("The smallest reputation cost at which every prescribed action");
    expect(markdown).toContain(`Reproduce with: \`${run.command}\``);
    expect(markdown).not.toContain("\n\n\n");
  });

  it("shows scenario text as typed, never as raw HTML", () => {
    const nasty = "<b>&amp;";
    const page = runReportMarkdown(
      {
        ...run,
        scenario: { ...run.scenario, title: nasty, description: `${nasty} <script>x</script>` },
      },
      { ...scenario, title: nasty },
      [...verdict, `a verdict with ${nasty}`],
    );
    expect(page).not.toMatch(/<(b|script)\b/i);
    expect(page.startsWith("# &lt;b>&amp;amp;\n")).toBe(true);
    expect(page).toContain("- a verdict with &lt;b>&amp;amp;");
    expect(page).toContain(`Reproduce with: \`${run.command}\``);
  });
});

describe("does the model reproduce what happened?", () => {
  it("both reports give the record's table, verdicts with intervals, what still misses and the sources", () => {
    const record = run.record!;
    expect(record.policy).toBe("W");
    expect(record.runs).toBe(250);
    for (const r of record.rows) {
      expect(html).toContain(`<tr data-observation="${r.id}">`);
      const numbers = r.sources.map((k) => scenario.sources.findIndex((s) => s.key === k) + 1);
      expect(markdown).toContain(
        `| ${r.label} | ${numbers.map((n) => `[[${n}]](#sources)`).join(" ")} |`,
      );
      for (const s of [r.fixed, r.priors]) {
        expect(["within", "above", "below"]).toContain(s.verdict);
        expect(s.q025).toBeLessThanOrEqual(s.q10);
        expect(s.q10).toBeLessThanOrEqual(s.q90);
        expect(s.q90).toBeLessThanOrEqual(s.q975);
      }
    }
    const section = markdown.slice(
      markdown.indexOf("## Does the model reproduce what happened?"),
      markdown.indexOf("## Credibility"),
    );
    expect(section).toContain("Under “Withhold intelligence”, the policy actually followed");
    expect(section).toMatch(/- (Reproduced|Still missed)/);
    // which deaths each count: the model's fatalities against UNAMA's civilians
    expect(section).toContain("UNAMA counts civilians only");
    expect(html).toContain('<section data-section="record">');
  });

  it("names each miss with the model's value and the observed range", () => {
    const [first, ...rest] = run.record!.rows;
    const missed = {
      ...run.record!,
      rows: [
        {
          ...first!,
          fixed: { ...first!.fixed, central: 900, verdict: "above" as const },
        },
        ...rest,
      ],
    };
    const page = runReportMarkdown({ ...run, record: missed }, scenario, verdict);
    expect(page).toContain(
      `- Still missed — ${first!.label}: the model's median is 900 ${first!.unit}, above the observed ${formatQuantity(first!.observed.low)}–${formatQuantity(first!.observed.high)} at the parameters' values`,
    );
    // a scenario without observations has no such section
    const none = runReportMarkdown({ ...run, record: null }, scenario, verdict);
    expect(none).not.toContain("Does the model reproduce");
    expect(runReportHtml({ ...run, record: null }, scenario, verdict)).not.toContain(
      'data-section="record"',
    );
  });
});

/** Significant figures of a number as printed: "1,020" → 3, "0.0595" → 3, "52" → 2. */
function significantFigures(text: string): number {
  const digits = text.replace(/[−\-,\u202f%]/g, "");
  const [whole = "", fraction = ""] = digits.split(".");
  const all = `${whole}${fraction}`.replace(/^0+/, "");
  // trailing zeros of a whole number are not significant
  return fraction === "" ? all.replace(/0+$/, "").length || 1 : all.length;
}

/** The text of the SVG `<text>` elements of a chart, lines of a wrapped label joined again. */
function svgTexts(figure: string): string[] {
  return [...figure.matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/g)].map((m) =>
    m[1]!
      .replace(/<\/tspan>\s*<tspan[^>]*>/g, " ")
      .replace(/<[^>]+>/g, "")
      .replace(/- /g, "-")
      .replaceAll("&quot;", '"')
      .replaceAll("&#39;", "'")
      .replaceAll("&lt;", "<")
      .replaceAll("&gt;", ">")
      .replaceAll("&amp;", "&")
      .trim(),
  );
}

describe("a report for a policy reader", () => {
  it("names policies and parameters by their labels in the main body: ids only in the appendix", () => {
    const body = html.slice(html.indexOf('<h2 id="policies">'), html.indexOf('<h2 id="appendix">'));
    const appendix = html.slice(html.indexOf('<h2 id="appendix">'));
    for (const [id, p] of Object.entries(run.simulation.policies)) {
      expect(body, id).not.toMatch(new RegExp(`>${id}<|<b>${id}</b>|\\(${id}\\)`));
      expect(body).toContain(escapeHtml(p.label));
      expect(appendix).toContain(`<code>${id}</code> ${escapeHtml(p.label)}`);
    }
    for (const p of scenario.parameters) {
      expect(body, p.id).not.toContain(`(${p.id})`);
      expect(body, p.id).not.toContain(`<code>${p.id}</code>`);
    }
    expect(body).not.toMatch(/ρ\*|rho\b/);
  });

  it("the run's verdict names parameters by their labels and groups thousands", () => {
    const text = runVerdict(
      { ...run, simulation: { ...run.simulation, runs: 2000 } },
      scenario,
    ).join("\n");
    expect(text).toContain("(2,000 runs,");
    // the pivots, the Sobol indices and the one-shot verification rates name parameters
    const named = scenario.parameters.filter((p) => p.label && text.includes(`“${p.label}”`));
    expect(named.length).toBeGreaterThan(2);
    for (const p of scenario.parameters)
      if (p.label) expect(text, p.id).not.toMatch(new RegExp(`(^|[\\s(])${p.id}\\b`));
    // without the scenario (no labels): the ids
    expect(runVerdict(run).join("\n")).toMatch(
      /The one-shot game's best policy changes if [a-zA-Z_]+ (falls|rises)/,
    );
  });

  it("opens the verdict in detail by spelling out the policy and demand ids it uses", () => {
    const section = (page: string, from: string, to: string) =>
      page.slice(page.indexOf(from), page.indexOf(to));
    const htmlVerdict = section(html, '<h2 id="verdict">', '<h2 id="policies">');
    const mdVerdict = section(markdown, "## The verdict in detail", "## Policies compared");
    for (const [id, p] of Object.entries(run.simulation.policies)) {
      expect(htmlVerdict).toContain(escapeHtml(`${id} — ${p.label}`));
      expect(mdVerdict).toContain(`${id} — ${p.label}`);
    }
    for (const d of scenario.demands)
      if (d.description) expect(mdVerdict).toContain(`${d.id} — ${d.description.trim()}`);
  });

  it("gives the policy table's numbers to at most three significant figures, attacks and deaths as median [90% of runs]", () => {
    const table = html
      .slice(html.indexOf('<table class="policies"'), html.indexOf("</table>"))
      .replace(/<[^>]+>/g, " ");
    const numbers = [...table.matchAll(/[−-]?\d[\d,.]*/g)].map((m) => m[0]);
    expect(numbers.length).toBeGreaterThan(50);
    for (const n of numbers) expect(significantFigures(n), n).toBeLessThanOrEqual(3);
    expect(table).toContain("attacks (total, median)");
    expect(table).toContain("deaths (total, median)");
    expect(html).toContain("90% of runs (5th to 95th percentile) in brackets");
    expect(significantFigures("1,020")).toBe(3);
    expect(significantFigures("0.0595")).toBe(3);
    expect(significantFigures("−1.62")).toBe(3);
  });

  it("draws at most one legend per figure, and a paired-difference panel against U for each headline outcome", () => {
    for (const [name, body] of figures(html))
      expect(body.match(/<div class="legend">/g)?.length ?? 0, name).toBeLessThanOrEqual(1);
    const paired = figures(html).get("paired-differences")!;
    for (const outcome of HEADLINE_OUTCOMES)
      expect(paired).toMatch(new RegExp(`<div class="panel" data-panel="${outcome}">`));
    expect(paired).toContain(
      escapeHtml(`against “${run.simulation.policies[run.simulation.leverageBaseline!]!.label}”`),
    );
  });

  it("prints every tornado and Sobol label whole, wrapped rather than cut", () => {
    const found = figures(html);
    const charts = [
      ["tornado", run.sensitivity.tornado.map((b) => b.label)],
      ...run.sensitivity.tornadoes
        .filter((t) => t.output !== "leverageValue")
        .map((t) => [`tornado-${t.output}`, t.bars.slice(0, 10).map((b) => b.label)] as const),
      ...run.sensitivity.sobol.map(
        (r) =>
          [
            `sobol-${r.output}`,
            [...r.indices]
              .sort((a, b) => b.total - a.total)
              .slice(0, 8)
              .map((i) => `${i.flag ? "⚠ " : ""}${i.label}`),
          ] as const,
      ),
    ] as const;
    for (const [name, labels] of charts) {
      const figure = found.get(name)!;
      expect(figure, name).not.toContain("…");
      const texts = svgTexts(figure);
      for (const label of labels) expect(texts, `${name}: ${label}`).toContain(label);
    }
  });

  it("folds the details: the other weekly series, the distributions, the game tree, the Sobol charts and the appendix", () => {
    const folded = [...html.matchAll(/<details>[\s\S]*?<\/details>/g)].map((m) => m[0]);
    const inside = (chart: string) =>
      folded.some((d) => d.includes(`<figure class="chart" data-chart="${chart}">`));
    for (const chart of ["fan-I", "outcome-distributions", "game-tree", "sobol-attacks"])
      expect(inside(chart), chart).toBe(true);
    for (const chart of ["fan-attacks", "paired-differences", "tornado"])
      expect(inside(chart), chart).toBe(false);
    expect(folded.some((d) => d.includes('id="parameter-table"'))).toBe(true);
    expect(html).toMatch(/@media print \{[\s\S]*details::details-content/);
  });
});

describe("sources", () => {
  it("both reports list every source of the scenario with author, title, date and address", () => {
    const bibliography = html.slice(html.indexOf('<ol class="bibliography"'));
    const sources = markdown.slice(markdown.indexOf("\n## Sources\n"));
    expect(scenario.sources.length).toBeGreaterThan(0);
    scenario.sources.forEach((s, i) => {
      expect(bibliography).toContain(`<li id="source-${s.key}">`);
      expect(sources).toContain(`\n${i + 1}. ${s.author}, “${s.title}”, ${s.date}.`);
      for (const text of [s.author, s.title, s.date, ...(s.url ? [s.url] : [])]) {
        expect(bibliography).toContain(escapeHtml(text));
        expect(sources).toContain(text);
      }
    });
  });

  it("links every citation of a source key to its bibliography entry, and every entry is cited", () => {
    const anchors = new Set([...html.matchAll(/<li id="(source-[^"]+)">/g)].map((m) => m[1]));
    const links = [...html.matchAll(/<a class="cite" href="#([^"]+)">\[(\d+)\]<\/a>/g)];
    expect(links.length).toBeGreaterThan(0);
    for (const [, target, number] of links) {
      expect(anchors.has(target)).toBe(true);
      expect(scenario.sources[Number(number) - 1]?.key).toBe(target!.slice("source-".length));
    }
    const linked = new Set(links.map((m) => m[1]));
    for (const s of scenario.sources) expect(linked.has(`source-${s.key}`), s.key).toBe(true);
    // a parameter citing a key gets the link in its source cell
    const lambda0 = scenario.parameters.find((p) => p.id === "lambda0")!;
    expect(lambda0.source).toMatch(/^voa-itic-2022: /);
    const n = scenario.sources.findIndex((s) => s.key === "voa-itic-2022") + 1;
    expect(html).toContain(`<td><a class="cite" href="#source-voa-itic-2022">[${n}]</a>: 365`);
  });

  it("refers to no file outside the repository: neither report nor any parameter's source names MODEL.md or FACTS.md", () => {
    const outside = /\b(MODEL|FACTS)\.md\b/;
    expect(html).not.toMatch(outside);
    expect(markdown).not.toMatch(outside);
    for (const p of scenario.parameters) expect(p.source ?? "", p.id).not.toMatch(outside);
  });
});

describe("report helpers", () => {
  it("tidyTreeLayout spaces leaves evenly and centres parents over their children", () => {
    const layout = tidyTreeLayout(
      [
        { id: 0, parent: -1 },
        { id: 1, parent: 0 },
        { id: 2, parent: 1 },
        { id: 3, parent: 1 },
        { id: 4, parent: 0 },
      ],
      100,
      20,
    );
    expect(layout.get(2)).toEqual({ x: 200, y: 0, depth: 2 });
    expect(layout.get(3)).toEqual({ x: 200, y: 20, depth: 2 });
    expect(layout.get(4)).toEqual({ x: 100, y: 40, depth: 1 });
    expect(layout.get(1)).toEqual({ x: 100, y: 10, depth: 1 });
    expect(layout.get(0)).toEqual({ x: 0, y: 25, depth: 0 });
  });

  it("formatQuantity keeps the digits of whole numbers", () => {
    expect(formatQuantity(400.2)).toBe("400");
    expect(formatQuantity(120)).toBe("120");
    expect(formatQuantity(12345.6)).toBe("12\u202f346");
    expect(formatQuantity(-0.0224)).toBe("−0.022");
    expect(formatQuantity(35.42)).toBe("35.4");
    expect(formatQuantity(Number.NaN)).toBe("n/a");
  });
});

describe("keyFindings", () => {
  it("speaks in 3–5 plain sentences: labels not codes, what it buys and costs, what would change the call", () => {
    const findings = keyFindings(run, scenario);
    expect(findings.length).toBeGreaterThanOrEqual(3);
    expect(findings.length).toBeLessThanOrEqual(5);
    const text = findings.join(" ");
    // no policy or parameter ids: labels only
    for (const p of scenario.policies) expect(text).not.toMatch(new RegExp(`\\b${p.id}\\b`));
    for (const p of scenario.parameters)
      if (p.id.length > 2) expect(text).not.toMatch(new RegExp(`\\b${p.id}\\b`));
    expect(text).toContain(scenario.policies.find((p) => p.id === "U")!.label);
    expect(text).toMatch(/more deaths in ISKP attacks \(95% interval/);
    expect(text).toContain("not a chance of success");
    expect(text).toContain("What would change the call");
    expect(text).toContain("How far to trust it");
  });
});
