import { LinkageError } from "../errors/LinkageError.js";
import { nameReferences } from "../expression/nameReferences.js";
import { randomStream } from "../math/randomStream.js";
import type { Scenario } from "../scenario/Scenario.js";
import { compileSimulation } from "./compileSimulation.js";
import type { PolicyRunModel } from "./policyRunModel.js";
import { dynamicsStreamIndex } from "./runStreams.js";
import { type FollowThroughStakes, simulateRun } from "./simulateRun.js";
import { streamExpressionRandom } from "./streamExpressionRandom.js";

/** The run that failed, as runChunk had it. */
export interface SimulationFailure {
  readonly scenario: Scenario;
  /** The run's parameter values, in declaration order. */
  readonly row: Float64Array;
  readonly model: PolicyRunModel;
  readonly policyIndex: number;
  readonly type: number;
  readonly prior: Float64Array;
  readonly stakes: FollowThroughStakes;
  readonly weeks: number;
  readonly seed: number;
  /** Global index of the run (its random streams). */
  readonly run: number;
  /** What the run raised (a sampler or function outside its domain). */
  readonly error: LinkageError;
}

/** Most names listed with their values in the message. */
const MAX_NAMES_SHOWN = 12;

/**
 * Turns an error raised inside a simulated run (e.g. `poisson requires a finite mean ≥ 0, got
 * NaN`) into one the scenario's author can act on: the file, the expression's place in the
 * document (and line and column when known), the week, run, policy and type, and the values of
 * the names the expression reads at that moment (parameters, state, the week's values).
 *
 * The run is replayed once with traced step functions (each writes the index of the definition
 * it is about to evaluate), from the same random stream, so it fails at the same place; the hot
 * path itself carries no tracing.
 */
export function describeSimulationFailure(failure: SimulationFailure): LinkageError {
  const { scenario, row, error } = failure;
  const at = Int32Array.of(-1);
  const compiled = compileSimulation(scenario, { trace: at });
  const v = new Float64Array(compiled.size);
  for (let k = 0; k < row.length; k++) v[compiled.parameterSlots[k]!] = row[k]!;
  const rng = randomStream(failure.seed, dynamicsStreamIndex(failure.run));
  let replayed: unknown = null;
  try {
    simulateRun(
      compiled,
      v,
      failure.model,
      failure.type,
      failure.prior,
      failure.stakes,
      failure.weeks,
      rng,
      streamExpressionRandom(rng),
      {
        outputs: new Float64Array(compiled.outputNames.length),
        series: new Float32Array(compiled.seriesNames.length * failure.weeks),
        belief: new Float64Array(failure.weeks),
        sequentialRationality: 0,
      },
    );
  } catch (again) {
    replayed = again;
  }
  const definition = replayed !== null ? compiled.definitions[at[0]!] : undefined;
  const policy = scenario.policies[failure.policyIndex]!;
  const where = `week ${v[compiled.t]! + 1} of run ${failure.run + 1} under policy ${policy.id}, target type ${scenario.target.types[failure.type]!.id}`;
  if (!definition) {
    return new LinkageError("E_SCENARIO", `${scenario.source}: ${error.message} (${where})`);
  }
  const seen = new Set<string>();
  const values: string[] = [];
  for (const ref of nameReferences(definition.ast)) {
    if (seen.has(ref.name)) continue;
    seen.add(ref.name);
    const slot = compiled.slots.get(ref.name);
    if (slot !== undefined) values.push(`${ref.name} = ${v[slot]}`);
  }
  const shown =
    values.length > MAX_NAMES_SHOWN
      ? [...values.slice(0, MAX_NAMES_SHOWN), `… ${values.length - MAX_NAMES_SHOWN} more`]
      : values;
  const spec = definition.expression;
  const place =
    spec.line !== undefined ? `${scenario.source}:${spec.line}:${spec.column}` : scenario.source;
  return new LinkageError(
    "E_SCENARIO",
    `${place}: ${spec.path}: ${error.message} in ${JSON.stringify(spec.text)} (${where}${shown.length > 0 ? `; ${shown.join(", ")}` : ""})`,
    spec.line !== undefined
      ? { file: scenario.source, line: spec.line, column: spec.column! }
      : undefined,
    { cause: error },
  );
}
