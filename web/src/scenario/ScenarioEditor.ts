import { yaml, yamlLanguage } from "@codemirror/lang-yaml";
import { type Diagnostic, lintGutter, setDiagnostics } from "@codemirror/lint";
import { EditorView, placeholder } from "@codemirror/view";
import { basicSetup } from "codemirror";
import type { AnalysisProblem } from "./analysisMessages.js";
import { problemText } from "./problemText.js";
import { schemaCompletionSource } from "./schemaCompletionSource.js";
import type { JsonSchema } from "./yamlSchemaCompletion.js";

/**
 * The scenario's YAML editor (CodeMirror 6): highlighting, completion from the scenario
 * language's JSON Schema, and the problems of the last parse shown inline (underlined, in the
 * gutter, on hover) at their line and column. `onEdit` is called on every change the user makes
 * (not on `setText`).
 */
export class ScenarioEditor {
  readonly view: EditorView;
  #settingText = false;

  constructor(parent: HTMLElement, schema: JsonSchema, onEdit: (text: string) => void) {
    this.view = new EditorView({
      parent,
      doc: "",
      extensions: [
        basicSetup,
        yaml(),
        yamlLanguage.data.of({ autocomplete: schemaCompletionSource(schema) }),
        lintGutter(),
        placeholder("Paste a scenario here, or open a file or a shipped scenario above."),
        EditorView.contentAttributes.of({ "aria-label": "Scenario (YAML)" }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged && !this.#settingText) onEdit(update.state.doc.toString());
        }),
      ],
    });
  }

  get text(): string {
    return this.view.state.doc.toString();
  }

  /** Replaces the whole text (a scenario opened), without calling `onEdit`. */
  setText(text: string): void {
    if (text === this.text) return;
    this.#settingText = true;
    try {
      this.view.dispatch({ changes: { from: 0, to: this.view.state.doc.length, insert: text } });
    } finally {
      this.#settingText = false;
    }
  }

  /** Shows the problems found in `text` inline; nothing if the editor holds another text now. */
  showProblems(problems: readonly AnalysisProblem[], text: string): void {
    if (text !== this.text) return;
    const diagnostics: Diagnostic[] = [];
    for (const problem of problems) {
      const at = this.offsetOf(problem.line, problem.column);
      if (at === null) continue;
      diagnostics.push({ ...at, severity: "error", message: problemText(problem) });
    }
    this.view.dispatch(setDiagnostics(this.view.state, diagnostics));
  }

  /** Puts the cursor at a line and column (1-based) and scrolls there. */
  goTo(line: number, column: number): void {
    const at = this.offsetOf(line, column);
    if (at === null) return;
    this.view.dispatch({
      selection: { anchor: at.from },
      effects: EditorView.scrollIntoView(at.from, { y: "center" }),
    });
    this.view.focus();
  }

  /** The span a problem underlines: from its column to the end of the word there. */
  private offsetOf(
    line: number | undefined,
    column: number | undefined,
  ): { from: number; to: number } | null {
    if (line === undefined) return null;
    const doc = this.view.state.doc;
    const row = doc.line(Math.min(Math.max(1, line), doc.lines));
    const from = Math.min(row.from + Math.max(0, (column ?? 1) - 1), row.to);
    const word = /^[^\s,:{}[\]]*/.exec(doc.sliceString(from, row.to))![0];
    return { from, to: from + word.length };
  }
}
