// Operations and access requests on PGlite and PostgreSQL: status changes only from the expected status, one
// event per change, keyset paging, what a restart picks up, one claim among processes; requests move along
// their path and one open request per user, role and scope.
import { expect } from "@effect/vitest";
import { describeBothBackends, TestDatabase } from "@gatehouse/db/testing";
import { Effect, Exit, Layer } from "effect";
import { SqlClient } from "effect/sql";
import { AccessRequests } from "../src/access-requests.ts";
import { Instances } from "../src/instances.ts";
import { StoreLive } from "../src/layer.ts";
import { Mutations } from "../src/mutations.ts";
import { Operations } from "../src/operations.ts";
import { Organizations } from "../src/organizations.ts";
import { Users } from "../src/users.ts";
import { seedRoles, setup } from "./support/store.ts";

const world = Effect.gen(function* () {
  const orgs = yield* Organizations;
  yield* orgs.create({ id: "acme", name: "Acme", kind: "customer", products: ["mission-control"] });
  yield* orgs.create({ id: "agency", name: "Agency", kind: "partner", products: ["mission-control"] });
  yield* (yield* Instances).create({
    id: "mc-sandbox",
    org: "acme",
    product: "mission-control",
    name: "sandbox",
    production: false,
  });
  yield* (yield* Users).create({ id: "u-partner", org: "agency", email: "p@agency.example", name: "P" });
  yield* seedRoles;
});

const base = { org: "acme", instance: "mc-sandbox", requestedBy: "u-dev", simulated: true };

/** The audited claim an executor makes: `submitted → in-progress` as the system actor. */
const claim = (id: string) =>
  Effect.gen(function* () {
    const operations = yield* Operations;
    return yield* (yield* Mutations).mutate({
      actor: { kind: "system" },
      org: "acme",
      action: "operation.in-progress",
      target: { kind: "operation", id },
      run: operations.transition(id, { from: ["submitted"], to: "in-progress", actor: null }),
    });
  });

