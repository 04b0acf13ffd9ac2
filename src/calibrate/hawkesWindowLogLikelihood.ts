import { LinkageError } from "../errors/LinkageError.js";
import { type BackgroundPieces, backgroundIntegral, backgroundPieces } from "./backgroundPieces.js";
import type { HawkesSpec } from "./HawkesModel.js";
import { hawkesBackgroundSize } from "./hawkesParameterLayout.js";

/**
 * The log-likelihood of the events in a window [a, b) given the whole history before a, under a
 * {@link HawkesSpec} with parameters θ (background coefficients, n, β_1 … β_K, w_1 … w_K):
 *
 *   ℓ_[a,b) = Σ_{a ≤ t_i < b} log λ(t_i) − ∫_a^b λ(s) ds,
 *   λ(t) = μ(t) + n Σ_k w_k β_k R_k(t),   R_k(t) = Σ_{t_j < t} e^{−β_k (t − t_j)},
 *
 * with its analytic gradient, in one pass over the events (O(N·K)) by Ozaki's recursion:
 * between successive events Δ = t_i − t_{i−1} apart,
 *
 *   R_k(t_i) = e^{−β_k Δ} (1 + R_k(t_{i−1})),
 *   S_k(t_i) = ∂R_k(t_i)/∂β_k = e^{−β_k Δ} (S_k(t_{i−1}) − Δ (1 + R_k(t_{i−1}))),
 *
 * and the excitation's integral in closed form from the same sums at the window's ends:
 * ∫_a^b Σ_{t_j<s} β e^{−β(s−t_j)} ds = m + R(a) − R(b), m the events in [a, b), whose
 * β-derivative is S(a) − S(b). So
 *
 *   ∂ℓ/∂n   = Σ_i φ_i/λ_i − Σ_k w_k (m + R_k(a) − R_k(b)),   φ_i = Σ_k w_k β_k R_k(t_i),
 *   ∂ℓ/∂β_k = n w_k [Σ_i (R_k(t_i) + β_k S_k(t_i))/λ_i − (S_k(a) − S_k(b))],
 *   ∂ℓ/∂w_k = n [β_k Σ_i R_k(t_i)/λ_i − (m + R_k(a) − R_k(b))],
 *   ∂ℓ/∂c_j = Σ_i B_j(t_i)/λ_i − ∫_a^b B_j,   μ(t) = Σ_j c_j B_j(t).
 *
 * The weights are taken as free coordinates here (the fit keeps them summing to 1). Events at
 * the same time excite one another in index order (a Hawkes process has no ties; jitter day
 * dates first). A window event with λ(t_i) ≤ 0 makes ℓ = −∞ (the gradient is then not
 * meaningful). The whole-series likelihood is the window [0, T).
 *
 * Sources: T. Ozaki, "Maximum likelihood estimation of Hawkes' self-exciting point processes",
 * Annals of the Institute of Statistical Mathematics 31 (1979) 145–155 (the recursion and the
 * gradient); D. J. Daley and D. Vere-Jones, An Introduction to the Theory of Point Processes,
 * vol. I, 2nd ed. (2003), §7.2 (the likelihood of a window given its past).
 *
 * @param times ascending event times (assumed checked: checkEventTimes); events ≥ b are ignored
 * @param spec a checked spec (checkHawkesSpec)
 * @param theta hawkesParameterCount(spec) values; n ≥ 0, β_k > 0, w_k ≥ 0 are not checked here
 * @param gradient if given, receives ∂ℓ/∂θ
 * @throws {LinkageError} E_DOMAIN if θ or the gradient has the wrong length, or b < a
 * @example hawkesWindowLogLikelihood(Float64Array.of(1, 2), { background: { kind: "constant" },
 *   components: 1 }, Float64Array.of(0.5, 0.5, 1, 1), 2, 3)
 *   // => log(0.5 + 0.5·e^{−1}) − 0.5 − 0.5·(1 + e^{−1} − e^{−2} − e^{−1}) = −1.3122…
 */
