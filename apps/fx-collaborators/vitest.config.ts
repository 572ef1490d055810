// Vitest config for the collaborators app's browser tests: real headless Chromium against the server `pnpm start`
// runs, one per file on a copy of a template database seeded once per run (see @gatehouse/e2e).
import { definePackageConfig } from "@gatehouse/vitest-config";

export default definePackageConfig({
  globalSetup: ["@gatehouse/e2e/global-setup"],
  testTimeout: 90_000,
  hookTimeout: 240_000,
  fileParallelism: false,
  // Waits for the UI are bounded, but generously: CI runs the three apps' suites on a loaded 2-core machine.
  expect: { poll: { timeout: 15_000 } },
});
