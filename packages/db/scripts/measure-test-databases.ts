// Measures what the test-database harness costs: template creation and one fresh database, on both backends.
// Prints figures only; never part of the tests. Run: pnpm --filter @gatehouse/db measure [--migrations]
import { Effect, Layer } from "effect";
import { SqlClient } from "effect/sql";
import { layerPg } from "../src/database.ts";
import { runMigrations } from "../src/migrations/index.ts";
import {
  type DatabaseSetup,
  layerPgliteFromTemplate,
  pgliteTemplate,
} from "../src/testing/pglite-template.ts";
import { createTemplateDatabase, dropDatabase, freshDatabase } from "../src/testing/postgres-databases.ts";
import { findPostgresBin, type RunningPostgres, startPostgres } from "../src/testing/postgres-server.ts";

const rounds = 5;
const setup: DatabaseSetup = process.argv.includes("--migrations") ? runMigrations : Effect.void;

const timed = async <A>(run: () => Promise<A>): Promise<[A, number]> => {
  const start = performance.now();
  const value = await run();
  return [value, performance.now() - start];
};

const ms = (values: ReadonlyArray<number>) => {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    medianMs: Math.round(sorted[Math.floor(sorted.length / 2)] ?? 0),
    maxMs: Math.round(sorted.at(-1) ?? 0),
  };
};

const firstQuery = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient;
  yield* sql`select 1`;
});

const pglite = async () => {
  const [template, templateMs] = await timed(() => pgliteTemplate(setup));
  const fresh: Array<number> = [];
  for (let i = 0; i < rounds; i++) {
    const [, took] = await timed(() =>
      Effect.runPromise(Effect.provide(firstQuery, layerPgliteFromTemplate(template))),
    );
    fresh.push(took);
  }
  return { templateMs: Math.round(templateMs), templateBytes: template.size, freshDatabase: ms(fresh) };
};

const postgres = async () => {
  const bin = findPostgresBin();
  const given = process.env.DATABASE_URL;
  if (given === undefined && bin === undefined)
    return { error: "no DATABASE_URL and no PostgreSQL binaries" };
  let server: RunningPostgres | undefined;
  let serverMs = 0;
  if (given === undefined && bin !== undefined) [server, serverMs] = await timed(() => startPostgres(bin));
  const url = given ?? server?.url ?? "";
  try {
    const [template, templateMs] = await timed(() => createTemplateDatabase(url, setup));
    const fresh: Array<number> = [];
    for (let i = 0; i < rounds; i++) {
      const layer = Layer.unwrap(
        Effect.map(freshDatabase(url, template), (databaseUrl) =>
          layerPg({ url: databaseUrl, maxConnections: 4 }),
        ),
      );
      const [, took] = await timed(() => Effect.runPromise(Effect.provide(firstQuery, layer)));
      fresh.push(took);
    }
    await Effect.runPromise(dropDatabase(url, template));
    return {
      serverStartMs: Math.round(serverMs),
      templateMs: Math.round(templateMs),
      freshDatabase: ms(fresh),
    };
  } finally {
    server?.stop();
  }
};

console.log(JSON.stringify({ setup: process.argv.includes("--migrations") ? "migrations" : "empty" }));
console.log(JSON.stringify({ backend: "pglite", ...(await pglite()) }));
console.log(JSON.stringify({ backend: "postgres", ...(await postgres()) }));