export function hawkesWindowLogLikelihood(
  times: Float64Array,
  spec: HawkesSpec,
  theta: Float64Array,
  from: number,
  to: number,
  gradient?: Float64Array,
): number {
  const size = hawkesBackgroundSize(spec.background);
  const kCount = spec.components;
  const p = size + 1 + 2 * kCount;
  if (theta.length !== p || (gradient && gradient.length !== p)) {
    throw new LinkageError(
      "E_DOMAIN",
      `the Hawkes likelihood of this spec takes ${p} parameters, got ${theta.length}${gradient ? ` and a gradient of ${gradient.length}` : ""}`,
    );
  }
  if (!(to >= from)) {
    throw new LinkageError(
      "E_DOMAIN",
      `a likelihood window [${from}, ${to}) must not end before it starts`,
    );
  }
  const pieces = backgroundPieces(spec.background);
  if (kCount === 1) return exponentialKernelWindow(times, pieces, size, theta, from, to, gradient);
  const { start, left, right, inverseLength, origin } = pieces;
  const n = theta[size]!;
  const beta = theta.subarray(size + 1, size + 1 + kCount);
  const weight = theta.subarray(size + 1 + kCount, p);
  // after each event: Rp = R(t_i) + 1 (the event itself at lag 0), Sp = S(t_i)
  const rp = new Float64Array(kCount);
  const sp = new Float64Array(kCount);
  const amplitude = new Float64Array(kCount);
  for (let k = 0; k < kCount; k++) amplitude[k] = n * weight[k]! * beta[k]!;
  const sumR = new Float64Array(kCount);
  const sumS = new Float64Array(kCount);
  const total = times.length;
  let previous = 0;
  let i = 0;
  // the history before the window: only the recursion
  for (; i < total; i++) {
    const t = times[i]!;
    if (t >= from) break;
    const delta = t - previous;
    for (let k = 0; k < kCount; k++) {
      const decay = Math.exp(-beta[k]! * delta);
      const r = rp[k]!;
      sp[k] = decay * (sp[k]! - delta * r);
      rp[k] = decay * r + 1;
    }
    previous = t;
  }
  const rFrom = new Float64Array(kCount);
  const sFrom = new Float64Array(kCount);
  decayTo(from, previous, beta, rp, sp, rFrom, sFrom);
  const first = i;
  let logSum = 0;
  let piece = 0;
  while (start[piece + 1]! <= from) piece++;
  let sumInverse = 0;
  let sumUInverse = 0;
  if (gradient) gradient.fill(0);
  for (; i < total; i++) {
    const t = times[i]!;
    if (t >= to) break;
    if (t >= start[piece + 1]!) {
      if (gradient) flushPiece(gradient, left[piece]!, right[piece]!, sumInverse, sumUInverse);
      sumInverse = 0;
      sumUInverse = 0;
      do piece++;
      while (t >= start[piece + 1]!);
    }
    const delta = t - previous;
    let excitation = 0;
    for (let k = 0; k < kCount; k++) {
      const decay = Math.exp(-beta[k]! * delta);
      const r = rp[k]!;
      const rNow = decay * r;
      const sNow = decay * (sp[k]! - delta * r);
      excitation += amplitude[k]! * rNow;
      sumR[k] = rNow;
      sumS[k] = sNow;
      rp[k] = rNow + 1;
      sp[k] = sNow;
    }
    const u = (t - origin[piece]!) * inverseLength[piece]!;
    const cl = theta[left[piece]!]!;
    const mu = cl + u * (theta[right[piece]!]! - cl);
    const lambda = mu + excitation;
    if (!(lambda > 0)) return Number.NEGATIVE_INFINITY;
    logSum += Math.log(lambda);
    if (gradient) {
      const inverse = 1 / lambda;
      sumInverse += inverse;
      sumUInverse += u * inverse;
      for (let k = 0; k < kCount; k++) {
        // sumR/sumS held this event's R, S; accumulate their λ-weighted sums in the gradient slots
        gradient[size + 1 + k] =
          gradient[size + 1 + k]! + (sumR[k]! + beta[k]! * sumS[k]!) * inverse;
        gradient[size + 1 + kCount + k] = gradient[size + 1 + kCount + k]! + sumR[k]! * inverse;
      }
    }
    previous = t;
  }
  if (gradient) flushPiece(gradient, left[piece]!, right[piece]!, sumInverse, sumUInverse);
  const m = i - first;
  const rTo = new Float64Array(kCount);
  const sTo = new Float64Array(kCount);
  decayTo(to, previous, beta, rp, sp, rTo, sTo);
  let excitationIntegral = 0;
  if (gradient) gradient[size] = 0;
  for (let k = 0; k < kCount; k++) {
    const integral = m + rFrom[k]! - rTo[k]!;
    excitationIntegral += weight[k]! * integral;
    if (gradient) {
      const a = gradient[size + 1 + kCount + k]!; // Σ R_k/λ
      const rs = gradient[size + 1 + k]!; // Σ (R_k + β_k S_k)/λ
      gradient[size] = gradient[size]! + weight[k]! * (beta[k]! * a - integral);
      gradient[size + 1 + k] = n * weight[k]! * (rs - (sFrom[k]! - sTo[k]!));
      gradient[size + 1 + kCount + k] = n * (beta[k]! * a - integral);
    }
  }
  const backgroundPart = backgroundIntegral(pieces, theta, from, to, gradient, -1);
  return logSum - backgroundPart - n * excitationIntegral;
}

