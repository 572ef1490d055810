// Vitest config for the client package: the shared defaults, nothing more.
// Its tests are plain unit tests (no server, no browser).
import { definePackageConfig } from "@gatehouse/vitest-config";

export default definePackageConfig();
