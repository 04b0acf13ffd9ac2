/**
 * The workbench's HTTP API, in-process through `app.request()` (no socket): every endpoint, bad
 * bodies, oversize bodies, path traversal in scenario names and static paths, unknown ids, the
 * run lifecycle with its server-sent events, and results.json byte-identical to `linkage run`'s.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LINKAGE_VERSION } from "../../src/cli/linkageVersion.js";
import { createWorkbenchApp } from "../../src/server/createWorkbenchApp.js";
import { RunManager } from "../../src/server/RunManager.js";
import { MAX_WAITING_RUNS } from "../../src/server/runRoutes.js";
import {
  type ApiError,
  MAX_BODY_BYTES,
  type RunDetail,
  type RunEvent,
  type RunSummary,
} from "../../src/server/workbenchApi.js";
import { RunRegistry } from "../../src/store/runRegistry.js";
import { runCliCapture } from "../support/runCliCapture.js";
import { shippedScenarioText } from "../support/scenarioText.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SMALL = "pakistan-aid-2009"; // the quickest shipped scenario to run in full
const SECRET = "TOP-SECRET-OUTSIDE-THE-SERVED-FOLDERS";

let dir: string;
let registry: RunRegistry;
let runner: RunManager;
let app: Hono;
const logged: string[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "linkage-api-"));
  // scenarios/ with two shipped files and a link to a file outside; a secret beside the folders
  const scenarios = join(dir, "scenarios");
  mkdirSync(scenarios);
  writeFileSync(join(scenarios, `${SMALL}.yaml`), shippedScenarioText(SMALL));
  writeFileSync(join(scenarios, "kabul-2021.yaml"), shippedScenarioText("kabul-2021"));
  writeFileSync(join(dir, "secret.yaml"), `title: ${SECRET}\n`);
  writeFileSync(join(dir, "secret.txt"), SECRET);
  symlinkSync(join(dir, "secret.yaml"), join(scenarios, "linked.yaml"));
  const web = join(dir, "web");
  mkdirSync(join(web, "assets"), { recursive: true });
  writeFileSync(join(web, "index.html"), "<!doctype html><title>Linkage workbench</title>");
  writeFileSync(join(web, "assets", "app.js"), "console.log(1);");
  writeFileSync(join(web, "assets", "app.css"), "body{}");
  registry = RunRegistry.open(join(dir, "runs.sqlite"));
  runner = new RunManager({ registry, version: LINKAGE_VERSION, threads: 1 });
  app = createWorkbenchApp({
    registry,
    scenariosDir: scenarios,
    webDir: web,
    runner,
    log: (text) => logged.push(text),
  });
});

afterAll(async () => {
  await runner.close();
  registry.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A JSON request to the app. */
function send(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  return app.request(path, {
    method,
    headers: { "content-type": "application/json", ...headers },
    ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
  });
}

async function errorOf(response: Response, status: number): Promise<ApiError["error"]> {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  const text = await response.text();
  expect(text).not.toMatch(/\n\s+at /); // no stack trace
  return (JSON.parse(text) as ApiError).error;
}

async function startRun(body: Record<string, unknown>): Promise<RunSummary> {
  const response = await send("POST", "/api/runs", body);
  expect(response.status).toBe(202);
  return ((await response.json()) as { run: RunSummary }).run;
}

/** Every server-sent event of a run's stream, to its end. */
async function eventsOf(id: string): Promise<{ name: string; event: RunEvent }[]> {
  const response = await app.request(`/api/runs/${id}/events`);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
  const text = await response.text();
  return text
    .split("\n\n")
    .filter((block) => block.startsWith("event: "))
    .map((block) => {
      const [eventLine, dataLine] = block.split("\n");
      return {
        name: eventLine!.slice("event: ".length),
        event: JSON.parse(dataLine!.slice("data: ".length)) as RunEvent,
      };
    });
}

