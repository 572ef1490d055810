// A node holding a partition of the organizations: the environment's settings, the engine loaded with only what
// its organizations' decisions read (answering those exactly as the full engine does), and EngineSync following.
import { describe, expect, it } from "@effect/vitest";
import { describeBothBackends, TestDatabase } from "@gatehouse/db/testing";
import type { Engine, Resource } from "@gatehouse/domain";
import { Context, Effect, Layer } from "effect";
import type { Written } from "../src/changes.ts";
import { demoUsers } from "../src/demo-data.ts";
import { EngineSync } from "../src/engine-sync.ts";
import { Grants } from "../src/grants.ts";
import { StoreLive } from "../src/layer.ts";
import { loadEngine } from "../src/load-engine.ts";
import { Mutations } from "../src/mutations.ts";
import { holds, NodePartition, type Partition, partitionFromEnv, partitionOf } from "../src/partition.ts";
import { seedDemo } from "../src/seed-demo.ts";
import { Users } from "../src/users.ts";
import { setup } from "./support/store.ts";

const acmeOnly: Partition = { kind: "orgs", orgs: new Set(["acme"]) };
const agencyOnly: Partition = { kind: "orgs", orgs: new Set(["agency"]) };
const system = { kind: "system" } as const;

const production: Resource = {
  org: "acme",
  product: "mission-control",
  instance: "acme-mc-production",
  attrs: { production: true },
};
const places: ReadonlyArray<Resource> = [
  { org: "acme" },
  production,
  { org: "acme", product: "cms", instance: "acme-cms" },
  { org: "acme", product: "experimentation", instance: "acme-exp", project: "checkout" },
];
const actions = [
  "mission-control:site.restart",
  "mission-control:code.deploy",
  "admin-center:user.invite",
  "cms:content.publish",
];

/** Every answer the engine gives `subjects` about acme's places. */
const answers = (engine: Engine, subjects: ReadonlyArray<string>) =>
  subjects.flatMap((s) =>
    places.flatMap((p) => actions.map((a) => `${s} ${a} ${p.product}: ${engine.check(s, a, p)}`)),
  );

describe("partition settings", () => {
  it("reads GATEHOUSE_ORGS and GATEHOUSE_PARTITION, naming what is wrong", () => {
    expect(partitionFromEnv({})).toEqual({ kind: "all" });
    expect(partitionFromEnv({ GATEHOUSE_ORGS: "acme, agency" })).toEqual({
      kind: "orgs",
      orgs: new Set(["acme", "agency"]),
    });
    expect(partitionFromEnv({ GATEHOUSE_PARTITION: "2/4" })).toEqual({ kind: "hash", index: 2, count: 4 });
    expect(() => partitionFromEnv({ GATEHOUSE_PARTITION: "4/4" })).toThrow("0 ≤ i < n");
    expect(() => partitionFromEnv({ GATEHOUSE_PARTITION: "two" })).toThrow('not "two"');
    expect(() => partitionFromEnv({ GATEHOUSE_ORGS: "acme,Acme Corp" })).toThrow('"Acme Corp" is not one');
    expect(() => partitionFromEnv({ GATEHOUSE_ORGS: "acme", GATEHOUSE_PARTITION: "0/2" })).toThrow(
      "not both",
    );
  });

  it("hashes an organization id to one partition, the same every time, spreading ids over all of them", () => {
    // SHA-256("acme") begins 822b33ad, "agency" c4b2af47: what a router computes as well.
    expect([partitionOf("acme", 4), partitionOf("agency", 4), partitionOf("globex", 4)]).toEqual([1, 3, 1]);
    const counts = new Map<number, number>();
    for (let i = 0; i < 4000; i++) {
      const at = partitionOf(`org-${i}`, 4);
      counts.set(at, (counts.get(at) ?? 0) + 1);
    }
    expect(counts.size).toBe(4);
    for (const n of counts.values()) expect(n).toBeGreaterThan(800);
    const hashed: Partition = { kind: "hash", index: partitionOf("acme", 4), count: 4 };
    expect(holds(hashed, "acme")).toBe(true);
    expect(holds({ kind: "hash", index: (partitionOf("acme", 4) + 1) % 4, count: 4 }, "acme")).toBe(false);
  });
});

