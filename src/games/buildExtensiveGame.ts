import { LinkageError } from "../errors/LinkageError.js";
import {
  add,
  compare,
  fromNumber,
  ONE,
  parseRational,
  type Rational,
  toNumber,
} from "../math/rational.js";
import {
  CHANCE,
  type ExtensiveGame,
  type InformationSet,
  NATURE,
  type Outcome,
  PERSONAL,
  TERMINAL,
} from "./extensiveGame.js";

/** A number given exactly: a double, a bigint-backed rational, or a literal such as "1/3". */
export type ExactNumber = number | string | Rational;

/** Payoffs attached to a node (any node: a play's payoff is the sum along its path). */
export interface OutcomeSpec {
  readonly payoffs: readonly ExactNumber[];
  readonly label?: string;
}

/** A tree written as nested data, for building games in code (tests, the scenario compiler). */
export type TreeSpec =
  | { readonly label?: string; readonly outcome?: OutcomeSpec }
  | {
      readonly label?: string;
      readonly outcome?: OutcomeSpec;
      /** 0-based player index. */
      readonly player: number;
      /** Nodes of the same player with the same key share an information set. */
      readonly infoset: string;
      readonly infosetLabel?: string;
      readonly actions: readonly string[];
      readonly children: readonly TreeSpec[];
    }
  | {
      readonly label?: string;
      readonly outcome?: OutcomeSpec;
      readonly chance: true;
      /** Chance nodes with the same key share an information set; each has its own by default. */
      readonly infoset?: string;
      readonly infosetLabel?: string;
      readonly actions: readonly string[];
      readonly probabilities: readonly ExactNumber[];
      readonly children: readonly TreeSpec[];
    };

export interface GameSpec {
  readonly title?: string;
  readonly comment?: string;
  readonly players: readonly string[];
  readonly root: TreeSpec;
}

/** Exact value of an {@link ExactNumber}. @throws {LinkageError} E_DOMAIN for a bad literal */
export function exact(x: ExactNumber): Rational {
  if (typeof x === "number") return fromNumber(x);
  if (typeof x === "string") {
    const r = parseRational(x);
    if (!r) throw new LinkageError("E_DOMAIN", `not a number: "${x}"`);
    return r;
  }
  return x;
}

/**
 * Builds an {@link ExtensiveGame} from nested data, numbering nodes depth first, information
 * sets and outcomes in order of first appearance.
 *
 * @throws {LinkageError} E_DOMAIN when a node's children do not match its actions, nodes of one
 * information set disagree on their actions, payoff counts differ from the number of players, or
 * chance probabilities are negative or do not sum to one
 */
