// Vitest global setup for suites that use PostgreSQL: DATABASE_URL if set, else a throwaway local server.
// Add it to a package's vitest.config.ts (`globalSetup`); the server stops and its directory goes at teardown.
import type { TestProject } from "vitest/node";
import {
  findPostgresBin,
  postgresUnavailableMessage,
  type RunningPostgres,
  startPostgres,
} from "./postgres-server.ts";
import "./provided.ts";

let server: RunningPostgres | undefined;

const describeError = (cause: unknown): string => (cause instanceof Error ? cause.message : String(cause));

export async function setup(project: TestProject): Promise<void> {
  const given = process.env.DATABASE_URL?.trim();
  if (given !== undefined && given !== "") {
    project.provide("gatehousePostgres", { url: given });
    return;
  }
  const bin = findPostgresBin();
  if (bin === undefined) {
    project.provide("gatehousePostgres", { error: postgresUnavailableMessage });
    return;
  }
  try {
    server = await startPostgres(bin);
    project.provide("gatehousePostgres", { url: server.url });
  } catch (cause) {
    project.provide("gatehousePostgres", {
      error: `Could not start PostgreSQL from ${bin}: ${describeError(cause)}\n${postgresUnavailableMessage}`,
    });
  }
}

export function teardown(): void {
  server?.stop();
  server = undefined;
}
