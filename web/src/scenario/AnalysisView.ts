import type { AnalysisResult } from "linkage/analysis/AnalysisResult";
import { analysisVerdict, nearestTippingPoints } from "linkage/report/analysisVerdict";
import { concededList } from "linkage/report/concededList";
import { equilibriumSentence } from "linkage/report/equilibriumSentence";
import { formatNumber, formatPercent, formatSignificant } from "linkage/report/formatNumber";

/**
 * The one-shot analysis as the page shows it, with the facts and words of `linkage analyze`'s
 * report (report/analysisMarkdown): the verdict (report/analysisVerdict's sentences), each
 * policy's value and what each target type concedes under it, the credibility of the sender's
 * follow-through, and the pivots, as HTML tables; and the worker's time. While the pivots are
 * still being found, the verdict shows its other sentences and says so.
 */
export class AnalysisView {
  readonly #verdict: HTMLElement;
  readonly #tables: HTMLElement;
  readonly #timing: HTMLElement;
  readonly #status: HTMLElement;

  constructor(verdictRoot: HTMLElement, tablesRoot: HTMLElement) {
    const heading = document.createElement("h3");
    heading.textContent = "Verdict";
    this.#status = document.createElement("p");
    this.#status.className = "analysis-status";
    this.#status.dataset["test"] = "analysis-status";
    this.#status.setAttribute("role", "status");
    this.#verdict = document.createElement("ul");
    this.#verdict.className = "verdict";
    this.#verdict.dataset["test"] = "verdict";
    this.#verdict.setAttribute("aria-live", "polite");
    this.#timing = document.createElement("p");
    this.#timing.className = "muted analysis-ms";
    this.#timing.dataset["test"] = "analysis-ms";
    verdictRoot.replaceChildren(heading, this.#status, this.#verdict, this.#timing);
    this.#tables = tablesRoot;
    this.#tables.dataset["test"] = "analysis-tables";
    this.showStatus("Waiting for a scenario.");
  }

  /** A line above the verdict: what the page is waiting for, or why the analysis is out of date. */
  showStatus(text: string, isError = false): void {
    this.#status.textContent = text;
    this.#status.hidden = text === "";
    this.#status.classList.toggle("error", isError);
    this.#verdict.parentElement?.classList.toggle("stale", isError);
  }

  /**
   * Shows a result; `pivotsDone` false while its pivots are still being found (their sentence
   * and table then wait).
   */
  show(
    result: AnalysisResult,
    demands: readonly string[],
    pivotsDone: boolean,
    timing: string,
  ): void {
    this.showStatus("");
    const sentences = analysisVerdict(result);
    // the pivot sentence is the verdict's last (rule 4); it waits for the pivots
    const shown = pivotsDone ? sentences : sentences.slice(0, -1);
    this.#verdict.replaceChildren(
      ...shown.map((s) => element("li", s)),
      ...(pivotsDone ? [] : [element("li", "Finding the pivots…", "pending")]),
    );
    this.#verdict.dataset["best"] = result.bestPolicy;
    this.#verdict.dataset["pivots"] = pivotsDone ? "done" : "pending";
    this.#timing.textContent = timing;
    this.#tables.replaceChildren(
      ...policiesTable(result),
      ...credibilityTables(result),
      ...thresholdsTable(result, demands),
      ...pivotsTable(result, pivotsDone),
      ...warnings(result),
    );
  }
}

function element(tag: string, text: string, className?: string): HTMLElement {
  const e = document.createElement(tag);
  e.textContent = text;
  if (className) e.className = className;
  return e;
}

function table(
  test: string,
  caption: string,
  header: readonly string[],
  rows: readonly (readonly string[])[],
  numeric: readonly boolean[],
): HTMLTableElement {
  const t = document.createElement("table");
  t.dataset["test"] = test;
  t.createCaption().textContent = caption;
  const head = t.createTHead().insertRow();
  header.forEach((h, c) => {
    const th = document.createElement("th");
    th.textContent = h;
    th.scope = "col";
    if (numeric[c]) th.className = "number";
    head.append(th);
  });
  const body = t.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    row.forEach((cell, c) => {
      const td = tr.insertCell();
      td.textContent = cell;
      if (numeric[c]) td.className = "number";
    });
  }
  return t;
}

/** Responses by type: each policy's value and what each type concedes (analysisMarkdown's "Policies"). */
function policiesTable(result: AnalysisResult): HTMLElement[] {
  const types = Object.keys(result.typePrior);
  const ids = Object.keys(result.policies);
  const t = table(
    "policies",
    "Policies: the sender's expected value and each target type's best response",
    [
      "policy",
      "",
      "sender value",
      ...types.map((type) => `${type} (${formatPercent(result.typePrior[type]!)}) concedes`),
      ...types.map((type) => `${type} payoff`),
    ],
    ids.map((id) => {
      const p = result.policies[id]!;
      return [
        id === result.bestPolicy ? `${id} (best)` : id,
        p.label,
        formatNumber(p.senderValue),
        ...types.map((type) => concededList(p.responses[type]!)),
        ...types.map((type) => formatNumber(p.targetValue[type]!)),
      ];
    }),
    [false, false, true, ...types.map(() => false), ...types.map(() => true)],
  );
  ids.forEach((id, r) => {
    const row = t.tBodies[0]!.rows[r]!;
    row.dataset["policy"] = id;
    if (id === result.bestPolicy) row.classList.add("best");
  });
  const note = element(
    "p",
    "Sender values are E[U_S] over the target's types with the policy executed as announced; target payoffs likewise.",
    "muted",
  );
  return [element("h3", "Responses by type"), t, note];
}

