import { parseScenario } from "linkage/scenario/parseScenario";

/** One run's inputs as the comparison reads them. */
export interface RunInputs {
  readonly text: string;
  readonly source: string;
  readonly scenarioHash: string;
  readonly overrides: Readonly<Record<string, number>>;
  readonly seed: number;
  readonly runs: number;
}

/** A value that differs between two runs; `null` where a run has none. */
export interface ValueDifference {
  readonly id: string;
  readonly a: number | null;
  readonly b: number | null;
}

/** How two runs' inputs differ. */
export interface ParameterDiff {
  readonly sameText: boolean;
  /** The parameters whose value in the scenario text differs (or that one text lacks); empty when the texts are the same. */
  readonly textValues: readonly ValueDifference[];
  /** Set when a text could not be read as a scenario (then `textValues` is empty). */
  readonly textProblem: string | null;
  /** The values set (`--set`) that differ, over both runs' ids. */
  readonly overrides: readonly ValueDifference[];
  /** Every parameter's effective value (text value, or the value set) that differs. */
  readonly effective: readonly ValueDifference[];
  readonly seed: readonly [number, number] | null;
  readonly runs: readonly [number, number] | null;
}

/**
 * Compares two runs' inputs: seed, runs, the values set, and, when the scenario texts differ
 * (their SHA-256 hashes differ), the parameters' values in each text, read by the core's
 * `parseScenario` so a value counts whatever the text's layout. `effective` combines both:
 * what each parameter was when the run started.
 */
export function parameterDiff(a: RunInputs, b: RunInputs): ParameterDiff {
  const sameText = a.scenarioHash === b.scenarioHash && a.text === b.text;
  let textValues: ValueDifference[] = [];
  let textProblem: string | null = null;
  let valuesA = new Map<string, number>();
  let valuesB = new Map<string, number>();
  try {
    valuesA = declaredValues(a);
    valuesB = sameText ? valuesA : declaredValues(b);
    if (!sameText) textValues = differences(valuesA, valuesB);
  } catch (error) {
    textProblem = error instanceof Error ? error.message : String(error);
  }
  const overrides = differences(
    new Map(Object.entries(a.overrides)),
    new Map(Object.entries(b.overrides)),
  );
  const effective =
    textProblem === null
      ? differences(
          new Map([...valuesA, ...Object.entries(a.overrides)]),
          new Map([...valuesB, ...Object.entries(b.overrides)]),
        )
      : [];
  return {
    sameText,
    textValues,
    textProblem,
    overrides,
    effective,
    seed: a.seed === b.seed ? null : [a.seed, b.seed],
    runs: a.runs === b.runs ? null : [a.runs, b.runs],
  };
}

function declaredValues(inputs: RunInputs): Map<string, number> {
  const scenario = parseScenario(inputs.text, inputs.source);
  return new Map(scenario.parameters.map((p) => [p.id, p.value]));
}

function differences(
  a: ReadonlyMap<string, number>,
  b: ReadonlyMap<string, number>,
): ValueDifference[] {
  const ids = [...new Set([...a.keys(), ...b.keys()])];
  const out: ValueDifference[] = [];
  for (const id of ids) {
    const va = a.get(id) ?? null;
    const vb = b.get(id) ?? null;
    if (va !== vb) out.push({ id, a: va, b: vb });
  }
  return out;
}
