// Vitest config for the SDK: the shared defaults; its tests start the real API server on PGlite themselves.
import { definePackageConfig } from "@gatehouse/vitest-config";

export default definePackageConfig();
