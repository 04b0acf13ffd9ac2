/**
 * The solvers against other projects' own test suites (issue 19): every game whose equilibria
 * Nashpy's and QuantEcon.py's tests assert (test/peer/*Games.ts), solved by every applicable
 * method of `solveGame`, in floats and — for the exact methods — in rationals. Each run must
 * (a) print only profiles whose regret is at most 1e-9 of the payoff spread (exactly 0 in
 * rationals) and reject none; (b) when the method promises every equilibrium (enumpure and
 * dominance: every pure one; enummixed: every extreme one; enumsupport: every one of a
 * nondegenerate game), find every equilibrium the peer asserts, and no other when the peer's
 * list (with the ones checked by hand) is complete; (c) when it promises some equilibria
 * (lh, lcp, lp, simpdiv, gnm, liap, ipa, logit), return only ones from a complete list (vertex
 * methods: extreme ones; the others only where the equilibria are finitely many); and Lemke–Howson
 * from a label ends where the peer says on nondegenerate games. Gambit's test games are in
 * gambitTestGames.test.ts.
 */
import { describe, expect, it } from "vitest";
import { solveGame } from "../../src/gambitSolve/solveGame.js";
import type { SolveMethod } from "../../src/gambitSolve/solveMethods.js";
import { exactToNumber } from "../../src/gambitSolve/verifiedBody.js";
import { strategicRegret } from "../../src/solvers/regret.js";
import { NASHPY_GAMES } from "./nashpyGames.js";
import type { PeerGame, Profile } from "./PeerGame.js";
import {
  isPure,
  methodRuns,
  payoffSpread,
  peerStrategicGame,
  profileOf,
  sameProfile,
  solveWith,
  strategicMethods,
} from "./peerRuns.js";
import { QUANTECON_GAMES } from "./quanteconGames.js";

const GAMES: readonly PeerGame[] = [...NASHPY_GAMES, ...QUANTECON_GAMES];

/** Largest regret accepted in floats, relative to the payoff spread. */
const REGRET_BOUND = 1e-9;

/** Methods that promise every equilibrium of some kind (see the file's comment). */
const ALL_PURE: ReadonlySet<SolveMethod> = new Set(["enumpure", "dominance"]);
/** Methods whose answers are vertices of the best-response polytopes: extreme equilibria. */
const VERTEX_METHODS: ReadonlySet<SolveMethod> = new Set(["lh", "lcp", "lp", "enummixed"]);

/**
 * Runs that fail today, each a defect in a solver (not in the peer's data) reported in issue 19's
 * closing note; `it.fails` keeps them visible and turns red once fixed, so the entry is removed.
 */
const KNOWN_DEFECTS: ReadonlyMap<string, string> = new Map<string, string>([]);

/** Every equilibrium the peer asserts and the ones we checked by hand. */
function known(peer: PeerGame): readonly Profile[] {
  return [...peer.asserted, ...(peer.byHand ?? [])];
}

/** Whether `profile` is one of `list` within the game's tolerance. */
function among(peer: PeerGame, profile: Profile, list: readonly Profile[]): boolean {
  return list.some((q) => sameProfile(profile, q, peer.tolerance ?? 1e-6));
}

describe("peer games: the data", () => {
  it("has unique ids, payoff tables of the right size and profiles on the simplex", () => {
    expect(new Set(GAMES.map((g) => g.id)).size).toBe(GAMES.length);
    for (const peer of GAMES) {
      const profiles = peer.strategies.reduce((a, b) => a * b, 1);
      expect(peer.payoffs.map((t) => t.length)).toEqual(peer.strategies.map(() => profiles));
      for (const profile of known(peer)) {
        expect(profile.map((row) => row.length)).toEqual([...peer.strategies]);
        for (const row of profile) expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
      }
    }
  });

  it.each(GAMES.map((g) => [g.id, g] as const))(
    "%s: every equilibrium the peer asserts (or we added by hand) has regret ≈ 0",
    (_, peer) => {
      const game = peerStrategicGame(peer);
      const spread = payoffSpread(game.payoffs);
      for (const profile of known(peer)) {
        // the peers print 8 significant digits where they assert floats: their own tolerance
        const bound = Math.max(REGRET_BOUND, peer.tolerance ?? 0) * Math.max(spread, 1);
        expect(strategicRegret(game, profile).max).toBeLessThanOrEqual(bound * 10);
      }
    },
  );
});

