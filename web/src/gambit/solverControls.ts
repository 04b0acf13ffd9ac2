import { wholeNumberFlag } from "linkage/cli/cliFlags";
import { LinkageError } from "linkage/errors/LinkageError";
import { SOLVE_METHODS, type SolveMethod } from "linkage/gambitSolve/solveMethods";
import type { WorkerSolveOptions } from "./solverMessages.js";

/** What each method computes, in a few words (the CLI's `--method` choices, in its order). */
const METHOD_NOTES: Readonly<Record<SolveMethod, string>> = {
  enumpure: "every pure equilibrium",
  dominance: "iterated elimination of strictly dominated strategies",
  backward: "backward induction (extensive games, subgame perfect)",
  enummixed: "every extreme equilibrium, two players (vertex enumeration)",
  enumsupport: "support enumeration, two players (nondegenerate games)",
  logit: "limit of the logit quantal response branch",
  lh: "Lemke–Howson, two players",
  lp: "linear programming, two-player constant-sum games (HiGHS)",
  lcp: "linear complementarity (Lemke), two players; sequence form on trees",
  simpdiv: "simplicial subdivision (any number of players)",
  gnm: "global Newton method (any number of players)",
  liap: "Lyapunov function minimisation from several starts",
  ipa: "iterated polymatrix approximation (any number of players)",
  enumpoly: "every isolated equilibrium, any number of players (support enumeration, certified)",
};

/** The options each method takes besides `rational` (as `linkage solve` allows them). */
const METHOD_OPTIONS: Readonly<Record<string, readonly SolveMethod[]>> = {
  maxSeconds: ["enummixed", "simpdiv", "gnm", "liap", "logit", "ipa", "enumpoly"],
  start: ["lcp"],
  seed: ["gnm", "liap", "ipa"],
  starts: ["liap"],
  agent: ["liap"],
  components: ["enummixed"],
  label: ["lh"],
  lambda: ["logit"],
};

/** The solver picker: a method, the options that method takes, and how to read them. */
export interface SolverControls {
  readonly element: HTMLElement;
  /**
   * The chosen method and options, checked as `linkage solve` checks its flags.
   * @throws {LinkageError} E_INPUT for a bad value (e.g. a negative time limit)
   */
  read(): WorkerSolveOptions & { readonly method: SolveMethod };
  /** Shows `lcp`'s path choice only for extensive games (the only ones it applies to). */
  setForm(form: "strategic" | "extensive" | null): void;
}

/**
 * Builds the method picker (SOLVE_METHODS with a note on each) and the options of `linkage
 * solve` that the chosen method takes: exact rationals, a time limit, lcp's starting path,
 * seeds and starts, enummixed's components, lh's label, logit's λ, liap's agent form. Options that do not apply to
 * the chosen method are hidden.
 */
