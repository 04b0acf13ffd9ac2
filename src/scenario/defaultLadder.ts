/**
 * The escalation ladder a `ladder` automaton gets when its scenario names no `levels` (MODEL.md
 * §3): support; withhold; withhold and aid the target's armed opposition (x = 1); withhold and
 * strike (x = 2). The labels are generic, since the scenario language is not about one case; a
 * scenario names its own rungs with `levels`.
 */
export const DEFAULT_LADDER: readonly {
  readonly support: number;
  readonly escalation: number;
  readonly label: string;
}[] = [
  { support: 1, escalation: 0, label: "support" },
  { support: 0, escalation: 0, label: "withhold" },
  { support: 0, escalation: 1, label: "withhold + aid opposition" },
  { support: 0, escalation: 2, label: "withhold + strikes" },
];
