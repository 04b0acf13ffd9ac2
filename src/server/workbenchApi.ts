/**
 * The workbench's HTTP API as data: the request bodies (zod, checked by the server) and the
 * response shapes (types, imported by the page as types only). Every path is under `/api`.
 *
 * | method and path                   | body / query            | answer                                     |
 * | --------------------------------- | ----------------------- | ------------------------------------------ |
 * | GET    /api/health                |                         | `Health`                                   |
 * | GET    /api/scenarios             |                         | `{ scenarios: ShippedScenario[] }`         |
 * | GET    /api/scenarios/:id         |                         | `ShippedScenarioFile` (shipped file by id) |
 * | GET    /api/schema                |                         | the scenario language's JSON Schema        |
 * | POST   /api/runs                  | `StartRunBody`          | 202 `{ run: RunSummary }`                  |
 * | GET    /api/runs                  | `?q=` (name, id, title) | `{ runs: RunSummary[] }`, newest first     |
 * | GET    /api/runs/:id              |                         | `RunDetail`                                |
 * | PATCH  /api/runs/:id              | `RenameRunBody`         | `{ run: RunSummary }`                      |
 * | DELETE /api/runs/:id              |                         | 204 (a running run is cancelled first)     |
 * | POST   /api/runs/:id/cancel       |                         | `{ run: RunSummary }`                      |
 * | GET    /api/runs/:id/events       |                         | server-sent events, see `RunEvent`         |
 * | GET    /api/runs/:id/results.json |                         | the run's results.json (a `ScenarioRun`)   |
 * | GET    /api/runs/:id/report.html  |                         | the run's self-contained HTML report       |
 *
 * Every error is `ApiError` JSON with an HTTP status: 400 bad body or parameter, 403 a request
 * addressed to another host name than this machine's or a change sent from another site's page,
 * 404 unknown scenario or run, 409 a state that forbids the request, 413 a body over the limit,
 * 415 a body not sent as `application/json`, 500 a fault (whose message never carries a stack
 * trace).
 *
 * Events: `/api/runs/:id/events` sends, for a running run, a `progress` event at once (the
 * current progress, so a reloaded page shows where the run is), one per visible change, then a
 * `status` event with the final `RunSummary`, and ends; for a run already ended, the `status`
 * event alone. Close the `EventSource` on `status` (a browser otherwise reconnects).
 */
import { z } from "zod";

/** The largest request body the server reads, in bytes (a scenario is at most 1 MiB). */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

/** What a run or scenario id may look like (ids are data, never paths). */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;

export const StartRunBody = z
  .object({
    /** The scenario's YAML text, as in the editor. */
    text: z.string().min(1).max(1_048_576),
    /** Where the text came from, shown in messages ("kabul-2021.yaml", "upload.yaml"). */
    source: z.string().min(1).max(200).optional(),
    /** A name for the registry; defaults to the scenario's title. */
    name: z.string().min(1).max(200).optional(),
    /** `--set id=value` as a record. */
    overrides: z.record(z.string().max(200), z.number().refine(Number.isFinite)).default({}),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1)
      .default(1),
    runs: z.number().int().min(10).max(100_000).default(2000),
  })
  .strict();
export type StartRunBody = z.input<typeof StartRunBody>;

export const RenameRunBody = z.object({ name: z.string().trim().min(1).max(200) }).strict();
export type RenameRunBody = z.input<typeof RenameRunBody>;

export type RunStatus = "running" | "done" | "failed" | "cancelled" | "interrupted";

export interface RunProgress {
  /** The stage's words ("weekly simulation", "sensitivity analysis"). */
  readonly stage: string;
  /** 0…1 over the whole run. */
  readonly fraction: number;
}

export interface RunSummary {
  readonly id: string;
  readonly name: string;
  readonly scenarioId: string;
  readonly scenarioTitle: string;
  readonly status: RunStatus;
  readonly seed: number;
  readonly runs: number;
  readonly overrides: Readonly<Record<string, number>>;
  /** Linkage's version that ran it. */
  readonly version: string;
  /** SHA-256 of the scenario text, hex. */
  readonly scenarioHash: string;
  /** ISO 8601 times. */
  readonly createdAt: string;
  readonly finishedAt: string | null;
  readonly durationMs: number | null;
  /** The recommended policy and the verdict's headline, once done. */
  readonly recommendedPolicy: string | null;
  readonly headline: string | null;
  /** Why it failed, for `failed`. */
  readonly error: string | null;
  /** Last progress seen, while running. */
  readonly progress: RunProgress | null;
}

export interface RunDetail {
  readonly run: RunSummary;
  /** The scenario text exactly as run. */
  readonly text: string;
  readonly source: string;
}

/** Server-sent events on /api/runs/:id/events: the event name is `type`, the data is JSON. */
export type RunEvent =
  | { readonly type: "progress"; readonly progress: RunProgress }
  | { readonly type: "status"; readonly run: RunSummary };

export interface ShippedScenario {
  readonly id: string;
  readonly title: string;
  readonly file: string;
}

/** A shipped scenario's text, and `source`: the file as `linkage run` is given it, for a run's command. */
export interface ShippedScenarioFile {
  readonly id: string;
  readonly text: string;
  readonly source: string;
}

export interface Health {
  readonly version: string;
}

export interface ApiError {
  readonly error: {
    /** `E_INPUT`, `E_SCENARIO`, `E_NOT_FOUND`, `E_CONFLICT`, `E_TOO_LARGE`, `E_FORBIDDEN`, `E_INTERNAL`. */
    readonly code: string;
    readonly message: string;
    /** Where in the body (zod path) or in the scenario (line, column), when known. */
    readonly path?: readonly (string | number)[];
    readonly line?: number;
    readonly column?: number;
  };
}