export function solverControls(): SolverControls {
  const element = document.createElement("div");
  element.className = "solver-controls";
  const method = document.createElement("select");
  method.dataset["test"] = "solver-method";
  for (const m of SOLVE_METHODS) {
    method.append(new Option(`${m} — ${METHOD_NOTES[m]}`, m, m === "enummixed", m === "enummixed"));
  }
  const field = (label: string, input: HTMLElement, name: string): HTMLLabelElement => {
    const wrapper = document.createElement("label");
    wrapper.className = "solver-option";
    wrapper.dataset["option"] = name;
    wrapper.append(`${label} `, input);
    return wrapper;
  };
  const input = (name: string, type: string, placeholder = ""): HTMLInputElement => {
    const element = document.createElement("input");
    element.type = type;
    element.dataset["test"] = `solver-${name}`;
    element.placeholder = placeholder;
    if (type === "text") element.size = 8;
    return element;
  };
  const rational = input("rational", "checkbox");
  const maxSeconds = input("max-seconds", "text", "none");
  const start = document.createElement("select");
  start.dataset["test"] = "solver-start";
  start.append(
    new Option("covering (gambit-lcp's path)", "covering", true, true),
    new Option("centroid (from uniform play)", "centroid"),
  );
  const seed = input("seed", "text", "0");
  const starts = input("starts", "text", "10");
  const components = input("components", "checkbox");
  const agent = input("agent", "checkbox");
  const label = input("label", "text", "all");
  const lambda = input("lambda", "text", "limit");

  const rationalField = document.createElement("label");
  rationalField.className = "solver-option";
  rationalField.append(rational, " exact rationals");
  const options: Record<string, HTMLLabelElement> = {
    maxSeconds: field("stop after (s)", maxSeconds, "maxSeconds"),
    start: field("lcp path", start, "start"),
    seed: field("seed", seed, "seed"),
    starts: field("starts", starts, "starts"),
    components: field("components", components, "components"),
    label: field("label", label, "label"),
    lambda: field("λ (QRE at)", lambda, "lambda"),
    agent: field("", agent, "agent"),
  };
  (options["agent"] as HTMLLabelElement).replaceChildren(
    agent,
    " agent form (behaviour strategies)",
  );
  (options["components"] as HTMLLabelElement).replaceChildren(components, " connected components");
  const methodField = field("method", method, "method");
  element.append(methodField, rationalField, ...Object.values(options));

  let form: "strategic" | "extensive" | null = null;
  const update = () => {
    const m = method.value as SolveMethod;
    for (const [name, wrapper] of Object.entries(options)) {
      let shown = METHOD_OPTIONS[name]?.includes(m) ?? false;
      if (name === "start" || name === "agent") shown &&= form === "extensive";
      wrapper.hidden = !shown;
    }
  };
  method.addEventListener("change", update);
  update();

  const read = (): WorkerSolveOptions & { readonly method: SolveMethod } => {
    const m = method.value as SolveMethod;
    const applies = (name: string) => !(options[name] as HTMLLabelElement).hidden;
    const text = (field: HTMLInputElement) => field.value.trim();
    let seconds: number | undefined;
    if (applies("maxSeconds") && text(maxSeconds) !== "") {
      seconds = Number(text(maxSeconds));
      if (!(seconds > 0 && seconds <= 1e6)) {
        throw new LinkageError(
          "E_INPUT",
          `stop after ${text(maxSeconds)}: expected a positive number of seconds, at most 1,000,000`,
        );
      }
    }
    // the CLI's checks, its messages without the flag's dashes
    const whole = (
      name: "--seed" | "--starts" | "--label",
      field: HTMLInputElement,
      key: string,
    ) => {
      if (!applies(key) || text(field) === "") return undefined;
      try {
        return wholeNumberFlag(name, text(field));
      } catch (error) {
        throw new LinkageError("E_INPUT", (error as Error).message.replace(/^--/, ""));
      }
    };
    const seedValue = whole("--seed", seed, "seed");
    const startsValue = whole("--starts", starts, "starts");
    const labelValue = whole("--label", label, "label");
    let lambdaValue: number | undefined;
    if (applies("lambda") && text(lambda) !== "") {
      lambdaValue = Number(text(lambda));
      if (!(lambdaValue >= 0 && Number.isFinite(lambdaValue))) {
        throw new LinkageError("E_INPUT", `λ ${text(lambda)}: expected a finite number ≥ 0`);
      }
    }
    return {
      method: m,
      rational: rational.checked,
      ...(seconds !== undefined ? { maxSeconds: seconds } : {}),
      ...(applies("start") ? { start: start.value as "covering" | "centroid" } : {}),
      ...(seedValue !== undefined ? { seed: seedValue } : {}),
      ...(startsValue !== undefined ? { starts: startsValue } : {}),
      ...(applies("components") && components.checked ? { components: true } : {}),
      ...(applies("agent") && agent.checked ? { agent: true } : {}),
      ...(labelValue !== undefined ? { label: labelValue } : {}),
      ...(lambdaValue !== undefined ? { lambda: lambdaValue } : {}),
    };
  };
  return {
    element,
    read,
    setForm(next) {
      form = next;
      update();
    },
  };
}
