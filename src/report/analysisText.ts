import type { AnalysisResult } from "../analysis/AnalysisResult.js";
import { analysisVerdict } from "./analysisVerdict.js";
import { concededList } from "./concededList.js";
import { formatNumber, formatPercent } from "./formatNumber.js";

/** The plain-text report of `linkage analyze`: a short table of policies and the verdict. */
export function analysisText(result: AnalysisResult): string {
  const types = Object.keys(result.typePrior);
  const header = [
    "policy",
    "sender value",
    ...types.map((t) => `${t} (${formatPercent(result.typePrior[t]!)}) concedes`),
  ];
  const rows = Object.entries(result.policies).map(([id, p]) => [
    id,
    `${formatNumber(p.senderValue)}${id === result.bestPolicy ? " *" : ""}`,
    ...types.map((t) => concededList(p.responses[t]!)),
  ]);
  const lines = [
    `${result.title} (${result.scenario})`,
    "",
    ...table([header, ...rows]),
    "  * best policy",
    "",
    "Verdict",
  ];
  for (const sentence of analysisVerdict(result)) lines.push(...wrap(sentence, 96, "  "));
  if (result.warnings.length > 0) lines.push("", "Notes", ...result.warnings.map((w) => `  ${w}`));
  return `${lines.join("\n")}\n`;
}

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => [...r[c]!].length)));
  return rows.map((r) => `  ${r.map((cell, c) => cell.padEnd(widths[c]!)).join("  ")}`.trimEnd());
}

function wrap(text: string, width: number, indent: string): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line !== "" && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  if (line !== "") lines.push(indent + line);
  return lines;
}