describe("health, scenarios and schema", () => {
  it("GET /api/health gives the version", async () => {
    const response = await app.request("/api/health");
    expect(await response.json()).toEqual({ version: LINKAGE_VERSION });
  });

  it("GET /api/scenarios lists the regular scenario files with their titles", async () => {
    const body = (await (await app.request("/api/scenarios")).json()) as {
      scenarios: { id: string; title: string; file: string }[];
    };
    expect(body.scenarios.map((s) => s.id)).toEqual(["kabul-2021", SMALL]);
    expect(body.scenarios[1]!.title).toMatch(/Haqqani/);
    expect(JSON.stringify(body)).not.toContain(SECRET); // the link outside is not listed
  });

  it("GET /api/scenarios/:id gives the file's text", async () => {
    const body = (await (await app.request(`/api/scenarios/${SMALL}`)).json()) as {
      id: string;
      text: string;
    };
    expect(body).toEqual({
      id: SMALL,
      text: shippedScenarioText(SMALL),
      source: join(dir, "scenarios", `${SMALL}.yaml`),
    });
    expect((await errorOf(await app.request("/api/scenarios/nope"), 404)).code).toBe("E_NOT_FOUND");
    // a file over the size limit: 500, naming the scenario but not the server's paths
    writeFileSync(join(dir, "scenarios", "huge.yaml"), `title: huge\n${"#".repeat(1_100_000)}\n`);
    const huge = await errorOf(await app.request("/api/scenarios/huge"), 500);
    expect(huge.message).toContain('"huge"');
    expect(huge.message).not.toContain(dir);
    rmSync(join(dir, "scenarios", "huge.yaml"));
    // a link inside the folder to a file outside is not served
    expect((await errorOf(await app.request("/api/scenarios/linked"), 404)).code).toBe(
      "E_NOT_FOUND",
    );
  });

  it.each([
    "..%2Fsecret",
    "%2e%2e%2Fsecret",
    "..%5Csecret",
    "%2Fetc%2Fpasswd",
    "..%252Fsecret",
    "secret.yaml",
    "%00secret",
    ".secret",
  ])("a traversal attempt in a scenario name is refused: %s", async (name) => {
    const response = await app.request(`/api/scenarios/${name}`);
    const text = await response.text();
    expect([400, 404]).toContain(response.status);
    expect(text).not.toContain(SECRET);
    expect(JSON.parse(text).error.code).toMatch(/^E_(INPUT|NOT_FOUND)$/);
  });

  it.each([
    "/api/scenarios/../secret",
    "/api/scenarios/%2e%2e/secret",
    "/api/scenarios/a/../../secret.txt",
  ])("a dotted path never reaches outside: %s", async (path) => {
    const response = await app.request(path);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(await response.text()).not.toContain(SECRET);
  });

  it("GET /api/schema gives the scenario language's JSON Schema", async () => {
    const schema = (await (await app.request("/api/schema")).json()) as Record<string, unknown>;
    expect(schema["properties"]).toBeTypeOf("object");
  });

  it("an unknown API path is a JSON 404", async () => {
    expect((await errorOf(await app.request("/api/nothing"), 404)).code).toBe("E_NOT_FOUND");
  });
});

