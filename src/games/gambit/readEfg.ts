import { add, equals, formatRational, ONE, type Rational, toNumber } from "../../math/rational.js";
import {
  CHANCE,
  type ExtensiveGame,
  type InformationSet,
  NATURE,
  type Outcome,
  PERSONAL,
  TERMINAL,
} from "../extensiveGame.js";
import { readGambitHeader } from "./readGambitHeader.js";
import { Tokenizer, TokenKind } from "./tokenizer.js";

const CODE_P = 112;
const CODE_C = 99;
const CODE_T = 116;

/** The actions of an information set, and their probabilities for a chance set. */
interface ActionList {
  readonly actions: readonly string[];
  readonly probabilities: readonly Rational[] | null;
}

/**
 * Positive integers → indices: a dense array while the numbers stay small compared with the
 * number of entries (the usual 1, 2, 3, … of Gambit's files), a Map for the rest.
 */
class NumberIndex {
  private dense = new Int32Array(1024).fill(-1);
  private size = 0;
  private sparse: Map<number, number> | null = null;

  /** The index stored for `number`, or −1. */
  get(number: number): number {
    if (number < this.dense.length) {
      const index = this.dense[number]!;
      if (index >= 0 || this.sparse === null) return index;
    }
    return this.sparse?.get(number) ?? -1;
  }

