import { createHash } from "node:crypto";
import { join, resolve } from "node:path";
import type { CalibrationResult } from "../calibrate/CalibrationResult.js";
import { calibratedScenarioYaml } from "../calibrate/calibratedScenarioYaml.js";
import { calibrateEvents } from "../calibrate/calibrateEvents.js";
import type { DatedEvents } from "../calibrate/DatedEvents.js";
import { isoDayNumber } from "../calibrate/isoDayNumber.js";
import { parseEventTable } from "../calibrate/parseEventTable.js";
import { parseGedCsv } from "../calibrate/parseGedCsv.js";
import { LinkageError } from "../errors/LinkageError.js";
import { calibrationReportHtml } from "../report/calibrationReportHtml.js";
import { MAX_SCENARIO_BYTES } from "../scenario/loadScenario.js";
import { parseScenario } from "../scenario/parseScenario.js";
import { readTextFile } from "../scenario/readTextFile.js";
import { checkOutputFile, checkOutputFolder } from "./checkOutputPath.js";
import { nonEmptyFlag, wholeNumberFlag } from "./cliFlags.js";
import type { CliIo } from "./cliIo.js";
import { LINKAGE_VERSION } from "./linkageVersion.js";
import { scenarioPath } from "./scenarioPath.js";
import { writeFileAtomic } from "./writeFileAtomic.js";

/** The largest event file read (a V8 string holds at most ~512 M characters). */
export const MAX_EVENT_FILE_BYTES = 400 * 1024 * 1024;

export interface CalibrateCommandOptions {
  readonly scenario?: string;
  readonly format?: "ged" | "csv" | "jsonl";
  readonly country?: string;
  readonly actor?: string;
  readonly sideA?: string;
  readonly sideB?: string;
  readonly dyad?: string;
  readonly typeOfViolence?: string;
  readonly maxDatePrecision?: string;
  readonly from?: string;
  readonly to?: string;
  readonly dateColumn?: string;
  readonly countColumn?: string;
  readonly fatalitiesColumn?: string;
  readonly skipBadRows?: boolean;
  readonly time?: "jitter" | "discrete-day";
  readonly changePoint: string[];
  readonly kernelComponents?: string;
  readonly background?: "constant" | "piecewise" | "spline";
  readonly splineKnots?: string;
  readonly seed?: string;
  readonly starts?: string;
  readonly folds?: string;
  readonly backgroundParameter?: string;
  readonly out?: string;
  readonly json?: boolean;
  readonly writeScenario?: string;
}

const GED_ONLY = [
  "country",
  "actor",
  "sideA",
  "sideB",
  "dyad",
  "typeOfViolence",
  "maxDatePrecision",
] as const;
const TABLE_ONLY = ["dateColumn", "countColumn", "fatalitiesColumn"] as const;
const FLAG_NAME: Record<string, string> = {
  country: "--country",
  actor: "--actor",
  sideA: "--side-a",
  sideB: "--side-b",
  dyad: "--dyad",
  typeOfViolence: "--type-of-violence",
  maxDatePrecision: "--max-date-precision",
  dateColumn: "--date-column",
  countColumn: "--count-column",
  fatalitiesColumn: "--fatalities-column",
};

/**
 * `linkage calibrate DATA --scenario FILE [filters] [--out DIR] [--json] [--write-scenario NEW]`:
 * fits the scenario's attack process to event data (docs/calibration.md), prints the estimates
 * and the fit's checks, writes DIR/calibration.html and DIR/calibration.json, and with
 * `--write-scenario` a copy of the scenario carrying the estimates (the original is never
 * modified).
 */
