import { LinkageError } from "../errors/LinkageError.js";
import { parameterValues } from "../scenario/parameterValues.js";
import type { Scenario } from "../scenario/Scenario.js";
import type { ChunkEngine } from "../sim/ChunkEngine.js";
import { simulate } from "../sim/simulate.js";
import { analyze } from "./analyze.js";
import { bestPolicyShare } from "./bestPolicyShare.js";
import { equilibriumTree } from "./equilibriumTree.js";
import { outputTornado } from "./outputTornado.js";
import { reconcileWeekly } from "./reconcileWeekly.js";
import { runCommandLine } from "./runCommandLine.js";
import type { ScenarioRun, SobolResult } from "./ScenarioRun.js";
import { scenarioSobol } from "./scenarioSobol.js";
import { senderCostTippingPoints } from "./senderCostTippingPoints.js";
import { sensitivityOutputs } from "./sensitivityOutputs.js";
import { validateAgainstRecord } from "./validateAgainstRecord.js";

export interface RunOptions {
  /** Monte Carlo runs per policy. @default 2000 */
  readonly runs?: number;
  /** @default 1 */
  readonly seed?: number;
  readonly overrides?: Readonly<Record<string, number>>;
  /** Worker threads for the simulation (never changes the numbers). */
  readonly threads?: number;
  /**
   * Where the weekly simulation's chunks run (simulate's `engine`; never changes the numbers).
   * The check against the record, a smaller simulation, stays on this machine.
   * @default this machine's worker threads
   */
  readonly engine?: ChunkEngine;
  /** Prior draws for the best-policy shares. @default 4000 */
  readonly draws?: number;
  /** Runs for the check against the record, with the parameters fixed and over the priors. @default min(runs, 1000) */
  readonly recordRuns?: number;
  /** The command line that reproduces the run, recorded in the results. */
  readonly command?: string;
  readonly onProgress?: (stage: string) => void;
  /**
   * Called within a stage with (work done, work in all), for a progress bar: during the
   * simulation in runs, during the sensitivity analysis in outputs (each output's tornado, then
   * its Sobol indices, then the best-policy shares). Never changes the numbers.
   */
  readonly onStageProgress?: (done: number, total: number) => void;
}

/**
 * Everything `linkage run` computes for one scenario, as one plain object (`results.json`):
 * the one-shot analysis with pivots; the weekly Monte Carlo with parameters drawn from their
 * priors; the sensitivity analysis (a tornado and Sobol indices of each of the same outputs, the
 * one-shot leverage value and expected attacks under the best policy, see `sensitivityOutputs`;
 * the probability over the priors that each policy is best); the best policy's game tree with the equilibrium path; the policy actually followed
 * against the scenario's observations (`validateAgainstRecord`); and nothing that depends on the
 * machine, so the same seed gives the same object.
 *
 * @throws {LinkageError} E_INPUT for a scenario without dynamics or a bad override
 */
export async function runScenario(
  scenario: Scenario,
  options: RunOptions = {},
): Promise<ScenarioRun> {
  if (!scenario.dynamics) {
    throw new LinkageError(
      "E_INPUT",
      `${scenario.source}: linkage run needs a scenario with a dynamics section`,
    );
  }
  const seed = options.seed ?? 1;
  const runs = options.runs ?? 2000;
  const overrides = options.overrides ?? {};
  const progress = options.onProgress ?? (() => {});
  const { values } = parameterValues(scenario, overrides);

  progress("one-shot analysis");
  const analysis = analyze(scenario, { overrides });

  progress(`${scenario.dynamics?.step.adjective ?? "weekly"} simulation`);
  const simulation = await simulate(scenario, {
    runs,
    seed,
    overrides,
    ...(options.threads ? { threads: options.threads } : {}),
    ...(options.engine ? { engine: options.engine } : {}),
    ...(options.onStageProgress ? { onProgress: options.onStageProgress } : {}),
  });

  progress("checking against the record");
  const record = await validateAgainstRecord(scenario, {
    runs: options.recordRuns ?? Math.min(runs, 1000),
    seed,
    overrides,
    ...(options.threads ? { threads: options.threads } : {}),
  });

  progress("sensitivity analysis");
  const draws = options.draws ?? 4000;
  // the tornadoes and the Sobol indices on the same outputs, over the same parameters
  const outputs = sensitivityOutputs(scenario, analysis.bestPolicy);
  const steps = 2 * outputs.length + 1;
  let stepsDone = 0;
  const stepDone = () => options.onStageProgress?.(++stepsDone, steps);
  const tornadoes = outputs.map((output) => {
    const result = outputTornado(scenario, values, output);
    stepDone();
    return result;
  });
  // each output's indices on their own (scenarioSobol treats the outputs independently)
  const sobol: SobolResult[] = outputs.map((output) => {
    const [result] = scenarioSobol(scenario, values, seed, analysis.bestPolicy, [output]);
    stepDone();
    return result!;
  });
  const oneShotShare = bestPolicyShare(scenario, values, draws, seed, overrides);
  stepDone();
  const sensitivity = {
    tornado: [...tornadoes[0]!.bars],
    tornadoes,
    sobol,
    bestPolicyShare: {
      oneShot: oneShotShare,
      simulated: simulation.bestPolicyShare ?? {},
    },
    draws,
  };
  const humanCost = senderCostTippingPoints(scenario, simulation, values);
  // the weekly recommendation (highest mean sender utility), reconciled with its one-shot form
  const simulated = Object.keys(simulation.policies);
  const utility = (id: string) =>
    simulation.policies[id]!.outcomes["senderUtility"]?.mean ?? Number.NEGATIVE_INFINITY;
  const recommended = simulated.reduce((a, b) => (utility(b) > utility(a) ? b : a), simulated[0]!);
  const reconciliation = reconcileWeekly(
    scenario,
    analysis,
    analysis.policies[recommended] ? recommended : analysis.bestPolicy,
    overrides,
    values,
  );
  const best = analysis.bestPolicy;
  return {
    scenario: { id: scenario.id, title: scenario.title, description: scenario.description },
    command: options.command ?? runCommandLine(scenario.source, runs, seed),
    seed,
    runs,
    analysis,
    simulation,
    sensitivity,
    humanCost,
    reconciliation,
    tree: { policy: best, nodes: equilibriumTree(scenario, values, analysis, best) },
    record,
  };
}
