import { type Rational, toNumber, ZERO } from "../../math/rational.js";
import type { StrategicGame } from "../strategicGame.js";
import { readGambitHeader, readStringList } from "./readGambitHeader.js";
import { Tokenizer, TokenKind } from "./tokenizer.js";

/**
 * Reads a game in Gambit's strategic-form (`.nfg`) file format.
 *
 * Format (https://gambitproject.readthedocs.io/en/latest/formats.nfg.html): the header
 * `NFG 1 R "title" { "P1" "P2" … }` (`D` in place of `R` is accepted too), then either the
 * strategy counts `{ 3 2 }` or the strategy labels `{ { "a" "b" "c" } { "d" "e" } }`, then an
 * optional comment string, then the payoffs in one of two forms:
 *
 * - payoff form: for every pure profile (player 1's strategy varying fastest) the payoff of every
 *   player, Π nᵢ · n numbers in all;
 * - outcome form: a list of outcomes `{ { "label" 3, 2 } … }` (commas optional) followed by one
 *   outcome number per profile, 1-based, 0 meaning no outcome (everyone gets 0); the outcome
 *   structure is kept in `outcomes` so that {@link writeNfg} reproduces it.
 *
 * Payoffs are kept exactly (`exactPayoffs`) and as doubles (`payoffs`). Strategies given by count
 * get empty labels.
 *
 * @param text - the whole file
 * @param source - the file name used in error messages
 * @throws {LinkageError} E_INPUT with `source:line:column: expected …, found …` and the location,
 * for any text that is not such a file (wrong header, wrong number of payoffs or outcome numbers,
 * a non-number where a payoff is expected, an outcome number that is not declared, …)
 * @example
 * const g = readNfg('NFG 1 R "PD" { "1" "2" } { 2 2 } 3 3 5 0 0 5 1 1');
 * g.payoffs[1 * 2 + 0]; // => 5 (player 1's payoff when player 1 plays 2 and player 2 plays 1)
 */
export function readNfg(text: string, source = "<string>"): StrategicGame {
  const t = new Tokenizer(text, source);
  const { title, players } = readGambitHeader(t, "NFG", "1");
  const nPlayers = players.length;

  const strategies: string[][] = [];
  const listAt = { line: t.line, column: t.column };
  if (!t.is(TokenKind.OpenBrace)) throw t.unexpected('the strategies ("{")');
  t.next();
  let profiles = 1;
  if (t.is(TokenKind.OpenBrace)) {
    while (t.is(TokenKind.OpenBrace)) {
      const at = { line: t.line, column: t.column };
      const labels = readStringList(t, "", "a strategy label (a quoted string)");
      if (labels.length === 0)
        throw t.error(`player ${strategies.length + 1} has no strategies`, at);
      strategies.push(labels);
      profiles *= labels.length;
    }
    if (!t.is(TokenKind.CloseBrace))
      throw t.unexpected('a list of strategy labels ("{") or the end of the strategies ("}")');
  } else {
    while (!t.is(TokenKind.CloseBrace)) {
      const count = t.integerValue('a strategy count (a positive integer) or "}"');
      if (count === 0) throw t.error(`expected a positive strategy count, found 0`);
      if (count > text.length)
        throw t.error(`strategy count ${count} is more than the file can hold`);
      strategies.push(new Array<string>(count).fill(""));
      profiles *= count;
      t.next();
    }
  }
  if (strategies.length !== nPlayers) {
    throw t.error(
      `expected strategies for ${nPlayers} player${nPlayers === 1 ? "" : "s"}, found ${strategies.length}`,
      listAt,
    );
  }
  // Each profile needs at least one number in the file: a bound that keeps allocation sane.
  if (profiles > text.length) {
    throw t.error(
      `the strategies give ${profiles} profiles, more than the file can hold payoffs for`,
      listAt,
    );
  }
  t.next();

  let comment = "";
  if (t.is(TokenKind.String)) {
    comment = t.stringValue();
    t.next();
  }

  const exactPayoffs: Rational[] = new Array<Rational>(profiles * nPlayers);
  const payoffs = new Float64Array(profiles * nPlayers);
  let outcomes: StrategicGame["outcomes"] = null;

  if (t.is(TokenKind.OpenBrace)) {
    t.next();
    const labels: string[] = [];
    const outcomePayoffs: Rational[][] = [];
    while (t.is(TokenKind.OpenBrace)) {
      const at = { line: t.line, column: t.column };
      t.next();
      let label = "";
      if (t.is(TokenKind.String)) {
        label = t.stringValue();
        t.next();
      }
      const values: Rational[] = [];
      for (;;) {
        if (t.is(TokenKind.Comma)) t.next();
        if (t.is(TokenKind.CloseBrace)) break;
        values.push(t.rationalValue('a payoff (a number) or "}"'));
        t.next();
      }
      if (values.length !== nPlayers) {
        throw t.error(
          `expected ${nPlayers} payoffs in outcome ${labels.length + 1} (one per player), found ${values.length}`,
          at,
        );
      }
      labels.push(label);
      outcomePayoffs.push(values);
      t.next();
    }
    if (!t.is(TokenKind.CloseBrace))
      throw t.unexpected('an outcome ("{") or the end of the outcomes ("}")');
    t.next();
    const profileOutcome = new Int32Array(profiles);
    for (let k = 0; k < profiles; k++) {
      if (t.is(TokenKind.End)) {
        throw t.error(
          `unexpected end of file: expected ${profiles} outcome numbers (one per profile), found ${k}`,
        );
      }
      const o = t.integerValue("an outcome number (a non-negative integer)");
      if (o > labels.length) {
        throw t.error(
          `outcome ${o} is not declared (the file declares ${labels.length} outcome${labels.length === 1 ? "" : "s"})`,
        );
      }
      profileOutcome[k] = o - 1;
      const values = o === 0 ? null : outcomePayoffs[o - 1]!;
      for (let p = 0; p < nPlayers; p++) {
        const v = values === null ? ZERO : values[p]!;
        exactPayoffs[k * nPlayers + p] = v;
        payoffs[k * nPlayers + p] = toNumber(v);
      }
      t.next();
    }
    if (!t.is(TokenKind.End))
      throw t.unexpected(`the end of file after ${profiles} outcome numbers`);
    outcomes = { labels, payoffs: outcomePayoffs, profileOutcome };
  } else {
    const count = profiles * nPlayers;
    if (count > text.length) {
      throw t.error(
        `the strategies give ${profiles} profiles, more than the file can hold payoffs for`,
        listAt,
      );
    }
    const what = `${count} payoffs (${nPlayers} player${nPlayers === 1 ? "" : "s"} × ${profiles} profile${profiles === 1 ? "" : "s"})`;
    for (let i = 0; i < count; i++) {
      if (t.is(TokenKind.Comma)) t.next();
      if (t.is(TokenKind.End))
        throw t.error(`unexpected end of file: expected ${what}, found ${i}`);
      const v = t.rationalValue("a payoff (a number)");
      exactPayoffs[i] = v;
      payoffs[i] = toNumber(v);
      t.next();
    }
    if (t.is(TokenKind.Comma)) t.next();
    if (!t.is(TokenKind.End)) {
      throw t.is(TokenKind.Number)
        ? t.error(`expected ${what}, found more`)
        : t.unexpected(`the end of file after ${what}`);
    }
  }

  return { title, comment, players, strategies, payoffs, exactPayoffs, outcomes };
}
