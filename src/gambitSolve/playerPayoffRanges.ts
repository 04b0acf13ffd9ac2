import type { GambitGame } from "../games/gambit/readGambitGame.js";

/**
 * Per player, its payoff range in the game (max − min): no regret can exceed it, so verifiedBody
 * never judges a regret against more (regretScale). Payoffs are the strategic table's, or an
 * extensive game's plays' (each play pays the sum of the outcomes on its path; nodes are
 * numbered depth first, so a parent's sum is known before its children's).
 */
export function playerPayoffRanges(input: GambitGame): number[] {
  const n = input.game.players.length;
  const low = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const high = new Float64Array(n).fill(Number.NEGATIVE_INFINITY);
  const see = (p: number, payoff: number) => {
    if (payoff < low[p]!) low[p] = payoff;
    if (payoff > high[p]!) high[p] = payoff;
  };
  if (input.form === "strategic") {
    const { payoffs } = input.game;
    for (let k = 0; k < payoffs.length; k++) see(k % n, payoffs[k]!);
  } else {
    const { nodeParent, nodeOutcome, outcomePayoffs, childStart } = input.game;
    const nodes = nodeParent.length;
    const sums = new Float64Array(nodes * n);
    for (let v = 0; v < nodes; v++) {
      const parent = nodeParent[v]!;
      const outcome = nodeOutcome[v]!;
      const leaf = childStart[v + 1] === childStart[v];
      for (let p = 0; p < n; p++) {
        let sum = parent < 0 ? 0 : sums[parent * n + p]!;
        if (outcome >= 0) sum += outcomePayoffs[outcome * n + p]!;
        sums[v * n + p] = sum;
        if (leaf) see(p, sum);
      }
    }
  }
  return Array.from({ length: n }, (_, p) => (low[p]! <= high[p]! ? high[p]! - low[p]! : 0));
}
