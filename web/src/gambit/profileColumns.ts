import type { SolveMethod } from "linkage/gambitSolve/solveMethods";
import { behaviourLayout } from "linkage/games/behaviourLayout";
import type { GambitGame } from "linkage/games/gambit/readGambitGame";
import { reducedStrategicForm } from "linkage/games/reducedStrategicForm";
import type { ProfileColumn } from "./solverMessages.js";

/**
 * The methods whose answer on an extensive game is a behaviour profile (one distribution per
 * information set); the others solve the reduced strategic form and answer in its strategies
 * (see each method's file in src/gambitSolve/methods/).
 */
const BEHAVIOUR_METHODS: ReadonlySet<SolveMethod> = new Set<SolveMethod>([
  "enumpure",
  "backward",
  "lcp",
  "lp",
  "logit",
]);

/** The headers of each player's probabilities in a solved profile, and how the profile reads. */
export interface ProfileColumns {
  readonly columns: ProfileColumn[][];
  readonly kind: "strategies" | "reduced strategies" | "behaviour";
}

/**
 * Names the entries of a solver's profiles: for a strategic game each player's strategies (their
 * labels, or their numbers when unlabelled); for an extensive game either each player's
 * information sets with their actions (behaviour profiles) or the strategies of its reduced
 * strategic form, depending on what `method` answers in. `lengths` (each player's entry count in
 * the answer) guards the choice: when it does not match, the columns are numbered. `agent`:
 * `liap` was asked for the agent form, so it answers in behaviour strategies too.
 */
export function profileColumns(
  input: GambitGame,
  method: SolveMethod,
  lengths: readonly number[] | null,
  agent = false,
): ProfileColumns {
  const numbered = (kind: ProfileColumns["kind"]): ProfileColumns => ({
    kind,
    columns: (lengths ?? []).map((n) =>
      Array.from({ length: n }, (_, k) => ({ group: "", label: String(k + 1) })),
    ),
  });
  const strategyColumns = (strategies: readonly (readonly string[])[]) =>
    strategies.map((list) =>
      list.map((label, s) => ({ group: "", label: label || String(s + 1) })),
    );
  const fits = (columns: ProfileColumn[][]) =>
    lengths === null || columns.every((c, p) => c.length === lengths[p]);

  if (input.form === "strategic") {
    const columns = strategyColumns(input.game.strategies);
    return fits(columns) ? { kind: "strategies", columns } : numbered("strategies");
  }
  const game = input.game;
  if (BEHAVIOUR_METHODS.has(method) || (agent && method === "liap")) {
    const layout = behaviourLayout(game);
    const columns = layout.playerInfosets.map((sets) =>
      sets.flatMap((h, k) => {
        const set = game.infosets[h]!;
        const group = set.label || `set ${k + 1}`;
        return set.actions.map((action, a) => ({ group, label: action || String(a + 1) }));
      }),
    );
    return fits(columns) ? { kind: "behaviour", columns } : numbered("behaviour");
  }
  const columns = strategyColumns(reducedStrategicForm(game).game.strategies);
  return fits(columns) ? { kind: "reduced strategies", columns } : numbered("reduced strategies");
}
