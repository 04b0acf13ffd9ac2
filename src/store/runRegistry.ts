import { randomInt } from "node:crypto";
import Database from "better-sqlite3";
import { LinkageError } from "../errors/LinkageError.js";

/** Where a stored run stands. `interrupted`: the server stopped (or died) while it ran. */
export type StoredRunStatus = "running" | "done" | "failed" | "cancelled" | "interrupted";

/** What is needed to record a new run (status `running`). */
export interface NewRun {
  readonly name: string;
  readonly scenarioId: string;
  readonly scenarioTitle: string;
  /** Where the scenario text came from ("kabul-2021.yaml", "upload.yaml"). */
  readonly source: string;
  /** The scenario's YAML text exactly as run. */
  readonly text: string;
  /** SHA-256 of `text`, hex. */
  readonly scenarioHash: string;
  readonly overrides: Readonly<Record<string, number>>;
  readonly seed: number;
  readonly runs: number;
  /** Linkage's version that runs it. */
  readonly version: string;
}

/** One run as the registry lists it (everything but the scenario text and the results). */
export interface StoredRun {
  readonly id: string;
  readonly name: string;
  readonly scenarioId: string;
  readonly scenarioTitle: string;
  readonly status: StoredRunStatus;
  readonly seed: number;
  readonly runs: number;
  readonly overrides: Readonly<Record<string, number>>;
  readonly version: string;
  readonly scenarioHash: string;
  /** ISO 8601 times. */
  readonly createdAt: string;
  readonly finishedAt: string | null;
  readonly durationMs: number | null;
  readonly recommendedPolicy: string | null;
  readonly headline: string | null;
  readonly error: string | null;
}

/** A stored run with the scenario text it ran and where that text came from. */
export interface StoredRunDetail {
  readonly run: StoredRun;
  readonly text: string;
  readonly source: string;
}

/** What a finished run adds to its row besides the results. */
export interface RunCompletion {
  readonly recommendedPolicy: string;
  readonly headline: string;
}

/** The schema this code writes (`PRAGMA user_version`); a file with a larger one is refused. */
export const REGISTRY_SCHEMA_VERSION = 1;

/** `PRAGMA application_id` of a Linkage registry ("LNKG"), so another SQLite file is recognised. */
export const REGISTRY_APPLICATION_ID = 0x4c4e4b47;

/** Milliseconds a statement waits for another connection's lock before failing. */
const BUSY_TIMEOUT_MS = 5000;

/** Letters of a run id: URL-safe, and matching the API's id pattern. */
const ID_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
const ID_LENGTH = 12;

const SCHEMA = `
CREATE TABLE runs (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  scenario_id TEXT NOT NULL,
  scenario_title TEXT NOT NULL,
  source TEXT NOT NULL,
  scenario_text TEXT NOT NULL,
  scenario_hash TEXT NOT NULL,
  overrides TEXT NOT NULL,
  seed INTEGER NOT NULL,
  runs INTEGER NOT NULL,
  version TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('running', 'done', 'failed', 'cancelled', 'interrupted')),
  created_at TEXT NOT NULL,
  started_at TEXT,
  finished_at TEXT,
  duration_ms INTEGER,
  error TEXT,
  recommended_policy TEXT,
  headline TEXT,
  results TEXT,
  server_pid INTEGER NOT NULL,
  CHECK ((status = 'done') = (results IS NOT NULL))
);
CREATE INDEX runs_created ON runs (created_at DESC, seq DESC);
`;

/** The servers' heartbeats (pid → last beat), added to any registry a server opens. */
const SERVERS_TABLE = `CREATE TABLE IF NOT EXISTS servers (
  pid INTEGER PRIMARY KEY,
  heartbeat_at TEXT NOT NULL
);`;

/** How often a serving process records that it is alive (ms). */
export const HEARTBEAT_MS = 10_000;

/** The columns of a summary, in the order `rowToRun` reads them. */
const SUMMARY_COLUMNS = `id, name, scenario_id, scenario_title, status, seed, runs, overrides, version,
  scenario_hash, created_at, finished_at, duration_ms, recommended_policy, headline, error`;

