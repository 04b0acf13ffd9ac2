import { createHash } from "node:crypto";
import { Hono } from "hono";
import type { ScenarioRun } from "../analysis/ScenarioRun.js";
import { runReportHtml } from "../report/runReportHtml.js";
import { MAX_SCENARIO_BYTES } from "../scenario/loadScenario.js";
import { parameterValues } from "../scenario/parameterValues.js";
import { parseScenario } from "../scenario/parseScenario.js";
import type { RunRegistry } from "../store/runRegistry.js";
import { ApiProblem } from "./ApiProblem.js";
import { checkRunMemory } from "./checkRunMemory.js";
import type { RunManager } from "./RunManager.js";
import { readJsonBody } from "./readJsonBody.js";
import { runEventStream } from "./runEventStream.js";
import { runSummary } from "./runSummary.js";
import {
  ID_PATTERN,
  RenameRunBody,
  type RunDetail,
  type RunSummary,
  StartRunBody,
} from "./workbenchApi.js";

/** Runs that may wait for a slot at once: more is refused (409) rather than queued without end. */
export const MAX_WAITING_RUNS = 8;

/** The report's content security policy: its own styles and inline images, nothing else. */
const REPORT_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";

/** The source named in messages when a body gives none. */
const DEFAULT_SOURCE = "scenario.yaml";

/**
 * The `/api/runs` routes (see workbenchApi.ts): start a run from a scenario's text, list and
 * search the registry, read a run, its events, results.json and HTML report, rename, cancel and
 * delete. Every id is checked against `ID_PATTERN` (400) and looked up (404); ids are data, never paths.
 */
