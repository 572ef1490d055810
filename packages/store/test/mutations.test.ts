// The mutation primitive on both backends: the change, its audit row and its notification commit together;
// a failure or a stale version leaves no change, no audit row and no notification.

import { expect } from "@effect/vitest";
import { Notifications } from "@gatehouse/db";
import { describeBothBackends } from "@gatehouse/db/testing";
import { Effect, Fiber, Stream } from "effect";
import { SqlClient } from "effect/sql";
import { type ChangeNotice, changesChannel } from "../src/changes.ts";
import { InvalidChange } from "../src/errors.ts";
import { Grants } from "../src/grants.ts";
import { StoreLive } from "../src/layer.ts";
import { Mutations } from "../src/mutations.ts";
import { Organizations } from "../src/organizations.ts";
import { Users } from "../src/users.ts";
import { count, seedRoles, setup } from "./support/store.ts";

const operator = { kind: "operator", id: "op-1" } as const;
const ana = { kind: "user", id: "ana" } as const;

/** Listens on the change channel and collects the next `n` notices in the background. */
const collectNotices = (n: number) =>
  Effect.gen(function* () {
    const notifications = yield* Notifications;
    const stream = yield* notifications.subscribe(changesChannel);
    return yield* Effect.forkScoped(
      Stream.runCollect(
        Stream.take(
          Stream.map(stream, (p) => JSON.parse(p) as ChangeNotice),
          n,
        ),
      ),
    );
  });

/** An organization and a user, made through the primitive. */
const world = Effect.gen(function* () {
  const mutations = yield* Mutations;
  const organizations = yield* Organizations;
  const users = yield* Users;
  yield* seedRoles;
  yield* mutations.mutate({
    actor: operator,
    org: "acme",
    action: "organization.create",
    target: { kind: "organization", id: "acme" },
    run: organizations.create({ id: "acme", name: "Acme", kind: "customer", products: ["mission-control"] }),
  });
  yield* mutations.mutate({
    actor: operator,
    org: "acme",
    action: "user.create",
    target: { kind: "user", id: "ana" },
    run: users.create({ id: "ana", org: "acme", email: "ana@acme.example", name: "Ana" }),
  });
});

const scope = { org: "acme", product: "mission-control" };

