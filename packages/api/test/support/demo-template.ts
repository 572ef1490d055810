// The demo database every API test file starts from, made once per run by the global setup: a PGlite data
// directory (as a tarball file) and a PostgreSQL template database, each after prepareDatabase has run on it.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { layerPglite, PgliteDatabase } from "@gatehouse/db";
import { createTemplateDatabase, dropDatabase } from "@gatehouse/db/testing";
import { StoreLive } from "@gatehouse/store";
import { Effect, Layer } from "effect";
import { Mailer } from "../../src/mail/mailer.ts";
import { prepareDatabase } from "../../src/server-layer.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** The PGlite demo tarball's path (`layerPglite({ loadDataDir })`). */
    gatehouseDemoPglite: string;
    /** The PostgreSQL demo template database's name, when the suite has a server. */
    gatehouseDemoPostgres: string | undefined;
  }
}

/** Migrations, system roles and demo data, as a server prepares them (its mail is never sent here). */
const prepared = prepareDatabase.pipe(
  Effect.provide(
    Layer.merge(
      StoreLive,
      Mailer.layer({ smtpUrl: undefined, from: "template@gatehouse.test", origin: () => "" }),
    ),
  ),
);

/** Writes the prepared PGlite data directory under a new temporary directory; returns its path and removal. */
export const pgliteDemoTemplate = async (): Promise<{ path: string; remove: () => void }> => {
  const dump = await Effect.runPromise(
    Effect.gen(function* () {
      yield* prepared;
      return yield* (yield* PgliteDatabase).dumpDataDir;
    }).pipe(Effect.provide(layerPglite())),
  );
  const dir = mkdtempSync(join(tmpdir(), "gatehouse-api-demo-"));
  const path = join(dir, "demo.tar");
  writeFileSync(path, Buffer.from(await dump.arrayBuffer()));
  return { path, remove: () => rmSync(dir, { recursive: true, force: true }) };
};

/** Creates the prepared PostgreSQL template database on `serverUrl`; returns its name and removal. */
export const postgresDemoTemplate = async (
  serverUrl: string,
): Promise<{ name: string; remove: () => Promise<void> }> => {
  const name = await createTemplateDatabase(serverUrl, prepared);
  return { name, remove: () => Effect.runPromise(Effect.ignore(dropDatabase(serverUrl, name))) };
};
