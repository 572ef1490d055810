// Shared Vitest settings for every Gatehouse workspace.
// Packages call `definePackageConfig` and pass only what differs from these defaults.
import { defineConfig, type ViteUserConfig } from "vitest/config";

type TestOptions = NonNullable<ViteUserConfig["test"]>;

/** Test defaults: node environment, no watch, a generous timeout for database and browser suites. */
export const gatehouseTest: TestOptions = {
  environment: "node",
  watch: false,
  testTimeout: 30_000,
  hookTimeout: 60_000,
  include: ["test/**/*.test.ts"],
};

/** Builds a package's Vitest config from the shared defaults. */
export const definePackageConfig = (overrides: TestOptions = {}) =>
  defineConfig({ test: { ...gatehouseTest, ...overrides } });