export async function calibrateCommand(
  data: string,
  options: CalibrateCommandOptions,
  io: CliIo,
): Promise<void> {
  // every flag and output path is checked before the work starts
  if (options.scenario === undefined) {
    throw new LinkageError(
      "E_INPUT",
      "--scenario FILE is required: the scenario whose attack parameters the data calibrate",
    );
  }
  const seed = wholeNumberFlag("--seed", options.seed) ?? 1;
  const starts = wholeNumberFlag("--starts", options.starts) ?? 10;
  const folds = wholeNumberFlag("--folds", options.folds) ?? 4;
  const kernelComponents = wholeNumberFlag("--kernel-components", options.kernelComponents);
  const splineKnots = wholeNumberFlag("--spline-knots", options.splineKnots);
  const continuousFlags = [
    ["--kernel-components", kernelComponents],
    ["--background", options.background],
    ["--spline-knots", splineKnots],
  ].filter(([, v]) => v !== undefined);
  if (options.time === "discrete-day" && continuousFlags.length > 0) {
    throw new LinkageError(
      "E_INPUT",
      `${continuousFlags.map(([f]) => f).join(", ")}: shape the continuous-time fit, which --time discrete-day does not run (use --time jitter)`,
    );
  }
  if (splineKnots !== undefined && options.background !== "spline") {
    throw new LinkageError("E_INPUT", "--spline-knots: applies only with --background spline");
  }
  if (options.background === "piecewise" && options.changePoint.length === 0) {
    throw new LinkageError(
      "E_INPUT",
      "--background piecewise: needs at least one --change-point DATE where the background may change",
    );
  }
  const typeOfViolence = wholeNumberFlag("--type-of-violence", options.typeOfViolence);
  const maxDatePrecision = wholeNumberFlag("--max-date-precision", options.maxDatePrecision);
  for (const [flag, value] of [
    ["--from", options.from],
    ["--to", options.to],
    ...options.changePoint.map((date) => ["--change-point", date]),
  ] as const) {
    if (value !== undefined && isoDayNumber(value) === null) {
      throw new LinkageError(
        "E_INPUT",
        `${flag} ${JSON.stringify(value)}: expected a date YYYY-MM-DD (a real calendar day)`,
      );
    }
  }
  const chosenOut = nonEmptyFlag("--out", options.out);
  if (chosenOut !== undefined) checkOutputFolder("--out", chosenOut);
  const writeScenario = nonEmptyFlag("--write-scenario", options.writeScenario);
  const path = scenarioPath(options.scenario, io);
  if (writeScenario !== undefined) {
    checkOutputFile("--write-scenario", writeScenario);
    if (resolve(writeScenario) === resolve(path)) {
      throw new LinkageError(
        "E_INPUT",
        `--write-scenario ${writeScenario}: is the scenario itself; calibration writes a copy and never changes the original`,
      );
    }
  }
  const scenarioText = readTextFile(path, MAX_SCENARIO_BYTES, "scenario");
  const scenario = parseScenario(scenarioText, path);
  const text = readTextFile(data, MAX_EVENT_FILE_BYTES, "event file");
  const format = options.format ?? guessFormat(data, text);
  const unused = (format === "ged" ? TABLE_ONLY : GED_ONLY).filter((k) => options[k] !== undefined);
  if (unused.length > 0) {
    throw new LinkageError(
      "E_INPUT",
      `${unused.map((k) => FLAG_NAME[k]).join(", ")}: ${unused.length === 1 ? "applies" : "apply"} only to ${format === "ged" ? "a generic table (--format csv or jsonl)" : "a UCDP GED file (--format ged)"}; ${data} is read as ${format === "ged" ? "GED" : `a ${format} table`}`,
    );
  }
  const window = {
    ...(options.from !== undefined ? { from: options.from } : {}),
    ...(options.to !== undefined ? { to: options.to } : {}),
    skipBadRows: options.skipBadRows === true,
  };
  const events: DatedEvents =
    format === "ged"
      ? parseGedCsv(text, data, {
          ...window,
          ...(options.country !== undefined ? { country: options.country } : {}),
          ...(options.actor !== undefined ? { actor: options.actor } : {}),
          ...(options.sideA !== undefined ? { sideA: options.sideA } : {}),
          ...(options.sideB !== undefined ? { sideB: options.sideB } : {}),
          ...(options.dyad !== undefined ? { dyad: options.dyad } : {}),
          ...(typeOfViolence !== undefined ? { typeOfViolence } : {}),
          ...(maxDatePrecision !== undefined ? { maxDatePrecision } : {}),
        })
      : parseEventTable(text, data, {
          ...window,
          format,
          ...(options.dateColumn !== undefined ? { dateColumn: options.dateColumn } : {}),
          ...(options.countColumn !== undefined ? { countColumn: options.countColumn } : {}),
          ...(options.fatalitiesColumn !== undefined
            ? { fatalitiesColumn: options.fatalitiesColumn }
            : {}),
        });
  const today = new Date().toISOString().slice(0, 10);
  const result = calibrateEvents(events, scenario, {
    changePoints: options.changePoint,
    time: options.time ?? "jitter",
    seed,
    starts,
    folds,
    date: today,
    ...(kernelComponents !== undefined ? { kernelComponents } : {}),
    ...(options.background !== undefined ? { background: options.background } : {}),
    ...(splineKnots !== undefined ? { splineKnots } : {}),
    ...(options.backgroundParameter !== undefined
      ? { backgroundParameter: options.backgroundParameter }
      : {}),
  });
  const out = chosenOut ?? join("out", `${scenario.id}-calibration`);
  if (chosenOut === undefined) checkOutputFolder("--out", out);
  const dataHash = createHash("sha256").update(text).digest("hex");
  const json = { ...result, linkageVersion: LINKAGE_VERSION, dataHash };
  writeFileAtomic(join(out, "calibration.json"), `${JSON.stringify(json, null, 2)}\n`);
  writeFileAtomic(
    join(out, "calibration.html"),
    calibrationReportHtml(result, { generatedAt: new Date(), version: LINKAGE_VERSION, dataHash }),
  );
  let wrote = `${join(out, "calibration.html")} and ${join(out, "calibration.json")}`;
  if (writeScenario !== undefined) {
    const written = result.scenario.parameters.filter((p) => p.value !== null && p.prior !== null);
    const yaml = calibratedScenarioYaml(
      scenarioText,
      path,
      written.map((p) => ({
        id: p.id,
        value: p.value!,
        prior: p.prior!,
        source: p.source,
        comment: `calibrated by linkage calibrate ${data} on ${today} (was ${p.was}); see ${join(out, "calibration.html")}`,
      })),
    );
    // the copy must still be a scenario `linkage run` accepts
    parseScenario(yaml, writeScenario);
    writeFileAtomic(writeScenario, yaml);
    wrote += ` and the calibrated scenario ${writeScenario}`;
  }
  if (options.json) {
    io.stdout(`${JSON.stringify(json, null, 2)}\n`);
    return;
  }
  io.stdout(calibrationText(result));
  io.stdout(`\nWrote ${wrote}\n`);
}