describeBothBackends(
  "partitioned engine",
  (_getSql, it) => {
    it.effect(
      "loads a partition's organizations and the partner users reaching them, answering as the full engine",
      () =>
        Effect.gen(function* () {
          yield* seedDemo();
          const full = yield* loadEngine();
          const acme = yield* loadEngine(acmeOnly);
          const agency = yield* loadEngine(agencyOnly);
          const acmeUsers = demoUsers.filter((u) => u.org === "acme").map((u) => u.id);
          const partners = demoUsers.filter((u) => u.org === "agency").map((u) => u.id);
          // acme's node holds acme's users and the partner users holding grants in acme, with those grants.
          for (const id of [...acmeUsers, ...partners]) expect(acme.snapshot.subjects.has(id)).toBe(true);
          expect(answers(acme, [...acmeUsers, ...partners])).toEqual(
            answers(full, [...acmeUsers, ...partners]),
          );
          expect(acme.check("demo-partneruser", "mission-control:site.restart", places[1] as Resource)).toBe(
            "allow",
          );
          // agency's node holds its users but none of their grants in acme, and no acme user.
          for (const id of partners) expect(agency.snapshot.subjects.has(id)).toBe(true);
          for (const id of acmeUsers) expect(agency.snapshot.subjects.has(id)).toBe(false);
          const acmeGrants = [...full.snapshot.grants.values()].filter(
            (g) => full.snapshot.tree.scopeOf(g.node).org === "acme",
          );
          expect(acme.snapshot.grants.size).toBe(acmeGrants.length);
          expect(agency.snapshot.grants.size + acme.snapshot.grants.size).toBe(full.snapshot.grants.size);
          // A partition holding no organization at all loads nothing.
          const none = yield* loadEngine({ kind: "orgs", orgs: new Set(["nobody"]) });
          expect(none.snapshot.subjects.size).toBe(0);
        }).pipe(Effect.provide(StoreLive)),
    );

    it.effect(
      "EngineSync on a partition applies its organizations' changes and passes over the others'",
      () =>
        Effect.gen(function* () {
          yield* seedDemo();
          const database = yield* TestDatabase;
          const mutations = yield* Mutations;
          const users = yield* Users;
          const grants = yield* Grants;
          const node = Context.get(
            yield* Layer.build(
              EngineSync.layer.pipe(
                Layer.provide(database.secondClient),
                Layer.provide(Layer.succeed(NodePartition, acmeOnly)),
              ),
            ),
            EngineSync,
          );
          const commit = <A, E, R>(org: string, action: string, run: Effect.Effect<Written<A>, E, R>) =>
            Effect.tap(
              mutations.mutate({ actor: system, org, action, target: { kind: "test", id: null }, run }),
              (done) => node.awaitApplied(done.auditId),
            );
          const before = node.engine;
          const grantsBefore = before.snapshot.grants.size;
          // agency's new user and its grant in agency are not acme's node's business.
          yield* commit(
            "agency",
            "user.create",
            users.create({ id: "bo", org: "agency", email: "bo@agency.example", name: "Bo" }),
          );
          yield* commit(
            "agency",
            "grant.create",
            grants.create({
              id: "g-bo-agency",
              subject: { kind: "user", id: "bo" },
              role: "admin-center:super-admin",
              scope: { org: "agency" },
            }),
          );
          expect(node.engine.snapshot.subjects.has("bo")).toBe(false);
          expect(node.engine.snapshot.grants.size).toBe(grantsBefore);
          // acme's are applied, without a reload.
          yield* commit(
            "acme",
            "user.create",
            users.create({ id: "ana", org: "acme", email: "ana@acme.example", name: "Ana" }),
          );
          yield* commit(
            "acme",
            "grant.create",
            grants.create({
              id: "g-ana",
              subject: { kind: "user", id: "ana" },
              role: "mission-control:customerUser",
              scope: { org: "acme", product: "mission-control" },
            }),
          );
          expect(node.engine).toBe(before);
          expect(node.engine.check("ana", "mission-control:site.restart", production)).toBe("allow");
          // agency's user given a first grant in acme reaches it: the node reloads and holds the partner user.
          yield* commit(
            "acme",
            "grant.create",
            grants.create({
              id: "g-bo",
              subject: { kind: "user", id: "bo" },
              role: "mission-control:partnerUser",
              scope: { org: "acme", product: "mission-control" },
            }),
          );
          expect(node.engine.check("bo", "mission-control:site.restart", production)).toBe("allow");
          expect(node.engine.snapshot.grants.has("g-bo-agency")).toBe(false);
        }).pipe(Effect.provide(StoreLive)),
    );
  },
  { setup },
);
