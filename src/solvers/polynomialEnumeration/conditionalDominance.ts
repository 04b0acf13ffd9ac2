import type { StrategicGame } from "../../games/strategicGame.js";

/**
 * Whether a support profile can be skipped because some player's support holds a strategy that
 * is dominated given that the others play within their supports: a strategy a ∈ Sᵢ such that
 * another strategy b of player i (in the support or not) pays at least as much as a against
 * every pure profile of the others drawn from S₋ᵢ, and strictly more against one of them, s*.
 * In an equilibrium with these supports every profile of S₋ᵢ has positive probability, so b
 * earns at least Pr(s*)·(uᵢ(b, s*) − uᵢ(a, s*)) > 0 more than a: a is not a best response, and
 * the support profile has no equilibrium with full support. (Gambit's enumpoly prunes by
 * conditional strict dominance; this weak form with one strict inequality is equally sound for
 * equilibria whose support is exactly S, and prunes more in games with ties. Our own formulation.)
 *
 * Cost: Σᵢ |Sᵢ|·nᵢ·Π_{j≠i}|Sⱼ| payoff comparisons, stopping at the first failure.
 *
 * @param masks - per player, the support as a bit mask (bit s: strategy s)
 * @example
 * // prisoner's dilemma (cooperate = 0, defect = 1): cooperating is dominated whatever the support
 * const pd = strategicGameFromTables([2, 2], [[3, 0, 5, 1], [3, 5, 0, 1]]);
 * conditionallyDominated(pd, Int32Array.of(1, 2)) // => true
 */
export function conditionallyDominated(game: StrategicGame, masks: Int32Array): boolean {
  const n = game.players.length;
  const sizes = game.strategies.map((s) => s.length);
  const stride = new Int32Array(n);
  let product = 1;
  for (let p = 0; p < n; p++) {
    stride[p] = product;
    product *= sizes[p]!;
  }
  const payoffs = game.payoffs;
  const digits = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const own = masks[i]!;
    for (let a = 0; a < sizes[i]!; a++) {
      if (((own >>> a) & 1) === 0) continue;
      for (let b = 0; b < sizes[i]!; b++) {
        if (b === a) continue;
        if (dominatesOn(payoffs, n, sizes, stride, masks, i, a, b, digits)) return true;
      }
    }
  }
  return false;
}

/** Does b pay player i at least as much as a against every profile of the others within their supports, and more against one? */
function dominatesOn(
  payoffs: Float64Array,
  n: number,
  sizes: readonly number[],
  stride: Int32Array,
  masks: Int32Array,
  i: number,
  a: number,
  b: number,
  digits: Int32Array,
): boolean {
  let strict = false;
  // odometer over the others' support strategies
  for (let p = 0; p < n; p++) digits[p] = p === i ? 0 : lowestBit(masks[p]!);
  for (;;) {
    let base = 0;
    for (let p = 0; p < n; p++) if (p !== i) base += digits[p]! * stride[p]!;
    const ua = payoffs[(base + a * stride[i]!) * n + i]!;
    const ub = payoffs[(base + b * stride[i]!) * n + i]!;
    if (!(ub >= ua)) return false;
    if (ub > ua) strict = true;
    let p = 0;
    for (; p < n; p++) {
      if (p === i) continue;
      let next = digits[p]! + 1;
      while (next < sizes[p]! && ((masks[p]! >>> next) & 1) === 0) next++;
      if (next < sizes[p]!) {
        digits[p] = next;
        break;
      }
      digits[p] = lowestBit(masks[p]!);
    }
    if (p === n) return strict;
  }
}

function lowestBit(mask: number): number {
  return 31 - Math.clz32(mask & -mask);
}
