// Vitest config for the Admin Center's browser tests: the apps' shared browser-suite settings
// (headless Chromium against the real server on a copy of a seeded template database).
import { defineBrowserConfig } from "@gatehouse/vitest-config";

export default defineBrowserConfig();
