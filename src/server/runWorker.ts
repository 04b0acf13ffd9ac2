/**
 * The worker thread that runs one workbench run: `runScenario` on the job in `workerData`, the
 * same function and options as `linkage run`, so the results.json it posts back is the one the
 * command line writes. Progress is posted as it happens; the server cancels a run by terminating
 * this thread.
 */
import { parentPort, workerData } from "node:worker_threads";
import { runScenario } from "../analysis/runScenario.js";
import { isLinkageError } from "../errors/LinkageError.js";
import { recommendedPolicy } from "../report/recommendedPolicy.js";
import { runResultsJson } from "../report/runResultsJson.js";
import { runVerdict } from "../report/runVerdict.js";
import { parseScenario } from "../scenario/parseScenario.js";
import { closeSimulationPool } from "../sim/simulate.js";
import type { RunJob, RunWorkerMessage } from "./RunWorkerMessage.js";

const job = workerData as RunJob;
const post = (message: RunWorkerMessage) => parentPort!.postMessage(message);

try {
  const scenario = parseScenario(job.text, job.source);
  const run = await runScenario(scenario, {
    runs: job.runs,
    seed: job.seed,
    overrides: job.overrides,
    command: job.command,
    threads: job.threads,
    onProgress: (stage) => post({ type: "stage", stage }),
    onStageProgress: (done, total) => post({ type: "within", done, total }),
  });
  const verdict = runVerdict(run, scenario);
  post({
    type: "done",
    resultsJson: runResultsJson(run, verdict, {
      version: job.version,
      scenarioHash: job.scenarioHash,
    }),
    recommendedPolicy: recommendedPolicy(run),
    headline: verdict[0] ?? "",
  });
} catch (error) {
  // a LinkageError's message is meant for the user; anything else is a bug, its stack logged by the server
  if (isLinkageError(error)) post({ type: "failed", message: error.message, internal: false });
  else {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    post({ type: "failed", message, internal: true });
  }
} finally {
  await closeSimulationPool();
}
