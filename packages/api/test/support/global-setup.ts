// This package's Vitest global setup: the shared one from @gatehouse/db/testing (a PostgreSQL server URL, or the
// reason there is none), then the demo database each test file copies, on PGlite and on that server.
import { setup as setupPostgres, teardown as teardownPostgres } from "@gatehouse/db/testing/global-setup";
import type { TestProject } from "vitest/node";
import { pgliteDemoTemplate, postgresDemoTemplate } from "./demo-template.ts";

export async function setup(project: TestProject): Promise<() => Promise<void>> {
  await setupPostgres(project);
  const pglite = await pgliteDemoTemplate();
  project.provide("gatehouseDemoPglite", pglite.path);
  const server = project.getProvidedContext().gatehousePostgres;
  const postgres = "url" in server ? await postgresDemoTemplate(server.url) : undefined;
  project.provide("gatehouseDemoPostgres", postgres?.name);
  return async () => {
    pglite.remove();
    await postgres?.remove();
    teardownPostgres();
  };
}
