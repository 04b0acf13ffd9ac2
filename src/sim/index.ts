export { generousTitForTatAutomaton } from "./automata/generousTitForTatAutomaton.js";
export { type LadderLevel, ladderAutomaton } from "./automata/ladderAutomaton.js";
export { punishAutomaton } from "./automata/punishAutomaton.js";
export { unconditionalAutomaton } from "./automata/unconditionalAutomaton.js";
export { withholdAutomaton } from "./automata/withholdAutomaton.js";
export { BinnedQuantiles } from "./binnedQuantiles.js";
export type { ChunkBatch, ChunkEngine, ChunkSpan } from "./ChunkEngine.js";
export { decodeChunkResults, encodeChunkResults } from "./chunkResultWire.js";
export { type CompiledSimulation, compileSimulation } from "./compileSimulation.js";
export { greenPorterThreshold } from "./greenPorter.js";
export { localChunkEngine } from "./localChunkEngine.js";
export { type MeanFieldOptions, meanField } from "./meanField.js";
export { CLEAN, type PolicyAutomaton, VIOLATION, type WeeklySignal } from "./policyAutomaton.js";
export { buildPolicyRunModel, type PolicyRunModel } from "./policyRunModel.js";
export { chunkTaskOfJob, runChunkJob } from "./runChunkJob.js";
export {
  parseSimulationChunkJob,
  type SimulationChunkJob,
  scenarioSha256,
  simulationChunkJobSchema,
} from "./SimulationChunkJob.js";
export type * from "./SimulationResult.js";
export {
  CHUNK_RUNS,
  closeSimulationPool,
  type SimulateOptions,
  simulate,
  summarise,
} from "./simulate.js";
export { softValueIteration } from "./softValueIteration.js";
export { streamExpressionRandom } from "./streamExpressionRandom.js";
export { buildTargetMdp, type TargetMdp } from "./targetMdp.js";
export { weeklyFollowThrough } from "./weeklyFollowThrough.js";
export { withExecutionNoise } from "./withExecutionNoise.js";
