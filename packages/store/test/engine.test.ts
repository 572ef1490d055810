// The engine snapshot from storage: loadEngine answers as the stored grants say, and EngineSync keeps a
// second process's engine current from change notifications alone, without reloading it, and answers tokens.

import { expect } from "@effect/vitest";
import { describeBothBackends, TestDatabase } from "@gatehouse/db/testing";
import type { Resource } from "@gatehouse/domain";
import { Context, Effect, Fiber, Layer, Option } from "effect";
import { SqlClient } from "effect/sql";
import type { Written } from "../src/changes.ts";
import { EngineSync } from "../src/engine-sync.ts";
import { NotYetApplied } from "../src/errors.ts";
import { Grants } from "../src/grants.ts";
import { Groups } from "../src/groups.ts";
import { StoreLive } from "../src/layer.ts";
import { loadEngine } from "../src/load-engine.ts";
import { Mutations } from "../src/mutations.ts";
import { Organizations } from "../src/organizations.ts";
import { Roles } from "../src/roles.ts";
import { seedDemo } from "../src/seed-demo.ts";
import { Users } from "../src/users.ts";
import { setup } from "./support/store.ts";

const production: Resource = {
  org: "acme",
  product: "mission-control",
  instance: "acme-mc-production",
  attrs: { production: true },
};
const system = { kind: "system" } as const;