describeBothBackends(
  "mutations",
  (_getSql, it) => {
    it.effect("write the change, its audit row and its notification in one transaction", () =>
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient;
        const mutations = yield* Mutations;
        const grants = yield* Grants;
        yield* world;
        const notices = yield* collectNotices(1);
        const done = yield* mutations.mutate({
          actor: ana,
          requestId: "req-1",
          org: "acme",
          action: "grant.create",
          target: { kind: "grant", id: "g1" },
          run: grants.create({ id: "g1", subject: ana, role: "mission-control:customerUser", scope }),
        });
        expect(done.value.version).toBe(1);
        const rows = yield* sql<{
          readonly id: bigint;
          readonly actor_kind: string;
          readonly actor_id: string;
          readonly request_id: string;
          readonly before: unknown;
          readonly after: { readonly id: string; readonly role: string };
          readonly at: Date;
        }>`select id, actor_kind, actor_id, request_id, before, after, at from audit_log
           where action = 'grant.create' and target_kind = 'grant' and target_id = 'g1' and org = 'acme'`;
        expect(rows).toHaveLength(1);
        const row = rows[0];
        expect(row).toMatchObject({ actor_kind: "user", actor_id: "ana", request_id: "req-1", before: null });
        expect(row?.after).toMatchObject({ id: "g1", role: "mission-control:customerUser" });
        expect(String(row?.id)).toBe(done.auditId);
        expect(row?.at).toBeInstanceOf(Date);

        const [notice] = yield* Fiber.join(notices);
        expect(notice?.audit).toBe(done.auditId);
        expect(notice?.changes).toContainEqual({
          type: "grant.added",
          grant: { id: "g1", subject: "ana", role: "mission-control:customerUser", scope },
        });
      }).pipe(Effect.provide(StoreLive)),
    );

    it.effect("roll back the change and the audit row when run fails, and announce nothing", () =>
      Effect.gen(function* () {
        const mutations = yield* Mutations;
        const grants = yield* Grants;
        yield* world;
        const audits = yield* count("audit_log");
        const notices = yield* collectNotices(1);
        const failed = yield* Effect.flip(
          mutations.mutate({
            actor: ana,
            org: "acme",
            action: "grant.create",
            target: { kind: "grant", id: "g1" },
            run: Effect.andThen(
              grants.create({ id: "g1", subject: ana, role: "mission-control:customerUser", scope }),
              Effect.fail(new InvalidChange({ reason: "refused after the insert" })),
            ),
          }),
        );
        expect(failed.message).toContain("refused after the insert");
        expect(yield* count("grants")).toBe(0);
        expect(yield* count("audit_log")).toBe(audits);
        // The next commit's notice is the first one heard: the failed one was never delivered.
        const next = yield* mutations.mutate({
          actor: ana,
          org: "acme",
          action: "grant.create",
          target: { kind: "grant", id: "g2" },
          run: grants.create({ id: "g2", subject: ana, role: "mission-control:customerDev", scope }),
        });
        const [notice] = yield* Fiber.join(notices);
        expect(notice?.audit).toBe(next.auditId);
      }).pipe(Effect.provide(StoreLive)),
    );

    it.effect("refuse a stale grant version with VersionConflict and change nothing", () =>
      Effect.gen(function* () {
        const mutations = yield* Mutations;
        const grants = yield* Grants;
        yield* world;
        const change = (version: number, role: string) =>
          mutations.mutate({
            actor: ana,
            org: "acme",
            action: "grant.update",
            target: { kind: "grant", id: "g1" },
            run: grants.update("g1", version, { role }),
          });
        yield* mutations.mutate({
          actor: ana,
          org: "acme",
          action: "grant.create",
          target: { kind: "grant", id: "g1" },
          run: grants.create({ id: "g1", subject: ana, role: "mission-control:customerUser", scope }),
        });
        yield* change(1, "mission-control:customerDev");
        const audits = yield* count("audit_log");
        const stale = yield* Effect.flip(change(1, "mission-control:customerAdmin"));
        expect(stale._tag).toBe("VersionConflict");
        expect(stale.message).toBe(
          "This grant was changed or deleted since version 1 was read; reload it and try again",
        );
        expect(yield* grants.get("g1")).toMatchObject({ role: "mission-control:customerDev", version: 2 });
        expect(yield* count("audit_log")).toBe(audits);
        const staleDelete = yield* Effect.flip(
          mutations.mutate({
            actor: ana,
            org: "acme",
            action: "grant.delete",
            target: { kind: "grant", id: "g1" },
            run: grants.remove("g1", 1),
          }),
        );
        expect(staleDelete._tag).toBe("VersionConflict");
        expect(yield* count("grants")).toBe(1);
      }).pipe(Effect.provide(StoreLive)),
    );

    it.effect("mutateAll commits every mutation with its own audit row, or none of them", () =>
      Effect.gen(function* () {
        const mutations = yield* Mutations;
        const grants = yield* Grants;
        yield* world;
        const input = (id: string, role: string) => ({
          actor: ana,
          org: "acme",
          action: "grant.create",
          target: { kind: "grant", id },
          run: grants.create({ id, subject: ana, role, scope }),
        });
        const audits = yield* count("audit_log");
        // The second insert collides with the first (one role per subject and scope): both roll back.
        const failed = yield* Effect.exit(
          mutations.mutateAll([
            input("g1", "mission-control:customerUser"),
            input("g1", "mission-control:customerDev"),
          ]),
        );
        expect(failed._tag).toBe("Failure");
        expect(yield* count("grants")).toBe(0);
        expect(yield* count("audit_log")).toBe(audits);

        const notices = yield* collectNotices(2);
        const done = yield* mutations.mutateAll([
          input("g1", "mission-control:customerUser"),
          input("g2", "mission-control:customerDev"),
        ]);
        expect(done.map((m) => m.value.id)).toEqual(["g1", "g2"]);
        expect(yield* count("grants")).toBe(2);
        expect(yield* count("audit_log")).toBe(audits + 2);
        const heard = yield* Fiber.join(notices);
        expect(heard.map((n) => n.audit)).toEqual(done.map((m) => m.auditId));
      }).pipe(Effect.provide(StoreLive)),
    );
  },
  { setup },
);
