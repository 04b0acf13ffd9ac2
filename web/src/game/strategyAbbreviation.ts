/** Short forms of the scenario game's action names (compileGameTree's actions). */
const SHORT: Readonly<Record<string, string>> = {
  support: "S",
  withhold: "W",
  "support+escalate": "S+E",
  "withhold+escalate": "W+E",
  "*": "·",
};

/**
 * A reduced strategy's label (reducedStrategicForm's: one part per information set, joined by
 * `/` when action names are longer than one character) shortened for a table header: `refuse X`
 * → R, `concede X` → C, support → S, withhold → W, support+escalate → S+E, `*` (a set the plan's
 * own moves exclude) → ·; other names are kept. Parts are joined without a space when all are
 * one character.
 *
 * @example strategyAbbreviation("refuse evacuation/concede alqaeda/*") // => "RC·"
 */
export function strategyAbbreviation(label: string): string {
  if (!label.includes("/")) return SHORT[label] ?? shortAction(label);
  const parts = label.split("/").map((part) => SHORT[part] ?? shortAction(part));
  return parts.join(parts.every((p) => p.length === 1) ? "" : " ");
}

function shortAction(part: string): string {
  if (part.startsWith("refuse ")) return "R";
  if (part.startsWith("concede ")) return "C";
  return part;
}
