import { CHANCE, type ExtensiveGame, NATURE, PERSONAL, TERMINAL } from "../extensiveGame.js";
import { EfgInformationSets } from "./efgInformationSets.js";
import { EfgOutcomes } from "./efgOutcomes.js";
import { EfgTree } from "./efgTree.js";
import { readGambitHeader } from "./readGambitHeader.js";
import { Tokenizer, TokenKind } from "./tokenizer.js";

const CODE_P = 112;
const CODE_C = 99;
const CODE_T = 116;

/**
 * Reads a game in Gambit's extensive-form (`.efg`) file format into struct-of-arrays form.
 *
 * Format (https://gambitproject.readthedocs.io/en/latest/formats.efg.html): the header
 * `EFG 2 R "title" { "P1" "P2" … }` (`D` in place of `R` is accepted too) and an optional
 * comment string, then the nodes in depth-first order, each node followed by the subtrees of its
 * children, one per action:
 *
 * - chance: `c "node" set "set label" { "action" prob … } outcome …`
 * - personal: `p "node" player set "set label" { "action" … } outcome …`
 * - terminal: `t "node" outcome …`
 *
 * where `outcome` is 0 (none) or an outcome number followed, where the outcome is declared, by
 * `"outcome label" { payoff, payoff … }` (commas optional). An information set (numbered per
 * player; chance sets have their own numbering) is declared by its label and actions the first
 * time it appears; later nodes may repeat the declaration (it must then agree) or give only the
 * number. The same holds for outcomes. Chance probabilities are exact, non-negative and sum to 1.
 *
 * As Gambit 17 does, files whose non-empty node labels are not unique within the game, or whose
 * non-empty information-set labels are not unique per player, are rejected.
 *
 * Information sets and outcomes are stored in order of first appearance, with the numbers the file
 * gives them. Information sets declared with the same text share one (read-only) `actions` and
 * `probabilities` array. Reading uses an explicit stack, so any tree depth is fine, and runs in
 * time linear in the size of the text (about a second for 10^6 nodes).
 *
 * @param text - the whole file
 * @param source - the file name used in error messages
 * @throws {LinkageError} E_INPUT with `source:line:column: expected …, found …` and the location,
 * for any text that is not such a file: a truncated tree, an unknown node type, an information set
 * or outcome used before it is declared, a redeclaration that disagrees, a wrong number of
 * payoffs, chance probabilities that are negative or do not sum to 1, duplicate labels
 * @example
 * const g = readEfg('EFG 2 R "" { "A" } p "" 1 1 "" { "L" "R" } 0 t "" 1 "" { 1 } t "" 0');
 * g.nodeKind; // => Uint8Array [1, 0, 0]; g.outcomes[0].payoffs // => [{ n: 1n, d: 1n }]
 */
export function readEfg(text: string, source = "<string>"): ExtensiveGame {
  const t = new Tokenizer(text, source);
  const { title, players } = readGambitHeader(t, "EFG", "2");
  let comment = "";
  if (t.is(TokenKind.String)) {
    comment = t.stringValue();
    t.next();
  }
  const reader: EfgRecords = {
    t,
    players: players.length,
    tree: new EfgTree(),
    infosets: new EfgInformationSets(players.length),
    outcomes: new EfgOutcomes(players.length),
    nodeLabelLine: new Map(),
  };
  while (!atEnd(reader)) readNode(reader);
  return {
    title,
    comment,
    players,
    ...reader.tree.arrays(),
    infosets: reader.infosets.infosets,
    outcomes: reader.outcomes.outcomes,
    outcomePayoffs: reader.outcomes.payoffTable(),
  };
}

/** What reading the node records shares: the tokens, the tree so far, the sets and outcomes declared. */
interface EfgRecords {
  readonly t: Tokenizer;
  readonly players: number;
  readonly tree: EfgTree;
  readonly infosets: EfgInformationSets;
  readonly outcomes: EfgOutcomes;
  /** Each non-empty node label and the line it was first used on (labels must be unique). */
  readonly nodeLabelLine: Map<string, number>;
}

/**
 * True at the end of a complete tree.
 * @throws {LinkageError} at the end of a file whose tree is empty or unfinished, or at text after a complete tree
 */
function atEnd({ t, tree }: EfgRecords): boolean {
  if (t.is(TokenKind.End)) {
    if (tree.size === 0) throw t.unexpected("the root node (p, c or t)");
    if (tree.depth > 0) {
      throw t.error(`unexpected end of file: expected a node (p, c or t), ${tree.expectedChild()}`);
    }
    return true;
  }
  if (tree.size > 0 && tree.depth === 0)
    throw t.unexpected("the end of file after the complete tree");
  return false;
}

/** Reads one node record (`p …`, `c …` or `t …`) and adds the node to the tree. */
function readNode(r: EfgRecords): void {
  const { t } = r;
  if (!t.is(TokenKind.Word) || t.end - t.start !== 1) throw t.unexpected("a node type (p, c or t)");
  const type = t.input.charCodeAt(t.start);
  if (type !== CODE_P && type !== CODE_C && type !== CODE_T)
    throw t.unexpected("a node type (p, c or t)");
  t.next();
  const label = readNodeLabel(r);
  if (type === CODE_P) readPersonalNode(r, label);
  else if (type === CODE_C) readChanceNode(r, label);
  else readTerminalNode(r, label);
}

/**
 * The node's label, which must be unique within the game when not empty.
 * @throws {LinkageError} at a label that is not a quoted string, or one used before
 */
function readNodeLabel(r: EfgRecords): string {
  const { t } = r;
  if (!t.is(TokenKind.String)) throw t.unexpected("a node label (a quoted string)");
  const label = t.stringValue();
  if (label !== "") {
    const first = r.nodeLabelLine.get(label);
    if (first !== undefined) {
      throw t.error(
        `node label "${label}" is used twice (first on line ${first}); Gambit 17 requires non-empty node labels to be unique within a game`,
      );
    }
    r.nodeLabelLine.set(label, t.line);
  }
  t.next();
  return label;
}

/** The rest of `p "label" player set "set label" { "action" … } outcome …`: a player's move. */
function readPersonalNode(r: EfgRecords, label: string): void {
  const { t, players } = r;
  const player = t.integerValue(`a player number (1 to ${players})`);
  if (player < 1 || player > players)
    throw t.error(`expected a player number (1 to ${players}), found ${player}`);
  t.next();
  addNode(r, PERSONAL, label, r.infosets.read(t, player - 1));
}

/** The rest of `c "label" set "set label" { "action" prob … } outcome …`: a chance move. */
function readChanceNode(r: EfgRecords, label: string): void {
  addNode(r, CHANCE, label, r.infosets.read(r.t, NATURE));
}

/** The rest of `t "label" outcome …`: a leaf. */
function readTerminalNode(r: EfgRecords, label: string): void {
  addNode(r, TERMINAL, label, -1);
}

/** Reads the outcome that ends every node record and adds the node, with a child per action of its set. */
function addNode(r: EfgRecords, kind: number, label: string, infoset: number): void {
  const outcome = r.outcomes.read(r.t);
  const arity = infoset < 0 ? 0 : r.infosets.infosets[infoset]!.actions.length;
  r.tree.add(kind, label, infoset, outcome, arity);
}
