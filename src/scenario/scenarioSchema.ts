import * as z from "zod";
import { TIME_STEP_UNITS } from "./timeStep.js";

/**
 * The scenario language, version 1, as a zod schema. A scenario file is YAML that parses to
 * this shape; {@link parseScenario} adds the checks zod cannot express (references between
 * sections, probability ranges, prior bounds) and reports every error with its line and column.
 *
 * Numbers in a scenario are either literal numbers or the id of a parameter declared under
 * `parameters`, so that one value is defined once and varied in one place.
 */

const ID_PATTERN = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const PARAMETER_ID_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;

export const Id = z
  .string({ error: "expected an id (a string)" })
  .regex(ID_PATTERN, "expected an id: a letter or _ followed by letters, digits, _ or -");

export const ParameterId = z
  .string({ error: "expected a parameter id (a string)" })
  .regex(
    PARAMETER_ID_PATTERN,
    "expected a parameter id: a letter or _ followed by letters, digits or _",
  );

/** A number, or the id of a declared parameter. */
export const ValueRef = z.union([z.number(), z.string()], {
  error: "expected a number or a parameter name",
});

/** A value that may differ by target type: one value for all types, or a map type id → value. */
export const PerTypeValueRef = z.union([z.number(), z.string(), z.record(z.string(), ValueRef)], {
  error: "expected a number, a parameter name, or a mapping from target type id to either",
});

const finite = (what: string) =>
  z
    .number({ error: `expected ${what} (a number)` })
    .refine(Number.isFinite, `expected ${what} to be finite`);

/** Optional bounds that truncate an unbounded prior. */
const optionalBounds = () => ({ min: finite("min").optional(), max: finite("max").optional() });

export const Prior = z.discriminatedUnion(
  "dist",
  [
    z.strictObject({ dist: z.literal("uniform"), min: finite("min"), max: finite("max") }),
    z.strictObject({
      dist: z.literal("triangular"),
      min: finite("min"),
      mode: finite("mode"),
      max: finite("max"),
    }),
    z.strictObject({
      dist: z.literal("normal"),
      mean: finite("mean"),
      sd: finite("sd"),
      ...optionalBounds(),
    }),
    z.strictObject({
      dist: z.literal("lognormal"),
      meanlog: finite("meanlog"),
      sdlog: finite("sdlog"),
      ...optionalBounds(),
    }),
    z.strictObject({
      dist: z.literal("beta"),
      a: finite("a"),
      b: finite("b"),
      ...optionalBounds(),
    }),
  ],
  { error: "expected a prior with dist one of uniform, triangular, normal, lognormal, beta" },
);

export const Parameter = z.strictObject({
  value: finite("the parameter's default value"),
  prior: Prior.optional(),
  label: z.string().optional(),
  unit: z.string().optional(),
  source: z.string().optional(),
});

export const Actor = z.strictObject({
  id: Id,
  name: z.string().optional(),
  description: z.string().optional(),
});

export const TargetType = z.strictObject({
  id: Id,
  /** Probability of this type; one type may omit it and take the remainder. */
  prior: ValueRef.optional(),
  description: z.string().optional(),
});

export const Target = z.strictObject({
  id: Id,
  name: z.string().optional(),
  description: z.string().optional(),
  types: z.array(TargetType).min(1, "expected at least one target type"),
});

export const Substitute = z.strictObject({
  id: Id,
  name: z.string().optional(),
  description: z.string().optional(),
  /** Share of each covered inducement's value to the target this provider can replace. */
  coverage: ValueRef,
  /** Inducement ids it substitutes for; all inducements when omitted. */
  covers: z.array(Id).optional(),
});

export const Spoiler = z.strictObject({
  id: Id,
  name: z.string().optional(),
  description: z.string().optional(),
});

export const Actors = z.strictObject({
  sender: Actor,
  target: Target,
  substitutes: z.array(Substitute).default([]),
  spoilers: z.array(Spoiler).default([]),
});

