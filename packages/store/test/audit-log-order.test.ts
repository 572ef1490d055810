// The audit log's two orders on PGlite and PostgreSQL: newest first (default) and oldest first, each keyset-paged
// on (at, id) without gaps or repeats, entries written in the same instant kept in id order.
import { expect } from "@effect/vitest";
import { describeBothBackends } from "@gatehouse/db/testing";
import { Effect } from "effect";
import { SqlClient } from "effect/sql";
import { type AuditFilter, AuditLog } from "../src/audit-log.ts";
import { StoreLive } from "../src/layer.ts";
import { setup } from "./support/store.ts";

/** Six entries of acme over four instants (two pairs written together) and one of another organization. */
const entries = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient;
  for (const [org, at, action] of [
    ["acme", "2026-01-02T00:00:00Z", "b1"],
    ["acme", "2026-01-01T00:00:00Z", "a"],
    ["acme", "2026-01-02T00:00:00Z", "b2"],
    ["other", "2026-01-03T00:00:00Z", "x"],
    ["acme", "2026-01-04T00:00:00Z", "d"],
    ["acme", "2026-01-03T00:00:00Z", "c1"],
    ["acme", "2026-01-03T00:00:00Z", "c2"],
  ] as const)
    yield* sql`insert into audit_log (at, actor_kind, org, action, target_kind)
               values (${new Date(at)}, 'system', ${org}, ${action}, 'organization')`;
});

/** Every page of acme's log in `order`, `size` at a time, as the actions of each page. */
const pages = (order: AuditFilter["order"], size: number) =>
  Effect.gen(function* () {
    const log = yield* AuditLog;
    const result: Array<ReadonlyArray<string>> = [];
    let after: string | undefined;
    for (;;) {
      const page = yield* log.list({ org: "acme", order, after, limit: size });
      if (page.length === 0) break;
      result.push(page.map((e) => e.action));
      after = page.at(-1)?.id;
    }
    return result;
  });

describeBothBackends(
  "the audit log's order",
  (_getSql, it) => {
    it.effect("pages newest first by default and oldest first when asked, ties by id", () =>
      Effect.gen(function* () {
        yield* entries;
        const newest = [
          ["d", "c2"],
          ["c1", "b2"],
          ["b1", "a"],
        ];
        expect(yield* pages(undefined, 2)).toEqual(newest);
        expect(yield* pages("newest", 2)).toEqual(newest);
        expect(yield* pages("oldest", 2)).toEqual([
          ["a", "b1"],
          ["b2", "c1"],
          ["c2", "d"],
        ]);
        // The time filters hold in either order.
        const log = yield* AuditLog;
        const days = {
          org: "acme",
          from: new Date("2026-01-02T00:00:00Z"),
          to: new Date("2026-01-04T00:00:00Z"),
        };
        const oldest = yield* log.list({ ...days, order: "oldest", limit: 9 });
        expect(oldest.map((e) => e.action)).toEqual(["b1", "b2", "c1", "c2"]);
      }).pipe(Effect.provide(StoreLive)),
    );
  },
  { setup },
);
