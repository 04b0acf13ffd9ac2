import type { RunProgress } from "./workbenchApi.js";

/**
 * The relative time each of `runScenario`'s stages takes, measured on the flagship (2,000 runs:
 * one-shot analysis 0.3 s, simulation 3.1 s, the check against the record 0.6 s, sensitivity
 * 10.5 s): the simulation grows with the runs, the record's check with up to 1,000 of them, and
 * the sensitivity analysis not at all.
 */
function stageWeights(runs: number): readonly number[] {
  return [1, runs / 200, Math.min(runs, 1000) / 500, 30];
}

/**
 * A run's progress as one fraction over the whole run, from the stages `runScenario` announces
 * (in order: one-shot analysis, simulation, check against the record, sensitivity analysis) and
 * the work done within a stage. Each stage owns a share of the bar by its expected time; within
 * the simulation the bar moves with the runs done, within the sensitivity analysis with its
 * outputs done, within the other two (short) stages it waits at the stage's start.
 */
export class RunProgressMeter {
  private readonly weights: readonly number[];
  private readonly total: number;
  private stageIndex = -1;
  private stage = "starting";
  private within = 0;

  constructor(runs: number) {
    this.weights = stageWeights(runs);
    this.total = this.weights.reduce((a, b) => a + b, 0);
  }

  /** A new stage has started, with these words. */
  enterStage(stage: string): RunProgress {
    this.stageIndex = Math.min(this.stageIndex + 1, this.weights.length - 1);
    this.stage = stage;
    this.within = 0;
    return this.progress();
  }

  /** The current stage has done `done` of `total` units of work. */
  advance(done: number, total: number): RunProgress {
    if (total > 0) this.within = Math.min(1, Math.max(0, done / total));
    return this.progress();
  }

  /** The stage's words and the fraction of the whole run done, 0…1. */
  progress(): RunProgress {
    if (this.stageIndex < 0) return { stage: this.stage, fraction: 0 };
    const before = this.weights.slice(0, this.stageIndex).reduce((a, b) => a + b, 0);
    const fraction = (before + this.within * this.weights[this.stageIndex]!) / this.total;
    return { stage: this.stage, fraction: Math.round(fraction * 1000) / 1000 };
  }
}