/**
 * One stage of a divisible demand: a part the target can meet on its own (e.g. one of the
 * nuclear limits of the JCPOA), with its own cost and value; it shares the demand's
 * observability and signal rates.
 */
export const DemandStage = z.strictObject({
  id: Id,
  description: z.string().optional(),
  /** Cost to the target of meeting this stage, per type or for all. */
  costToTarget: PerTypeValueRef,
  /** Value to the sender of this stage. */
  valueToSender: ValueRef,
  /** Extra cost to the sender of supporting a target that does not meet this stage (ℓ). */
  supportPenalty: ValueRef.optional(),
});

const demandCommon = {
  id: Id,
  description: z.string().optional(),
  /** Cost to the target of conceding, per type or for all (per stage for a divisible demand). */
  costToTarget: PerTypeValueRef.optional(),
  /** Value to the sender of the concession (per stage for a divisible demand). */
  valueToSender: ValueRef.optional(),
  /** Extra cost to the sender of supporting a target that withholds this concession (ℓ). */
  supportPenalty: ValueRef.optional(),
  /**
   * A divisible demand: its stages, each met or not on its own (staged, partial compliance).
   * Each stage becomes a demand of its own with the stage's id; the demand's id names their
   * share met in the dynamics' expressions.
   */
  stages: z.array(DemandStage).min(2, "expected at least two stages").optional(),
};

export const Demand = z.discriminatedUnion(
  "observable",
  [
    z.strictObject({ ...demandCommon, observable: z.literal(true) }),
    z.strictObject({
      ...demandCommon,
      observable: z.literal(false),
      /** α: P(violation signal | conceded). */
      falsePositive: ValueRef,
      /** β: P(violation signal | not conceded). */
      detection: ValueRef,
    }),
  ],
  { error: "expected observable: true or false" },
);

export const Inducement = z.strictObject({
  id: Id,
  description: z.string().optional(),
  /** Value of full support to the target before substitutes (G0). */
  valueToTarget: ValueRef,
  /** Cost to the sender of providing it (k_s). */
  costToSender: ValueRef,
  /** Sender's own benefit from providing it, e.g. from the target fighting a common enemy (h_S). */
  senderStake: ValueRef.default(0),
});

export const Threat = z.strictObject({
  id: Id,
  description: z.string().optional(),
  /** Cost to the target when carried out (D). */
  costToTarget: ValueRef,
  /** Cost to the sender of carrying it out (k_x). */
  costToSender: ValueRef,
  /** Benefit to the sender of pressuring each target type (b_x(θ)). */
  benefitToSender: PerTypeValueRef.default(0),
  /** Side effects borne by the sender, e.g. from destabilising the target (h_X). */
  sideEffects: ValueRef.default(0),
});

export const Credibility = z.strictObject({
  /** ρ: the sender's reputation cost of departing from its announced rule. */
  reputation: ValueRef.default(0),
  /**
   * How the target's beliefs in the sender's follow-through are formed: `equilibrium` (the default)
   * makes them consistent with the sender's incentives (MODEL.md §2b); `fixed` takes q_R and q_X as given.
   */
  beliefs: z
    .enum(["equilibrium", "fixed"], { error: "expected beliefs: equilibrium or fixed" })
    .default("equilibrium"),
  /** π_R: prior probability that the sender is resolute (always follows its rule); equilibrium beliefs only. */
  resolute: ValueRef.optional(),
  /** q_R: the target's belief that the promise is kept (fixed beliefs only). */
  promiseBelief: ValueRef.optional(),
  /** q_X: the target's belief that the threat is carried out (fixed beliefs only). */
  threatBelief: ValueRef.optional(),
});

export const PolicyKind = z.enum(
  ["unconditional", "withhold", "conditional", "conditional-escalation"],
  { error: "expected kind one of unconditional, withhold, conditional, conditional-escalation" },
);