describe("bad request bodies", () => {
  const text = shippedScenarioText(SMALL);

  it("invalid JSON", async () => {
    const error = await errorOf(await send("POST", "/api/runs", "{not json"), 400);
    expect(error.code).toBe("E_INPUT");
    expect(error.message).toMatch(/not valid JSON/);
  });

  it.each([
    [{ text, runs: "40" }, ["runs"]],
    [{ text, runs: 5 }, ["runs"]],
    [{ text, runs: 40.5 }, ["runs"]],
    [{ text, seed: -1 }, ["seed"]],
    [{ text: 42 }, ["text"]],
    [{ text: "" }, ["text"]],
    [{}, ["text"]],
    [{ text, overrides: { sigma: "0.1" } }, ["overrides", "sigma"]],
    [{ text, overrides: [1] }, ["overrides"]],
    [{ text, name: "" }, ["name"]],
  ])("wrong types and values: %j", async (body, path) => {
    const error = await errorOf(await send("POST", "/api/runs", body), 400);
    expect(error.code).toBe("E_INPUT");
    expect(error.path).toEqual(path);
    expect(error.message.startsWith(`${path.join(".")}: `)).toBe(true);
  });

  it("extra keys", async () => {
    const error = await errorOf(await send("POST", "/api/runs", { text, threads: 64 }), 400);
    expect(error.message).toBe('body: unknown key "threads"');
    const rename = await errorOf(await send("PATCH", "/api/runs/abc", { name: "x", id: "y" }), 400);
    expect(rename.message).toMatch(/unknown key "id"/);
  });

  it("a body that is not declared as JSON", async () => {
    const response = await app.request("/api/runs", {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: JSON.stringify({ text }),
    });
    expect((await errorOf(response, 415)).code).toBe("E_INPUT");
  });

  it("an oversize body is refused with 413, with or without a content length", async () => {
    const big = JSON.stringify({ text: "x".repeat(MAX_BODY_BYTES) });
    const withLength = await send("POST", "/api/runs", big, {
      "content-length": String(Buffer.byteLength(big)),
    });
    expect((await errorOf(withLength, 413)).code).toBe("E_TOO_LARGE");
    const streamed = await app.request("/api/runs", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: new Blob([big]).stream(),
      duplex: "half",
    } as RequestInit);
    expect((await errorOf(streamed, 413)).code).toBe("E_TOO_LARGE");
  });

  it("a text under a million characters but over linkage run's 1 MiB is refused", async () => {
    // 600,000 two-byte characters: 1.2 MB, which the CLI would not read back
    const wide = `${text}\n# ${"é".repeat(600_000)}\n`;
    const error = await errorOf(await send("POST", "/api/runs", { text: wide }), 400);
    expect(error.path).toEqual(["text"]);
    expect(error.message).toMatch(/over 1048576 bytes/);
  });

  it("a scenario error is located (line and column)", async () => {
    const broken = text.replace("dynamics:", "dynamics: [");
    const error = await errorOf(
      await send("POST", "/api/runs", { text: broken, source: "mine.yaml" }),
      400,
    );
    expect(error.code).toBe("E_SCENARIO");
    expect(error.message).toMatch(/^mine\.yaml:\d+:\d+: /);
    expect(error.line).toBeGreaterThan(1);
    expect(error.column).toBeGreaterThanOrEqual(1);
  });

  it("an override of an undeclared parameter, or a bad value", async () => {
    const unknown = await errorOf(
      await send("POST", "/api/runs", { text, overrides: { no_such_parameter: 1 } }),
      400,
    );
    expect(unknown.code).toBe("E_INPUT");
    expect(unknown.message).toMatch(/unknown parameter "no_such_parameter"/);
    const proto = await errorOf(
      await send(
        "POST",
        "/api/runs",
        `{"text": ${JSON.stringify(text)}, "overrides": {"__proto__": 1}}`,
      ),
      400,
    );
    expect(proto.message).toMatch(/unknown parameter "__proto__"/);
  });

  it("a scenario without dynamics", async () => {
    const start = text.indexOf("\ndynamics:");
    const end = text.indexOf("\nsources:");
    expect(start).toBeGreaterThan(0);
    const oneShot = text.slice(0, start) + text.slice(end);
    const error = await errorOf(await send("POST", "/api/runs", { text: oneShot }), 400);
    expect(error.message).toMatch(/dynamics section/);
  });

  it("a run too large for memory is refused before it starts", async () => {
    const flagship = shippedScenarioText("kabul-2021");
    const huge = flagship.replace("\n  weeks: 52\n", "\n  weeks: 10000\n");
    expect(huge).not.toBe(flagship);
    const error = await errorOf(
      await send("POST", "/api/runs", { text: huge, runs: 100_000 }),
      400,
    );
    expect(error.path).toEqual(["runs"]);
    expect(error.message).toMatch(
      /^runs: 100,000 runs × 10,000 weeks × \d+ policies needs about [\d,]+ MB/,
    );
  });

  it("a change requested by another site's page is refused", async () => {
    const response = await send("POST", "/api/runs", { text }, { origin: "http://evil.example" });
    expect((await errorOf(response, 403)).code).toBe("E_FORBIDDEN");
  });
});

