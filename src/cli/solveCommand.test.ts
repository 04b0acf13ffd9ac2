import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { ENTRY_EFG } from "../../test/support/entryGame.js";
import { type CliCapture, runCliCapture } from "../../test/support/runCliCapture.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const FLAGSHIP = join(ROOT, "scenarios/kabul-2021.yaml");
const dir = mkdtempSync(join(tmpdir(), "linkage-solve-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

// Selten's chain-store stage game (test/support/entryGame)
const ENTRY = ENTRY_EFG;

// two pure equilibria and one mixed: (A, A) pays 2 each, (B, B) 1 each
const COORDINATION = `NFG 1 R "coordination" { "Row" "Column" } { 2 2 }

2 2 0 0 0 0 1 1
`;

const PRISONERS = `NFG 1 R "prisoner's dilemma" { "Row" "Column" } { 2 2 }

3 3 5 0 0 5 1 1
`;

function expectInputError(r: CliCapture, ...fragments: (string | RegExp)[]) {
  expect(r.code).toBe(2);
  expect(r.stderr.trim().split("\n")).toHaveLength(1);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  for (const f of fragments) expect(r.stderr).toMatch(f);
}

describe("linkage solve", () => {
  it("prints Gambit-style NE lines: all pure equilibria by default", async () => {
    const r = await runCliCapture("solve", file("entry.efg", ENTRY));
    expect(r.code).toBe(0);
    // (out, fight) is a Nash equilibrium that is not subgame perfect; (in, accommodate) is both
    expect(r.stdout.trim().split("\n").sort()).toEqual(["NE,0,1,0,1", "NE,1,0,1,0"]);
  });

  it("--method backward keeps only the subgame-perfect one; --json has the contract's shape", async () => {
    const r = await runCliCapture(
      "solve",
      file("entry2.efg", ENTRY),
      "--method",
      "backward",
      "--json",
    );
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.game).toEqual({
      title: "entry",
      players: ["Entrant", "Incumbent"],
      form: "extensive",
    });
    expect(json.method).toBe("backward");
    expect(json.equilibria).toEqual([
      {
        profile: [
          [0, 1],
          [0, 1],
        ],
        payoffs: [1, 1],
        regret: 0,
      },
    ]);
  });

  it("--rational prints exact strings", async () => {
    const r = await runCliCapture("solve", file("pd.nfg", PRISONERS), "--rational", "--json");
    const json = JSON.parse(r.stdout);
    expect(json.equilibria).toEqual([
      {
        profile: [
          ["0", "1"],
          ["0", "1"],
        ],
        payoffs: ["1", "1"],
        regret: "0",
      },
    ]);
    expect((await runCliCapture("solve", file("pd2.nfg", PRISONERS))).stdout).toBe("NE,0,1,0,1\n");
  });

  it("--method enummixed finds the mixed equilibrium of matching pennies, exactly with --rational", async () => {
    const pennies = file(
      "pennies.nfg",
      `NFG 1 R "pennies" { "1" "2" } { 2 2 }\n\n1 -1 -1 1 -1 1 1 -1\n`,
    );
    const exact = await runCliCapture("solve", pennies, "--method", "enummixed", "--rational");
    expect(exact.code).toBe(0);
    expect(exact.stdout).toBe("NE,1/2,1/2,1/2,1/2\n");
    const float = JSON.parse(
      (await runCliCapture("solve", pennies, "--method", "enumsupport", "--json")).stdout,
    );
    expect(float.equilibria[0].profile).toEqual([
      [0.5, 0.5],
      [0.5, 0.5],
    ]);
    expectInputError(
      await runCliCapture("solve", pennies, "--method", "enummixed", "--max-seconds", "0"),
      /--max-seconds 0/,
    );
  });

  it("--method logit gives the limit of the logit branch, an equilibrium", async () => {
    const r = await runCliCapture(
      "solve",
      file("pd-logit.nfg", PRISONERS),
      "--method",
      "logit",
      "--json",
    );
    expect(r.code).toBe(0);
    const [equilibrium] = JSON.parse(r.stdout).equilibria;
    expect(equilibrium.profile[0][1]).toBeCloseTo(1, 6);
    expect(equilibrium.profile[1][1]).toBeCloseTo(1, 6);
    expect(equilibrium.regret).toBeLessThan(1e-6);
  });

  it("--method lh --label K follows one path; --all-labels is the default; both are lh's only", async () => {
    const coordination = file("coordination-label.nfg", COORDINATION);
    // dropping Row's first strategy (label 1) ends at (A, A); Column's second (label 4) at (B, B)
    expect(
      (await runCliCapture("solve", coordination, "--method", "lh", "--label", "1")).stdout,
    ).toBe("NE,1,0,1,0\n");
    expect(
      (await runCliCapture("solve", coordination, "--method", "lh", "--label", "4")).stdout,
    ).toBe("NE,0,1,0,1\n");
    const all = await runCliCapture("solve", coordination, "--method", "lh", "--all-labels");
    expect(all.stdout).toBe((await runCliCapture("solve", coordination, "--method", "lh")).stdout);
    expectInputError(
      await runCliCapture("solve", coordination, "--method", "lh", "--label", "5"),
      /--label 5: expected a whole number from 1 to 4/,
    );
    expectInputError(
      await runCliCapture("solve", coordination, "--method", "lh", "--label", "1", "--all-labels"),
      /--label and --all-labels exclude each other/,
    );
    expectInputError(
      await runCliCapture("solve", coordination, "--method", "lcp", "--label", "1"),
      /--label applies to --method lh only/,
    );
  });

  it("--method logit --lambda L prints the QRE at λ as a QRE line, never as NE", async () => {
    const coordination = file("coordination-lambda.nfg", COORDINATION);
    const r = await runCliCapture("solve", coordination, "--method", "logit", "--lambda", "0");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("QRE,0,0.5,0.5,0.5,0.5\n");
    const json = JSON.parse(
      (await runCliCapture("solve", coordination, "--method", "logit", "--lambda", "3", "--json"))
        .stdout,
    );
    expect(json.equilibria).toEqual([]);
    expect(json.qre.lambda).toBe(3);
    expect(json.qre.regret).toBeGreaterThan(0);
    expectInputError(
      await runCliCapture("solve", coordination, "--method", "logit", "--lambda", "x"),
      /--lambda x: expected a finite number ≥ 0/,
    );
    expectInputError(
      await runCliCapture("solve", coordination, "--method", "lh", "--lambda", "1"),
      /--lambda applies to --method logit only/,
    );
  });

  it("--method lh (every label) and --method lp (constant-sum only)", async () => {
    const pennies = file(
      "pennies-lh.nfg",
      `NFG 1 R "pennies" { "1" "2" } { 2 2 }\n\n1 -1 -1 1 -1 1 1 -1\n`,
    );
    expect((await runCliCapture("solve", pennies, "--method", "lh", "--rational")).stdout).toBe(
      "NE,1/2,1/2,1/2,1/2\n",
    );
    expect((await runCliCapture("solve", pennies, "--method", "lp", "--rational")).stdout).toBe(
      "NE,1/2,1/2,1/2,1/2\n",
    );
    const lp = JSON.parse(
      (await runCliCapture("solve", pennies, "--method", "lp", "--json")).stdout,
    );
    expect(lp.equilibria[0].payoffs[0]).toBeCloseTo(0, 9);
    expectInputError(
      await runCliCapture("solve", file("pd-lp.nfg", PRISONERS), "--method", "lp"),
      /not constant-sum/,
    );
  });

  it("a search whose every profile fails the regret check is refused (exit 2), not an empty list", async () => {
    // matching pennies with one payoff of ±10¹⁹: the floating-point searches end at
    // non-equilibria; the exact answer is 1/(10¹⁹ + 2) on the big cell
    const big = file(
      "big-pennies.nfg",
      `NFG 1 R "big" { "1" "2" } { 2 2 }\n10000000000000000000 -10000000000000000000 -1 1 -1 1 0 0\n`,
    );
    for (const method of ["simpdiv", "gnm", "ipa"]) {
      const text = await runCliCapture("solve", big, "--method", method);
      expect(text.code, method).toBe(2);
      expect(text.stdout, method).toBe("");
      expect(text.stderr, method).toMatch(
        new RegExp(
          `big-pennies\\.nfg: --method ${method} found no equilibrium: .* fails? the regret check .*try an exact method such as --method lcp --rational`,
        ),
      );
      expect(text.stderr, method).not.toMatch(/at .*\.ts:\d+/);
      // --json still prints the refused profiles, then exits 2
      const json = await runCliCapture("solve", big, "--method", method, "--json");
      expect(json.code, method).toBe(2);
      const body = JSON.parse(json.stdout);
      expect(body.equilibria, method).toEqual([]);
      expect(body.rejected.length, method).toBeGreaterThan(0);
    }
    // a traced logit branch is what was asked for: printed, exit 0, the failed end only noted
    const branch = await runCliCapture("solve", big, "--method", "logit", "--branch");
    expect(branch.code).toBe(0);
    expect(branch.stdout.split("\n").length).toBeGreaterThan(3);
    expect(branch.stderr).toMatch(
      /note: --method logit returned 1 profile that failed the regret check/,
    );
    // enumpoly on an equilibrium 10⁻¹⁵ from a pure profile: found, and it passes the check
    const p15 = await runCliCapture(
      "solve",
      file("p15.nfg", `NFG 1 R "p15" { "1" "2" } { 2 2 }\n1e15 -1e15 -1 1 -1 1 0 0\n`),
      "--method",
      "enumpoly",
    );
    expect(p15.code).toBe(0);
    const [tag, p, , q] = p15.stdout.trim().split(",");
    expect(tag).toBe("NE");
    expect(Math.abs(Number(p) * (1e15 + 2) - 1)).toBeLessThan(1e-9);
    expect(Math.abs(Number(q) * (1e15 + 2) - 1)).toBeLessThan(1e-9);
    // three players: the suggestions are methods that apply to three players
    const big3 = file(
      "big3.nfg",
      `NFG 1 R "big3" { "1" "2" "3" } { 2 2 2 }\n1e19 -1e19 0 -1 1 0 -1 1 0 1 -1 0 0 0 1 0 0 -1 0 0 -1 0 0 1\n`,
    );
    const three = await runCliCapture("solve", big3, "--method", "simpdiv");
    expect(three.code).toBe(2);
    expect(three.stderr).toMatch(/try --method enumpoly .* or --method enumpure --rational/);
    expect(three.stderr).not.toMatch(/lcp|enummixed/);
    // no --max-seconds given: the limit that stopped a search is not called --max-seconds
    const pennies = file(
      "pennies-refused.nfg",
      `NFG 1 R "p" { "1" "2" } { 2 2 }\n1 -1 -1 1 -1 1 1 -1\n`,
    );
    const stopped = await runCliCapture(
      "solve",
      pennies,
      "--method",
      "gnm",
      "--max-seconds",
      "0.000001",
    );
    if (stopped.code === 2)
      expect(stopped.stderr).toMatch(/stopped at --max-seconds before converging/);
    const exact = await runCliCapture("solve", big, "--method", "enummixed", "--rational");
    expect(exact.code).toBe(0);
    expect(exact.stdout).toBe(
      "NE,1/10000000000000000002,10000000000000000001/10000000000000000002,1/10000000000000000002,10000000000000000001/10000000000000000002\n",
    );
  });

  it("--method simpdiv finds an equilibrium of a three-player game to 1e-12", async () => {
    const shared = new URL(
      "../../../shared/games/gambit/catalog/journals/ijgt/nau2004/sec4.nfg",
      import.meta.url,
    );
    const game = existsSync(shared) ? fileURLToPath(shared) : file("pd-simpdiv.nfg", PRISONERS);
    const r = await runCliCapture("solve", game, "--method", "simpdiv", "--json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).equilibria[0].regret).toBeLessThan(1e-12);
  });

  it("--method lcp solves an extensive game on its sequence form (exact with --rational)", async () => {
    const r = await runCliCapture(
      "solve",
      file("entry-lcp.efg", ENTRY),
      "--method",
      "lcp",
      "--rational",
      "--json",
    );
    expect(r.code).toBe(0);
    const [equilibrium] = JSON.parse(r.stdout).equilibria;
    expect(equilibrium.regret).toBe("0");
    expect(
      (await runCliCapture("solve", file("pd-lcp.nfg", PRISONERS), "--method", "lcp")).stdout,
    ).toBe("NE,0,1,0,1\n");
  });

  it("--start centroid follows the tracing path (a perfect equilibrium); nfg files refuse it", async () => {
    const entry = file("entry-centroid.efg", ENTRY);
    const r = await runCliCapture("solve", entry, "--method", "lcp", "--start", "centroid");
    expect(r).toEqual({ code: 0, stdout: "NE,0,1,0,1\n", stderr: "" });
    const exact = await runCliCapture(
      "solve",
      entry,
      "--method",
      "lcp",
      "--start",
      "centroid",
      "--rational",
    );
    expect(exact.stdout).toBe("NE,0,1,0,1\n");
    const nfg = await runCliCapture(
      "solve",
      file("pd-centroid.nfg", PRISONERS),
      "--method",
      "lcp",
      "--start",
      "centroid",
    );
    expect(nfg.code).toBe(2);
    expect(nfg.stderr).toContain("--start centroid applies to --method lcp on an extensive game");
    const wrong = await runCliCapture("solve", entry, "--method", "lcp", "--start", "middle");
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain("covering, centroid");
  });

  it("--method gnm lists the equilibria on a global Newton path; --seed picks the path", async () => {
    const path = file("coordination.nfg", COORDINATION);
    const r = await runCliCapture("solve", path, "--method", "gnm", "--json");
    expect(r.code).toBe(0);
    const { method, equilibria } = JSON.parse(r.stdout);
    expect(method).toBe("gnm");
    expect(equilibria.length % 2).toBe(1); // a generic game: an odd number on every path
    for (const e of equilibria) expect(e.regret).toBeLessThanOrEqual(1e-12);
    const other = await runCliCapture("solve", path, "--method", "gnm", "--seed", "7");
    expect(other.code).toBe(0);
    expect(other.stdout).toMatch(/^NE,/);
    const bad = await runCliCapture("solve", path, "--method", "gnm", "--seed", "-1");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--seed -1: expected a whole number");
    const misplaced = await runCliCapture("solve", path, "--method", "lh", "--seed", "1");
    expect(misplaced.code).toBe(2);
    expect(misplaced.stderr).toContain("--seed applies to --method gnm, liap and ipa only");
  });

  it("--method liap prints the verified equilibria it finds from --starts seeded starting points", async () => {
    const nine = file(
      "nine.nfg",
      `NFG 1 R "2x2x2 with 9 equilibria" { "1" "2" "3" } { 2 2 2 }\n\n9 8 12 0 0 0 0 0 0 9 8 2 0 0 0 3 4 6 3 4 6 0 0 0\n`,
    );
    const r = await runCliCapture(
      "solve",
      nine,
      "--method",
      "liap",
      "--starts",
      "100",
      "--seed",
      "1",
    );
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split("\n")).toHaveLength(9);
    const json = await runCliCapture("solve", nine, "--method", "liap", "--starts", "3", "--json");
    for (const e of JSON.parse(json.stdout).equilibria) expect(e.regret).toBeLessThanOrEqual(1e-9);
    const misplaced = await runCliCapture("solve", nine, "--method", "simpdiv", "--starts", "3");
    expect(misplaced.code).toBe(2);
    expect(misplaced.stderr).toContain("--starts applies to --method liap only");
    const none = await runCliCapture("solve", nine, "--method", "liap", "--starts", "0");
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("--starts 0: expected a whole number from 1 to 1,000");
  });

  it("--method liap on an .efg: the reduced strategic form by default, the agent form in behaviour strategies with --agent", async () => {
    // Ann: L or R; after L Bob: u (3, 1) or d (0, 0); after R Ann: l (1, 2) or r (2, −1). By hand
    // every equilibrium has r, and either (L; u) or (R; d with probability ≥ 1/3)
    const twoStage = file(
      "two-stage.efg",
      `EFG 2 R "two stage" { "Ann" "Bob" }
""
p "" 1 1 "first" { "L" "R" } 0
p "" 2 1 "bob" { "u" "d" } 0
t "" 1 "" { 3, 1 }
t "" 2 "" { 0, 0 }
p "" 1 2 "second" { "l" "r" } 0
t "" 3 "" { 1, 2 }
t "" 4 "" { 2, -1 }
`,
    );
    const reduced = await runCliCapture("solve", twoStage, "--method", "liap", "--json");
    expect(reduced.code).toBe(0);
    expect(JSON.parse(reduced.stdout).equilibria.length).toBeGreaterThan(0);
    for (const e of JSON.parse(reduced.stdout).equilibria)
      expect(e.profile.map((p: number[]) => p.length)).toEqual([3, 2]); // L*, Rl, Rr; u, d
    const agent = await runCliCapture("solve", twoStage, "--method", "liap", "--agent", "--json");
    expect(agent.code).toBe(0);
    const json = JSON.parse(agent.stdout);
    expect(Object.keys(json).sort()).toEqual(["equilibria", "game", "method"]);
    expect(json.equilibria.length).toBeGreaterThan(0);
    for (const e of json.equilibria) {
      expect(Object.keys(e).sort()).toEqual(["payoffs", "profile", "regret"]);
      expect(e.profile.map((p: number[]) => p.length)).toEqual([4, 2]); // Ann's two sets, Bob's one
      expect(e.profile[0][3]).toBeCloseTo(1, 8);
      expect(e.regret).toBeLessThanOrEqual(1e-9);
    }
    const plain = await runCliCapture(
      "solve",
      twoStage,
      "--method",
      "liap",
      "--agent",
      "--rational",
    );
    for (const line of plain.stdout.trim().split("\n"))
      expect(line).toMatch(/^NE,([0-9/]+,){5}[0-9/]+$/);
    const misplaced = await runCliCapture("solve", twoStage, "--method", "gnm", "--agent");
    expect(misplaced.code).toBe(2);
    expect(misplaced.stderr).toContain("--agent applies to --method liap only");
  });

  it("--method ipa prints one verified equilibrium, from the centroid or a --seed start", async () => {
    const nine = file(
      "nine.nfg",
      `NFG 1 R "2x2x2 with 9 equilibria" { "1" "2" "3" } { 2 2 2 }\n\n9 8 12 0 0 0 0 0 0 9 8 2 0 0 0 3 4 6 3 4 6 0 0 0\n`,
    );
    const r = await runCliCapture("solve", nine, "--method", "ipa");
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split("\n")).toHaveLength(1);
    expect(r.stdout).toMatch(/^NE,/);
    const json = await runCliCapture("solve", nine, "--method", "ipa", "--seed", "4", "--json");
    const parsed = JSON.parse(json.stdout);
    expect(parsed.method).toBe("ipa");
    expect(parsed.equilibria).toHaveLength(1);
    expect(parsed.equilibria[0].regret).toBeLessThanOrEqual(1e-9);
    const exact = await runCliCapture("solve", nine, "--method", "ipa", "--rational");
    expect(exact.stdout).toMatch(/^NE,[0-9/,]+\n$/);
    const help = await runCliCapture("solve", "--help");
    expect(help.stdout).toContain("ipa");
  });

  it("--components groups enummixed's extreme equilibria into connected components", async () => {
    // the column player's first strategy pays both players 1 against either row: a segment
    const segment = file(
      "segment.nfg",
      `NFG 1 R "segment" { "Row" "Column" } { 2 2 }\n\n1 1 1 1 0 0 0 0\n`,
    );
    const text = await runCliCapture(
      "solve",
      segment,
      "--method",
      "enummixed",
      "--components",
      "--rational",
    );
    expect(text).toEqual({
      code: 0,
      stdout: "NE,1,0,1,0\nNE,0,1,1,0\nComponent 1: equilibria 1,2; Nash subsets {1,2}\n",
      stderr: "",
    });
    const json = JSON.parse(
      (await runCliCapture("solve", segment, "--method", "enummixed", "--components", "--json"))
        .stdout,
    );
    expect(json.components).toEqual([
      { equilibria: [0, 1], nashSubsets: [{ equilibria: [0, 1] }] },
    ]);
    const pd = JSON.parse(
      (
        await runCliCapture(
          "solve",
          file("pd-components.nfg", PRISONERS),
          "--method",
          "enummixed",
          "--components",
          "--json",
        )
      ).stdout,
    );
    expect(pd.components).toEqual([{ equilibria: [0], nashSubsets: [{ equilibria: [0] }] }]);
    const misplaced = await runCliCapture("solve", segment, "--method", "lh", "--components");
    expect(misplaced.code).toBe(2);
    expect(misplaced.stderr).toContain("--components applies to --method enummixed only");
  });

  it("--method dominance reports the eliminations", async () => {
    const r = await runCliCapture("solve", file("pd3.nfg", PRISONERS), "--method", "dominance");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /Eliminated \(round 1\): player 1 strategy 1, strictly dominated by 2/,
    );
    expect(r.stdout).toMatch(/NE,0,1,0,1/);
  });

  it("bad input: exit 2, one located message, no stack trace", async () => {
    expectInputError(
      await runCliCapture("solve", file("truncated.efg", ENTRY.slice(0, 120))),
      /truncated\.efg:\d+:\d+:/,
    );
    expectInputError(
      await runCliCapture("solve", file("count.nfg", PRISONERS.replace("1 1\n", "1\n"))),
      /count\.nfg:\d+:\d+:.*payoff/,
    );
    expectInputError(
      await runCliCapture(
        "solve",
        file(
          "undeclared.efg",
          ENTRY.replace('p "" 2 1 "" { "fight" "accommodate" } 0', 'p "" 2 1 0'),
        ),
      ),
      /undeclared\.efg:5:\d+:/,
    );
    expectInputError(
      await runCliCapture(
        "solve",
        file(
          "chance.efg",
          `EFG 2 R "c" { "A" }\n""\nc "" 1 "" { "h" 1/2 "t" 1/3 } 0\nt "" 1 "" { 1 }\nt "" 2 "" { 0 }\n`,
        ),
      ),
      /chance\.efg:3:\d+:.*sum/,
    );
    expectInputError(
      await runCliCapture("solve", file("pd4.nfg", PRISONERS), "--method", "backward"),
      /needs an extensive game/,
    );
    expectInputError(
      await runCliCapture("solve", join(dir, "missing.efg")),
      /missing\.efg: cannot read the game: no such file/,
    );
  });

  it("refuses imperfect recall where the method needs perfect recall", async () => {
    const forgetful = `EFG 2 R "absent-minded driver" { "Driver" }
""
p "" 1 1 "junction" { "exit" "continue" } 0
t "" 1 "first exit" { 0 }
p "" 1 1 0
t "" 2 "second exit" { 4 }
t "" 3 "end" { 1 }
`;
    expectInputError(await runCliCapture("solve", file("amd.efg", forgetful)), /perfect recall/);
  });
});