describeBothBackends(
  "operations and access requests",
  (_getSql, it) => {
    it.effect(
      "operations change status only from the expected one, with one event each, paged newest first",
      () =>
        Effect.gen(function* () {
          yield* world;
          const ops = yield* Operations;
          const first = yield* ops.create({ ...base, action: "mission-control:site.restart" });
          const second = yield* ops.create({ ...base, action: "mission-control:database.backup" });
          yield* ops.transition(first.value.id, { from: ["submitted"], to: "in-progress", actor: null });
          const done = yield* ops.transition(first.value.id, {
            from: ["in-progress"],
            to: "completed",
            actor: null,
            result: { simulated: true },
          });
          expect(done.value).toMatchObject({ status: "completed", result: { simulated: true } });
          expect(done.value.startedAt).not.toBeNull();
          expect(done.value.finishedAt).not.toBeNull();
          const late = yield* Effect.exit(
            ops.transition(first.value.id, { from: ["submitted"], to: "cancelled", actor: "u-dev" }),
          );
          expect(Exit.isFailure(late)).toBe(true);
          expect((yield* ops.events(first.value.id)).map((e) => e.status)).toEqual([
            "submitted",
            "in-progress",
            "completed",
          ]);
          const page = yield* ops.list({ org: "acme", limit: 1 });
          expect(page.map((o) => o.id)).toEqual([second.value.id]);
          const next = yield* ops.list({ org: "acme", limit: 1, cursor: second.value.id });
          expect(next.map((o) => o.id)).toEqual([first.value.id]);
          expect((yield* ops.list({ org: "acme", status: "completed", limit: 5 })).map((o) => o.id)).toEqual([
            first.value.id,
          ]);
        }).pipe(Effect.provide(StoreLive)),
    );

    it.effect(
      "pending lists what has not started, soonest first; abandoned, in-progress without heartbeat",
      () =>
        Effect.gen(function* () {
          yield* world;
          const ops = yield* Operations;
          const sql = yield* SqlClient.SqlClient;
          const later = new Date(Date.now() + 3_600_000);
          const scheduled = yield* ops.create({
            ...base,
            action: "mission-control:database.backup",
            scheduledFor: later,
          });
          const due = yield* ops.create({ ...base, action: "mission-control:site.restart" });
          const running = yield* ops.create({ ...base, action: "mission-control:code.deploy" });
          const cancelled = yield* ops.create({ ...base, action: "mission-control:site.restart" });
          yield* ops.transition(running.value.id, { from: ["submitted"], to: "in-progress", actor: null });
          yield* ops.transition(cancelled.value.id, { from: ["submitted"], to: "cancelled", actor: "u-dev" });
          expect((yield* ops.pending()).map((o) => o.id)).toEqual([due.value.id, scheduled.value.id]);

          expect(yield* ops.abandoned(60_000)).toEqual([]);
          yield* sql`update operations set updated_at = now() - interval '10 minutes' where id = ${running.value.id}`;
          expect((yield* ops.abandoned(60_000)).map((o) => o.id)).toEqual([running.value.id]);
          yield* ops.heartbeat(running.value.id);
          expect(yield* ops.abandoned(60_000)).toEqual([]);
          expect((yield* ops.get(running.value.id)).version).toBe(2);
        }).pipe(Effect.provide(StoreLive)),
    );

    it.effect("two processes claiming the same operations at once: each is claimed exactly once", () =>
      Effect.gen(function* () {
        yield* world;
        const ops = yield* Operations;
        const database = yield* TestDatabase;
        const elsewhere = yield* Layer.build(StoreLive.pipe(Layer.provideMerge(database.secondClient)));
        const created = yield* Effect.forEach([1, 2, 3, 4, 5], () =>
          ops.create({ ...base, action: "mission-control:site.restart" }),
        );
        for (const { value } of created) {
          const [here, there] = yield* Effect.all(
            [Effect.exit(claim(value.id)), Effect.exit(Effect.provide(claim(value.id), elsewhere))],
            { concurrency: "unbounded" },
          );
          expect([here, there].filter(Exit.isSuccess)).toHaveLength(1);
          expect((yield* ops.events(value.id)).map((e) => e.status)).toEqual(["submitted", "in-progress"]);
        }
        const sql = yield* SqlClient.SqlClient;
        const audited = yield* sql<{ readonly n: number }>`
          select count(*)::int as n from audit_log where action = 'operation.in-progress'`;
        expect(audited[0]?.n).toBe(created.length);
        expect(yield* ops.pending()).toEqual([]);
      }).pipe(Effect.provide(StoreLive)),
    );

    it.effect("access requests follow their path; one open request per user, role and scope", () =>
      Effect.gen(function* () {
        yield* world;
        const requests = yield* AccessRequests;
        const input = {
          partnerOrg: "agency",
          customerOrg: "acme",
          userId: "u-partner",
          requestedBy: "u-partner",
          requestedRole: "mission-control:partnerUser",
          path: "support-ticket",
        } as const;
        const asked = yield* requests.create(input);
        expect(Exit.isFailure(yield* Effect.exit(requests.create(input)))).toBe(true);
        // Only a customer-approved support ticket is completed (the domain's machine).
        const wrong = yield* Effect.flip(
          requests.transition(asked.value.id, { event: "complete", by: "op-1" }),
        );
        expect(wrong._tag === "InvalidChange" && wrong.reason).toBe(
          "This access request is not a customer-approved support ticket",
        );
        const approved = yield* requests.transition(asked.value.id, {
          event: "approve",
          by: "u-admin",
          ticket: "GH-1",
        });
        expect(approved.value).toMatchObject({
          status: "customer-approved",
          decidedBy: "u-admin",
          ticket: "GH-1",
        });
        const completed = yield* requests.transition(asked.value.id, { event: "complete", by: "op-1" });
        expect(completed.value).toMatchObject({ status: "completed", completedBy: "op-1" });
        expect((yield* requests.list({ customerOrg: "acme", status: "completed" })).length).toBe(1);
        yield* requests.create(input);
        expect((yield* requests.list({ userId: "u-partner" })).length).toBe(2);
      }).pipe(Effect.provide(StoreLive)),
    );
  },
  { setup },
);
