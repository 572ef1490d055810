// Vitest config for the domain package: the shared defaults, without a module registry per test file.
// Decision tables, property tests and the conformance file are pure, so they share one import of the engine.
import { definePackageConfig } from "@gatehouse/vitest-config";

export default definePackageConfig({ isolate: false });
