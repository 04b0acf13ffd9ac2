import type { SobolIndex, SobolResult, TornadoResult } from "../analysis/ScenarioRun.js";
import { formatNumber } from "./formatNumber.js";

/** How many leading parameters of each ranking are compared. */
const LEADERS = 3;
/** Places a parameter must move between the two rankings to count as ranked differently. */
const RANK_GAP = 3;
/** A total index below this is too small to call a parameter important over the priors. */
const MIN_TOTAL = 0.05;

/**
 * One sentence comparing the local view of an output (the tornado: one parameter at a time, the
 * others at their values) with the global one (Sobol indices over the priors), written from the
 * numbers:
 * - parameters among the {@link LEADERS} largest total indices that rank at least
 *   {@link RANK_GAP} places lower by tornado swing are named with their swing, their total index
 *   and the part of it that is interaction (total − first-order), which is what a one-at-a-time
 *   sweep at the defaults cannot see;
 * - parameters among the largest swings that rank at least {@link RANK_GAP} places lower by total
 *   index are named with their swing and their total index;
 * - otherwise the two rankings agree on their leaders, and the sentence says so with the largest
 *   interaction.
 * When the Sobol intervals missed their target width, the sentence says how wide they are.
 * Ranks are competition ranks: parameters with equal swings (e.g. none) share the best place.
 *
 * @param name - how a parameter is named, from its id. @default the id
 * @returns "" when the two results name different outputs or have no parameters
 */