/** R and S at time `at` ≥ the last event (at `previous`), from the state after that event. */
function decayTo(
  at: number,
  previous: number,
  beta: Float64Array,
  rp: Float64Array,
  sp: Float64Array,
  rOut: Float64Array,
  sOut: Float64Array,
): void {
  const delta = at - previous;
  for (let k = 0; k < beta.length; k++) {
    const decay = Math.exp(-beta[k]! * delta);
    rOut[k] = decay * rp[k]!;
    sOut[k] = decay * (sp[k]! - delta * rp[k]!);
  }
}

/** Adds one piece's Σ B_j(t_i)/λ_i: (1 − u) to its left coefficient, u to its right. */
function flushPiece(
  gradient: Float64Array,
  l: number,
  r: number,
  sumInverse: number,
  sumUInverse: number,
): void {
  gradient[l] = gradient[l]! + sumInverse - sumUInverse;
  gradient[r] = gradient[r]! + sumUInverse;
}

/**
 * The same likelihood for one kernel component (w = 1), with the recursion's state in locals
 * rather than arrays: the hot path of every exponential-kernel fit.
 */
function exponentialKernelWindow(
  times: Float64Array,
  pieces: BackgroundPieces,
  size: number,
  theta: Float64Array,
  from: number,
  to: number,
  gradient?: Float64Array,
): number {
  const { start, left, right, inverseLength, origin } = pieces;
  const n = theta[size]!;
  const beta = theta[size + 1]!;
  const weight = theta[size + 2]!;
  const amplitude = n * weight * beta;
  const total = times.length;
  let rp = 0;
  let sp = 0;
  let previous = 0;
  let i = 0;
  for (; i < total; i++) {
    const t = times[i]!;
    if (t >= from) break;
    const delta = t - previous;
    const decay = Math.exp(-beta * delta);
    sp = decay * (sp - delta * rp);
    rp = decay * rp + 1;
    previous = t;
  }
  let decay = Math.exp(-beta * (from - previous));
  const rFrom = decay * rp;
  const sFrom = decay * (sp - (from - previous) * rp);
  const first = i;
  let piece = 0;
  while (start[piece + 1]! <= from) piece++;
  let logSum = 0;
  let sumInverse = 0;
  let sumUInverse = 0;
  let sumR = 0;
  let sumRS = 0;
  if (gradient) gradient.fill(0);
  let pieceEnd = start[piece + 1]!;
  let cl = theta[left[piece]!]!;
  let slope = theta[right[piece]!]! - cl;
  let pieceOrigin = origin[piece]!;
  let pieceInverse = inverseLength[piece]!;
  for (; i < total; i++) {
    const t = times[i]!;
    if (t >= to) break;
    if (t >= pieceEnd) {
      if (gradient) flushPiece(gradient, left[piece]!, right[piece]!, sumInverse, sumUInverse);
      sumInverse = 0;
      sumUInverse = 0;
      do piece++;
      while (t >= start[piece + 1]!);
      pieceEnd = start[piece + 1]!;
      cl = theta[left[piece]!]!;
      slope = theta[right[piece]!]! - cl;
      pieceOrigin = origin[piece]!;
      pieceInverse = inverseLength[piece]!;
    }
    const delta = t - previous;
    decay = Math.exp(-beta * delta);
    const r = decay * rp;
    const sNow = decay * (sp - delta * rp);
    rp = r + 1;
    sp = sNow;
    const u = (t - pieceOrigin) * pieceInverse;
    const lambda = cl + u * slope + amplitude * r;
    if (!(lambda > 0)) return Number.NEGATIVE_INFINITY;
    logSum += Math.log(lambda);
    if (gradient) {
      const inverse = 1 / lambda;
      sumInverse += inverse;
      sumUInverse += u * inverse;
      sumR += r * inverse;
      sumRS += (r + beta * sNow) * inverse;
    }
    previous = t;
  }
  if (gradient) flushPiece(gradient, left[piece]!, right[piece]!, sumInverse, sumUInverse);
  const m = i - first;
  decay = Math.exp(-beta * (to - previous));
  const rTo = decay * rp;
  const sTo = decay * (sp - (to - previous) * rp);
  const integral = m + rFrom - rTo;
  if (gradient) {
    gradient[size] = weight * (beta * sumR - integral);
    gradient[size + 1] = n * weight * (sumRS - (sFrom - sTo));
    gradient[size + 2] = n * (beta * sumR - integral);
  }
  const backgroundPart = backgroundIntegral(pieces, theta, from, to, gradient, -1);
  return logSum - backgroundPart - n * weight * integral;
}
