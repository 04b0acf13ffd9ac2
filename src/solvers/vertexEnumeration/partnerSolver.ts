/**
 * Decides the partners of a nondegenerate vertex z of the enumerated polytope from a square
 * system alone (see {@link vertexEnumerationExact}). C' is the other polytope's constraint matrix
 * (d × k, rows s, columns t); S = `tight` are the rows of C' that must be tight (z_s > 0) and
 * T = `free` the columns that may be positive (the slack of row t is 0 at z), |S| = |T| (z has
 * exactly d labels). Every partner w has w_t = 0 off T and C'[S,T]·w_T = 1, so when C'[S,T] is
 * nonsingular the solution w of that system is the only candidate, and it is a partner iff
 * w_T ≥ 0 and (C'w)_i ≤ 1 for the rows i ∉ S. It is then a vertex of { w ≥ 0 : C'w ≤ 1 } without
 * further check: n = k constraints are tight at it (w_t = 0 for t ∉ T, and the rows S) and they
 * are linearly independent because C'[S,T] is nonsingular (a basic feasible solution; it lies
 * on the face F(z), a face of that polytope, and is all of it). In a nondegenerate game every
 * vertex is of this kind, with at most one partner (von Stengel 2007, §3.5); in a degenerate
 * game a nondegenerate vertex with a singular C'[S,T] can have a segment of partners, which the
 * face search enumerates (Avis, Rosenberg, Savani & von Stengel 2010).
 */
export interface PartnerSolver {
  /**
   * −1 when the candidate violates w_T ≥ 0 or (C'w)_i ≤ 1 (i ∉ S) strictly: z has no partner.
   * 1 when it satisfies all of them strictly: z has exactly one partner, a nondegenerate vertex.
   * 0 when undecided (the face is searched instead): C'[S,T] singular, or a constraint tight
   * (w_t = 0, or (C'w)_i = 1 for i ∉ S: a degenerate partner), or, in floating point, ill
   * conditioned or too close to call.
   */
  decide(tight: readonly number[], free: readonly number[]): number;
}
