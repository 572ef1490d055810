// The audit log read repository, versioned custom-group edits and the change feed, on PGlite and PostgreSQL:
// keyset paging without gaps, filters (also by the place an entry is about), stale versions refused, and each
// notice carrying its row's organization.
import { expect } from "@effect/vitest";
import { describeBothBackends } from "@gatehouse/db/testing";
import { Effect, Exit, Fiber, Stream } from "effect";
import { SqlClient } from "effect/sql";
import { AuditLog } from "../src/audit-log.ts";
import { ChangeFeed } from "../src/change-feed.ts";
import { GroupEdits } from "../src/group-edits.ts";
import { Groups } from "../src/groups.ts";
import { StoreLive } from "../src/layer.ts";
import { Mutations } from "../src/mutations.ts";
import { Organizations } from "../src/organizations.ts";
import { setup } from "./support/store.ts";

const system = { kind: "system" } as const;
const admin = { kind: "user", id: "u-admin" } as const;

/** Two organizations, each made through the audited primitive. */
const orgs = Effect.gen(function* () {
  const mutations = yield* Mutations;
  const organizations = yield* Organizations;
  for (const id of ["acme", "agency"])
    yield* mutations.mutate({
      actor: system,
      org: id,
      action: "organization.create",
      target: { kind: "organization", id },
      run: organizations.create({ id, name: id, kind: "customer", products: ["cms"] }),
    });
});

