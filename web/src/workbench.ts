/**
 * The page's shared state: the scenario in the editor (its text and where it came from) and the
 * parameter values the user has set (`--set`), with events so each panel follows them. Panels
 * never talk to each other; they read and write this.
 *
 * Events: `scenario` (the text or source changed), `overrides` (a parameter value changed),
 * `tab` (a panel was shown; `detail` is its name).
 */
export type TabName = "scenario" | "game" | "runs" | "gambit";

export class Workbench extends EventTarget {
  #text = "";
  #source = "scenario.yaml";
  readonly #overrides = new Map<string, number>();

  get text(): string {
    return this.#text;
  }

  get source(): string {
    return this.#source;
  }

  /** The values set by the user, as `--set` would give them. */
  get overrides(): ReadonlyMap<string, number> {
    return this.#overrides;
  }

  /** The overrides as a plain record (for a request body). */
  overrideRecord(): Record<string, number> {
    return Object.fromEntries(this.#overrides);
  }

  /** A new scenario text; `keepOverrides` false (the default) clears the values set. */
  setScenario(text: string, source: string, keepOverrides = false): void {
    this.#text = text;
    this.#source = source;
    if (!keepOverrides && this.#overrides.size > 0) {
      this.#overrides.clear();
      this.dispatchEvent(new Event("overrides"));
    }
    this.dispatchEvent(new Event("scenario"));
  }

  /** Sets one parameter's value, or clears it (back to its default) with `undefined`. */
  setOverride(id: string, value: number | undefined): void {
    if (value === undefined) this.#overrides.delete(id);
    else this.#overrides.set(id, value);
    this.dispatchEvent(new Event("overrides"));
  }

  /** Replaces all overrides at once (one event). */
  replaceOverrides(values: Readonly<Record<string, number>>): void {
    this.#overrides.clear();
    for (const [id, value] of Object.entries(values)) this.#overrides.set(id, value);
    this.dispatchEvent(new Event("overrides"));
  }

  showTab(name: TabName): void {
    this.dispatchEvent(new CustomEvent<TabName>("tab", { detail: name }));
  }

  on(type: "scenario" | "overrides", listener: () => void): void {
    this.addEventListener(type, listener);
  }
}