describeBothBackends(
  "engine snapshot",
  (_getSql, it) => {
    it.effect("loadEngine answers checks as the stored demo grants say", () =>
      Effect.gen(function* () {
        yield* seedDemo();
        const engine = yield* loadEngine();
        expect(engine.check("demo-customeruser", "mission-control:site.restart", production)).toBe("allow");
        expect(engine.check("demo-customeruser", "mission-control:code.deploy", production)).toBe("deny");
        expect(engine.check("demo-customerdev", "mission-control:code.deploy", production)).toBe("allow");
        // A partner's user reaches acme through its Mission Control grant there.
        expect(engine.check("demo-partneruser", "mission-control:site.restart", production)).toBe("allow");
        expect(engine.check("demo-partneruser", "mission-control:code.deploy", production)).toBe("deny");
        expect(engine.landing("demo-admin")).toBe("products");
        expect(engine.check("demo-admin", "admin-center:user.invite", { org: "acme" })).toBe("allow");
        expect(
          engine.check("demo-product-admin", "admin-center:user.invite", { org: "acme", product: "cms" }),
        ).toBe("allow");
        expect(
          engine.check("demo-product-admin", "admin-center:user.invite", { org: "acme", product: "odp" }),
        ).toBe("deny");
      }).pipe(Effect.provide(StoreLive)),
    );

    it.effect("EngineSync applies another process's committed changes incrementally", () =>
      Effect.gen(function* () {
        const database = yield* TestDatabase;
        const mutations = yield* Mutations;
        const organizations = yield* Organizations;
        const users = yield* Users;
        const grants = yield* Grants;
        const groups = yield* Groups;
        const roles = yield* Roles;
        yield* roles.seedSystemRoles();
        yield* mutations.mutate({
          actor: system,
          org: "acme",
          action: "organization.create",
          target: { kind: "organization", id: "acme" },
          run: organizations.create({
            id: "acme",
            name: "Acme",
            kind: "customer",
            products: ["mission-control"],
          }),
        });
        // Two processes: this one, and a second on its own client of the same database.
        const here = Context.get(yield* Layer.build(EngineSync.layer), EngineSync);
        const there = Context.get(
          yield* Layer.build(EngineSync.layer.pipe(Layer.provide(database.secondClient))),
          EngineSync,
        );
        const engine = there.engine;
        /** Commits through the primitive, then waits until both processes have applied the notice. */
        const commit = <A, E, R>(action: string, run: Effect.Effect<Written<A>, E, R>) =>
          Effect.tap(
            mutations.mutate({ actor: system, org: "acme", action, target: { kind: "test", id: null }, run }),
            (done) => Effect.all([there.awaitApplied(done.auditId), here.awaitApplied(done.auditId)]),
          );

        yield* commit(
          "user.create",
          users.create({ id: "ana", org: "acme", email: "ana@acme.example", name: "Ana" }),
        );
        expect(there.engine.check("ana", "mission-control:site.restart", production)).toBe("deny");
        yield* commit(
          "grant.create",
          grants.create({
            id: "g1",
            subject: { kind: "user", id: "ana" },
            role: "mission-control:customerUser",
            scope: { org: "acme", product: "mission-control" },
          }),
        );
        expect(there.engine.check("ana", "mission-control:site.restart", production)).toBe("allow");
        expect(there.engine.check("ana", "mission-control:code.deploy", production)).toBe("deny");

        // A group grant reaches its members; a custom role's new permissions reach its holders.
        yield* commit("group.create", groups.create({ id: "ops", org: "acme", name: "Ops" }));
        yield* commit("group.member.add", groups.addMember("ops", "ana"));
        const custom = yield* commit(
          "role.create",
          roles.createCustom({
            org: "acme",
            product: "mission-control",
            roleName: "Deployers",
            permissions: [],
          }),
        );
        // The role is acme's: elsewhere an engine, kept current or loaded afresh, knows it no more than a made-up id.
        const elsewhere = { role: custom.value.id, scope: { org: "globex" }, targetOrg: "globex" };
        const unknown = `Unknown role "${custom.value.id}"`;
        expect(() => there.engine.assign("ana", elsewhere)).toThrow(unknown);
        const loaded = yield* loadEngine();
        expect(() => loaded.assign("ana", elsewhere)).toThrow(unknown);
        yield* commit(
          "grant.create",
          grants.create({
            id: "g2",
            subject: { kind: "group", id: "ops" },
            role: custom.value.id,
            scope: { org: "acme", product: "mission-control" },
          }),
        );
        expect(there.engine.check("ana", "mission-control:code.deploy", production)).toBe("deny");
        yield* commit(
          "role.update",
          roles.updateCustom(custom.value.id, 1, { permissions: ["mission-control:code.deploy"] }),
        );
        expect(there.engine.check("ana", "mission-control:code.deploy", production)).toBe("allow");
        yield* commit("group.member.remove", groups.removeMember("ops", "ana"));
        expect(there.engine.check("ana", "mission-control:code.deploy", production)).toBe("deny");

        // Disabling the product denies; removing the grant and the user are heard too.
        yield* commit("organization.products", organizations.setProducts("acme", 1, []));
        expect(there.engine.check("ana", "mission-control:site.restart", production)).toBe("deny");
        yield* commit("organization.products", organizations.setProducts("acme", 2, ["mission-control"]));
        yield* commit("grant.delete", grants.remove("g1", 1));
        expect(there.engine.check("ana", "mission-control:site.restart", production)).toBe("deny");
        yield* commit("user.delete", users.remove("ana"));
        expect(there.engine.snapshot.subjects.has("ana")).toBe(false);

        // Both engines agree, and neither was rebuilt.
        expect(there.engine).toBe(engine);
        expect(here.engine.snapshot.grants.size).toBe(there.engine.snapshot.grants.size);
      }).pipe(Effect.provide(StoreLive)),
    );

    it.effect(
      "a deactivation is heard by a second process and loaded from storage; reactivation restores",
      () =>
        Effect.gen(function* () {
          yield* seedDemo();
          const database = yield* TestDatabase;
          const mutations = yield* Mutations;
          const users = yield* Users;
          const there = Context.get(
            yield* Layer.build(EngineSync.layer.pipe(Layer.provide(database.secondClient))),
            EngineSync,
          );
          const commit = <A, E, R>(action: string, run: Effect.Effect<Written<A>, E, R>) =>
            Effect.tap(
              mutations.mutate({
                actor: system,
                org: "acme",
                action,
                target: { kind: "test", id: null },
                run,
              }),
              (done) => there.awaitApplied(done.auditId),
            );
          const user = yield* users.get("demo-customeruser");
          yield* commit("user.deactivate", users.deactivate(user.id, user.version, "demo-admin"));
          expect(there.engine.check(user.id, "mission-control:site.restart", production)).toBe("deny");
          expect(there.engine.explain(user.id, "mission-control:site.restart", production).reason).toContain(
            "deactivated",
          );
          expect((yield* loadEngine()).isDeactivated(user.id)).toBe(true);
          expect(yield* users.deactivation(user.id)).toMatchObject({ by: "demo-admin" });
          yield* commit("user.reactivate", users.reactivate(user.id, user.version + 1));
          expect(there.engine.check(user.id, "mission-control:site.restart", production)).toBe("allow");
          expect((yield* loadEngine()).isDeactivated(user.id)).toBe(false);
          expect(yield* users.deactivation(user.id)).toBeUndefined();
        }).pipe(Effect.provide(StoreLive)),
    );

    it.effect("awaitApplied gives up when interrupted, and a reload answers every waiter", () =>
      Effect.gen(function* () {
        const roles = yield* Roles;
        yield* roles.seedSystemRoles();
        const sync = Context.get(yield* Layer.build(EngineSync.layer), EngineSync);
        // No notice will ever name this audit id: the wait ends only by interruption or a reload.
        expect(yield* Effect.timeoutOption(sync.awaitApplied("999999999"), "20 millis")).toEqual(
          Option.none(),
        );
        const waiting = yield* Effect.forkChild(sync.awaitApplied("999999998"));
        yield* Effect.yieldNow;
        yield* sync.reload();
        expect(yield* Effect.timeoutOption(Fiber.join(waiting), "5 seconds")).toEqual(Option.some(undefined));
      }).pipe(Effect.provide(StoreLive)),
    );

    it.effect(
      "awaitPosition: another process's token is answered once applied there; a future one fails late",
      () =>
        Effect.gen(function* () {
          yield* seedDemo();
          const database = yield* TestDatabase;
          const mutations = yield* Mutations;
          const grants = yield* Grants;
          const there = Context.get(
            yield* Layer.build(EngineSync.layer.pipe(Layer.provide(database.secondClient))),
            EngineSync,
          );
          const done = yield* mutations.mutate({
            actor: system,
            org: "acme",
            action: "grant.create",
            target: { kind: "grant", id: "g-token" },
            run: grants.create({
              id: "g-token",
              subject: { kind: "user", id: "demo-customeruser" },
              role: "mission-control:customerDev",
              scope: { org: "acme", product: "mission-control" },
            }),
          });
          // The token, in any decimal spelling, is answered once the second process holds the grant.
          yield* there.awaitPosition(`00${done.auditId}`, "10 seconds");
          expect(there.engine.check("demo-customeruser", "mission-control:code.deploy", production)).toBe(
            "allow",
          );
          const future = (BigInt(done.auditId) + 1000n).toString();
          const late = yield* Effect.flip(there.awaitPosition(future, "50 millis"));
          expect(late).toBeInstanceOf(NotYetApplied);
          expect(late.message).toBe(`This server has not yet applied change ${future}; try again`);
        }).pipe(Effect.provide(StoreLive)),
    );

    it.effect(
      "awaitPosition after a load: committed ids are applied, a rolled-back one waits, older ones count",
      () =>
        Effect.gen(function* () {
          const sql = yield* SqlClient.SqlClient;
          const roles = yield* Roles;
          yield* roles.seedSystemRoles();
          const audit = (action: string) =>
            sql<{ readonly id: string }>`
            insert into audit_log (actor_kind, action, target_kind) values ('system', ${action}, 'test')
            returning id::text as id`.pipe(
              Effect.map((rows) => rows[0]?.id ?? ""),
              Effect.orDie,
            );
          // A rolled-back write leaves a gap in the ids; committed ones before a process starts get no notice there.
          const gap = yield* Effect.flip(
            sql
              .withTransaction(Effect.flatMap(audit("rolled.back"), (id) => Effect.fail(id)))
              .pipe(Effect.catchTag("SqlError", (error) => Effect.die(error))),
          );
          const committed = yield* audit("committed");
          const first = Context.get(yield* Layer.build(EngineSync.layer), EngineSync);
          yield* first.awaitPosition(committed, "2 seconds");
          const waited = yield* Effect.flip(first.awaitPosition(gap, "50 millis"));
          expect(waited.reason).toBe("late");
          // Once more ids were committed than a process remembers, a load counts every older id as applied.
          yield* Effect.orDie(sql`insert into audit_log (actor_kind, action, target_kind)
                   select 'system', 'filler', 'test' from generate_series(1, 10000)`);
          const second = Context.get(yield* Layer.build(EngineSync.layer), EngineSync);
          yield* second.awaitPosition(gap, "2 seconds");
          yield* second.awaitPosition(committed, "2 seconds");
        }).pipe(Effect.provide(StoreLive)),
    );
  },
  { setup },
);