describeBothBackends(
  "audit log, group edits and the change feed",
  (_getSql, it) => {
    it.effect("pages and filters the log, and edits custom groups at the version read", () =>
      Effect.gen(function* () {
        yield* orgs;
        const mutations = yield* Mutations;
        const groups = yield* Groups;
        const edits = yield* GroupEdits;
        const log = yield* AuditLog;
        const created = yield* mutations.mutate({
          actor: admin,
          org: "acme",
          action: "group.create",
          target: { kind: "group", id: "grp_a" },
          run: groups.create({ id: "grp_a", org: "acme", name: "Team" }),
        });
        yield* mutations.mutate({
          actor: admin,
          org: "acme",
          action: "group.rename",
          target: { kind: "group", id: "grp_a" },
          run: edits.rename("grp_a", 1, "Crew"),
        });
        const stale = yield* Effect.exit(edits.rename("grp_a", 1, "Old"));
        expect(Exit.isFailure(stale)).toBe(true);
        const staleRemove = yield* Effect.exit(edits.remove("grp_a", 1));
        expect(Exit.isFailure(staleRemove)).toBe(true);
        const everyone = (yield* groups.list("acme")).find((g) => g.kind === "everyone");
        const readOnly = yield* Effect.flip(edits.rename(everyone?.id ?? "", 1, "All"));
        expect(readOnly._tag).toBe("InvalidChange");
        yield* mutations.mutate({
          actor: admin,
          org: "acme",
          action: "group.remove",
          target: { kind: "group", id: "grp_a" },
          run: edits.remove("grp_a", 2),
        });
        expect(yield* Effect.exit(groups.get("grp_a"))).toSatisfy(Exit.isFailure);

        const all = yield* log.list({ org: "acme", limit: 100 });
        expect(all.map((e) => e.action)).toEqual([
          "group.remove",
          "group.rename",
          "group.create",
          "organization.create",
        ]);
        expect(all.every((e) => typeof e.id === "string" && e.org === "acme")).toBe(true);
        expect(all[1]).toMatchObject({ before: { name: "Team" }, after: { name: "Crew", version: 2 } });
        expect(all[2]?.id).toBe(created.auditId);

        const pages: string[][] = [];
        let after: string | undefined;
        for (;;) {
          const page = yield* log.list({ org: "acme", limit: 2, after });
          if (page.length === 0) break;
          pages.push(page.map((e) => e.action));
          after = page.at(-1)?.id;
        }
        expect(pages).toEqual([
          ["group.remove", "group.rename"],
          ["group.create", "organization.create"],
        ]);
        expect((yield* log.list({ org: "acme", actor: "u-admin", limit: 10 })).length).toBe(3);
        expect(
          yield* log.list({
            org: "acme",
            targetKind: "group",
            targetId: "grp_a",
            action: "group.rename",
            limit: 10,
          }),
        ).toHaveLength(1);
        expect(yield* log.list({ org: "acme", to: new Date(0), limit: 10 })).toEqual([]);
        expect(yield* log.list({ org: "acme", from: new Date(Date.now() + 3_600_000), limit: 10 })).toEqual(
          [],
        );
        expect(yield* log.list({ org: "acme", after: "not-a-number", limit: 10 })).toEqual([]);
        expect(yield* log.orgOf(created.auditId)).toBe("acme");
        expect(yield* log.orgOf("999999")).toBeUndefined();
      }).pipe(Effect.provide(StoreLive)),
    );

    it.effect("keeps only the entries about the places of a reach, read from the snapshots and targets", () =>
      Effect.gen(function* () {
        yield* orgs;
        const sql = yield* SqlClient.SqlClient;
        yield* sql`insert into instances (id, org, product, name) values
                     ('cms-1', 'acme', 'cms', 'Site'), ('cms-2', 'acme', 'cms', 'Other site'),
                     ('exp-1', 'acme', 'experimentation', 'Exp')`;
        yield* sql`insert into projects (id, org, instance, name, platform) values
                     ('p-1', 'acme', 'exp-1', 'One', 'web'), ('p-2', 'acme', 'exp-1', 'Two', 'feature')`;
        const mutations = yield* Mutations;
        const log = yield* AuditLog;
        /** One audited entry with the given snapshots. */
        const entry = (target: { kind: string; id: string }, before: unknown, after: unknown) =>
          mutations.mutate({
            actor: admin,
            org: "acme",
            action: `${target.kind}.test`,
            target,
            run: Effect.succeed({ value: null, before, after, changes: [] }),
          });
        const grantScope = (scope: object) => ({ id: "g", scope: { org: "acme", ...scope } });
        yield* entry(
          { kind: "grant", id: "g-cms-1" },
          null,
          grantScope({ product: "cms", instance: "cms-1" }),
        );
        yield* entry(
          { kind: "grant", id: "g-cms-2" },
          grantScope({ product: "cms", instance: "cms-2" }),
          null,
        );
        yield* entry(
          { kind: "grant", id: "g-p-2" },
          null,
          grantScope({ product: "experimentation", instance: "exp-1", project: "p-2" }),
        );
        yield* entry({ kind: "role", id: "r-cms" }, null, { product: "cms", instance: null });
        yield* entry({ kind: "instance", id: "cms-2" }, { name: "Site 2" }, { name: "Other site" });
        yield* entry({ kind: "project", id: "p-1" }, null, { name: "One" });
        yield* entry({ kind: "flag", id: "f-1" }, null, { project: "p-1", key: "f" });
        yield* entry({ kind: "operation", id: "op-1" }, null, { instance: "cms-1", action: "x" });
        yield* entry({ kind: "group", id: "grp-x" }, null, { name: "Team" });

        const targets = (within: Parameters<typeof log.list>[0]["within"]) =>
          Effect.map(log.list({ org: "acme", within, limit: 100 }), (entries) =>
            entries.map((e) => e.targetId).sort(),
          );
        const none = { products: [], instances: [], projects: [] };
        expect(yield* targets({ ...none, products: ["cms"] })).toEqual(
          ["cms-2", "g-cms-1", "g-cms-2", "op-1", "r-cms"].sort(),
        );
        expect(yield* targets({ ...none, instances: ["cms-1"] })).toEqual(["g-cms-1", "op-1"]);
        expect(yield* targets({ ...none, instances: ["exp-1"] })).toEqual(["f-1", "g-p-2", "p-1"]);
        expect(yield* targets({ ...none, projects: ["p-1"] })).toEqual(["f-1", "p-1"]);
        expect(yield* targets({ ...none, projects: ["p-2"], instances: ["cms-2"] })).toEqual([
          "cms-2",
          "g-cms-2",
          "g-p-2",
        ]);
        expect(yield* targets(none)).toEqual([]);
        // Without a reach: all nine, and the organization.create entry.
        expect((yield* targets(undefined)).length).toBe(10);

        expect(yield* log.places("acme")).toEqual([
          { product: "cms", instance: "cms-1", project: null },
          { product: "cms", instance: "cms-2", project: null },
          { product: "experimentation", instance: "exp-1", project: null },
          { product: "experimentation", instance: "exp-1", project: "p-1" },
          { product: "experimentation", instance: "exp-1", project: "p-2" },
        ]);
        expect(yield* log.places("agency")).toEqual([]);
      }).pipe(Effect.provide(StoreLive)),
    );

    it.effect("announces each committed change with the organization of its audit row", () =>
      Effect.scoped(
        Effect.gen(function* () {
          const feed = yield* ChangeFeed;
          const events = yield* feed.subscribe();
          const heard = yield* Effect.forkScoped(Stream.runCollect(Stream.take(events, 3)));
          yield* orgs;
          const mutations = yield* Mutations;
          const groups = yield* Groups;
          const made = yield* mutations.mutate({
            actor: admin,
            org: "agency",
            action: "group.create",
            target: { kind: "group", id: "grp_b" },
            run: groups.create({ id: "grp_b", org: "agency", name: "Ops" }),
          });
          const collected = yield* Fiber.join(heard);
          expect(collected.map((e) => e.org)).toEqual(["acme", "agency", "agency"]);
          expect(collected[2]).toEqual({
            audit: made.auditId,
            org: "agency",
            changes: [{ type: "group.added", group: "grp_b", org: "agency" }],
            part: 1,
            parts: 1,
            seq: (collected[0]?.seq ?? 0) + 2,
          });
        }),
      ).pipe(Effect.provide(StoreLive)),
    );
  },
  { setup },
);