/** A number or parameter, or `inf` (for an unbounded number of weeks or perfect rationality). */
export const ValueRefOrInfinity = z.union([z.number(), z.string()], {
  error: "expected a number, a parameter name, or inf",
});

/** The weekly automaton that carries out a policy in the simulation (MODEL.md §3). */
export const Automaton = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({ kind: z.literal("unconditional") }),
    z.strictObject({ kind: z.literal("withhold") }),
    /** K(L): support; after a violation withhold for L weeks (`inf`: grim trigger). */
    z.strictObject({ kind: z.literal("punish"), weeks: ValueRefOrInfinity }),
    /** KE: the escalation ladder; violation one level up, clean one level down. */
    z.strictObject({
      kind: z.literal("ladder"),
      start: z.number().int().min(0).optional(),
      levels: z
        .array(
          z.strictObject({ support: ValueRef, escalation: ValueRef, label: z.string().optional() }),
        )
        .min(2, "expected at least two levels")
        .optional(),
    }),
    /** GT(g): graduated generous tit-for-tat on support levels 0, ¼, ½, ¾, 1. */
    z.strictObject({ kind: z.literal("generous-tit-for-tat"), forgiveness: ValueRef }),
  ],
  {
    error:
      "expected an automaton kind: unconditional, withhold, punish, ladder or generous-tit-for-tat",
  },
);

export const Policy = z.strictObject({
  id: Id,
  kind: PolicyKind,
  label: z.string().optional(),
  description: z.string().optional(),
  /** Demands the policy conditions support on; all demands when omitted. */
  demands: z.array(Id).optional(),
  /** Rung of the escalation ladder used on violation (conditional-escalation only); the first when omitted. */
  threat: Id.optional(),
  /** The weekly automaton in the simulation; by default derived from `kind`. */
  automaton: Automaton.optional(),
  /** Include the policy in the one-shot analysis (false for policies that only make sense week by week). */
  oneShot: z.boolean().default(true),
  /**
   * How support is paid in the simulation: `whole` (the default) gives the automaton's support
   * level; `per-demand` pays it in tranches, the share of the conditioned demands seen met
   * that step (observable: the choice; hidden: a clean signal). Weekly only.
   */
  payment: z
    .enum(["whole", "per-demand"], { error: "expected payment: whole or per-demand" })
    .default("whole"),
  /**
   * Steps between what the target does and the sender's rule acting on it (a review judging
   * what was reported earlier): the automaton moves on the signal of `reportingLag` steps ago.
   * Weekly only; 0 (the default) to 6.
   */
  reportingLag: z
    .number({ error: "expected reportingLag, a whole number of steps" })
    .int("expected reportingLag to be a whole number of steps")
    .min(0, "expected reportingLag ≥ 0")
    .max(6, "expected reportingLag ≤ 6 (the lagged automaton has 2^lag times the states)")
    .default(0),
});

/** How the report names an output or a series: a short label, a unit and a descriptive phrase. */
const OutputWords = {
  label: z.string().min(1).max(80).optional(),
  unit: z.string().min(1).max(40).optional(),
  description: z.string().min(1).max(400).optional(),
};

/** An output: one aggregate of an expression over the steps, with optional words for the report. */
export const OutputSpec = z.union(
  [
    z.strictObject({ sum: z.string(), ...OutputWords }),
    z.strictObject({ mean: z.string(), ...OutputWords }),
    z.strictObject({ max: z.string(), ...OutputWords }),
    z.strictObject({ final: z.string(), ...OutputWords }),
  ],
  {
    error:
      "expected one of { sum: expr }, { mean: expr }, { max: expr }, { final: expr }, optionally with label, unit and description",
  },
);

/** A series: its name, or its name with words for the report. */
const SeriesEntry = z.union([z.string(), z.strictObject({ name: z.string(), ...OutputWords })], {
  error: "expected a series name, or { name, label, unit, description }",
});

