import type { AnalysisRequest, AnalysisResponse } from "./analysisMessages.js";

/**
 * The page's side of the analysis worker: each request gets a new id, and only the answers to the
 * latest request reach `onAnswer` (an older answer arriving late is dropped), so the page never
 * shows a result older than what it asked for last.
 */
export class AnalysisClient {
  readonly #worker: Worker;
  #latest = 0;
  /** The request each answer belongs to, by id (the latest only). */
  #pending: AnalysisRequest | null = null;

  constructor(onAnswer: (response: AnalysisResponse, request: AnalysisRequest) => void) {
    this.#worker = new Worker(new URL("./analysisWorker.ts", import.meta.url), { type: "module" });
    this.#worker.addEventListener("message", (event: MessageEvent<AnalysisResponse>) => {
      const request = this.#pending;
      if (event.data.id !== this.#latest || !request) return;
      onAnswer(event.data, request);
    });
    this.#worker.addEventListener("error", (event) => {
      event.preventDefault();
      const request = this.#pending;
      if (!request) return;
      onAnswer(
        {
          kind: "problems",
          id: request.id,
          stage: "analyze",
          problems: [
            {
              path: "",
              message: `the analysis worker failed: ${event.message || "unknown error"}`,
            },
          ],
          scenario: null,
        },
        request,
      );
    });
  }

  /** Asks for the analysis of `text` with `overrides`; returns the request's id. */
  request(text: string, source: string, overrides: Readonly<Record<string, number>>): number {
    this.#latest += 1;
    const request: AnalysisRequest = { id: this.#latest, text, source, overrides };
    this.#pending = request;
    this.#worker.postMessage(request);
    return request.id;
  }
}