describe("unknown and malformed run ids", () => {
  it.each([
    ["GET", "/api/runs/zzzzzzzzzzzz"],
    ["GET", "/api/runs/zzzzzzzzzzzz/results.json"],
    ["GET", "/api/runs/zzzzzzzzzzzz/report.html"],
    ["GET", "/api/runs/zzzzzzzzzzzz/events"],
    ["DELETE", "/api/runs/zzzzzzzzzzzz"],
    ["POST", "/api/runs/zzzzzzzzzzzz/cancel"],
  ])("%s %s is 404", async (method, path) => {
    expect((await errorOf(await send(method, path), 404)).code).toBe("E_NOT_FOUND");
  });

  it("PATCH of an unknown run is 404", async () => {
    expect(
      (await errorOf(await send("PATCH", "/api/runs/zzzzzzzzzzzz", { name: "x" }), 404)).code,
    ).toBe("E_NOT_FOUND");
  });

  it.each(["..%2F..%2Fsecret", "-abc", "a%20b", "%2e%2e%2F"])(
    "a malformed id is 400: %s",
    async (id) => {
      expect((await errorOf(await app.request(`/api/runs/${id}`), 400)).code).toBe("E_INPUT");
    },
  );

  it("a dotted id is resolved away by the URL before routing", async () => {
    expect((await errorOf(await app.request("/api/runs/%2e%2e"), 404)).code).toBe("E_NOT_FOUND");
  });
});

