import type { GambitGame } from "../games/gambit/readGambitGame.js";

/**
 * Per player, the least size its regret is judged against (verifiedBody's regretScale): the
 * player's payoff range in the game (max − min), capped at 1. A player whose payoffs all lie
 * within 10⁻⁶ of each other is so judged on that range, not on 1 (which would accept any
 * profile). Payoffs are the strategic table's, or an extensive game's plays' (each play pays
 * the sum of the outcomes on its path; nodes are numbered depth first, so a parent's sum is
 * known before its children's).
 */
export function regretScaleFloors(input: GambitGame): number[] {
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
  return Array.from({ length: n }, (_, p) =>
    low[p]! <= high[p]! ? Math.min(1, high[p]! - low[p]!) : 1,
  );
}