export function runRoutes(registry: RunRegistry, runner: RunManager): Hono {
  const routes = new Hono();
  const summary = (id: string): RunSummary => {
    const stored = registry.get(id);
    if (!stored) throw new ApiProblem(404, "E_NOT_FOUND", `no run with the id "${id}"`);
    return runSummary(stored, runner.progress(id));
  };

  routes.post("/", async (c) => {
    const { body, raw } = await readJsonBody(c, StartRunBody);
    const source = body.source ?? DEFAULT_SOURCE;
    // the bound linkage run reads a file with, in bytes (zod counts characters)
    if (Buffer.byteLength(body.text, "utf8") > MAX_SCENARIO_BYTES) {
      throw new ApiProblem(
        400,
        "E_INPUT",
        `${source}: the scenario is over ${MAX_SCENARIO_BYTES} bytes, the most linkage run reads`,
        { path: ["text"] },
      );
    }
    const scenario = parseScenario(body.text, source);
    if (!scenario.dynamics) {
      throw new ApiProblem(
        400,
        "E_INPUT",
        `${source}: a full run needs a scenario with a dynamics section (the one-shot analysis runs in the page without one)`,
        { path: ["text"] },
      );
    }
    // the overrides as sent: a null-prototype record keeps "__proto__" an id like any other
    const overrides: Record<string, number> = Object.create(null);
    const sent = (raw as { overrides?: Record<string, number> }).overrides ?? {};
    for (const [id, value] of Object.entries(sent)) overrides[id] = value;
    parameterValues(scenario, overrides); // an undeclared id or a bad value: 400 E_INPUT
    checkRunMemory(scenario, body.runs);
    if (runner.waiting >= MAX_WAITING_RUNS) {
      throw new ApiProblem(
        409,
        "E_CONFLICT",
        `${runner.waiting} runs are already waiting for a free slot; cancel one or start this when one has finished`,
      );
    }
    const scenarioHash = createHash("sha256").update(body.text).digest("hex");
    const stored = registry.create({
      name: body.name ?? scenario.title,
      scenarioId: scenario.id,
      scenarioTitle: scenario.title,
      source,
      text: body.text,
      scenarioHash,
      overrides: { ...overrides },
      seed: body.seed,
      runs: body.runs,
      version: runner.version,
    });
    runner.start(stored.id, {
      text: body.text,
      source,
      overrides: { ...overrides },
      seed: body.seed,
      runs: body.runs,
      scenarioHash,
    });
    return c.json({ run: summary(stored.id) }, 202);
  });

  routes.get("/", (c) => {
    const q = c.req.query("q");
    if (q !== undefined && q.length > 200) {
      throw new ApiProblem(400, "E_INPUT", "q: at most 200 characters", { path: ["q"] });
    }
    const runs = registry.list(q).map((run) => runSummary(run, runner.progress(run.id)));
    return c.json({ runs });
  });

  routes.get("/:id", (c) => {
    const id = checkedId(c.req.param("id"));
    const detail = registry.detail(id);
    if (!detail) throw notFound(id);
    const answer: RunDetail = {
      run: runSummary(detail.run, runner.progress(id)),
      text: detail.text,
      source: detail.source,
    };
    return c.json(answer);
  });

  routes.patch("/:id", async (c) => {
    const id = checkedId(c.req.param("id"));
    const { body } = await readJsonBody(c, RenameRunBody);
    if (!registry.rename(id, body.name)) throw notFound(id);
    return c.json({ run: summary(id) });
  });

  routes.delete("/:id", (c) => {
    const id = checkedId(c.req.param("id"));
    runner.cancel(id);
    if (!registry.delete(id)) throw notFound(id);
    return c.body(null, 204);
  });

  routes.post("/:id/cancel", (c) => {
    const id = checkedId(c.req.param("id"));
    summary(id);
    if (runner.cancel(id)) return c.json({ run: summary(id) });
    // not held here: a run left by a server that is gone becomes interrupted now
    registry.markInterrupted();
    const after = summary(id);
    throw new ApiProblem(
      409,
      "E_CONFLICT",
      after.status === "running"
        ? `the run "${id}" executes on another server that shares this registry; cancel it there`
        : `the run "${id}" is not running (it is ${after.status}), so it cannot be cancelled`,
    );
  });

  routes.get("/:id/events", (c) => {
    const id = checkedId(c.req.param("id"));
    summary(id);
    return runEventStream(c, id, registry, runner);
  });

  routes.get("/:id/results.json", (c) => {
    const id = checkedId(c.req.param("id"));
    const results = doneResults(id);
    return c.body(results, 200, { "content-type": "application/json; charset=utf-8" });
  });

  routes.get("/:id/report.html", (c) => {
    const id = checkedId(c.req.param("id"));
    const results = doneResults(id);
    const detail = registry.detail(id)!;
    const stored = JSON.parse(results) as ScenarioRun & {
      verdict: string[];
      linkageVersion: string;
      scenarioHash: string;
    };
    const scenario = parseScenario(detail.text, detail.source);
    const html = runReportHtml(stored, scenario, stored.verdict, {
      generatedAt: new Date(detail.run.finishedAt ?? detail.run.createdAt),
      version: stored.linkageVersion,
      scenarioHash: stored.scenarioHash,
    });
    return c.body(html, 200, {
      "content-type": "text/html; charset=utf-8",
      "x-content-type-options": "nosniff",
      // the report is static (inline styles and SVG): no script may run in it, whatever a scenario holds
      "content-security-policy": REPORT_POLICY,
    });
  });

  /** A done run's results.json text; 404 for an unknown run, 409 for one not done. */
  function doneResults(id: string): string {
    const results = registry.results(id);
    if (results !== undefined) return results;
    const run = summary(id);
    throw new ApiProblem(
      409,
      "E_CONFLICT",
      `the run "${id}" has no results: it is ${run.status}${run.status === "running" ? " (wait for it to finish)" : ""}`,
    );
  }

  return routes;
}

/** The id from the URL, checked against the API's pattern. */
function checkedId(id: string): string {
  if (!ID_PATTERN.test(id)) {
    throw new ApiProblem(400, "E_INPUT", `${JSON.stringify(id.slice(0, 140))} is not a run id`, {
      path: ["id"],
    });
  }
  return id;
}

function notFound(id: string): ApiProblem {
  return new ApiProblem(404, "E_NOT_FOUND", `no run with the id "${id}"`);
}