export function buildExtensiveGame(spec: GameSpec): ExtensiveGame {
  const nPlayers = spec.players.length;
  const kind: number[] = [];
  const label: string[] = [];
  const parent: number[] = [];
  const infosetOf: number[] = [];
  const outcomeOf: number[] = [];
  const childLists: number[][] = [];
  const infosets: InformationSet[] = [];
  const infosetKeys = new Map<string, number>();
  const perPlayerCount = new Map<number, number>();
  const outcomes: Outcome[] = [];

  const newInfoset = (
    player: number,
    key: string | undefined,
    infosetLabel: string,
    actions: readonly string[],
    probabilities: Rational[] | null,
  ): number => {
    const mapKey = key === undefined ? undefined : `${player}:${key}`;
    if (mapKey !== undefined) {
      const existing = infosetKeys.get(mapKey);
      if (existing !== undefined) {
        const set = infosets[existing]!;
        if (set.actions.length !== actions.length || set.actions.some((a, i) => a !== actions[i])) {
          throw new LinkageError(
            "E_DOMAIN",
            `information set "${key}" of player ${player}: nodes disagree on the actions`,
          );
        }
        return existing;
      }
    }
    const number = (perPlayerCount.get(player) ?? 0) + 1;
    perPlayerCount.set(player, number);
    infosets.push({ player, number, label: infosetLabel, actions: [...actions], probabilities });
    if (mapKey !== undefined) infosetKeys.set(mapKey, infosets.length - 1);
    return infosets.length - 1;
  };

  const visit = (node: TreeSpec, parentIndex: number): number => {
    const index = kind.length;
    kind.push(TERMINAL);
    label.push(node.label ?? "");
    parent.push(parentIndex);
    infosetOf.push(-1);
    childLists.push([]);
    if (node.outcome) {
      if (node.outcome.payoffs.length !== nPlayers) {
        throw new LinkageError(
          "E_DOMAIN",
          `node ${index}: ${node.outcome.payoffs.length} payoffs for ${nPlayers} players`,
        );
      }
      outcomes.push({
        number: outcomes.length + 1,
        label: node.outcome.label ?? "",
        payoffs: node.outcome.payoffs.map(exact),
      });
      outcomeOf.push(outcomes.length - 1);
    } else outcomeOf.push(-1);
    if ("actions" in node) {
      if (node.children.length !== node.actions.length) {
        throw new LinkageError(
          "E_DOMAIN",
          `node ${index}: ${node.children.length} children for ${node.actions.length} actions`,
        );
      }
      if ("chance" in node) {
        const probabilities = node.probabilities.map(exact);
        if (probabilities.length !== node.actions.length) {
          throw new LinkageError(
            "E_DOMAIN",
            `chance node ${index}: ${probabilities.length} probabilities for ${node.actions.length} actions`,
          );
        }
        let sum: Rational = { n: 0n, d: 1n };
        for (const p of probabilities) {
          if (p.n < 0n)
            throw new LinkageError(
              "E_DOMAIN",
              `chance node ${index}: negative probability ${toNumber(p)}`,
            );
          sum = add(sum, p);
        }
        if (compare(sum, ONE) !== 0) {
          throw new LinkageError(
            "E_DOMAIN",
            `chance node ${index}: probabilities sum to ${toNumber(sum)}, expected 1`,
          );
        }
        kind[index] = CHANCE;
        infosetOf[index] = newInfoset(
          NATURE,
          node.infoset,
          node.infosetLabel ?? "",
          node.actions,
          probabilities,
        );
      } else {
        if (!(Number.isInteger(node.player) && node.player >= 0 && node.player < nPlayers)) {
          throw new LinkageError(
            "E_DOMAIN",
            `node ${index}: player ${node.player} is not one of the ${nPlayers} players`,
          );
        }
        kind[index] = PERSONAL;
        infosetOf[index] = newInfoset(
          node.player,
          node.infoset,
          node.infosetLabel ?? "",
          node.actions,
          null,
        );
      }
      for (const child of node.children) childLists[index]!.push(visit(child, index));
    }
    return index;
  };
  visit(spec.root, -1);

  const n = kind.length;
  const childStart = new Int32Array(n + 1);
  for (let v = 0; v < n; v++) childStart[v + 1] = childStart[v]! + childLists[v]!.length;
  const children = new Int32Array(childStart[n]!);
  for (let v = 0; v < n; v++) children.set(childLists[v]!, childStart[v]!);
  const outcomePayoffs = new Float64Array(outcomes.length * nPlayers);
  outcomes.forEach((o, i) => {
    o.payoffs.forEach((p, j) => {
      outcomePayoffs[i * nPlayers + j] = toNumber(p);
    });
  });
  return {
    title: spec.title ?? "",
    comment: spec.comment ?? "",
    players: [...spec.players],
    nodeKind: Uint8Array.from(kind),
    nodeLabel: label,
    nodeParent: Int32Array.from(parent),
    childStart,
    children,
    nodeInfoset: Int32Array.from(infosetOf),
    nodeOutcome: Int32Array.from(outcomeOf),
    infosets,
    outcomes,
    outcomePayoffs,
  };
}