  set(number: number, index: number): void {
    this.size++;
    if (number >= this.dense.length && number < 4 * this.size + 1024) {
      const grown = new Int32Array(Math.max(2 * this.dense.length, number + 1)).fill(-1);
      grown.set(this.dense);
      this.dense = grown;
    }
    if (number < this.dense.length) this.dense[number] = index;
    else {
      this.sparse ??= new Map();
      this.sparse.set(number, index);
    }
  }
}

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
  const nPlayers = players.length;

  // Nodes, struct of arrays, grown by doubling.
  let capacity = 1024;
  let kind = new Uint8Array(capacity);
  let parent = new Int32Array(capacity);
  let nodeInfoset = new Int32Array(capacity);
  let nodeOutcome = new Int32Array(capacity);
  let childStart = new Int32Array(capacity + 1);
  let children = new Int32Array(capacity);
  const nodeLabel: string[] = [];
  let n = 0;
  // The path from the root to the node whose children are being read.
  let stackNode = new Int32Array(64);
  let stackNext = new Int32Array(64);
  let depth = 0;

  const infosets: InformationSet[] = [];
  const infosetLine: number[] = [];
  // Per player, then Nature last: set number → index into `infosets`, and label → index.
  const infosetByNumber: NumberIndex[] = [];
  const infosetByLabel: Map<string, number>[] = [];
  for (let p = 0; p <= nPlayers; p++) {
    infosetByNumber.push(new NumberIndex());
    infosetByLabel.push(new Map());
  }
  const outcomes: Outcome[] = [];
  const outcomeLine: number[] = [];
  const outcomeByNumber = new NumberIndex();
  const nodeLabelLine = new Map<string, number>();

  const setName = (player: number, number: number): string =>
    player === NATURE
      ? `chance information set ${number}`
      : `information set ${number} of player ${player + 1}`;

  // Files repeat the same action lists: share one array per distinct text (the arrays are
  // read-only), which keeps a million-node game's heap small.
  const actionLists = new Map<string, ActionList>();
  const SHARE_LIMIT = 1 << 16;

  /**
   * Reads `{ "a" "b" … }` or, for chance, `{ "a" 1/2 "b" 1/2 … }`; the current token is `{`.
   */
  const readActions = (chance: boolean): ActionList => {
    const line = t.line;
    const column = t.column;
    const from = t.start;
    const actions: string[] = [];
    const probabilities: Rational[] | null = chance ? [] : null;
    for (;;) {
      t.next();
      if (t.is(TokenKind.Comma)) t.next();
      if (t.is(TokenKind.CloseBrace)) break;
      if (!t.is(TokenKind.String)) throw t.unexpected('an action label (a quoted string) or "}"');
      actions.push(t.stringValue());
      if (probabilities !== null) {
        t.next();
        if (t.is(TokenKind.Comma)) t.next();
        const p = t.rationalValue("a probability (a number)");
        if (p.n < 0n) throw t.error(`expected a non-negative probability, found ${t.describe()}`);
        probabilities.push(p);
      }
    }
    if (actions.length === 0)
      throw t.error("expected at least one action, found none", { line, column });
    if (probabilities !== null) {
      let sum: Rational = probabilities[0]!;
      for (let i = 1; i < probabilities.length; i++) sum = add(sum, probabilities[i]!);
      if (!equals(sum, ONE)) {
        throw t.error(`chance probabilities sum to ${formatRational(sum)}, expected 1`, {
          line,
          column,
        });
      }
    }
    const key = text.slice(from, t.end);
    t.next();
    const shared = actionLists.get(key);
    if (shared !== undefined) return shared;
    const list = { actions, probabilities };
    if (actionLists.size < SHARE_LIMIT) actionLists.set(key, list);
    return list;
  };

  /** Reads the information set part of a chance or personal node; returns the set's index. */
  const readInfoset = (player: number): number => {
    const numberLine = t.line;
    const numberColumn = t.column;
    const number = t.integerValue("an information set number (a positive integer)");
    if (number === 0)
      throw t.error("expected an information set number (a positive integer), found 0");
    t.next();
    const slot = player === NATURE ? nPlayers : player;
    let label: string | null = null;
    let labelLine = numberLine;
    let labelColumn = numberColumn;
    if (t.is(TokenKind.String)) {
      label = t.stringValue();
      labelLine = t.line;
      labelColumn = t.column;
      t.next();
    }
    let actions: readonly string[] | null = null;
    let probabilities: readonly Rational[] | null = null;
    const actionsLine = t.line;
    const actionsColumn = t.column;
    if (t.is(TokenKind.OpenBrace)) {
      const list = readActions(player === NATURE);
      actions = list.actions;
      probabilities = list.probabilities;
    }
    const existing = infosetByNumber[slot]!.get(number);
    if (existing < 0) {
      if (actions === null) {
        throw t.error(
          `${setName(player, number)} is used before it is declared (expected its label and actions)`,
          { line: numberLine, column: numberColumn },
        );
      }
      const index = infosets.length;
      const setLabel = label ?? "";
      if (setLabel !== "") {
        const other = infosetByLabel[slot]!.get(setLabel);
        if (other !== undefined) {
          throw t.error(
            `information set label "${setLabel}" is used by two information sets of ${player === NATURE ? "chance" : `player ${player + 1}`} (numbers ${infosets[other]!.number} and ${number}); Gambit 17 requires non-empty information set labels to be unique per player`,
            { line: labelLine, column: labelColumn },
          );
        }
        infosetByLabel[slot]!.set(setLabel, index);
      }
      infosets.push({ player, number, label: setLabel, actions, probabilities });
      infosetLine.push(numberLine);
      infosetByNumber[slot]!.set(number, index);
      return index;
    }
    const set = infosets[existing]!;
    if (label !== null && label !== set.label) {
      throw t.error(
        `${setName(player, number)} is declared again with label ${JSON.stringify(label)}, but line ${infosetLine[existing]} declares it with label ${JSON.stringify(set.label)}`,
        { line: labelLine, column: labelColumn },
      );
    }
    if (actions !== null) {
      const setProbabilities = set.probabilities;
      let same = actions.length === set.actions.length;
      for (let i = 0; same && i < actions.length; i++) {
        same =
          actions[i] === set.actions[i] &&
          (setProbabilities === null ||
            probabilities === null ||
            equals(setProbabilities[i]!, probabilities[i]!));
      }
      if (!same) {
        throw t.error(
          `${setName(player, number)} is declared again with other actions${player === NATURE ? " or probabilities" : ""} than on line ${infosetLine[existing]}`,
          { line: actionsLine, column: actionsColumn },
        );
      }
    }
    return existing;
  };

  /** Reads the outcome part of a node; returns the outcome's index or −1. */
  const readOutcome = (): number => {
    const numberLine = t.line;
    const numberColumn = t.column;
    const number = t.integerValue("an outcome number (a non-negative integer)");
    t.next();
    if (number === 0) {
      if (t.is(TokenKind.String) || t.is(TokenKind.OpenBrace))
        throw t.error("outcome 0 means no outcome: it cannot have a label or payoffs");
      return -1;
    }
    const existing = outcomeByNumber.get(number);
    let label: string | null = null;
    let labelLine = numberLine;
    let labelColumn = numberColumn;
    if (t.is(TokenKind.String)) {
      label = t.stringValue();
      labelLine = t.line;
      labelColumn = t.column;
      t.next();
    }
    let payoffs: readonly Rational[] | null = null;
    const payoffsLine = t.line;
    const payoffsColumn = t.column;
    if (t.is(TokenKind.OpenBrace)) {
      const values: Rational[] = [];
      for (;;) {
        t.next();
        if (t.is(TokenKind.Comma)) t.next();
        if (t.is(TokenKind.CloseBrace)) break;
        values.push(t.rationalValue('a payoff (a number) or "}"'));
      }
      if (values.length !== nPlayers) {
        throw t.error(
          `expected ${nPlayers} payoff${nPlayers === 1 ? "" : "s"} (one per player), found ${values.length}`,
          { line: payoffsLine, column: payoffsColumn },
        );
      }
      t.next();
      payoffs = values;
    } else if (label !== null && existing < 0) {
      throw t.unexpected(`the payoffs of outcome ${number} ("{")`);
    }
    if (existing < 0) {
      if (payoffs === null) {
        throw t.error(
          `outcome ${number} is used before it is declared (expected its label and payoffs)`,
          { line: numberLine, column: numberColumn },
        );
      }
      const index = outcomes.length;
      outcomes.push({ number, label: label ?? "", payoffs });
      outcomeLine.push(numberLine);
      outcomeByNumber.set(number, index);
      return index;
    }
    const outcome = outcomes[existing]!;
    if (label !== null && label !== outcome.label) {
      throw t.error(
        `outcome ${number} is declared again with label ${JSON.stringify(label)}, but line ${outcomeLine[existing]} declares it with label ${JSON.stringify(outcome.label)}`,
        { line: labelLine, column: labelColumn },
      );
    }
    if (payoffs !== null) {
      for (let p = 0; p < nPlayers; p++) {
        if (!equals(payoffs[p]!, outcome.payoffs[p]!)) {
          throw t.error(
            `outcome ${number} is declared again with other payoffs than on line ${outcomeLine[existing]}`,
            { line: payoffsLine, column: payoffsColumn },
          );
        }
      }
    }
    return existing;
  };

  for (;;) {
    if (t.is(TokenKind.End)) {
      if (n === 0) throw t.unexpected("the root node (p, c or t)");
      if (depth > 0) {
        const v = stackNode[depth - 1]!;
        throw t.error(
          `unexpected end of file: expected a node (p, c or t), child ${stackNext[depth - 1]! + 1} of ${childStart[v + 1]! - childStart[v]!} of node ${v + 1} in depth-first order`,
        );
      }
      break;
    }
    if (n > 0 && depth === 0) throw t.unexpected("the end of file after the complete tree");
    if (!t.is(TokenKind.Word) || t.end - t.start !== 1)
      throw t.unexpected("a node type (p, c or t)");
    const type = text.charCodeAt(t.start);
    if (type !== CODE_P && type !== CODE_C && type !== CODE_T)
      throw t.unexpected("a node type (p, c or t)");
    t.next();
    if (!t.is(TokenKind.String)) throw t.unexpected("a node label (a quoted string)");
    const label = t.stringValue();
    if (label !== "") {
      const first = nodeLabelLine.get(label);
      if (first !== undefined) {
        throw t.error(
          `node label "${label}" is used twice (first on line ${first}); Gambit 17 requires non-empty node labels to be unique within a game`,
        );
      }
      nodeLabelLine.set(label, t.line);
    }
    t.next();

    let infoset = -1;
    let nodeKind: number = TERMINAL;
    if (type === CODE_P) {
      const player = t.integerValue(`a player number (1 to ${nPlayers})`);
      if (player < 1 || player > nPlayers)
        throw t.error(`expected a player number (1 to ${nPlayers}), found ${player}`);
      t.next();
      infoset = readInfoset(player - 1);
      nodeKind = PERSONAL;
    } else if (type === CODE_C) {
      infoset = readInfoset(NATURE);
      nodeKind = CHANCE;
    }
    const outcome = readOutcome();

    if (n === capacity) {
      capacity *= 2;
      kind = grow(kind, new Uint8Array(capacity));
      parent = grow(parent, new Int32Array(capacity));
      nodeInfoset = grow(nodeInfoset, new Int32Array(capacity));
      nodeOutcome = grow(nodeOutcome, new Int32Array(capacity));
      childStart = grow(childStart, new Int32Array(capacity + 1));
    }
    const v = n++;
    kind[v] = nodeKind;
    nodeLabel.push(label);
    nodeInfoset[v] = infoset;
    nodeOutcome[v] = outcome;
    const arity = infoset < 0 ? 0 : infosets[infoset]!.actions.length;
    const firstChild = childStart[v]!;
    childStart[v + 1] = firstChild + arity;
    if (firstChild + arity > children.length) {
      children = grow(children, new Int32Array(Math.max(children.length * 2, firstChild + arity)));
    }
    if (depth > 0) {
      const u = stackNode[depth - 1]!;
      parent[v] = u;
      const slot = stackNext[depth - 1]!;
      children[childStart[u]! + slot] = v;
      if (slot + 1 === childStart[u + 1]! - childStart[u]!) depth--;
      else stackNext[depth - 1] = slot + 1;
    } else parent[v] = -1;
    if (arity > 0) {
      if (depth === stackNode.length) {
        stackNode = grow(stackNode, new Int32Array(depth * 2));
        stackNext = grow(stackNext, new Int32Array(depth * 2));
      }
      stackNode[depth] = v;
      stackNext[depth] = 0;
      depth++;
    }
  }

  const outcomePayoffs = new Float64Array(outcomes.length * nPlayers);
  for (let o = 0; o < outcomes.length; o++) {
    const payoffs = outcomes[o]!.payoffs;
    for (let p = 0; p < nPlayers; p++) outcomePayoffs[o * nPlayers + p] = toNumber(payoffs[p]!);
  }
  return {
    title,
    comment,
    players,
    nodeKind: kind.slice(0, n),
    nodeLabel,
    nodeParent: parent.slice(0, n),
    childStart: childStart.slice(0, n + 1),
    children: children.slice(0, childStart[n]!),
    nodeInfoset: nodeInfoset.slice(0, n),
    nodeOutcome: nodeOutcome.slice(0, n),
    infosets,
    outcomes,
    outcomePayoffs,
  };
}

function grow<T extends Uint8Array | Int32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
