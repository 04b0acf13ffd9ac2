import { Hono } from "hono";
import { scenarioJsonSchema } from "../scenario/scenarioJsonSchema.js";
import { ApiProblem } from "./ApiProblem.js";
import { shippedScenarios, shippedScenarioText } from "./shippedScenarios.js";
import { ID_PATTERN } from "./workbenchApi.js";

/**
 * The routes of the shipped scenarios and the scenario language: `GET /api/scenarios` (the
 * files of `scenariosDir`), `GET /api/scenarios/:id` (one file's text and the source a run of it
 * records, looked up by id among
 * them: never a path) and `GET /api/schema` (the JSON Schema, for the editor's completion).
 */
export function scenarioRoutes(scenariosDir: string): Hono {
  const routes = new Hono();
  routes.get("/scenarios", (c) => c.json({ scenarios: shippedScenarios(scenariosDir) }));
  routes.get("/scenarios/:id", (c) => {
    const id = c.req.param("id");
    if (!ID_PATTERN.test(id)) {
      throw new ApiProblem(
        400,
        "E_INPUT",
        `${JSON.stringify(id.slice(0, 140))} is not a scenario id (letters, digits, - and _)`,
        { path: ["id"] },
      );
    }
    let shipped: ReturnType<typeof shippedScenarioText>;
    try {
      shipped = shippedScenarioText(scenariosDir, id);
    } catch {
      // the reason names the server's own path: the page is told only which scenario failed
      throw new ApiProblem(
        500,
        "E_INTERNAL",
        `the shipped scenario "${id}" cannot be read (too large or unreadable)`,
      );
    }
    if (shipped === undefined) {
      throw new ApiProblem(404, "E_NOT_FOUND", `no shipped scenario with the id "${id}"`);
    }
    return c.json({ id, text: shipped.text, source: shipped.source });
  });
  routes.get("/schema", (c) => c.json(scenarioJsonSchema()));
  return routes;
}
