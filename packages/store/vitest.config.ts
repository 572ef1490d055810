// Vitest config for the store: the shared defaults plus the PostgreSQL global setup from @gatehouse/db.
// isolate: false lets the test files of a worker share one PGlite template (see docs/storage.md).
import { definePackageConfig } from "@gatehouse/vitest-config";

export default definePackageConfig({
  globalSetup: ["./test/support/global-setup.ts"],
  isolate: false,
});
