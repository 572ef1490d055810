// The test-database harness itself: every test starts from the template `setup` built, and nothing a test
// writes reaches the next one, on either backend. Tests in a file run in order, which these rely on.
import { expect, it as vitestIt } from "@effect/vitest";
import { Effect } from "effect";
import { SqlClient } from "effect/sql";
import { describeBothBackends, TestDatabase } from "./support/both-backends.ts";

const setup = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient;
  yield* sql`create table seen (label text primary key)`;
  yield* sql`insert into seen values ('from the template')`;
});

const labels = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient;
  const rows = yield* sql<{ readonly label: string }>`select label from seen order by label`;
  return rows.map((row) => row.label);
});

describeBothBackends(
  "test databases",
  (getSql, it) => {
    it.effect("start from the template", () =>
      Effect.gen(function* () {
        expect(yield* labels).toEqual(["from the template"]);
        const sql = yield* SqlClient.SqlClient;
        yield* sql`insert into seen values ('written by the first test')`;
        expect(yield* labels).toEqual(["from the template", "written by the first test"]);
      }),
    );

    it.effect("do not see what an earlier test wrote", () =>
      Effect.gen(function* () {
        expect(yield* labels).toEqual(["from the template"]);
      }),
    );

    it.effect("say which backend they run on", () =>
      Effect.gen(function* () {
        const database = yield* TestDatabase;
        const sql = yield* SqlClient.SqlClient;
        expect(database.backend).toBe(it.backend);
        expect(sql.driver).toBe(it.backend === "pglite" ? "pglite" : "pg");
      }),
    );

    vitestIt("give plain tests the current client through getSql", async () => {
      const rows = await Effect.runPromise(getSql()`select count(*)::int as n from seen`);
      expect(rows).toEqual([{ n: 1 }]);
    });
  },
  { setup },
);