describe("linkage export", () => {
  it("writes the flagship's game as .efg that solve reads back", async () => {
    const out = join(dir, "kabul.efg");
    expect(
      (await runCliCapture("export", FLAGSHIP, "--format", "efg", "--policy", "KE", "--out", out))
        .code,
    ).toBe(0);
    const text = readFileSync(out, "utf8");
    expect(text).toMatch(/^EFG 2 R /);
    expect(text).toContain('"committed" 7/10 "pragmatic" 3/10');
    const solved = await runCliCapture("solve", out, "--json");
    expect(solved.code).toBe(0);
    expect(JSON.parse(solved.stdout).equilibria.length).toBeGreaterThan(0);
  });

  it("writes a policy's reduced strategic form as .nfg, and refuses one too large", async () => {
    const r = await runCliCapture("export", FLAGSHIP, "--format", "nfg", "--policy", "K");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^NFG 1 R /);
    expectInputError(
      await runCliCapture("export", FLAGSHIP, "--format", "nfg"),
      /profiles .*--policy/,
    );
    expectInputError(
      await runCliCapture("export", FLAGSHIP, "--format", "efg", "--policy", "Z"),
      /unknown policy "Z"/,
    );
    expect((await runCliCapture("export", FLAGSHIP, "--format", "pdf")).code).toBe(2);
  });
});

