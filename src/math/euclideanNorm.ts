/** The Euclidean norm √(Σ aₖ²) of a vector, summed in index order. @example euclideanNorm([3, 4]) // => 5 */
export function euclideanNorm(a: ArrayLike<number>): number {
  let sum = 0;
  for (let k = 0; k < a.length; k++) sum += a[k]! * a[k]!;
  return Math.sqrt(sum);
}
