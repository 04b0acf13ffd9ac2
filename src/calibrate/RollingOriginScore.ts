/**
 * One fold of a rolling-origin evaluation: the model is fitted on [0, from) and its
 * log-likelihood is taken on the next, unseen window [from, to).
 */
export interface RollingOriginFold {
  /** Start of the scored window = end of the fitting window (time unit or step). */
  readonly from: number;
  /** End of the scored window (exclusive). */
  readonly to: number;
  /** Events in [from, to) (for counts: the sum of the counts). */
  readonly events: number;
  /**
   * Out-of-sample log-likelihood of the window [from, to) given everything before `from`, with
   * the parameters fitted on [0, from): Σ ln λ̂(tᵢ) − ∫_from^to λ̂ for a point process,
   * Σₜ Nₜ ln λ̂ₜ − λ̂ₜ − ln Nₜ! for counts. −∞ when an event falls where the forecast rate is 0.
   */
  readonly logLikelihood: number;
  /** logLikelihood / events; NaN for a window without events. */
  readonly logLikelihoodPerEvent: number;
}

/**
 * A model's rolling-origin (out-of-sample) score: each fold, and the pooled log-likelihood per
 * event. The Hawkes fits and the Poisson baselines all return this shape on the same folds
 * (see {@link rollingOriginBoundaries}), so the report compares them line by line; higher is
 * better.
 */
export interface RollingOriginScore {
  readonly folds: readonly RollingOriginFold[];
  /**
   * Σ_k logLikelihood_k / Σ_k events_k: the pooled out-of-sample log-likelihood per event (each
   * event weighs the same, and windows without events still count through their −∫λ̂). NaN when
   * no fold holds an event.
   */
  readonly mean: number;
}

/**
 * Builds a {@link RollingOriginScore} from per-fold (from, to, events, logLikelihood), filling in
 * the per-event values and the pooled mean the same way for every model.
 *
 * Formula: per fold ℓ_k/n_k; mean = Σℓ_k / Σn_k.
 * Source: L. J. Tashman, "Out-of-sample tests of forecasting accuracy: an analysis and review",
 * International Journal of Forecasting 16 (2000) 437–450 (rolling-origin evaluation).
 *
 * @example rollingOriginScore([{ from: 5, to: 10, events: 2, logLikelihood: -3 }]).mean // => -1.5
 */
export function rollingOriginScore(
  folds: readonly Omit<RollingOriginFold, "logLikelihoodPerEvent">[],
): RollingOriginScore {
  let total = 0;
  let events = 0;
  const out: RollingOriginFold[] = [];
  for (const fold of folds) {
    total += fold.logLikelihood;
    events += fold.events;
    out.push({
      from: fold.from,
      to: fold.to,
      events: fold.events,
      logLikelihood: fold.logLikelihood,
      logLikelihoodPerEvent: fold.events > 0 ? fold.logLikelihood / fold.events : Number.NaN,
    });
  }
  return { folds: out, mean: events > 0 ? total / events : Number.NaN };
}
