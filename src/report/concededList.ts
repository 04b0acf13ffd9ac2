import type { Concession } from "../analysis/AnalysisResult.js";

/** The demands a response concedes, as "evacuation, alqaeda", or "—" for none. */
export function concededList(response: Record<string, Concession>): string {
  const conceded = Object.keys(response).filter((d) => response[d] === 1);
  return conceded.length === 0 ? "—" : conceded.join(", ");
}
