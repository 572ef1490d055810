// Shared Vitest settings for every Gatehouse workspace (plain ESM so Node loads it inside any vitest.config.ts).
// Packages call `definePackageConfig` and pass only what differs from these defaults.
import { defineConfig } from "vitest/config";

/** Test defaults: node environment, no watch, a generous timeout for database and browser suites. */
export const gatehouseTest = {
  environment: "node",
  watch: false,
  testTimeout: 30_000,
  hookTimeout: 60_000,
  include: ["test/**/*.test.ts"],
  // The JSON report lets CI print one closing "N passed, M failed" line across every package.
  reporters: ["default", ["json", { outputFile: "test-results/vitest.json" }]],
};

/** Builds a package's Vitest config from the shared defaults. */
export const definePackageConfig = (overrides = {}) =>
  defineConfig({ test: { ...gatehouseTest, ...overrides } });

/**
 * An app's browser tests: real headless Chromium against the server `pnpm start` runs, one file at a time on a
 * copy of a template database seeded once per run (see @gatehouse/e2e).
 */
export const defineBrowserConfig = () =>
  definePackageConfig({
    globalSetup: ["@gatehouse/e2e/global-setup"],
    testTimeout: 90_000,
    hookTimeout: 240_000,
    fileParallelism: false,
    // Waits for the UI are bounded, but generously: CI runs the three apps' suites on a loaded 2-core machine.
    expect: { poll: { timeout: 15_000 } },
  });
