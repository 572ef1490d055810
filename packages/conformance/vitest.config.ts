// Vitest config for the conformance runner: the shared defaults.
// The suite answers every case in cases/public.jsonl through the real engine.
import { definePackageConfig } from "@gatehouse/vitest-config";

export default definePackageConfig();