describe("a run from start to results", () => {
  let run: RunSummary;
  let events: { name: string; event: RunEvent }[];
  let cliResults: string;
  let cliReport: string;

  beforeAll(async () => {
    // exactly what the page sends: the shipped file's text and the source the server gives it
    const shipped = (await (await app.request(`/api/scenarios/${SMALL}`)).json()) as {
      text: string;
      source: string;
    };
    // the folder lies outside the server's working folder here: its absolute path
    expect(shipped.source).toBe(join(dir, "scenarios", `${SMALL}.yaml`));
    expect(shipped.text).toBe(shippedScenarioText(SMALL));
    run = await startRun({
      text: shipped.text,
      source: shipped.source,
      name: "first run",
      runs: 40,
      seed: 3,
      overrides: {},
    });
    events = await eventsOf(run.id);
    // the same run by the command line, given the file as the page named it
    const start = process.cwd();
    const out = join(dir, "cli-out");
    process.chdir(ROOT);
    try {
      const cli = await runCliCapture(
        "run",
        shipped.source,
        "--runs",
        "40",
        "--seed",
        "3",
        "--out",
        out,
      );
      expect(cli.code).toBe(0);
    } finally {
      process.chdir(start);
    }
    cliResults = readFileSync(join(out, "results.json"), "utf8");
    cliReport = readFileSync(join(out, "report.html"), "utf8");
  }, 120_000);

  it("starts running, with its inputs recorded", () => {
    expect(run.status).toBe("running");
    expect(run.name).toBe("first run");
    expect(run.scenarioId).toBe(SMALL);
    expect(run.seed).toBe(3);
    expect(run.runs).toBe(40);
    expect(run.version).toBe(LINKAGE_VERSION);
    expect(run.scenarioHash).toMatch(/^[0-9a-f]{64}$/);
    expect(run.progress).not.toBeNull();
  });

  it("streams progress events, rising to the end, then the status", () => {
    const names = events.map((e) => e.name);
    expect(names.at(-1)).toBe("status");
    expect(names.slice(0, -1).every((n) => n === "progress")).toBe(true);
    const progress = events.flatMap((e) => (e.event.type === "progress" ? [e.event.progress] : []));
    expect(progress.length).toBeGreaterThanOrEqual(5);
    const fractions = progress.map((p) => p.fraction);
    for (let i = 1; i < fractions.length; i++)
      expect(fractions[i]!).toBeGreaterThanOrEqual(fractions[i - 1]!);
    expect(fractions.every((f) => f >= 0 && f <= 1)).toBe(true);
    const stages = new Set(progress.map((p) => p.stage));
    for (const stage of [
      "one-shot analysis",
      "checking against the record",
      "sensitivity analysis",
    ])
      expect(stages.has(stage)).toBe(true);
    // the simulation moves the bar between its stage's start and the next
    expect(progress.filter((p) => /simulation$/.test(p.stage)).length).toBeGreaterThan(1);
    const last = events.at(-1)!.event;
    expect(last.type === "status" && last.run.status).toBe("done");
  });

  it("stores results.json byte-identical to linkage run's", async () => {
    const response = await app.request(`/api/runs/${run.id}/results.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await response.text()).toBe(cliResults);
  });

  it("GET /api/runs/:id gives the summary, the text and the source", async () => {
    const detail = (await (await app.request(`/api/runs/${run.id}`)).json()) as RunDetail;
    expect(detail.text).toBe(shippedScenarioText(SMALL));
    expect(detail.source).toBe(join(dir, "scenarios", `${SMALL}.yaml`));
    expect(detail.run.status).toBe("done");
    expect(detail.run.progress).toBeNull();
    expect(detail.run.recommendedPolicy).toBe(
      JSON.parse(cliResults).verdict[0].match(/policy: (\S+)/)[1],
    );
    expect(detail.run.headline).toBe(JSON.parse(cliResults).verdict[0]);
    expect(detail.run.durationMs).toBeGreaterThan(0);
  });

  it("a finished run's events are its status alone", async () => {
    const again = await eventsOf(run.id);
    expect(again.map((e) => e.name)).toEqual(["status"]);
  });

  it("GET report.html gives the self-contained report", async () => {
    const response = await app.request(`/api/runs/${run.id}/report.html`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    expect(response.headers.get("content-security-policy")).toMatch(/^default-src 'none';/);
    const html = await response.text();
    expect(html).toContain("<h1>Aid for action against the Haqqani network");
    // the report linkage run writes, from the stored results (the footer's date aside)
    const date = /\d{4}-\d{2}-\d{2}/g;
    expect(html.replace(date, "DATE")).toBe(cliReport.replace(date, "DATE"));
    expect(html).toContain('data-section="verdict"');
    expect(html).not.toMatch(/<script[^>]+src=/);
  });

  it("lists, searches, renames and deletes", async () => {
    const list = async (q?: string) =>
      (
        (await (
          await app.request(`/api/runs${q === undefined ? "" : `?q=${encodeURIComponent(q)}`}`)
        ).json()) as {
          runs: RunSummary[];
        }
      ).runs.map((r) => r.id);
    expect(await list()).toContain(run.id);
    expect(await list("first")).toEqual([run.id]);
    expect(await list(run.id)).toEqual([run.id]);
    expect(await list("%")).toEqual([]);
    const renamed = await send("PATCH", `/api/runs/${run.id}`, { name: "  100% renamed_run  " });
    expect(((await renamed.json()) as { run: RunSummary }).run.name).toBe("100% renamed_run");
    expect(await list("%")).toEqual([run.id]);
    expect(await list("first")).toEqual([]);
    expect(
      (await errorOf(await send("PATCH", `/api/runs/${run.id}`, { name: "   " }), 400)).path,
    ).toEqual(["name"]);
    expect((await errorOf(await send("POST", `/api/runs/${run.id}/cancel`), 409)).code).toBe(
      "E_CONFLICT",
    );
    expect((await send("DELETE", `/api/runs/${run.id}`)).status).toBe(204);
    expect(await list()).not.toContain(run.id);
    expect((await errorOf(await app.request(`/api/runs/${run.id}`), 404)).code).toBe("E_NOT_FOUND");
  });
});

describe("queueing and cancelling", () => {
  it("queues a second run, cancels both, and keeps no results", async () => {
    const text = shippedScenarioText("kabul-2021");
    const first = await startRun({ text, runs: 2000 });
    const second = await startRun({ text, runs: 2000, seed: 2 });
    expect(second.progress).toEqual({ stage: "queued", fraction: 0 });
    // a reload mid-run: the stream opens with the current progress at once
    const response = await app.request(`/api/runs/${first.id}/events`);
    const reader = response.body!.getReader();
    const firstChunk = new TextDecoder().decode((await reader.read()).value);
    expect(firstChunk).toMatch(
      /^event: progress\ndata: \{"type":"progress","progress":\{"stage":"[^"]+","fraction":0(\.\d+)?\}\}\n\n/,
    );
    const cancelled = await send("POST", `/api/runs/${first.id}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(((await cancelled.json()) as { run: RunSummary }).run.status).toBe("cancelled");
    // the stream ends with the status
    let rest = "";
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      rest += new TextDecoder().decode(value);
    }
    expect(rest).toMatch(/event: status\ndata: .*"status":"cancelled"/);
    // the second run started when the first was cancelled; deleting it cancels it first
    const detail = (await (await app.request(`/api/runs/${second.id}`)).json()) as RunDetail;
    expect(detail.run.status).toBe("running");
    expect(detail.run.progress?.stage).not.toBe("queued");
    expect((await send("DELETE", `/api/runs/${second.id}`)).status).toBe(204);
    expect(runner.isActive(second.id)).toBe(false);
    expect((await errorOf(await app.request(`/api/runs/${first.id}/results.json`), 409)).code).toBe(
      "E_CONFLICT",
    );
    expect(
      (await errorOf(await send("POST", `/api/runs/${first.id}/cancel`), 409)).message,
    ).toMatch(/is cancelled/);
  });

  it(`refuses a run when ${MAX_WAITING_RUNS} already wait for a slot`, async () => {
    const text = shippedScenarioText("kabul-2021");
    const started = [await startRun({ text, runs: 2000 })];
    for (let k = 0; k < MAX_WAITING_RUNS; k++) started.push(await startRun({ text, seed: k + 2 }));
    expect(runner.waiting).toBe(MAX_WAITING_RUNS);
    const refused = await errorOf(await send("POST", "/api/runs", { text }), 409);
    expect(refused.message).toMatch(/already waiting/);
    for (const run of started) await send("POST", `/api/runs/${run.id}/cancel`);
    expect(runner.waiting).toBe(0);
  });
});