interface RunRow {
  id: string;
  name: string;
  scenario_id: string;
  scenario_title: string;
  status: StoredRunStatus;
  seed: number;
  runs: number;
  overrides: string;
  version: string;
  scenario_hash: string;
  created_at: string;
  finished_at: string | null;
  duration_ms: number | null;
  recommended_policy: string | null;
  headline: string | null;
  error: string | null;
}

/**
 * The workbench's run registry: one SQLite file (better-sqlite3, WAL mode) holding every run's
 * inputs (scenario text, overrides, seed, runs, version), its status and timings, and, once done,
 * its results.json text. The results are written in the same statement that sets the status to
 * `done`, so a run is never stored half-written: a server that dies mid-run leaves a `running` row
 * without results, which {@link RunRegistry.markInterrupted} turns into `interrupted` at the next
 * start.
 */
export class RunRegistry {
  private constructor(
    private readonly db: Database.Database,
    /** The registry's file, as given. */
    readonly file: string,
  ) {}

  /**
   * Opens (creating it when missing or empty) the registry in `file`. With `readOnly` (for
   * `linkage serve --check`) the file must exist and is only read: nothing is created or set up.
   * @throws {LinkageError} E_INPUT when the file cannot be opened, is not SQLite, is another
   *   program's SQLite database, or was written by a newer Linkage (a larger schema version)
   */
  static open(file: string, options: { readonly readOnly?: boolean } = {}): RunRegistry {
    const readOnly = options.readOnly ?? false;
    let db: Database.Database | undefined;
    try {
      db = new Database(file, readOnly ? { readonly: true, fileMustExist: true } : {});
      db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
      // read before writing anything: another program's database is left untouched
      const applicationId = db.pragma("application_id", { simple: true }) as number;
      const version = db.pragma("user_version", { simple: true }) as number;
      const tables = (db.prepare("SELECT count(*) AS n FROM sqlite_schema").get() as { n: number })
        .n;
      if (applicationId !== REGISTRY_APPLICATION_ID && (applicationId !== 0 || tables > 0)) {
        throw new LinkageError(
          "E_INPUT",
          `${file}: not a Linkage run registry (an SQLite database of another program); give another --db file`,
        );
      }
      if (version > REGISTRY_SCHEMA_VERSION) {
        throw new LinkageError(
          "E_INPUT",
          `${file}: the run registry was written by a newer Linkage (schema ${version}; this one reads up to ${REGISTRY_SCHEMA_VERSION}); upgrade Linkage or give another --db file`,
        );
      }
      if (readOnly) {
        if (version < REGISTRY_SCHEMA_VERSION) {
          throw new LinkageError(
            "E_INPUT",
            `${file}: an empty file or an older run registry (schema ${version}); a server would set it up`,
          );
        }
        return new RunRegistry(db, file);
      }
      db.pragma("journal_mode = WAL");
      db.pragma("synchronous = NORMAL");
      db.exec(SERVERS_TABLE);
      if (version < REGISTRY_SCHEMA_VERSION) {
        db.transaction(() => {
          db!.exec(SCHEMA);
          db!.pragma(`application_id = ${REGISTRY_APPLICATION_ID}`);
          db!.pragma(`user_version = ${REGISTRY_SCHEMA_VERSION}`);
        })();
      }
      return new RunRegistry(db, file);
    } catch (error) {
      db?.close();
      if (error instanceof LinkageError) throw error;
      const code = (error as { code?: unknown }).code;
      const reason =
        code === "SQLITE_NOTADB"
          ? "not a Linkage run registry (not an SQLite database)"
          : `cannot open the run registry: ${(error as Error).message}`;
      throw new LinkageError("E_INPUT", `${file}: ${reason}; give another --db file`, undefined, {
        cause: error,
      });
    }
  }

  /** The SQLite journal mode in use ("wal"). */
  journalMode(): string {
    return this.db.pragma("journal_mode", { simple: true }) as string;
  }

  /**
   * Records that this process's server is alive (its heartbeat): a server calls it when it
   * starts and every `HEARTBEAT_MS` while it serves.
   */
  beat(now: Date = new Date()): void {
    this.db
      .prepare("INSERT OR REPLACE INTO servers (pid, heartbeat_at) VALUES (?, ?)")
      .run(process.pid, now.toISOString());
  }