/** GED when the header names GED's columns, a JSONL table by extension, else a CSV table. */
function guessFormat(file: string, text: string): "ged" | "csv" | "jsonl" {
  if (/\.(jsonl|ndjson)$/i.test(file)) return "jsonl";
  const header = text
    .replace(/^\uFEFF/, "")
    .split(/\r\n|\n|\r/)
    .find((line) => line.trim() !== "" && !line.startsWith("#"));
  const columns = new Set((header ?? "").split(",").map((c) => c.trim().replace(/^"|"$/g, "")));
  return columns.has("date_start") && columns.has("side_a") && columns.has("best") ? "ged" : "csv";
}

/** The terminal summary: the verdict and the weekly estimates. */
function calibrationText(result: CalibrationResult): string {
  const lines = [`Calibration of ${result.scenario.file} from ${result.data.provenance.file}`, ""];
  lines.push("Verdict");
  for (const s of result.verdict) lines.push(`  - ${s}`);
  lines.push("", "Weekly fit (the simulation's model)");
  lines.push(...modelTable(result.weekly.models));
  if (result.continuous) {
    lines.push("", "Continuous-time fit (days)");
    for (const e of result.continuous.estimates) {
      lines.push(
        `  ${e.name.padEnd(10)} ${formatEstimate(e.estimate)}  [95%: ${formatEstimate(e.lower)}, ${formatEstimate(e.upper)}]`,
      );
    }
    lines.push(...modelTable(result.continuous.models));
  }
  if (result.data.provenance.skipped.length > 0) {
    lines.push("", `Skipped ${result.data.provenance.skipped.length} bad rows (--skip-bad-rows):`);
    for (const s of result.data.provenance.skipped.slice(0, 10)) {
      lines.push(`  line ${s.line}: ${s.column}: ${s.reason}`);
    }
    if (result.data.provenance.skipped.length > 10) lines.push("  … (all in calibration.json)");
  }
  return `${lines.join("\n")}\n`;
}

/** A fit's models as a table: log-likelihood, parameters, AIC, BIC, out of sample. */
function modelTable(models: CalibrationResult["weekly"]["models"]): string[] {
  const lines = [
    "  model                 log-lik    params   AIC       BIC       out-of-sample / event",
  ];
  for (const m of models) {
    lines.push(
      `  ${m.model.padEnd(20)}  ${m.logLikelihood.toFixed(1).padStart(8)}  ${String(m.parameterCount).padStart(6)}   ${m.aic.toFixed(1).padEnd(8)}  ${m.bic.toFixed(1).padEnd(8)}  ${Number.isFinite(m.outOfSample.mean) ? m.outOfSample.mean.toFixed(4) : "– (not comparable)"}`,
    );
  }
  return lines;
}

function formatEstimate(value: number): string {
  return Number.isFinite(value) ? String(Number(value.toPrecision(4))) : "–";
}