describe("a run that fails", () => {
  it("is stored failed with the core's message, and its listeners get the status", async () => {
    // the API checks a scenario before it starts a run; the worker's own check is the last line
    const stored = registry.create({
      name: "broken",
      scenarioId: "broken",
      scenarioTitle: "Broken",
      source: "broken.yaml",
      text: "linkage: [1",
      scenarioHash: "0".repeat(64),
      overrides: {},
      seed: 1,
      runs: 10,
      version: LINKAGE_VERSION,
    });
    const ended = new Promise<RunEvent>((resolve) => {
      runner.start(stored.id, {
        text: "linkage: [1",
        source: "broken.yaml",
        overrides: {},
        seed: 1,
        runs: 10,
        scenarioHash: "0".repeat(64),
      });
      runner.subscribe(stored.id, (event) => {
        if (event?.type === "status") resolve(event);
      });
    });
    const event = await ended;
    expect(event.type === "status" && event.run.status).toBe("failed");
    const detail = (await (await app.request(`/api/runs/${stored.id}`)).json()) as RunDetail;
    expect(detail.run.status).toBe("failed");
    expect(detail.run.error).toMatch(/^broken\.yaml:1:\d+: /);
    expect(
      (await errorOf(await app.request(`/api/runs/${stored.id}/results.json`), 409)).message,
    ).toMatch(/is failed/);
  });
});

