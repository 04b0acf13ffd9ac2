/**
 * Start-up of the documented command and of the package's entry points, each a whole `node`
 * process, against the baseline of starting Node and doing nothing, in the same run. Uses the
 * compiled code: `npm run bench` builds first. The floor (issue 12): `node bin/linkage.js`
 * starts in under 0.3 s; importing the solvers or the analysis loads no chart code.
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, bench, describe } from "vitest";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
let sink = 0;
const run = (args: string[]) => {
  sink += execFileSync(process.execPath, args, { cwd: ROOT }).length;
};
const importing = (specifier: string) => () =>
  run(["--input-type=module", "-e", `await import(${JSON.stringify(specifier)})`]);
const options = { iterations: 10, warmupIterations: 1 };

describe("start-up (whole process)", () => {
  bench("baseline: node -e 0", () => run(["-e", "0"]), options);
  bench("node bin/linkage.js --version", () => run(["bin/linkage.js", "--version"]), options);
  bench("import linkage", importing("linkage"), options);
  bench("import linkage/solvers", importing("linkage/solvers"), options);
  bench("import linkage/analysis", importing("linkage/analysis"), options);
  bench("import linkage/report (charts)", importing("linkage/report"), options);
});

// consume the sink so V8 cannot drop the work
afterAll(() => {
  if (sink === Number.MIN_VALUE) console.log(sink);
});