  /** Whether the server with this pid beat within the last three heartbeats. */
  private beatsRecently(pid: number, now: Date): boolean {
    const row = this.db.prepare("SELECT heartbeat_at FROM servers WHERE pid = ?").get(pid) as
      | { heartbeat_at: string }
      | undefined;
    return row !== undefined && now.getTime() - Date.parse(row.heartbeat_at) < 3 * HEARTBEAT_MS;
  }

  /**
   * Turns into `interrupted` every `running` row of this process or of a server that is gone
   * (runs left by a server that stopped or died), and returns how many there were. Runs of
   * another live server on the same file are left alone: one whose process exists and whose
   * heartbeat is recent (a pid alone could be reused by another program after a reboot). Called
   * when a server starts and stops, and before refusing to cancel a run this server does not hold.
   *
   * @param isAlive - whether a server process still runs. @default its pid exists and it beat recently
   */
  markInterrupted(
    now: Date = new Date(),
    isAlive: (pid: number) => boolean = (pid) => processAlive(pid) && this.beatsRecently(pid, now),
  ): number {
    return this.db.transaction(() => {
      const rows = this.db
        .prepare("SELECT id, server_pid FROM runs WHERE status = 'running'")
        .all() as { id: string; server_pid: number }[];
      const update = this.db.prepare(
        "UPDATE runs SET status = 'interrupted', finished_at = ?, error = 'the server stopped while the run was in progress' WHERE id = ?",
      );
      let marked = 0;
      for (const row of rows) {
        if (row.server_pid !== process.pid && isAlive(row.server_pid)) continue;
        marked += update.run(now.toISOString(), row.id).changes;
      }
      return marked;
    })();
  }

  /** Records a new run with status `running` and a fresh random id. */
  create(run: NewRun, now: Date = new Date()): StoredRun {
    const id = newRunId();
    this.db
      .prepare(
        `INSERT INTO runs (id, name, scenario_id, scenario_title, source, scenario_text, scenario_hash,
           overrides, seed, runs, version, status, created_at, server_pid)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'running', ?, ?)`,
      )
      .run(
        id,
        run.name,
        run.scenarioId,
        run.scenarioTitle,
        run.source,
        run.text,
        run.scenarioHash,
        JSON.stringify(run.overrides),
        run.seed,
        run.runs,
        run.version,
        now.toISOString(),
        process.pid,
      );
    return this.get(id)!;
  }

  /**
   * Records that a running run has left the queue and begun executing: its duration is counted
   * from here (a run that never began counts from its creation).
   */
  markStarted(id: string, now: Date = new Date()): void {
    this.db
      .prepare("UPDATE runs SET started_at = ? WHERE id = ? AND status = 'running'")
      .run(now.toISOString(), id);
  }

  /**
   * Stores a finished run's results.json and sets it `done`, in one transaction, if it is still
   * `running` (a run cancelled or deleted meanwhile stays as it is).
   * @returns whether the run was stored as done
   */
  complete(id: string, resultsJson: string, completion: RunCompletion, now = new Date()): boolean {
    return this.db.transaction(() => {
      const row = this.db
        .prepare(
          "SELECT coalesce(started_at, created_at) AS began FROM runs WHERE id = ? AND status = 'running'",
        )
        .get(id) as { began: string } | undefined;
      if (!row) return false;
      this.db
        .prepare(
          `UPDATE runs SET status = 'done', results = ?, recommended_policy = ?, headline = ?,
             finished_at = ?, duration_ms = ?, error = NULL WHERE id = ?`,
        )
        .run(
          resultsJson,
          completion.recommendedPolicy,
          completion.headline,
          now.toISOString(),
          durationMs(row.began, now),
          id,
        );
      return true;
    })();
  }

  /** Sets a running run `failed` with the reason; returns whether it was running. */
  fail(id: string, error: string, now: Date = new Date()): boolean {
    return this.finish(id, "failed", error, now);
  }

  /** Sets a running run `cancelled`; returns whether it was running. */
  cancel(id: string, now: Date = new Date()): boolean {
    return this.finish(id, "cancelled", null, now);
  }