export const Dynamics = z.strictObject({
  /** The length of one step: the unit the horizon, rates and reports use. */
  step: z.enum(TIME_STEP_UNITS).default("week"),
  /** Horizon in steps (52 when neither `steps` nor `weeks` is given). */
  steps: z.number().int().min(1).max(10_000).optional(),
  /** Horizon in steps, the older name of `steps`. */
  weeks: z.number().int().min(1).max(10_000).optional(),
  /** The target's weekly decision problem (MODEL.md §3). */
  target: z.strictObject({
    /** δ_T. */
    discount: ValueRef,
    /** λ_QR; `inf` for exact best responses. */
    rationality: ValueRefOrInfinity,
    /** g_w: weekly value of full support. */
    supportValue: ValueRef,
    /** d_w: weekly cost per escalation level. */
    escalationCost: ValueRef,
    /** Weekly cost of each demand, per demand id (one value or per type); the one-shot cost when omitted. */
    costs: z.record(z.string(), PerTypeValueRef).default({}),
    /** Weekly signal rates of hidden demands, per demand id; the one-shot rates when omitted. */
    signals: z
      .record(z.string(), z.strictObject({ falsePositive: ValueRef, detection: ValueRef }))
      .default({}),
    /** σ: share of the weekly value of support that substitutes replace while the sender withholds. */
    substitution: ValueRef.optional(),
    /**
     * The target's need for support this week, multiplying g_w: an expression of the parameters,
     * the state, t, s, x and mu (e.g. ISKP strength over its initial level).
     */
    pressure: z.union([z.number(), z.string()]).optional(),
    /** A demand that is used up: a stock (state variable `name`) drained each week. */
    backlog: z
      .strictObject({
        demand: Id,
        /** Name of the state variable holding what is left (read-only to expressions). */
        name: Id,
        initial: ValueRef,
        /** Drained per week when the target concedes the demand. */
        conceded: ValueRef,
        /** Drained per week otherwise. */
        otherwise: ValueRef.default(0),
      })
      .optional(),
  }),
  execution: z
    .strictObject({
      /** q: probability a prescribed withholding or escalation step happens. */
      probability: ValueRef.default(1),
      /** q̂: the target's belief in it. */
      believed: ValueRef.default(1),
    })
    .default({ probability: 1, believed: 1 }),
  /** State variables: initial value (expression of parameters) and next-week value (expression). */
  state: z.record(
    z.string(),
    z.strictObject({ initial: z.union([z.number(), z.string()]), next: z.string() }),
  ),
  /** Values computed each week, in dependency order, from the state, the week's choices and each other. */
  week: z.record(z.string(), z.string()).default({}),
  /** Per-run outcomes, each an aggregate of an expression over the weeks. */
  outputs: z.record(z.string(), OutputSpec),
  /**
   * What the sender's payoff counts against a policy besides its flow: per output (a `sum` over
   * the weeks, e.g. attacks or fatalities), the weight of each unit in sender units. The engine
   * subtracts Σ weight·output / weeks from `senderUtility` and reports each term as `<output>Cost`.
   */
  senderCosts: z.record(z.string(), ValueRef).default({}),
  /** Series reported as fan charts (names of state variables, week values, s, x, mu or demands), each with optional words. */
  series: z.array(SeriesEntry).default([]),
  /**
   * The attack process's effective branching ratio (self-excitation plus feedback through the
   * state), an expression of the parameters: draws where it reaches 1 are refused (see docs/model.md).
   */
  branchingRatio: z.union([z.number(), z.string()]).optional(),
});

/**
 * A published source, cited by its key (`sources:` in a scenario; docs/sources.md lists the
 * flagship's): who published it, its title, when, and where to read it.
 */
export const Source = z.strictObject({
  /** Author or organisation. */
  author: z.string({ error: "expected the author or organisation (a string)" }),
  title: z.string({ error: "expected the title (a string)" }),
  /** As published: a day, a month or a year (free text, e.g. "27 Jun 2023"). */
  date: z.string({ error: "expected the date of publication (a string)" }),
  /** A public address, when there is one. */
  url: z.string().optional(),
  /** Anything a reader needs to find or weigh it (e.g. "via VOA"; "figures as reported by"). */
  note: z.string().optional(),
});

