import { LinkageError } from "../../errors/LinkageError.js";
import { formatRational } from "../../math/rational.js";
import { profileCount, type StrategicGame } from "../strategicGame.js";
import { quote } from "./tokenizer.js";

/**
 * Writes a strategic game in Gambit's `.nfg` file format, the inverse of {@link readNfg}:
 * `readNfg(writeNfg(g))` equals `g` for every game `readNfg` returns.
 *
 * Format (https://gambitproject.readthedocs.io/en/latest/formats.nfg.html): the outcome form
 * (an outcome list, then one outcome number per profile, 0 for none) when `game.outcomes` is set,
 * else the payoff form (every player's payoff at every profile, player 1's strategy varying
 * fastest). Payoffs are written exactly (`1/3`) when `exactPayoffs` is present, else as the
 * shortest decimal that reads back as the same double. Strategies are written by label, or by
 * count (`{ 2 3 }`) when every label is empty.
 *
 * @throws {LinkageError} E_DOMAIN when the payoff table or the outcome structure does not fit the
 * strategies, or a payoff to be written as a double is not finite
 * @example
 * writeNfg({ title: "", comment: "", players: ["A", "B"], strategies: [[""], [""]],
 *   payoffs: Float64Array.of(1, 0.5), exactPayoffs: null, outcomes: null });
 * // => 'NFG 1 R "" { "A" "B" } { 1 1 }\n""\n\n1 0.5\n'
 */
export function writeNfg(game: StrategicGame): string {
  const nPlayers = game.players.length;
  const profiles = profileCount(game);
  if (game.strategies.length !== nPlayers) {
    throw new LinkageError(
      "E_DOMAIN",
      `writeNfg: ${game.strategies.length} strategy lists for ${nPlayers} players`,
    );
  }
  const parts: string[] = [];
  let head = `NFG 1 R ${quote(game.title)} { ${game.players.map(quote).join(" ")} }`;
  if (game.strategies.every((labels) => labels.every((s) => s === ""))) {
    head += ` { ${game.strategies.map((s) => s.length).join(" ")} }`;
    parts.push(head);
  } else {
    parts.push(head, "");
    parts.push(`{ ${game.strategies.map((s) => `{ ${s.map(quote).join(" ")} }`).join("\n")}`);
    parts.push("}");
  }
  parts.push(quote(game.comment), "");

  const outcomes = game.outcomes;
  if (outcomes) {
    if (
      outcomes.profileOutcome.length !== profiles ||
      outcomes.labels.length !== outcomes.payoffs.length
    ) {
      throw new LinkageError("E_DOMAIN", "writeNfg: the outcome structure does not fit the game");
    }
    parts.push("{");
    outcomes.labels.forEach((label, o) => {
      const payoffs = outcomes.payoffs[o]!;
      if (payoffs.length !== nPlayers) {
        throw new LinkageError(
          "E_DOMAIN",
          `writeNfg: outcome ${o + 1} has ${payoffs.length} payoffs for ${nPlayers} players`,
        );
      }
      parts.push(`{ ${quote(label)} ${payoffs.map(formatRational).join(", ")} }`);
    });
    parts.push("}");
    const numbers = new Array<string>(profiles);
    for (let k = 0; k < profiles; k++) {
      const o = outcomes.profileOutcome[k]!;
      if (o < -1 || o >= outcomes.labels.length) {
        throw new LinkageError("E_DOMAIN", `writeNfg: profile ${k} has no outcome ${o}`);
      }
      numbers[k] = String(o + 1);
    }
    parts.push(numbers.join(" "));
  } else {
    const exact = game.exactPayoffs;
    const count = profiles * nPlayers;
    if (game.payoffs.length !== count || (exact !== null && exact.length !== count)) {
      throw new LinkageError(
        "E_DOMAIN",
        `writeNfg: ${count} payoffs expected (${nPlayers} players × ${profiles} profiles), found ${exact?.length ?? game.payoffs.length}`,
      );
    }
    const row = new Array<string>(nPlayers);
    for (let k = 0; k < profiles; k++) {
      for (let p = 0; p < nPlayers; p++) {
        const i = k * nPlayers + p;
        row[p] = exact !== null ? formatRational(exact[i]!) : formatDouble(game.payoffs[i]!);
      }
      parts.push(row.join(" "));
    }
  }
  parts.push("");
  return parts.join("\n");
}

function formatDouble(x: number): string {
  if (!Number.isFinite(x))
    throw new LinkageError("E_DOMAIN", `writeNfg: payoff ${x} is not finite`);
  return String(x);
}
