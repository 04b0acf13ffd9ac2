/**
 * Solves A·x = b (A is m × m, row-major) by Gaussian elimination with partial pivoting, overwriting
 * A and leaving x in b. Returns the sign of det A (±1), or 0 when a pivot is at most `tiny` in
 * absolute value (0: exactly zero) or not finite.
 */
export function solveInPlace(a: Float64Array, b: Float64Array, m: number, tiny = 0): number {
  let sign = 1;
  for (let col = 0; col < m; col++) {
    let pivot = col;
    let best = Math.abs(a[col * m + col]!);
    for (let r = col + 1; r < m; r++) {
      const v = Math.abs(a[r * m + col]!);
      if (v > best) {
        best = v;
        pivot = r;
      }
    }
    if (!(best > tiny) || !Number.isFinite(best)) return 0;
    if (pivot !== col) {
      sign = -sign;
      for (let c = col; c < m; c++) {
        const tmp = a[col * m + c]!;
        a[col * m + c] = a[pivot * m + c]!;
        a[pivot * m + c] = tmp;
      }
      const tmp = b[col]!;
      b[col] = b[pivot]!;
      b[pivot] = tmp;
    }
    const d = a[col * m + col]!;
    if (d < 0) sign = -sign;
    for (let r = col + 1; r < m; r++) {
      const f = a[r * m + col]! / d;
      if (f === 0) continue;
      for (let c = col + 1; c < m; c++) a[r * m + c] = a[r * m + c]! - f * a[col * m + c]!;
      b[r] = b[r]! - f * b[col]!;
    }
  }
  for (let r = m - 1; r >= 0; r--) {
    let s = b[r]!;
    for (let c = r + 1; c < m; c++) s -= a[r * m + c]! * b[c]!;
    b[r] = s / a[r * m + r]!;
  }
  return sign;
}