/**
 * One published observation the model should reproduce: a range [low, high] for a statistic of
 * one of the dynamics' outputs, over the first `window` weeks, under the policy that was
 * actually followed (see {@link Observations}).
 */
export const Observation = z.strictObject({
  id: Id,
  /** What is observed, in a few words (a table row's name). */
  label: z.string({ error: "expected a label (a string)" }),
  /** The id of an output under `dynamics.outputs` that measures the same thing. */
  output: Id,
  /** The statistic of the output over the simulated runs that is compared with the range. */
  statistic: z
    .enum(["median", "mean"], { error: "expected statistic median or mean" })
    .default("median"),
  /** Weeks from the start of the simulation that the observation covers; the horizon when omitted. */
  window: z
    .number({ error: "expected window, a number of weeks" })
    .int("expected window to be a whole number of weeks")
    .min(1, "expected window to be at least 1 week")
    .max(10_000, "expected window to be at most 10,000 weeks")
    .optional(),
  /** The published figure itself, when there is one (it may lie in another window). */
  value: finite("value").optional(),
  /** The range the model's statistic should fall in. */
  low: finite("low"),
  high: finite("high"),
  unit: z.string().optional(),
  /** What the published figure counts. */
  counts: z.string({ error: "expected counts, what the published figure counts (a string)" }),
  /** What the model's output counts, where it differs from the published figure. */
  model: z.string().optional(),
  /** How the published figure was turned into the range (another window, a share, a bound). */
  conversion: z.string().optional(),
  /** Keys of `sources`, one or several. */
  source: z.union([Id, z.array(Id).min(1, "expected at least one source key")], {
    error: "expected a source key or a list of source keys",
  }),
});

/** The record a scenario's weekly model is checked against (a report section). */
export const Observations = z.strictObject({
  /** The id of the policy that was actually followed over the observed period. */
  policy: Id,
  /** The period observed, in words (e.g. "November 2021 – November 2022"). */
  period: z.string().optional(),
  items: z.array(Observation).min(1, "expected at least one observation"),
});

export const ScenarioDocument = z.strictObject({
  linkage: z.literal(1, { error: "expected linkage: 1 (the scenario language version)" }),
  id: Id,
  title: z.string().optional(),
  description: z.string().optional(),
  parameters: z.record(z.string(), Parameter).default({}),
  actors: Actors,
  inducements: z.array(Inducement).min(1, "expected at least one inducement"),
  demands: z.array(Demand).min(1, "expected at least one demand"),
  threats: z.array(Threat).default([]),
  credibility: Credibility.default({ reputation: 0, beliefs: "equilibrium" }),
  policies: z.array(Policy).min(1, "expected at least one policy"),
  dynamics: Dynamics.optional(),
  /** Published sources by key, cited by `observations` (and by anything else that names a key). */
  sources: z.record(z.string(), Source).default({}),
  /** Published observations the weekly model should reproduce under the policy followed. */
  observations: Observations.optional(),
});

export type ValueRef = z.infer<typeof ValueRef>;
export type PerTypeValueRef = z.infer<typeof PerTypeValueRef>;
export type Prior = z.infer<typeof Prior>;
export type ParameterDocument = z.infer<typeof Parameter>;
export type DemandDocument = z.infer<typeof Demand>;
export type PolicyKind = z.infer<typeof PolicyKind>;
export type AutomatonDocument = z.infer<typeof Automaton>;
export type DynamicsDocument = z.infer<typeof Dynamics>;
export type OutputSpecDocument = z.infer<typeof OutputSpec>;
export type ObservationDocument = z.infer<typeof Observation>;
export type ScenarioDocument = z.infer<typeof ScenarioDocument>;
