// Backend selection from the environment: DATABASE_URL means PostgreSQL, otherwise PGlite on GATEHOUSE_DATA_DIR.
// DatabaseLive is exercised for real: PGlite on a fresh directory (kept across restarts), and the test server.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "@effect/vitest";
import { ConfigProvider, Effect, Layer, Redacted } from "effect";
import { SqlClient } from "effect/sql";
import { inject } from "vitest";
import { databaseConfig, defaultDataDir } from "../src/config.ts";
import { DatabaseLive } from "../src/database.ts";
import "../src/testing/provided.ts";

const configFrom = (env: Record<string, string>) => databaseConfig.parse(ConfigProvider.fromEnvRecord(env));

const liveWith = (env: Record<string, string>) =>
  DatabaseLive.pipe(Layer.provide(ConfigProvider.layer(ConfigProvider.fromEnvRecord(env))));

describe("databaseConfig", () => {
  it.effect("chooses PGlite on ./.gatehouse/data when nothing is set", () =>
    Effect.gen(function* () {
      expect(yield* configFrom({})).toEqual({ backend: "pglite", dataDir: defaultDataDir });
      expect(yield* configFrom({ DATABASE_URL: "  " })).toEqual({
        backend: "pglite",
        dataDir: defaultDataDir,
      });
    }),
  );

  it.effect("chooses PGlite on GATEHOUSE_DATA_DIR", () =>
    Effect.gen(function* () {
      expect(yield* configFrom({ GATEHOUSE_DATA_DIR: "/var/lib/gatehouse" })).toEqual({
        backend: "pglite",
        dataDir: "/var/lib/gatehouse",
      });
    }),
  );

  it.effect("chooses PostgreSQL when DATABASE_URL is set, whatever the data directory", () =>
    Effect.gen(function* () {
      const config = yield* configFrom({
        DATABASE_URL: "postgres://db.internal/gatehouse",
        GATEHOUSE_DATA_DIR: "/x",
      });
      expect(config.backend).toBe("postgres");
      expect(config.backend === "postgres" ? Redacted.value(config.url) : "").toBe(
        "postgres://db.internal/gatehouse",
      );
    }),
  );
});

describe("DatabaseLive", () => {
  it.live(
    "runs PGlite on a data directory it creates, and keeps the data across restarts",
    () =>
      Effect.gen(function* () {
        const root = mkdtempSync(join(tmpdir(), "gatehouse-data-"));
        yield* Effect.addFinalizer(() => Effect.sync(() => rmSync(root, { recursive: true, force: true })));
        const dataDir = join(root, "nested", "data");
        const layer = liveWith({ GATEHOUSE_DATA_DIR: dataDir });
        yield* Effect.provide(
          Effect.gen(function* () {
            const sql = yield* SqlClient.SqlClient;
            expect(sql.driver).toBe("pglite");
            yield* sql`create table kept (value text)`;
            yield* sql`insert into kept values ('still here')`;
          }),
          layer,
        );
        expect(readFileSync(join(dataDir, "PG_VERSION"), "utf8").trim()).toMatch(/^\d+$/);
        const rows = yield* Effect.provide(
          Effect.gen(function* () {
            const sql = yield* SqlClient.SqlClient;
            return yield* sql`select value from kept`;
          }),
          layer,
        );
        expect(rows).toEqual([{ value: "still here" }]);
      }),
    60_000,
  );

  it.live("runs on the PostgreSQL server at DATABASE_URL", () =>
    Effect.gen(function* () {
      const provided = inject("gatehousePostgres");
      if ("error" in provided) return yield* Effect.die(new Error(provided.error));
      const rows = yield* Effect.provide(
        Effect.gen(function* () {
          const sql = yield* SqlClient.SqlClient;
          expect(sql.driver).toBe("pg");
          return yield* sql<{ answer: number }>`select 42 as answer`;
        }),
        liveWith({ DATABASE_URL: provided.url }),
      );
      expect(rows).toEqual([{ answer: 42 }]);
    }),
  );
});
