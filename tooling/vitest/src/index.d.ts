// Types for the shared Vitest settings in index.js.
// Kept beside the plain-JS module so packages type-check their vitest.config.ts.
import type { ViteUserConfig } from "vitest/config";

type TestOptions = NonNullable<ViteUserConfig["test"]>;
export declare const gatehouseTest: TestOptions;
export declare const definePackageConfig: (overrides?: TestOptions) => ViteUserConfig;
export declare const defineBrowserConfig: () => ViteUserConfig;