export function localGlobalSentence(
  tornado: TornadoResult,
  sobol: SobolResult,
  name: (parameter: string) => string = (id) => id,
): string {
  if (tornado.output !== sobol.output || tornado.bars.length === 0 || sobol.indices.length === 0)
    return "";
  const swing = new Map(
    tornado.bars.map((b) => [b.parameter, Math.abs(b.valueAtHigh - b.valueAtLow)]),
  );
  const total = new Map(sobol.indices.map((i) => [i.parameter, i.total]));
  const rank = (values: Map<string, number>, id: string): number => {
    const own = values.get(id) ?? 0;
    let above = 0;
    for (const v of values.values()) if (v > own) above++;
    return above + 1;
  };
  const localRank = (id: string) => rank(swing, id);
  const globalRank = (id: string) => rank(total, id);
  const byTotal = [...sobol.indices].sort((a, b) => b.total - a.total);
  const bySwing = [...tornado.bars].sort(
    (a, b) => (swing.get(b.parameter) ?? 0) - (swing.get(a.parameter) ?? 0),
  );
  const what = outputWords(sobol.description);
  const scale = Math.max(...swing.values());

  const globalOnly = byTotal
    .slice(0, LEADERS)
    .filter(
      (i) =>
        i.total >= MIN_TOTAL &&
        swing.has(i.parameter) &&
        localRank(i.parameter) - globalRank(i.parameter) >= RANK_GAP,
    );
  const localOnly = bySwing
    .slice(0, LEADERS)
    .filter(
      (b) =>
        (swing.get(b.parameter) ?? 0) > 0 &&
        total.has(b.parameter) &&
        globalRank(b.parameter) - localRank(b.parameter) >= RANK_GAP,
    );
  const caveat = sobol.targetMet
    ? ""
    : `; but the Sobol intervals are up to ${formatNumber(sobol.widestInterval, 2)} wide (target ${formatNumber(sobol.targetWidth, 2)}, not met at the cap of ${sobol.baseSamples} base samples), so the global ranking is tentative`;

  if (globalOnly.length === 0 && localOnly.length === 0) {
    const leadSwing = new Set(bySwing.slice(0, LEADERS).map((b) => b.parameter));
    const common = byTotal.slice(0, LEADERS).filter((i) => leadSwing.has(i.parameter));
    const largest = byTotal.reduce((a, b) => (b.interaction > a.interaction ? b : a));
    const leaders =
      common.length > 0
        ? `${list(common.map((i) => name(i.parameter)))} ${common.length === 1 ? "is" : "are"} among the ${LEADERS} leading parameters of both rankings, and no leader of one ranks ${RANK_GAP} or more places lower in the other`
        : `no leader of one ranking ranks ${RANK_GAP} or more places lower in the other`;
    return `Local (tornado, one parameter at a time at the parameters' values) and global (Sobol, all parameters over their priors) agree for ${what}: ${leaders}; the largest interaction (total − first-order) is ${interactionText(largest)}, for ${name(largest.parameter)}${caveat}.`;
  }

  const clauses: string[] = [];
  if (globalOnly.length > 0) {
    const ids = globalOnly.map((i) => i.parameter);
    const one = ids.length === 1;
    const swings = globalOnly.map((i) => swing.get(i.parameter) ?? 0);
    const still = swings.every((s) => s <= 1e-12 * Math.max(1, scale));
    const local = still
      ? `do${one ? "es" : ""} not move it at all one at a time at the parameters' values (tornado)`
      : `move${one ? "s" : ""} it little one at a time at the parameters' values (tornado swing ${list(swings.map((s) => formatNumber(s, 2)))}, ${list(ids.map((id) => ordinal(localRank(id))))} of ${tornado.bars.length})`;
    const totals = globalOnly.map((i) => i.total);
    const interactions = globalOnly.map((i) => i.interaction);
    const mostlyInteraction =
      interactions.reduce((a, b) => a + b, 0) >= 0.5 * totals.reduce((a, b) => a + b, 0);
    const why = mostlyInteraction
      ? `${one ? "it matters" : "they matter"} mostly together with other parameters away from their values`
      : `${one ? "its" : "their"} effect shows only once the other parameters leave their values`;
    clauses.push(
      `${list(ids.map(name))} ${local}, yet over the priors (Sobol) ${one ? "it ranks" : "they rank"} ${list(ids.map((id) => ordinal(globalRank(id))))} by total index (${list(totals.map((t) => formatNumber(t, 2)))}), of which ${list(globalOnly.map(interactionText))} ${one ? "is" : "are"} interaction (total − first-order): ${why}`,
    );
  }
  if (localOnly.length > 0) {
    const ids = localOnly.map((b) => b.parameter);
    const one = ids.length === 1;
    clauses.push(
      `${globalOnly.length > 0 ? "conversely " : ""}${list(ids.map(name))}, which swing${one ? "s" : ""} it ${one ? "" : "among the "}most locally (${list(localOnly.map((b) => formatNumber(swing.get(b.parameter) ?? 0, 2)))}), rank${one ? "s" : ""} only ${list(ids.map((id) => ordinal(globalRank(id))))} of ${sobol.indices.length} over the priors (total ${list(ids.map((id) => formatNumber(total.get(id) ?? 0, 2)))})`,
    );
  }
  return `Local (tornado) and global (Sobol) rankings of ${what} differ: ${clauses.join("; ")}${caveat}.`;
}

/** The output's description up to its first colon: "one-shot leverage value", "expected attacks …". */
function outputWords(description: string): string {
  return `the ${description.split(":")[0]!.trim()}`;
}

function interactionText(i: SobolIndex): string {
  return `${formatNumber(i.interaction, 2)} [${formatNumber(i.interactionLow, 2)}, ${formatNumber(i.interactionHigh, 2)}]`;
}

/** "a", "a and b", "a, b and c". */
function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/** 1 → "1st", 2 → "2nd", 11 → "11th", 23 → "23rd". */
function ordinal(n: number): string {
  const tens = n % 100;
  const suffix =
    tens >= 11 && tens <= 13
      ? "th"
      : n % 10 === 1
        ? "st"
        : n % 10 === 2
          ? "nd"
          : n % 10 === 3
            ? "rd"
            : "th";
  return `${n}${suffix}`;
}