describe("the built page", () => {
  it("serves index.html at / and files with their content types", async () => {
    const index = await app.request("/");
    expect(index.status).toBe(200);
    expect(index.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await index.text()).toContain("Linkage workbench");
    const js = await app.request("/assets/app.js");
    expect(js.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    const css = await app.request("/assets/app.css");
    expect(css.headers.get("content-type")).toBe("text/css; charset=utf-8");
    expect((await app.request("/assets/missing.js")).status).toBe(404);
    expect((await app.request("/assets")).status).toBe(404);
  });

  it.each([
    "/../secret.txt",
    "/%2e%2e/secret.txt",
    "/assets/..%2F..%2Fsecret.txt",
    "/assets/%2e%2e%2f%2e%2e%2fsecret.txt",
    "/..%5Csecret.txt",
    "/%2Fetc%2Fpasswd",
    `/${encodeURIComponent(join(dir ?? "/tmp", "secret.txt"))}`,
    "/assets%00/app.js",
  ])("never serves a file outside: %s", async (path) => {
    const response = await app.request(path);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain(SECRET);
  });

  it("says how to build the page when dist/web is missing", async () => {
    const bare = createWorkbenchApp({
      registry,
      scenariosDir: join(dir, "scenarios"),
      webDir: join(dir, "no-such-folder"),
      runner,
    });
    const response = await bare.request("/");
    expect(response.status).toBe(503);
    expect(await response.text()).toContain("npm run build");
  });
});

describe("requests addressed to another name (DNS rebinding)", () => {
  it.each([
    "http://evil.example/api/health",
    "http://evil.example/",
    "http://10.0.0.1:5173/api/runs",
  ])("are refused: %s", async (url) => {
    expect((await errorOf(await app.request(url), 403)).code).toBe("E_FORBIDDEN");
  });

  it.each([
    "http://localhost:5173/api/health",
    "http://127.0.0.1:5173/api/health",
    "http://[::1]:5173/api/health",
  ])("are answered when addressed to this machine: %s", async (url) => {
    const response = await app.request(url);
    expect(response.status).toBe(200);
    expect(response.headers.get("x-frame-options")).toBe("DENY");
  });

  it("a server bound to another address answers that name, and still refuses the others", async () => {
    const wide = createWorkbenchApp({
      registry,
      scenariosDir: join(dir, "scenarios"),
      webDir: join(dir, "web"),
      runner,
      allowedHosts: ["10.0.0.1", "workstation"],
    });
    expect((await wide.request("http://10.0.0.1:5173/api/health")).status).toBe(200);
    expect((await wide.request("http://workstation:5173/api/health")).status).toBe(200);
    expect((await wide.request("http://127.0.0.1:5173/api/health")).status).toBe(200);
    const rebound = await errorOf(await wide.request("http://evil.example/api/health"), 403);
    expect(rebound.code).toBe("E_FORBIDDEN");
  });
});

describe("faults", () => {
  it("answer 500 with a generic message, the details logged", async () => {
    const file = join(dir, "closed.sqlite");
    const closed = RunRegistry.open(file);
    const log: string[] = [];
    const broken = createWorkbenchApp({
      registry: closed,
      scenariosDir: join(dir, "scenarios"),
      webDir: join(dir, "web"),
      runner,
      log: (text) => log.push(text),
    });
    closed.close();
    const error = await errorOf(await broken.request("/api/runs"), 500);
    expect(error.code).toBe("E_INTERNAL");
    expect(error.message).not.toMatch(/database|sqlite/i);
    expect(log.join("\n")).toMatch(/database connection is not open/);
  });
});
