// The newest audit ids an engine load and an organization's snapshot carry (the positions consistency tokens are
// met against) are the numerically newest, past the digits where text order and number order part (999 < 1000).
import { expect } from "@effect/vitest";
import { describeBothBackends } from "@gatehouse/db/testing";
import { Effect } from "effect";
import { SqlClient } from "effect/sql";
import { StoreLive } from "../src/layer.ts";
import { loadEngineAt } from "../src/load-engine.ts";
import { OrgSnapshots, snapshotNewestIds } from "../src/org-snapshot.ts";
import { setup } from "./support/store.ts";

/** Writes `n` audit rows of acme in one statement; answers their ids, ascending. */
const auditRows = (n: number) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient;
    const rows = yield* sql<{ readonly id: string }>`
      insert into audit_log (at, actor_kind, org, action, target_kind)
      select now(), 'system', 'acme', 'test.row', 'organization' from generate_series(1, ${n})
      returning id::text as id`;
    return rows.map((r) => r.id).sort((a, b) => Number(a) - Number(b));
  });

describeBothBackends(
  "the newest audit positions",
  (_getSql, it) => {
    it.effect("an engine load carries the newest ids in number order, the last one newest", () =>
      Effect.gen(function* () {
        const ids = yield* auditRows(1_050);
        const { newest } = yield* loadEngineAt(100);
        expect(newest).toEqual(ids.slice(-100));
      }).pipe(Effect.provide(StoreLive)),
    );

    it.effect("a snapshot is at its newest id and carries the newest ids in number order", () =>
      Effect.gen(function* () {
        const ids = yield* auditRows(snapshotNewestIds + 50);
        const snapshot = yield* (yield* OrgSnapshots).load("acme");
        expect(snapshot.position).toBe(ids.at(-1));
        expect(snapshot.newest).toEqual(ids.slice(-snapshotNewestIds));
      }).pipe(Effect.provide(StoreLive)),
    );
  },
  { setup },
);
