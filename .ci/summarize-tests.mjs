// Sums the Vitest JSON reports every package wrote into one plain closing line for CI.
// Exits 1 when a report is missing for a package that has tests, or when any test failed.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

let passed = 0;
let failed = 0;
let skipped = 0;
const missing = [];
for (const area of ["apps", "packages"]) {
  if (!existsSync(area)) continue;
  for (const name of readdirSync(area)) {
    const dir = join(area, name);
    const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    if (!pkg.scripts?.test) continue;
    const report = join(dir, "test-results", "vitest.json");
    if (!existsSync(report)) {
      missing.push(dir);
      continue;
    }
    const r = JSON.parse(readFileSync(report, "utf8"));
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    skipped += r.numPendingTests + (r.numTodoTests ?? 0);
  }
}
for (const dir of missing) console.log(`no test report from ${dir}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 || missing.length > 0 ? 1 : 0);
