import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadScenario } from "../scenario/loadScenario.js";
import { parameterValues } from "../scenario/parameterValues.js";
import { analyze } from "./analyze.js";
import { equilibriumTree } from "./equilibriumTree.js";

const FLAGSHIP = fileURLToPath(new URL("../../scenarios/kabul-2021.yaml", import.meta.url));
const scenario = loadScenario(FLAGSHIP);
const { values } = parameterValues(scenario, {});
const analysis = analyze(scenario, { pivots: false });

describe("equilibriumTree", () => {
  const rule = equilibriumTree(scenario, values, analysis, "KE");
  const all = equilibriumTree(scenario, values, analysis, "KE", { followThrough: "all" });
  const children = (nodes: typeof rule, id: number) => nodes.filter((n) => n.parent === id);

  it("keeps one follow-through action per sender node by default, every one with followThrough all", () => {
    const senders = (nodes: typeof rule) =>
      nodes.filter((n) => n.kind === "sender" && n.parent >= 0);
    expect(senders(rule).length).toBeGreaterThan(0);
    for (const s of senders(rule)) expect(children(rule, s.id)).toHaveLength(1);
    for (const s of senders(all)) expect(children(all, s.id).length).toBeGreaterThan(1);
    expect(all.length).toBeGreaterThan(rule.length);
  });

  it("marks the same equilibrium path either way: one action on it at each decision on the path", () => {
    const path = (nodes: typeof rule) =>
      nodes.filter((n) => n.onPath).map((n) => `${n.kind}:${n.edge}:${n.label}`);
    expect(path(all)).toEqual(path(rule));
    for (const n of all.filter((m) => m.onPath && (m.kind === "sender" || m.kind === "target"))) {
      expect(children(all, n.id).filter((c) => c.onPath)).toHaveLength(1);
    }
  });
});