describe.each(GAMES.map((g) => [g.id, g] as const))("%s", (_, peer) => {
  const game = peerStrategicGame(peer);
  const input = { form: "strategic" as const, game };
  const spread = payoffSpread(game.payoffs);
  const list = known(peer);
  // support enumeration promises nothing on a degenerate game: its exact run, slow on the 9 × 9
  // game (C(18, 9) supports in rationals, 6 s), is kept to games of up to 6 strategies a player
  const runs = methodRuns(strategicMethods(game)).filter(
    (r) =>
      !(r.method === "enumsupport" && r.rational && !peer.nondegenerate) ||
      Math.max(...peer.strategies) <= 6,
  );

  const named = runs.map((r) => [`${r.method}${r.rational ? " --rational" : ""}`, r] as const);
  const defective = (name: string) => KNOWN_DEFECTS.has(`${peer.id} ${name}`);
  const working = named.filter(([name]) => !defective(name));
  const failing = named.filter(([name]) => defective(name));
  if (failing.length > 0) {
    it.fails.each(failing)(
      "%s (known defect: see KNOWN_DEFECTS)",
      async (_, { method, rational }) => {
        await checkRun(method, rational);
      },
    );
  }

  it.each(working)("%s", async (_, { method, rational }) => {
    await checkRun(method, rational);
  });

  async function checkRun(method: SolveMethod, rational: boolean): Promise<void> {
    const result = await solveWith(input, method, rational);
    expect(result.rejected).toBeUndefined();
    expect(result.truncated).toBeUndefined();
    const found = result.equilibria.map(profileOf);
    // (a) regret
    for (const e of result.equilibria) {
      if (rational) expect(e.regret).toBe("0");
      else expect(exactToNumber(e.regret)).toBeLessThanOrEqual(REGRET_BOUND * spread);
      if (peer.value !== undefined) {
        expect(Math.abs(exactToNumber(e.payoffs[0]!) - peer.value)).toBeLessThanOrEqual(
          peer.tolerance ?? 1e-9,
        );
      }
    }
    // (b) methods that promise every equilibrium of a kind
    if (ALL_PURE.has(method)) {
      const pures = list.filter(isPure);
      for (const q of pures) expect(among(peer, q, found), `${JSON.stringify(q)}`).toBe(true);
      if (peer.complete !== "none") expect(found).toHaveLength(pures.length);
      return;
    }
    // enumpoly promises every isolated equilibrium, and says which supports it could not resolve
    if (method === "enumpoly") {
      if (peer.complete === "all" && peer.finite) {
        expect(result.degenerateSupports).toBeUndefined();
        for (const q of list)
          expect(among(peer, q, found), `${JSON.stringify(q)} missing`).toBe(true);
        expect(found).toHaveLength(list.length);
      }
      // an isolated equilibrium of a two-player game is extreme: one of a complete list
      if (peer.complete === "all" && peer.strategies.length === 2) {
        for (const e of found) expect(among(peer, e, list), `${JSON.stringify(e)}`).toBe(true);
      }
      return;
    }
    const promisesAll = method === "enummixed" || (method === "enumsupport" && peer.nondegenerate);
    if (promisesAll) {
      for (const q of peer.asserted.concat(peer.byHand ?? [])) {
        expect(among(peer, q, found), `${JSON.stringify(q)} missing`).toBe(true);
      }
      if (peer.complete === "all") expect(found).toHaveLength(list.length);
      return;
    }
    // (c) methods that promise some equilibria: every one must be known when the list is complete
    if (method !== "enumsupport") expect(found.length).toBeGreaterThan(0);
    if (peer.complete === "all" && (peer.finite || VERTEX_METHODS.has(method))) {
      for (const e of found) expect(among(peer, e, list), `${JSON.stringify(e)}`).toBe(true);
    }
  }

  if (peer.byLabel) {
    it.each(peer.byLabel.map((b) => [b.label, b.equilibrium] as const))(
      "lh --label %i ends at the peer's equilibrium",
      async (label, equilibrium) => {
        for (const rational of [false, true]) {
          const result = await solveGame(input, { method: "lh", label, rational });
          expect(result.equilibria).toHaveLength(1);
          expect(sameProfile(profileOf(result.equilibria[0]!), equilibrium, 1e-9)).toBe(true);
        }
      },
    );
  }
});
