/**
 * A slider's step over [low, high]: a round number (1, 2 or 5 times a power of ten) giving at
 * least `positions` positions, so the values a slider gives read well (0.002, 0.05, 10).
 *
 * @example sliderStep(0.4, 0.9) // => 0.002
 */
export function sliderStep(low: number, high: number, positions = 200): number {
  const width = high - low;
  if (!(width > 0) || !Number.isFinite(width)) return 1;
  const raw = width / positions;
  const power = 10 ** Math.floor(Math.log10(raw));
  const mantissa = raw / power;
  const nice = mantissa >= 5 ? 5 : mantissa >= 2 ? 2 : 1;
  return nice * power;
}

/** `value` rounded to the decimals of `step` (a slider's value without floating-point noise). */
export function roundToStep(value: number, step: number): number {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  return Number(value.toFixed(Math.min(decimals + 1, 15)));
}