describe("linkage simulate", () => {
  it("--json prints the contract's shape; --csv writes outcomes.csv and weekly.csv", async () => {
    const csv = join(dir, "csv");
    const r = await runCliCapture(
      "simulate",
      FLAGSHIP,
      "--runs",
      "300",
      "--policies",
      "U,KE",
      "--threads",
      "1",
      "--json",
      "--csv",
      csv,
      "--set",
      "lambda0=5",
    );
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({ scenario: "kabul-2021", seed: 1, runs: 300, weeks: 52 });
    expect(Object.keys(json.policies)).toEqual(["U", "KE"]);
    for (const name of [
      "attacks",
      "fatalities",
      "surge",
      "evacuatedShare",
      "alqaedaSuspendedShare",
      "supportWeeks",
      "escalationWeeks",
      "senderUtility",
      "targetUtility",
      "leverageValue",
    ]) {
      expect(Object.keys(json.policies.KE.outcomes[name])).toEqual([
        "mean",
        "sd",
        "q05",
        "q25",
        "q50",
        "q75",
        "q95",
      ]);
    }
    expect(Object.keys(json.policies.KE.weekly.attacks[0])).toEqual(["mean", "q05", "q50", "q95"]);
    expect(json.policies.KE.target.committed.choiceProbabilities).toBeDefined();
    expect(readFileSync(join(csv, "outcomes.csv"), "utf8")).toMatch(
      /^policy,outcome,mean,sd,q05,q25,q50,q75,q95\nU,attacks,/,
    );
    expect(readFileSync(join(csv, "weekly.csv"), "utf8").split("\n")).toHaveLength(
      1 + 2 * 9 * 52 + 1,
    );
  });

  it("plain output, mean-field, and bad flags", async () => {
    const plain = await runCliCapture(
      "simulate",
      FLAGSHIP,
      "--runs",
      "250",
      "--fixed",
      "--threads",
      "1",
      "--policies",
      "K",
    );
    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(/250 runs per policy, seed 1, parameters fixed/);
    const mf = await runCliCapture("simulate", FLAGSHIP, "--mean-field", "--json");
    expect(JSON.parse(mf.stdout).sampling).toBe("mean-field");
    expectInputError(
      await runCliCapture("simulate", FLAGSHIP, "--runs", "0"),
      /--runs 0: expected a whole number from 1 to 10,000,000/,
    );
    expectInputError(
      await runCliCapture("simulate", FLAGSHIP, "--policies", "Z"),
      /unknown policy "Z"/,
    );
    expectInputError(
      await runCliCapture("simulate", FLAGSHIP, "--set", "nope=1"),
      /unknown parameter "nope"/,
    );
  });
});
