// The repositories round-trip what they store, on PGlite and PostgreSQL: tenancy and resources, users and
// groups (Everyone, product groups), system and custom roles, with optimistic versions on custom roles.

import { expect } from "@effect/vitest";
import { describeBothBackends } from "@gatehouse/db/testing";
import { Effect, Exit } from "effect";
import { Environments } from "../src/environments.ts";
import { Flags } from "../src/flags.ts";
import { Grants } from "../src/grants.ts";
import { Groups } from "../src/groups.ts";
import { Instances } from "../src/instances.ts";
import { StoreLive } from "../src/layer.ts";
import { Organizations } from "../src/organizations.ts";
import { Projects } from "../src/projects.ts";
import { Roles } from "../src/roles.ts";
import { Users } from "../src/users.ts";
import { count, seedRoles, setup } from "./support/store.ts";

/** The value of a repository write (these tests look at reads, not at audit rows). */
const value = <A, E, R>(write: Effect.Effect<{ readonly value: A }, E, R>) =>
  Effect.map(write, (w) => w.value);

const acme = Effect.gen(function* () {
  const organizations = yield* Organizations;
  return yield* value(
    organizations.create({
      id: "acme",
      name: "Acme",
      kind: "customer",
      products: ["cms", "experimentation"],
    }),
  );
});

