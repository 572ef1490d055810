// Vitest config for the domain package: the shared defaults, nothing more.
// Decision tables, property tests and the conformance file all live under test/.
import { definePackageConfig } from "@gatehouse/vitest-config";

export default definePackageConfig();
