// Vitest config for the API: the shared defaults; the suites drive the Hono app through app.request.
// No server is started by these tests.
import { definePackageConfig } from "@gatehouse/vitest-config";

export default definePackageConfig();
