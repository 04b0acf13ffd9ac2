import { formatNumber } from "linkage/report/formatNumber";
import { priorText } from "linkage/report/priorText";
import type { ParameterSpec } from "linkage/scenario/Scenario";
import type { Workbench } from "../workbench.js";
import { roundToStep, sliderStep } from "./sliderStep.js";

/**
 * The scenario's parameters as controls: a slider over its prior's range for each parameter with
 * a prior (the default marked on the track and written beside it, the source on hover, the value
 * shown, a reset button), a number box for a fixed one. Moving one sets the value in the
 * workbench (`setOverride`). Those the one-shot game depends on come first; those only the weekly
 * simulation reads are folded below. Rebuilt when the scenario's parameters change; the values
 * set are the workbench's, so they stay for ids that still exist.
 */
export class ParameterSliders {
  readonly #root: HTMLElement;
  readonly #workbench: Workbench;
  #signature = "";
  readonly #rows = new Map<string, ParameterRow>();

  constructor(root: HTMLElement, workbench: Workbench) {
    this.#root = root;
    this.#workbench = workbench;
    root.classList.add("parameter-sliders");
    root.dataset["test"] = "parameters";
    workbench.on("overrides", () => this.#showValues());
  }

  /** Shows the parameters of a newly parsed scenario (rebuilding only if they changed). */
  show(parameters: readonly ParameterSpec[]): void {
    const signature = JSON.stringify(
      parameters.map((p) => [p.id, p.value, p.range, p.label, p.unit, p.source, p.usedInOneShot]),
    );
    if (signature !== this.#signature) {
      this.#signature = signature;
      this.#build(parameters);
    }
    this.#showValues();
  }

  #build(parameters: readonly ParameterSpec[]): void {
    this.#rows.clear();
    const oneShot = parameters.filter((p) => p.usedInOneShot);
    const weekly = parameters.filter((p) => !p.usedInOneShot);
    const heading = document.createElement("h3");
    heading.textContent = "Parameters";
    const note = document.createElement("p");
    note.className = "muted";
    note.textContent =
      "Each slider spans the parameter's prior; the tick marks the default. Moving one re-runs the analysis.";
    const list = document.createElement("div");
    list.className = "parameter-list";
    for (const p of oneShot) list.append(this.#row(p));
    const parts: HTMLElement[] = [heading, note, list];
    if (weekly.length > 0) {
      const details = document.createElement("details");
      const summary = document.createElement("summary");
      summary.textContent = `${weekly.length} parameters of the weekly simulation only (no effect on the one-shot analysis; used by a full run)`;
      const more = document.createElement("div");
      more.className = "parameter-list";
      for (const p of weekly) more.append(this.#row(p));
      details.append(summary, more);
      parts.push(details);
    }
    if (parameters.length === 0) note.textContent = "The scenario declares no parameters.";
    this.#root.replaceChildren(...parts);
  }

  #row(p: ParameterSpec): HTMLElement {
    const row = document.createElement("div");
    row.className = "parameter";
    row.dataset["parameter"] = p.id;
    const inputId = `parameter-${p.id.replace(/[^A-Za-z0-9_-]/g, "_")}`;
    const hover = [p.label, p.unit ? `unit: ${p.unit}` : null, `prior: ${priorText(p.prior)}`]
      .concat(p.source ? [`source: ${p.source}`] : [])
      .filter((s): s is string => s !== null)
      .join("\n");
    row.title = hover;

    const label = document.createElement("label");
    label.htmlFor = inputId;
    const name = document.createElement("code");
    name.textContent = p.id;
    label.append(name);
    if (p.label) label.append(` ${p.label}`);

    const input = document.createElement("input");
    input.id = inputId;
    input.dataset["test"] = `slider-${p.id}`;
    const output = document.createElement("output");
    output.htmlFor.add(inputId);
    output.dataset["test"] = `value-${p.id}`;
    const reset = document.createElement("button");
    reset.type = "button";
    reset.className = "reset";
    reset.textContent = "reset";
    reset.title = `Back to the default, ${formatNumber(p.value, 6)}`;
    reset.dataset["test"] = `reset-${p.id}`;
    reset.addEventListener("click", () => this.#workbench.setOverride(p.id, undefined));
    const defaultText = document.createElement("span");
    defaultText.className = "default muted";
    defaultText.textContent = `default ${formatNumber(p.value, 6)}`;

    let step = 1;
    if (p.range) {
      const [low, high] = p.range;
      step = sliderStep(low, high);
      input.type = "range";
      input.min = String(low);
      input.max = String(high);
      input.step = String(step);
      const ticks = document.createElement("datalist");
      ticks.id = `${inputId}-default`;
      const tick = document.createElement("option");
      tick.value = String(p.value);
      tick.label = "default";
      ticks.append(tick);
      input.setAttribute("list", ticks.id);
      const track = document.createElement("span");
      track.className = "track";
      const mark = document.createElement("span");
      mark.className = "default-mark";
      mark.title = `default ${formatNumber(p.value, 6)}`;
      const share = high > low ? (p.value - low) / (high - low) : 0;
      mark.style.left = `calc(${(Math.min(1, Math.max(0, share)) * 100).toFixed(2)}% + ${(8 - 16 * share).toFixed(1)}px)`;
      track.append(input, mark, ticks);
      row.append(label, track, output, defaultText, reset);
    } else {
      input.type = "number";
      input.step = "any";
      row.append(label, input, output, defaultText, reset);
      row.classList.add("fixed");
      defaultText.textContent = `fixed (no prior), default ${formatNumber(p.value, 6)}`;
    }
    const set = () => {
      const value = Number(input.value);
      if (input.value.trim() === "" || !Number.isFinite(value)) return;
      this.#workbench.setOverride(p.id, p.range ? roundToStep(value, step) : value);
    };
    input.addEventListener("input", () => {
      if (p.range) set();
    });
    input.addEventListener("change", set);
    this.#rows.set(p.id, { spec: p, input, output, reset, row });
    return row;
  }

  /** Puts the workbench's values (or the defaults) into the controls. */
  #showValues(): void {
    for (const { spec, input, output, reset, row } of this.#rows.values()) {
      const set = this.#workbench.overrides.get(spec.id);
      const value = set ?? spec.value;
      if (document.activeElement !== input || spec.range) input.value = String(value);
      output.textContent = formatNumber(value, 6);
      reset.disabled = set === undefined;
      row.classList.toggle("changed", set !== undefined && set !== spec.value);
    }
  }
}

interface ParameterRow {
  readonly spec: ParameterSpec;
  readonly input: HTMLInputElement;
  readonly output: HTMLOutputElement;
  readonly reset: HTMLButtonElement;
  readonly row: HTMLElement;
}
