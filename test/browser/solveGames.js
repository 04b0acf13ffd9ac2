/**
 * Solves Gambit reference games with every family of method, using the compiled core found at
 * `base` + "/dist/…" (the page's server root in the browser, a file URL of the checkout in Node):
 * the same code in both, for test/browser/solvers.test.ts. Returns plain JSON.
 *
 * @param {string} base - URL prefix of the checkout ("" in the page)
 * @param {{ bimatrix: string, zeroSum: string, tree: string }} texts - .nfg, .nfg and .efg files
 */
export async function solveGames(base, texts) {
  const load = (path) => import(`${base}${path}`);
  const { readNfg } = await load("/dist/games/gambit/readNfg.js");
  const { readEfg } = await load("/dist/games/gambit/readEfg.js");
  const { formatRational } = await load("/dist/math/rational.js");
  const S = await load("/dist/solvers/index.js");
  const exact = (profile) => profile.map(formatRational).join(",");
  const floats = (xs) => Array.from(xs);
  const game = readNfg(texts.bimatrix, "8x8.nfg");
  const zeroSum = readNfg(texts.zeroSum, "oneill.nfg");
  const tree = readEfg(texts.tree, "poker.efg");
  const lp = await S.zeroSumLpExact(zeroSum);
  return {
    enummixed: S.vertexEnumerationExact(game).equilibria.map((e) => exact(e.strategies.flat())),
    enummixedFloat: S.vertexEnumeration(game).equilibria.map((e) => floats(e.strategies.flat())),
    lh: S.lemkeHowsonAllExact(game).map((e) => exact(e.strategies.flat())),
    lpValue: formatRational(lp.values[0]),
    lp: exact(lp.strategies.flat()),
    lcpCovering: exact(S.sequenceFormLcpExact(tree).behaviour),
    lcpCentroid: floats(S.sequenceFormLcp(tree, { start: "centroid" }).behaviour),
    logit: floats(S.logitBranch(game).limit),
    simpdiv: floats(S.nashEquilibrium(game).profile),
    gnm: S.globalNewton(game).equilibria.map((e) => floats(e.profile)),
  };
}