describeBothBackends(
  "repositories",
  (_getSql, it) => {
    it.effect("round-trip organizations, their products and the resource tree", () =>
      Effect.gen(function* () {
        const organizations = yield* Organizations;
        const instances = yield* Instances;
        const projects = yield* Projects;
        const environments = yield* Environments;
        const flags = yield* Flags;
        const org = yield* acme;
        expect(org).toEqual({
          id: "acme",
          name: "Acme",
          kind: "customer",
          products: ["cms", "experimentation"],
          version: 1,
        });
        const changed = yield* value(organizations.setProducts("acme", 1, ["mission-control", "cms"]));
        expect(changed.products).toEqual(["cms", "mission-control"]);
        expect(changed.version).toBe(2);
        const stale = yield* Effect.exit(organizations.setProducts("acme", 1, []));
        expect(Exit.isFailure(stale) && stale.cause.toString()).toContain("VersionConflict");

        yield* instances.create({ id: "exp", org: "acme", product: "experimentation", name: "Acme Exp" });
        yield* instances.create({
          id: "mc",
          org: "acme",
          product: "mission-control",
          name: "prod",
          production: true,
        });
        expect(yield* instances.get("mc")).toMatchObject({ product: "mission-control", production: true });
        expect((yield* instances.list("acme", "experimentation")).map((i) => i.id)).toEqual(["exp"]);
        const duplicate = yield* Effect.flip(
          instances.create({ org: "acme", product: "experimentation", name: "ACME EXP" }),
        );
        expect(duplicate._tag).toBe("AlreadyExists");

        yield* projects.create({
          id: "checkout",
          org: "acme",
          instance: "exp",
          name: "Checkout",
          platform: "feature",
        });
        const envs = yield* environments.list("checkout");
        expect(envs.map((e) => [e.key, e.production, e.primary])).toEqual([
          ["production", true, true],
          ["development", false, false],
        ]);
        yield* environments.create({ id: "staging", project: "checkout", key: "staging", name: "Staging" });
        expect((yield* environments.list("checkout")).map((e) => e.key)).toEqual([
          "production",
          "development",
          "staging",
        ]);

        const flag = yield* value(
          flags.create({ id: "cart", project: "checkout", key: "new-cart", name: "Cart" }),
        );
        expect(flag).toMatchObject({ status: "draft", states: [], version: 1 });
        yield* flags.setStatus("cart", 1, "running");
        yield* flags.setState("cart", {
          environment: "checkout-production",
          enabled: true,
          rulesetPublished: true,
        });
        expect(yield* flags.get("cart")).toMatchObject({
          status: "running",
          version: 2,
          states: [{ environment: "checkout-production", enabled: true, rulesetPublished: true }],
        });
        expect((yield* Effect.flip(flags.setStatus("cart", 1, "paused")))._tag).toBe("VersionConflict");

        yield* projects.remove("checkout");
        expect(yield* count("environments")).toBe(0);
        expect(yield* count("flags")).toBe(0);
      }).pipe(Effect.provide(StoreLive)),
    );

    it.effect(
      "keep group membership inside the organization: no product or custom group takes a partner",
      () =>
        Effect.gen(function* () {
          const users = yield* Users;
          const groups = yield* Groups;
          const grants = yield* Grants;
          const organizations = yield* Organizations;
          yield* seedRoles;
          yield* acme;
          yield* organizations.create({ id: "agency", name: "Agency", kind: "partner", products: ["cms"] });
          yield* users.create({ id: "ana", org: "acme", email: "ana@acme.example", name: "Ana" });
          yield* users.create({ id: "pat", org: "agency", email: "pat@agency.example", name: "Pat" });
          const scope = { org: "acme", product: "cms" };
          const role = "cms:content-editors";
          const given = yield* grants.create({
            id: "g-pat",
            subject: { kind: "user", id: "pat" },
            role,
            scope,
          });
          expect(given.changes.filter((c) => c.type === "member.added" || c.type === "group.added")).toEqual(
            [],
          );
          yield* grants.create({ id: "g-ana", subject: { kind: "user", id: "ana" }, role, scope });
          const product = (yield* groups.list("acme")).find((g) => g.kind === "product");
          expect(product).toMatchObject({ role, members: ["ana"] });

          yield* groups.create({ id: "team", org: "acme", name: "Checkout team" });
          const refused = yield* Effect.flip(groups.addMember("team", "pat"));
          const missing = yield* Effect.flip(groups.addMember("team", "nobody"));
          expect(refused.message).toBe('Invalid change: "pat" is not a user of acme');
          expect(missing.message).toBe(refused.message.replace("pat", "nobody"));
          expect((yield* groups.get("team")).members).toEqual([]);
        }).pipe(Effect.provide(StoreLive)),
    );

    it.effect("keep every user in Everyone and direct system-role holders in product groups", () =>
      Effect.gen(function* () {
        const users = yield* Users;
        const groups = yield* Groups;
        const grants = yield* Grants;
        yield* seedRoles;
        yield* acme;
        const ana = yield* value(
          users.create({ id: "ana", org: "acme", email: "Ana@Acme.example", name: "Ana" }),
        );
        expect(ana).toMatchObject({ org: "acme", status: "invited", language: "en", version: 1 });
        expect(yield* users.credentials("ana@acme.example")).toEqual({
          id: "ana",
          org: "acme",
          status: "invited",
          passwordHash: null,
        });
        const activated = yield* value(users.setPassword("ana", 1, "scrypt$hash"));
        expect(activated).toMatchObject({ status: "active", version: 2 });
        expect((yield* users.credentials("ANA@acme.example")).passwordHash).toBe("scrypt$hash");
        expect((yield* Effect.flip(users.setPassword("ana", 1, "stale")))._tag).toBe("VersionConflict");
        yield* users.create({ id: "bob", org: "acme", email: "bob@acme.example", name: "Bob" });
        const taken = yield* Effect.flip(
          users.create({ org: "acme", email: "ANA@acme.example", name: "Ana 2" }),
        );
        expect(taken._tag).toBe("AlreadyExists");

        const everyone = (yield* groups.list("acme")).find((g) => g.kind === "everyone");
        expect(everyone?.members).toEqual(["ana", "bob"]);
        expect((yield* Effect.flip(groups.addMember(everyone?.id ?? "", "ana"))).message).toContain(
          "managed by Gatehouse",
        );

        const team = yield* value(groups.create({ id: "team", org: "acme", name: "Checkout team" }));
        expect(team).toMatchObject({ kind: "custom", members: [], role: null });
        yield* groups.addMember("team", "ana");
        expect((yield* groups.get("team")).members).toEqual(["ana"]);
        yield* groups.removeMember("team", "ana");
        expect((yield* groups.get("team")).members).toEqual([]);

        const scope = { org: "acme", product: "cms" };
        const cmsRole = "cms:content-editors";
        yield* grants.create({ id: "g1", subject: { kind: "user", id: "ana" }, role: cmsRole, scope });
        const productGroup = (yield* groups.list("acme")).find((g) => g.kind === "product");
        expect(productGroup).toMatchObject({ name: "CMS Content Editors", role: cmsRole, members: ["ana"] });
        const grant = yield* grants.get("g1");
        expect(grant).toMatchObject({
          subject: { kind: "user", id: "ana" },
          role: cmsRole,
          scope,
          expiresAt: null,
        });
        const expiry = new Date("2030-01-01T00:00:00Z");
        const changed = yield* value(grants.update("g1", 1, { expiresAt: expiry }));
        expect(changed.expiresAt?.toISOString()).toBe(expiry.toISOString());
        expect(changed.version).toBe(2);
        yield* grants.remove("g1", 2);
        expect((yield* groups.get(productGroup?.id ?? "")).members).toEqual([]);

        yield* users.remove("bob");
        expect((yield* groups.get(everyone?.id ?? "")).members).toEqual(["ana"]);
      }).pipe(Effect.provide(StoreLive)),
    );

    it.effect("seed system roles idempotently and keep them read-only", () =>
      Effect.gen(function* () {
        const roles = yield* Roles;
        const added = yield* roles.seedSystemRoles();
        expect(added).toBeGreaterThan(40);
        const permissions = yield* count("role_permissions");
        expect(yield* roles.seedSystemRoles()).toBe(0);
        expect(yield* count("roles")).toBe(added);
        expect(yield* count("role_permissions")).toBe(permissions);
        const user = yield* roles.get("mission-control:customerUser");
        expect(user).toMatchObject({ type: "system", product: "mission-control", org: null });
        expect(user.permissions).toEqual([
          "mission-control:database.backup",
          "mission-control:site.restart",
          "mission-control:site.view",
        ]);
        expect((yield* Effect.flip(roles.updateCustom(user.id, 1, { name: "x" }))).message).toContain(
          "system roles are read-only",
        );
      }).pipe(Effect.provide(StoreLive)),
    );

    it.effect("name custom roles <Product>-<Instance>-<Role>, duplicate, update by version and delete", () =>
      Effect.gen(function* () {
        const roles = yield* Roles;
        const instances = yield* Instances;
        const grants = yield* Grants;
        const users = yield* Users;
        yield* seedRoles;
        yield* acme;
        yield* instances.create({ id: "site", org: "acme", product: "cms", name: "Acme Site" });
        yield* users.create({ id: "ana", org: "acme", email: "ana@acme.example", name: "Ana" });
        const role = yield* value(
          roles.createCustom({
            org: "acme",
            product: "cms",
            instance: "site",
            roleName: "Content editors",
            permissions: ["cms:content.publish", "cms:content.edit"],
          }),
        );
        expect(role).toMatchObject({
          name: "CMS-Acme Site-Content editors",
          type: "custom",
          org: "acme",
          version: 1,
        });
        expect(role.id.startsWith("cms:custom_")).toBe(true);

        const copy = yield* value(roles.createCustom({ org: "acme", product: "cms", duplicateOf: role.id }));
        expect(copy).toMatchObject({
          name: "CMS-CMS-Acme Site-Content editors",
          duplicatedFrom: role.id,
          permissions: role.permissions,
        });
        const refused = yield* Effect.flip(
          roles.createCustom({ org: "acme", product: "experimentation", roleName: "x", permissions: [] }),
        );
        expect(refused.message).toContain("does not support custom roles");

        const renamed = yield* value(roles.updateCustom(role.id, 1, { name: "Editors", permissions: [] }));
        expect(renamed).toMatchObject({ name: "Editors", permissions: [], version: 2 });
        const stale = yield* Effect.flip(roles.updateCustom(role.id, 1, { name: "Stale" }));
        expect(stale._tag).toBe("VersionConflict");
        expect(stale.message).toContain("changed or deleted since version 1");
        expect((yield* roles.get(role.id)).name).toBe("Editors");

        yield* grants.create({
          id: "g1",
          subject: { kind: "user", id: "ana" },
          role: role.id,
          scope: { org: "acme", product: "cms", instance: "site" },
        });
        expect((yield* Effect.flip(roles.removeCustom(role.id, 1)))._tag).toBe("VersionConflict");
        yield* roles.removeCustom(role.id, 2);
        expect((yield* Effect.flip(roles.get(role.id)))._tag).toBe("NotFound");
        expect(yield* grants.list({ org: "acme" })).toEqual([]);
        // A grant of the role just deleted (a concurrent request's) says what is missing, not the driver's text.
        const orphan = yield* Effect.flip(
          grants.create({
            subject: { kind: "user", id: "ana" },
            role: role.id,
            scope: { org: "acme", product: "cms", instance: "site" },
          }),
        );
        expect(orphan).toMatchObject({
          reason: "the grant refers to a missing role (removed meanwhile, or never there)",
        });
      }).pipe(Effect.provide(StoreLive)),
    );
  },
  { setup },
);
