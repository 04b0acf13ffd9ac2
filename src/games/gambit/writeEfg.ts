import { LinkageError } from "../../errors/LinkageError.js";
import { formatRational } from "../../math/rational.js";
import { CHANCE, type ExtensiveGame, NATURE, PERSONAL } from "../extensiveGame.js";
import { quote } from "./tokenizer.js";

/**
 * Writes an extensive game in Gambit's `.efg` file format, the inverse of {@link readEfg}:
 * `readEfg(writeEfg(g))` equals `g` for every game `readEfg` returns.
 *
 * Format (https://gambitproject.readthedocs.io/en/latest/formats.efg.html): one line per node in
 * depth-first order (`c`, `p` or `t`, the node label, the player, the information set number,
 * the outcome number). An information set's label and actions (with probabilities for chance) are
 * written where it first appears and later nodes give its number alone, as Gambit's own files
 * do (e.g. the catalog's `shohamleytonbrown2008/fig5_10.efg`); an outcome's label and payoffs
 * are written at every node that has it, as Gambit writes them. Numbers are exact (`1/3`).
 *
 * Information sets and outcomes appear in the text in depth-first order of first use, so a game
 * whose `infosets` or `outcomes` arrays are in another order, or hold entries no node uses, reads
 * back with those arrays reordered or without those entries.
 *
 * @throws {LinkageError} E_DOMAIN when the arrays are inconsistent: a node's children do not
 * match its information set's actions, or a personal set's player is not a player
 * @example
 * writeEfg(readEfg('EFG 2 R "" { "A" } p "" 1 1 "" { "L" "R" } 0 t "" 1 "" { 1 } t "" 0'));
 * // => 'EFG 2 R "" { "A" }\n""\n\np "" 1 1 "" { "L" "R" } 0\nt "" 1 "" { 1 }\nt "" 0\n'
 */
export function writeEfg(game: ExtensiveGame): string {
  const nPlayers = game.players.length;
  const n = game.nodeKind.length;
  const lines: string[] = [
    `EFG 2 R ${quote(game.title)} { ${game.players.map(quote).join(" ")} }`,
    quote(game.comment),
    "",
  ];
  if (n === 0) throw new LinkageError("E_DOMAIN", "writeEfg: the game has no nodes");
  const declared = new Uint8Array(game.infosets.length);
  // Depth-first from the root, children in action order; an explicit stack for deep trees.
  const stack: number[] = [0];
  while (stack.length > 0) {
    const v = stack.pop()!;
    const kind = game.nodeKind[v]!;
    let line: string;
    if (kind === PERSONAL || kind === CHANCE) {
      const s = game.nodeInfoset[v]!;
      const set = game.infosets[s];
      const from = game.childStart[v]!;
      const to = game.childStart[v + 1]!;
      if (set === undefined || to - from !== set.actions.length) {
        throw new LinkageError(
          "E_DOMAIN",
          `writeEfg: node ${v} has ${to - from} children but its information set has ${set?.actions.length ?? 0} actions`,
        );
      }
      if (kind === CHANCE) {
        if (set.player !== NATURE || set.probabilities === null)
          throw new LinkageError("E_DOMAIN", `writeEfg: chance node ${v} is in a personal set`);
        line = `c ${quote(game.nodeLabel[v] ?? "")} ${set.number}`;
      } else {
        if (!(set.player >= 0 && set.player < nPlayers))
          throw new LinkageError("E_DOMAIN", `writeEfg: node ${v} has player ${set.player}`);
        line = `p ${quote(game.nodeLabel[v] ?? "")} ${set.player + 1} ${set.number}`;
      }
      if (declared[s] === 0) {
        declared[s] = 1;
        const probabilities = set.probabilities;
        const actions =
          kind === CHANCE && probabilities !== null
            ? set.actions.map((a, i) => `${quote(a)} ${formatRational(probabilities[i]!)}`)
            : set.actions.map(quote);
        line += ` ${quote(set.label)} { ${actions.join(" ")} }`;
      }
      for (let i = to - 1; i >= from; i--) stack.push(game.children[i]!);
    } else {
      line = `t ${quote(game.nodeLabel[v] ?? "")}`;
    }
    const o = game.nodeOutcome[v]!;
    if (o < 0) line += " 0";
    else {
      const outcome = game.outcomes[o];
      if (outcome === undefined)
        throw new LinkageError("E_DOMAIN", `writeEfg: node ${v} has no outcome ${o}`);
      line += ` ${outcome.number} ${quote(outcome.label)} { ${outcome.payoffs.map(formatRational).join(", ")} }`;
    }
    lines.push(line);
  }
  lines.push("");
  return lines.join("\n");
}
