import { equals, type Rational, toNumber } from "../../math/rational.js";
import type { Outcome } from "../extensiveGame.js";
import { NumberIndex } from "./numberIndex.js";
import { readOptionalLabel } from "./readOptionalLabel.js";
import { type Tokenizer, TokenKind } from "./tokenizer.js";

/**
 * The outcomes of an `.efg` file as its nodes declare them: the last part of every node record
 * (`0`, or `number "label" { payoff … }`, or the number alone for an outcome declared before),
 * checked against earlier declarations, in order of first appearance.
 */
export class EfgOutcomes {
  readonly outcomes: Outcome[] = [];
  /** The line where each outcome was first declared, for messages. */
  private readonly outcomeLine: number[] = [];
  private readonly outcomeByNumber = new NumberIndex();

  constructor(private readonly players: number) {}

  /** Reads the outcome part of a node; returns the outcome's index or −1. */
  read(t: Tokenizer): number {
    const numberLine = t.line;
    const numberColumn = t.column;
    const number = t.integerValue("an outcome number (a non-negative integer)");
    t.next();
    if (number === 0) {
      if (t.is(TokenKind.String) || t.is(TokenKind.OpenBrace))
        throw t.error("outcome 0 means no outcome: it cannot have a label or payoffs");
      return -1;
    }
    const existing = this.outcomeByNumber.get(number);
    // where the label is, if there is one (messages about it point there)
    const labelLine = t.line;
    const labelColumn = t.column;
    const label = readOptionalLabel(t);
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
      if (values.length !== this.players) {
        throw t.error(
          `expected ${this.players} payoff${this.players === 1 ? "" : "s"} (one per player), found ${values.length}`,
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
      const index = this.outcomes.length;
      this.outcomes.push({ number, label: label ?? "", payoffs });
      this.outcomeLine.push(numberLine);
      this.outcomeByNumber.set(number, index);
      return index;
    }
    const outcome = this.outcomes[existing]!;
    if (label !== null && label !== outcome.label) {
      throw t.error(
        `outcome ${number} is declared again with label ${JSON.stringify(label)}, but line ${this.outcomeLine[existing]} declares it with label ${JSON.stringify(outcome.label)}`,
        { line: labelLine, column: labelColumn },
      );
    }
    if (payoffs !== null) {
      for (let p = 0; p < this.players; p++) {
        if (!equals(payoffs[p]!, outcome.payoffs[p]!)) {
          throw t.error(
            `outcome ${number} is declared again with other payoffs than on line ${this.outcomeLine[existing]}`,
            { line: payoffsLine, column: payoffsColumn },
          );
        }
      }
    }
    return existing;
  }

  /** The outcomes' payoffs as doubles, outcome-major (`outcome · players + player`). */
  payoffTable(): Float64Array {
    const n = this.players;
    const table = new Float64Array(this.outcomes.length * n);
    for (let o = 0; o < this.outcomes.length; o++) {
      const payoffs = this.outcomes[o]!.payoffs;
      for (let p = 0; p < n; p++) table[o * n + p] = toNumber(payoffs[p]!);
    }
    return table;
  }
}
