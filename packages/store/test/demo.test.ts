// Demo data: loaded once (a second run, or two at once from two processes, changes nothing), refused under
// NODE_ENV=production, and every demo account signs in with the published password.

import { expect } from "@effect/vitest";
import { describeBothBackends, TestDatabase } from "@gatehouse/db/testing";
import { ConfigProvider, Effect, Layer } from "effect";
import { demoOperator, demoPassword, demoUsers } from "../src/demo-data.ts";
import { Grants } from "../src/grants.ts";
import { StoreLive } from "../src/layer.ts";
import { verifyPassword } from "../src/password.ts";
import { seedDemo } from "../src/seed-demo.ts";
import { Users } from "../src/users.ts";
import { count, setup } from "./support/store.ts";

const tables = [
  "organizations",
  "instances",
  "projects",
  "environments",
  "flags",
  "users",
  "groups",
  "grants",
  "audit_log",
];
const counts = Effect.forEach(tables, count);

describeBothBackends(
  "demo data",
  (_getSql, it) => {
    it.effect("loads once; a second run changes nothing", () =>
      Effect.gen(function* () {
        const users = yield* Users;
        expect(yield* seedDemo()).toEqual({ created: true, users: demoUsers.length });
        const first = yield* counts;
        expect(yield* seedDemo()).toEqual({ created: false, users: 0 });
        expect(yield* counts).toEqual(first);
        expect(yield* count("users")).toBe(demoUsers.length);
        expect(yield* count("operators")).toBe(1);
        expect(yield* count("audit_log")).toBe(1);

        const admin = yield* users.credentials("admin@acme.example");
        expect(admin).toMatchObject({ org: "acme", status: "active" });
        expect(yield* verifyPassword(demoPassword, admin.passwordHash ?? "")).toBe(true);
        const partner = yield* users.credentials("partneruser@agency.example");
        expect(partner.org).toBe("agency");
        expect(demoOperator.email).toBe("operator@gatehouse.example");
      }).pipe(Effect.provide(StoreLive)),
    );

    it.effect("writes each flag role once, at its flag in every environment ({…project, flag})", () =>
      Effect.gen(function* () {
        const grants = yield* Grants;
        yield* seedDemo();
        const flagRoles = (yield* grants.list({ org: "acme" })).filter((g) =>
          g.role?.startsWith("experimentation:flag-"),
        );
        expect(flagRoles.map((g) => g.role).sort()).toEqual(
          ["flag-admin", "flag-editor", "flag-none", "flag-viewer"].map((r) => `experimentation:${r}`),
        );
        for (const g of flagRoles)
          expect(g.scope).toEqual({
            org: "acme",
            product: "experimentation",
            instance: "acme-exp",
            project: "acme-checkout",
            flag: "acme-new-cart",
          });
      }).pipe(Effect.provide(StoreLive)),
    );

    it.effect(
      "two processes seeding one fresh database at once: one loads it, the other changes nothing",
      () =>
        Effect.gen(function* () {
          const database = yield* TestDatabase;
          const elsewhere = yield* Layer.build(StoreLive.pipe(Layer.provideMerge(database.secondClient)));
          const results = yield* Effect.all([seedDemo(), Effect.provide(seedDemo(), elsewhere)], {
            concurrency: "unbounded",
          });
          expect(results.filter((r) => r.created)).toEqual([{ created: true, users: demoUsers.length }]);
          expect(results.filter((r) => !r.created)).toEqual([{ created: false, users: 0 }]);
          expect(yield* count("organizations")).toBe(2);
          expect(yield* count("users")).toBe(demoUsers.length);
          expect(yield* count("operators")).toBe(1);
          expect(yield* count("audit_log")).toBe(1);
        }).pipe(Effect.provide(StoreLive)),
      60_000,
    );

    it.effect("is refused when NODE_ENV=production, writing nothing", () =>
      Effect.gen(function* () {
        const refused = yield* Effect.flip(
          seedDemo().pipe(
            Effect.provide(ConfigProvider.layer(ConfigProvider.fromUnknown({ NODE_ENV: "production" }))),
          ),
        );
        expect(refused._tag).toBe("DemoDataRefused");
        expect(refused.message).toContain("NODE_ENV is production");
        expect(yield* count("organizations")).toBe(0);
        expect(yield* count("roles")).toBe(0);
      }).pipe(Effect.provide(StoreLive)),
    );
  },
  { setup },
);
