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
