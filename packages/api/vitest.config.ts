// Vitest config for the API: the shared defaults plus the PostgreSQL global setup from @gatehouse/db, for the
// suites that run the API on a real PostgreSQL server too (demoApi("postgres")).
import { definePackageConfig } from "@gatehouse/vitest-config";

export default definePackageConfig({ globalSetup: ["./test/support/global-setup.ts"] });
