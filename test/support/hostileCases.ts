/**
 * Generators of hostile inputs for the fuzz suite (test/hostile/fuzz.test.ts): mutations of the
 * flagship scenario, of dynamics expressions, of Gambit game files and of command-line flags.
 * Each is a fast-check arbitrary, so a failing case shrinks to a small one and replays from its
 * seed.
 */
import fc from "fast-check";

/** Values a hostile user types where a number, a name or an expression belongs. */
export const HOSTILE_TOKENS = [
  "",
  " ",
  "-1",
  "0",
  "1e309",
  "1e400",
  "-1e400",
  "NaN",
  "Infinity",
  "-Infinity",
  "1e-400",
  "0x10",
  "1/0",
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  "null",
  "~",
  "[]",
  "{}",
  "!!js/function 'x'",
  "!!binary aGk=",
  "*alias",
  "&anchor x",
  "'",
  '"',
  "\u0000",
  "\u202e",
  "é",
  "x".repeat(5000),
  "9".repeat(400),
  "((((((((((((((((((((((((((((((1))))))))))))))))))))))))))))))",
  "poisson(1e308)",
  "poisson(-1)",
  "severity(1e15, 0.5, 2, 1, 10, 2.4)",
  "hawkes(1e300, 1e300, 0.9, 4)",
  "log(0)",
  "sqrt(-1)",
  "exp(1000)",
  "1/0",
  "if(1,2)",
  "unknown(1)",
  "t +",
  "a.b",
  "`x`",
  "\u0024{x}",
  "process.exit(1)",
  "constructor.constructor('return process')()",
] as const;

export const hostileToken = fc.constantFrom(...HOSTILE_TOKENS);

/** One line-level change to a text file. */
export type TextMutation =
  | { readonly kind: "replace-value"; readonly line: number; readonly token: string }
  | { readonly kind: "replace-key"; readonly line: number; readonly token: string }
  | { readonly kind: "delete"; readonly line: number }
  | { readonly kind: "duplicate"; readonly line: number }
  | { readonly kind: "truncate"; readonly at: number }
  | { readonly kind: "insert"; readonly line: number; readonly text: string };

/** A mutation of a file of `lines` lines and `length` characters. */
export function textMutation(lines: number, length: number): fc.Arbitrary<TextMutation> {
  const line = fc.integer({ min: 0, max: Math.max(0, lines - 1) });
  return fc.oneof(
    fc.record({ kind: fc.constant("replace-value" as const), line, token: hostileToken }),
    fc.record({ kind: fc.constant("replace-key" as const), line, token: hostileToken }),
    fc.record({ kind: fc.constant("delete" as const), line }),
    fc.record({ kind: fc.constant("duplicate" as const), line }),
    fc.record({ kind: fc.constant("truncate" as const), at: fc.integer({ min: 0, max: length }) }),
    fc.record({
      kind: fc.constant("insert" as const),
      line,
      text: fc.oneof(hostileToken, fc.string({ maxLength: 40 })),
    }),
  );
}

/** Applies mutations to a text, in order. */
export function applyMutations(text: string, mutations: readonly TextMutation[]): string {
  let lines = text.split("\n");
  for (const m of mutations) {
    const at = (n: number) => Math.min(n, Math.max(0, lines.length - 1));
    switch (m.kind) {
      case "replace-value": {
        // the part after the first ": " (YAML) or the last token (Gambit) becomes the token
        const i = at(m.line);
        const l = lines[i] ?? "";
        const colon = l.indexOf(": ");
        lines[i] = colon >= 0 ? `${l.slice(0, colon + 2)}${m.token}` : l.replace(/\S+$/, m.token);
        break;
      }
      case "replace-key": {
        const i = at(m.line);
        lines[i] = (lines[i] ?? "").replace(/^(\s*)([^:\s][^:]*):/, `$1${m.token}:`);
        break;
      }
      case "delete":
        lines.splice(at(m.line), 1);
        break;
      case "duplicate":
        lines.splice(at(m.line), 0, lines[at(m.line)] ?? "");
        break;
      case "truncate":
        lines = lines.join("\n").slice(0, m.at).split("\n");
        break;
      case "insert":
        lines.splice(at(m.line), 0, m.text);
        break;
    }
  }
  return lines.join("\n");
}

/** Command-line flags with hostile values, for `simulate`. */
export const hostileSimulateFlags: fc.Arbitrary<string[]> = fc
  .array(
    fc.tuple(
      fc.constantFrom(
        "--runs",
        "--weeks",
        "--seed",
        "--threads",
        "--policies",
        "--set",
        "--max-memory",
      ),
      fc.oneof(hostileToken, fc.constantFrom("1", "2", "20", "U", "KE", "mu0=2", "__proto__=1")),
    ),
    { maxLength: 3 },
  )
  .map((pairs) => pairs.flat());