  /** One run's summary, or undefined for an unknown id. */
  get(id: string): StoredRun | undefined {
    const row = this.db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM runs WHERE id = ?`).get(id);
    return row ? rowToRun(row as RunRow) : undefined;
  }

  /** One run with its scenario text and source, or undefined for an unknown id. */
  detail(id: string): StoredRunDetail | undefined {
    const row = this.db
      .prepare(`SELECT ${SUMMARY_COLUMNS}, scenario_text, source FROM runs WHERE id = ?`)
      .get(id) as (RunRow & { scenario_text: string; source: string }) | undefined;
    return row ? { run: rowToRun(row), text: row.scenario_text, source: row.source } : undefined;
  }

  /**
   * The runs, newest first; with `search`, those whose name, scenario id, scenario title or run
   * id contains it (case-insensitive for ASCII; `%` and `_` match themselves).
   */
  list(search?: string): StoredRun[] {
    const text = search?.trim() ?? "";
    const rows =
      text === ""
        ? this.db
            .prepare(`SELECT ${SUMMARY_COLUMNS} FROM runs ORDER BY created_at DESC, seq DESC`)
            .all()
        : this.db
            .prepare(
              `SELECT ${SUMMARY_COLUMNS} FROM runs
               WHERE name LIKE @p ESCAPE '\\' OR scenario_id LIKE @p ESCAPE '\\'
                  OR scenario_title LIKE @p ESCAPE '\\' OR id LIKE @p ESCAPE '\\'
               ORDER BY created_at DESC, seq DESC`,
            )
            .all({ p: `%${escapeLike(text)}%` });
    return (rows as RunRow[]).map(rowToRun);
  }

  /** Renames a run; returns its summary, or undefined for an unknown id. */
  rename(id: string, name: string): StoredRun | undefined {
    this.db.prepare("UPDATE runs SET name = ? WHERE id = ?").run(name, id);
    return this.get(id);
  }

  /** Deletes a run; returns whether it existed. */
  delete(id: string): boolean {
    return this.db.prepare("DELETE FROM runs WHERE id = ?").run(id).changes > 0;
  }

  /** A done run's results.json text; undefined when the run is unknown or not done. */
  results(id: string): string | undefined {
    const row = this.db
      .prepare("SELECT results FROM runs WHERE id = ? AND status = 'done'")
      .get(id) as { results: string } | undefined;
    return row?.results;
  }

  /** Closes the database file (checkpointing the WAL). */
  close(): void {
    if (this.db.open) this.db.close();
  }

  private finish(id: string, status: StoredRunStatus, error: string | null, now: Date): boolean {
    return this.db.transaction(() => {
      const row = this.db
        .prepare(
          "SELECT coalesce(started_at, created_at) AS began FROM runs WHERE id = ? AND status = 'running'",
        )
        .get(id) as { began: string } | undefined;
      if (!row) return false;
      this.db
        .prepare(
          "UPDATE runs SET status = ?, error = ?, finished_at = ?, duration_ms = ? WHERE id = ?",
        )
        .run(status, error, now.toISOString(), durationMs(row.began, now), id);
      return true;
    })();
  }
}

/** Whether the process `pid` exists (a signal-0 probe: EPERM means it exists under another user). */
function processAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** A random run id: 12 letters and digits (60 bits), URL-safe. */
function newRunId(): string {
  let id = "";
  for (let i = 0; i < ID_LENGTH; i++) id += ID_ALPHABET[randomInt(ID_ALPHABET.length)];
  return id;
}

/** `text` with LIKE's wildcards and the escape character escaped (ESCAPE '\'). */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function durationMs(createdAt: string, now: Date): number {
  return Math.max(0, now.getTime() - Date.parse(createdAt));
}

function rowToRun(row: RunRow): StoredRun {
  return {
    id: row.id,
    name: row.name,
    scenarioId: row.scenario_id,
    scenarioTitle: row.scenario_title,
    status: row.status,
    seed: row.seed,
    runs: row.runs,
    overrides: JSON.parse(row.overrides) as Record<string, number>,
    version: row.version,
    scenarioHash: row.scenario_hash,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
    durationMs: row.duration_ms,
    recommendedPolicy: row.recommended_policy,
    headline: row.headline,
    error: row.error,
  };
}
