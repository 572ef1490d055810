// Vitest config for the Admin Center's browser tests: real headless Chromium against the server `pnpm start`
// runs, started once per file on a throwaway database (see @gatehouse/e2e).
import { definePackageConfig } from "@gatehouse/vitest-config";

export default definePackageConfig({ testTimeout: 60_000, hookTimeout: 120_000, fileParallelism: false });
