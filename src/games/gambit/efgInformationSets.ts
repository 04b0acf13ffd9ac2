import { add, equals, formatRational, ONE, type Rational } from "../../math/rational.js";
import { type InformationSet, NATURE } from "../extensiveGame.js";
import { NumberIndex } from "./numberIndex.js";
import { readOptionalLabel } from "./readOptionalLabel.js";
import { type Tokenizer, TokenKind } from "./tokenizer.js";

/** The actions of an information set, and their probabilities for a chance set. */
interface ActionList {
  readonly actions: readonly string[];
  readonly probabilities: readonly Rational[] | null;
}

/** Distinct action lists shared (read-only) before the cache stops growing. */
const SHARE_LIMIT = 1 << 16;

/**
 * The information sets of an `.efg` file as its nodes declare them: the part of a chance or
 * personal node record after the player (`set "label" { "action" … }`, or the number alone for a
 * set declared before), checked against earlier declarations, in order of first appearance.
 */
export class EfgInformationSets {
  readonly infosets: InformationSet[] = [];
  /** The line where each set was first declared, for messages. */
  private readonly infosetLine: number[] = [];
  /** Per player, then Nature last: set number → index into `infosets`, and label → index. */
  private readonly infosetByNumber: NumberIndex[] = [];
  private readonly infosetByLabel: Map<string, number>[] = [];
  /**
   * Files repeat the same action lists: one array per distinct text (the arrays are read-only),
   * which keeps a million-node game's heap small.
   */
  private readonly actionLists = new Map<string, ActionList>();

  constructor(private readonly players: number) {
    for (let p = 0; p <= players; p++) {
      this.infosetByNumber.push(new NumberIndex());
      this.infosetByLabel.push(new Map());
    }
  }

  private setName(player: number, number: number): string {
    return player === NATURE
      ? `chance information set ${number}`
      : `information set ${number} of player ${player + 1}`;
  }

  /** Reads the information set part of a chance or personal node; returns the set's index. */
  read(t: Tokenizer, player: number): number {
    const numberLine = t.line;
    const numberColumn = t.column;
    const number = t.integerValue("an information set number (a positive integer)");
    if (number === 0)
      throw t.error("expected an information set number (a positive integer), found 0");
    t.next();
    const slot = player === NATURE ? this.players : player;
    // where the label is, if there is one (messages about it point there)
    const labelLine = t.line;
    const labelColumn = t.column;
    const label = readOptionalLabel(t);
    let actions: readonly string[] | null = null;
    let probabilities: readonly Rational[] | null = null;
    const actionsLine = t.line;
    const actionsColumn = t.column;
    if (t.is(TokenKind.OpenBrace)) {
      const list = this.readActions(t, player === NATURE);
      actions = list.actions;
      probabilities = list.probabilities;
    }
    const existing = this.infosetByNumber[slot]!.get(number);
    if (existing < 0) {
      if (actions === null) {
        throw t.error(
          `${this.setName(player, number)} is used before it is declared (expected its label and actions)`,
          { line: numberLine, column: numberColumn },
        );
      }
      const index = this.infosets.length;
      const setLabel = label ?? "";
      if (setLabel !== "") {
        const other = this.infosetByLabel[slot]!.get(setLabel);
        if (other !== undefined) {
          throw t.error(
            `information set label "${setLabel}" is used by two information sets of ${player === NATURE ? "chance" : `player ${player + 1}`} (numbers ${this.infosets[other]!.number} and ${number}); Gambit 17 requires non-empty information set labels to be unique per player`,
            { line: labelLine, column: labelColumn },
          );
        }
        this.infosetByLabel[slot]!.set(setLabel, index);
      }
      this.infosets.push({ player, number, label: setLabel, actions, probabilities });
      this.infosetLine.push(numberLine);
      this.infosetByNumber[slot]!.set(number, index);
      return index;
    }
    const set = this.infosets[existing]!;
    if (label !== null && label !== set.label) {
      throw t.error(
        `${this.setName(player, number)} is declared again with label ${JSON.stringify(label)}, but line ${this.infosetLine[existing]} declares it with label ${JSON.stringify(set.label)}`,
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
          `${this.setName(player, number)} is declared again with other actions${player === NATURE ? " or probabilities" : ""} than on line ${this.infosetLine[existing]}`,
          { line: actionsLine, column: actionsColumn },
        );
      }
    }
    return existing;
  }

  /**
   * Reads `{ "a" "b" … }` or, for chance, `{ "a" 1/2 "b" 1/2 … }`; the current token is `{`.
   */
  private readActions(t: Tokenizer, chance: boolean): ActionList {
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
    const key = t.input.slice(from, t.end);
    t.next();
    const shared = this.actionLists.get(key);
    if (shared !== undefined) return shared;
    const list = { actions, probabilities };
    if (this.actionLists.size < SHARE_LIMIT) this.actionLists.set(key, list);
    return list;
  }
}