/**
 * Credibility: per conditional policy, what the target expects of the follow-through and the
 * chance of a violation signal; then the assessed policy's table (credibilityTableMarkdown's rows).
 */
function credibilityTables(result: AnalysisResult): HTMLElement[] {
  const types = Object.keys(result.typePrior);
  const conditional = Object.entries(result.policies).filter(
    ([, p]) => p.kind === "conditional" || p.kind === "conditional-escalation",
  );
  const out: HTMLElement[] = [element("h3", "Credibility")];
  if (conditional.length === 0) {
    out.push(element("p", "No policy is conditional, so there is no follow-through to assess."));
    return out;
  }
  out.push(
    table(
      "credibility-policies",
      "Per conditional policy: the follow-through the target expects, and the chance of a violation signal",
      [
        "policy",
        "what the target expects",
        ...types.map((type) => `P(violation signal) if ${type}`),
      ],
      conditional.map(([id, p]) => [
        id,
        equilibriumSentence(result, id) ??
          (result.beliefs === "fixed"
            ? "fixed beliefs: the scenario gives the target's belief in the promise and the threat (credibility.promiseBelief, credibility.threatBelief)"
            : "—"),
        ...types.map((type) => formatNumber(p.violationProbability[type] ?? null)),
      ]),
      [false, false, ...types.map(() => true)],
    ),
  );
  const c = result.credibility;
  if (c) {
    const rows: string[][] = [
      [
        "clean",
        "keep the promise (support)",
        formatSignificant(c.promiseAfterClean === null ? null : -c.promiseAfterClean),
        c.promiseCredible ? "yes" : "no",
      ],
      [
        "violation",
        "withhold support",
        formatSignificant(c.supportAfterViolation),
        c.withholdCredible ? "yes" : "no",
      ],
    ];
    if (
      c.escalationAfterViolation !== null ||
      result.policies[c.policy]?.kind === "conditional-escalation"
    ) {
      rows.push([
        "violation",
        "escalate",
        formatSignificant(c.escalationAfterViolation === null ? null : -c.escalationAfterViolation),
        c.escalationCredible ? "yes" : "no",
      ]);
    }
    out.push(
      table(
        "credibility",
        `Credibility of ${c.policy}: after each signal, the prescribed action and the sender's one-shot gain from the alternative`,
        [
          "after the signal",
          "prescribed action",
          "sender's gain from the alternative",
          `credible at a reputation cost of ${formatSignificant(c.reputation)}`,
        ],
        rows,
        [false, false, true, false],
      ),
      element(
        "p",
        `Posterior that the target is ${result.posteriorType} after a violation: ${formatNumber(result.posteriors.afterViolation, 4)}; after a clean signal: ${formatNumber(result.posteriors.afterClean, 4)} (prior ${formatNumber(result.posteriorType ? result.typePrior[result.posteriorType]! : null, 4)}). Minimal reputation stake ρ* = ${formatNumber(c.minReputationStake, 4)}: every prescribed action is sequentially rational when ρ ≥ ρ*.`,
      ),
    );
  }
  return out;
}

/** The largest cost at which each type still concedes each demand, per conditional policy. */
function thresholdsTable(result: AnalysisResult, demands: readonly string[]): HTMLElement[] {
  const types = Object.keys(result.typePrior);
  const rows: string[][] = [];
  for (const [policy, byType] of Object.entries(result.thresholds)) {
    for (const type of types) {
      rows.push([policy, type, ...demands.map((d) => formatNumber(byType[type]?.[d] ?? null))]);
    }
  }
  if (rows.length === 0) return [];
  return [
    element("h3", "Thresholds"),
    table(
      "thresholds",
      "The largest cost of each demand at which each type still concedes it",
      ["policy", "type", ...demands],
      rows,
      [false, false, ...demands.map(() => true)],
    ),
  ];
}

/** The pivots (analysisMarkdown's "Pivots"), the nearest on each side of the current value marked. */
function pivotsTable(result: AnalysisResult, done: boolean): HTMLElement[] {
  const heading = element("h3", "Pivots");
  if (!done) return [heading, element("p", "Finding the pivots…", "muted pending")];
  if (result.pivots.length === 0) {
    return [
      heading,
      element("p", "No single parameter moved across its prior range changes the best policy."),
    ];
  }
  const nearest = new Set(nearestTippingPoints(result));
  const t = table(
    "pivots",
    "Values inside a parameter's prior range where the best policy changes, all else fixed",
    ["parameter", "now", "pivot", "best below", "best above"],
    result.pivots.map((p) => [
      p.parameter,
      formatNumber(result.parameters[p.parameter]!),
      formatNumber(p.value, 4),
      p.below,
      p.above,
    ]),
    [false, true, true, false, false],
  );
  result.pivots.forEach((p, r) => {
    const row = t.tBodies[0]!.rows[r]!;
    row.dataset["parameter"] = p.parameter;
    if (nearest.has(p)) row.classList.add("nearest");
  });
  return [
    heading,
    t,
    element("p", "Rows in bold are the nearest pivots to the current values.", "muted"),
  ];
}

function warnings(result: AnalysisResult): HTMLElement[] {
  if (result.warnings.length === 0) return [];
  const list = document.createElement("ul");
  list.dataset["test"] = "analysis-warnings";
  list.append(...result.warnings.map((w) => element("li", w)));
  return [element("h3", "Notes"), list];
}
