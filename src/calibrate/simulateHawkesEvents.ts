import { LinkageError } from "../errors/LinkageError.js";
import type { RandomStream } from "../math/randomStream.js";
import {
  backgroundMaximum,
  backgroundPieces,
  backgroundRate,
  pieceAt,
} from "./backgroundPieces.js";
import { checkHawkesParameters } from "./checkHawkesParameters.js";
import { checkHawkesSpec } from "./checkHawkesSpec.js";
import type { EventTimes } from "./DatedEvents.js";
import type { HawkesParameters, HawkesSpec } from "./HawkesModel.js";
import { hawkesParameterVector } from "./hawkesParameterLayout.js";
import { MAX_EVENT_COUNT } from "./maxEventCount.js";

/**
 * Simulates a Hawkes process on [0, T) by Ogata's thinning: from the current time t, with the
 * intensity bounded on [t, e) by M = max_{[t,e)} μ + Σ_k E_k(t) (the excitation only decays
 * between events; e the end of the background's current piece), draw a candidate s = t + X,
 * X ~ Exp(M) (X = −log(1 − U)/M); if s ≥ e move to e and start again (the exponential clock
 * is memoryless), else accept s as an event with probability λ(s)/M, and in either case
 * continue from s. An accepted event adds n w_k β_k to each component E_k. Consumes uniforms
 * from `rng` only, so the same stream gives the same series.
 *
 * Source: Y. Ogata, "On Lewis' simulation method for point processes", IEEE Transactions on
 * Information Theory 27 (1981) 23–31 (Algorithm 2, thinning with a local bound).
 *
 * @param duration T > 0
 * @throws {LinkageError} E_DOMAIN if the spec, the parameters or the duration are out of range,
 * or the series exceeds 10⁷ events (MAX_EVENT_COUNT)
 * @example simulateHawkesEvents(randomStream(1, 0), { background: { kind: "constant" }, components: 1 },
 *   { background: Float64Array.of(1), branchingRatio: 0.5, decayRates: Float64Array.of(1),
 *     weights: Float64Array.of(1) }, 100).times.length // ≈ 200 (mean μT/(1 − n))
 */
export function simulateHawkesEvents(
  rng: RandomStream,
  spec: HawkesSpec,
  parameters: HawkesParameters,
  duration: number,
): EventTimes {
  if (!(duration > 0 && Number.isFinite(duration))) {
    throw new LinkageError(
      "E_DOMAIN",
      `a simulated series needs a finite duration > 0, got ${duration}`,
    );
  }
  checkHawkesSpec(spec);
  const theta = hawkesParameterVector(parameters);
  checkHawkesParameters(spec, theta);
  const kCount = spec.components;
  const n = parameters.branchingRatio;
  const beta = parameters.decayRates;
  const jump = new Float64Array(kCount);
  for (let k = 0; k < kCount; k++) jump[k] = n * parameters.weights[k]! * beta[k]!;
  const pieces = backgroundPieces(spec.background);
  const excitation = new Float64Array(kCount);
  let times = new Float64Array(1024);
  let count = 0;
  let t = 0;
  let piece = pieceAt(pieces, 0);
  while (t < duration) {
    const end = Math.min(duration, pieces.start[piece + 1]!);
    let bound = backgroundMaximum(pieces, theta, t, end);
    for (let k = 0; k < kCount; k++) bound += excitation[k]!;
    const s = bound > 0 ? t - Math.log(1 - rng.next()) / bound : Number.POSITIVE_INFINITY;
    const until = Math.min(s, end);
    let lambda = 0;
    for (let k = 0; k < kCount; k++) {
      excitation[k] = excitation[k]! * Math.exp(-beta[k]! * (until - t));
      lambda += excitation[k]!;
    }
    t = until;
    if (s >= end) {
      piece++;
      continue;
    }
    lambda += backgroundRate(pieces, theta, s);
    if (rng.next() * bound <= lambda) {
      if (count === times.length) {
        if (count >= MAX_EVENT_COUNT) {
          throw new LinkageError(
            "E_DOMAIN",
            `the simulated series passed ${MAX_EVENT_COUNT} events before ${duration}`,
          );
        }
        const grown = new Float64Array(Math.min(2 * count, MAX_EVENT_COUNT));
        grown.set(times);
        times = grown;
      }
      times[count++] = s;
      for (let k = 0; k < kCount; k++) excitation[k] = excitation[k]! + jump[k]!;
    }
  }
  return { times: times.slice(0, count), duration };
}
