import { describe, expect, it } from "vitest";
import { scenarioJsonSchema } from "../../src/scenario/scenarioJsonSchema.js";
import {
  type JsonSchema,
  yamlCursorPlace,
  yamlSchemaCompletions,
} from "../../web/src/scenario/yamlSchemaCompletion.js";

const SCHEMA = scenarioJsonSchema();

/** The text with `|` marking the cursor: the text without it and the cursor's offset. */
function at(marked: string): [string, number] {
  const offset = marked.indexOf("|");
  if (offset === -1) throw new Error("no cursor in the text");
  return [marked.slice(0, offset) + marked.slice(offset + 1), offset];
}

function labels(marked: string, schema: JsonSchema = SCHEMA): string[] {
  const [text, offset] = at(marked);
  return yamlSchemaCompletions(schema, text, offset)?.options.map((o) => o.label) ?? [];
}

describe("yamlCursorPlace", () => {
  it("reads the path of nested block mappings and sequence items", () => {
    const [text, offset] = at(
      "linkage: 1\ndemands:\n  - id: a\n    costToTarget:\n      committed: 1\n    val|\n",
    );
    const place = yamlCursorPlace(text, offset)!;
    expect(place.path).toEqual(["demands", 0]);
    expect(place.position).toEqual({ kind: "key" });
    expect(place.prefix).toBe("val");
    expect(place.from).toBe(offset - 3);
    expect([...place.siblings.keys()]).toEqual(["costToTarget", "id"]);
  });

  it("reads a compact sequence (dashes at the key's column)", () => {
    const [text, offset] = at("policies:\n- id: K\n  ki|\n");
    expect(yamlCursorPlace(text, offset)!.path).toEqual(["policies", 0]);
  });

  it("reads a flow mapping on the cursor's line", () => {
    const [text, offset] = at("parameters:\n  mu0:\n    prior: { dist: triangular, m|");
    const place = yamlCursorPlace(text, offset)!;
    expect(place.path).toEqual(["parameters", "mu0", "prior"]);
    expect(place.siblings.get("dist")).toBe("triangular");
  });

  it("gives nothing in a comment or under a key holding a scalar", () => {
    expect(yamlCursorPlace(...at("# a comm|"))).toBeNull();
    expect(yamlCursorPlace(...at("description: >\n  some te|"))).toBeNull();
  });
});

describe("yamlSchemaCompletions on the scenario language's schema", () => {
  it("offers the top-level sections not yet written, required ones marked", () => {
    const [text, offset] = at("linkage: 1\nid: x\n|\npolicies: []\n");
    const result = yamlSchemaCompletions(SCHEMA, text, offset)!;
    const names = result.options.map((o) => o.label);
    expect(names).toContain("parameters");
    expect(names).toContain("demands");
    expect(names).toContain("dynamics");
    expect(names).not.toContain("linkage");
    expect(names).not.toContain("policies"); // written below the cursor
    const demands = result.options.find((o) => o.label === "demands")!;
    expect(demands.detail).toBe("list (required)");
    expect(demands.apply).toBe("demands: ");
  });

  it("offers a parameter's fields, not the parameter ids (a record has none)", () => {
    expect(labels("parameters:\n  mu0:\n    value: 1\n    |")).toEqual([
      "prior",
      "label",
      "unit",
      "source",
    ]);
    expect(labels("parameters:\n  |")).toEqual([]);
  });

  it("narrows a oneOf by the discriminator already written", () => {
    expect(labels("parameters:\n  mu0:\n    prior: { dist: triangular, m|")).toEqual([
      "min",
      "mode",
      "max",
    ]);
    expect(labels("parameters:\n  mu0:\n    prior:\n      dist: normal\n      |")).toEqual([
      "mean",
      "sd",
      "min",
      "max",
    ]);
  });

  it("offers the union of a oneOf's fields when nothing discriminates yet", () => {
    const names = labels("demands:\n  - id: a\n    |");
    expect(names).toContain("costToTarget");
    expect(names).toContain("falsePositive"); // only in the hidden demand's branch
    expect(names).not.toContain("id");
  });

  it("offers the values of an enum or a const", () => {
    expect(labels("credibility:\n  beliefs: |")).toEqual(["equilibrium", "fixed"]);
    expect(labels("policies:\n- id: K\n  kind: con|")).toEqual([
      "unconditional",
      "withhold",
      "conditional",
      "conditional-escalation",
    ]);
    expect(labels("parameters:\n  mu0:\n    prior: { dist: |")).toEqual([
      "uniform",
      "triangular",
      "normal",
      "lognormal",
      "beta",
    ]);
  });
});

describe("yamlSchemaCompletions: $ref and anyOf", () => {
  const schema: JsonSchema = {
    type: "object",
    properties: { shape: { $ref: "#/$defs/shape" } },
    $defs: {
      shape: {
        anyOf: [
          {
            type: "object",
            description: "a circle",
            properties: {
              kind: { const: "circle" },
              radius: { type: "number", description: "in metres" },
            },
          },
          {
            type: "object",
            properties: { kind: { const: "square" }, side: { type: "number" } },
          },
        ],
      },
    },
  };

  it("follows a $ref into an anyOf and keeps the descriptions", () => {
    const [text, offset] = at("shape:\n  kind: circle\n  |");
    const result = yamlSchemaCompletions(schema, text, offset)!;
    expect(result.options).toEqual([
      {
        label: "radius",
        type: "property",
        apply: "radius: ",
        detail: "number",
        info: "in metres",
      },
    ]);
    expect(labels("shape:\n  |", schema)).toEqual(["kind", "radius", "side"]);
    expect(labels("shape:\n  kind: |", schema)).toEqual(["circle", "square"]);
  });
});
