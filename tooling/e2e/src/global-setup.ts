// Vitest global setup for browser tests: creates the template database once per run (migrations, system
// roles, demo data, by starting and stopping the real server on it); each test file's server starts on a copy.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { launch } from "./server.ts";

export default async function setup(project: TestProject): Promise<() => void> {
  const template = mkdtempSync(join(tmpdir(), "gatehouse-e2e-template-"));
  const server = await launch(template);
  await server.stop();
  project.provide("gatehouseTemplate", template);
  return () => rmSync(template, { recursive: true, force: true });
}
