// Editing and removing the resource tree, on PGlite and PostgreSQL: environment edits (primary, production,
// key), versioned removals, and the cascade to grants (announced) and pending invitations (revoked).
import { expect } from "@effect/vitest";
import { describeBothBackends } from "@gatehouse/db/testing";
import { Effect } from "effect";
import { Environments } from "../src/environments.ts";
import { Flags } from "../src/flags.ts";
import { Grants } from "../src/grants.ts";
import { Instances } from "../src/instances.ts";
import { type InvitationGrant, Invitations } from "../src/invitations.ts";
import { StoreLive } from "../src/layer.ts";
import { Organizations } from "../src/organizations.ts";
import { Projects } from "../src/projects.ts";
import { Users } from "../src/users.ts";
import { count, seedRoles, setup } from "./support/store.ts";

/** acme with an Experimentation instance `exp`, the Feature project `checkout` and the users ana and bob. */
const tree = Effect.gen(function* () {
  yield* seedRoles;
  yield* (yield* Organizations).create({
    id: "acme",
    name: "Acme",
    kind: "customer",
    products: ["experimentation"],
  });
  yield* (yield* Instances).create({ id: "exp", org: "acme", product: "experimentation", name: "Exp" });
  yield* (yield* Projects).create({
    id: "checkout",
    org: "acme",
    instance: "exp",
    name: "Checkout",
    platform: "feature",
  });
  yield* (yield* Users).create({ id: "ana", org: "acme", email: "ana@acme.example", name: "Ana" });
  yield* (yield* Users).create({ id: "bob", org: "acme", email: "bob@acme.example", name: "Bob" });
});

const scope = { org: "acme", product: "experimentation", instance: "exp", project: "checkout" };

/** A pending invitation of `user` carrying `grants` (one pending invitation per user). */
const invite = (id: string, user: string, grants: ReadonlyArray<InvitationGrant>) =>
  Effect.flatMap(Effect.service(Invitations), (invitations) =>
    invitations.create({
      id,
      org: "acme",
      userId: user,
      email: `${user}@acme.example`,
      name: user,
      language: "en",
      tokenHash: `hash-${id}`,
      grants,
      invitedBy: null,
      expiresAt: new Date(Date.now() + 86_400_000),
    }),
  );

const statusOf = (id: string) => Effect.flatMap(Effect.service(Invitations), (i) => i.get(id));

describeBothBackends(
  "tenancy edits",
  (_getSql, it) => {
    it.effect("edit environments: rename, re-key while unused, production, move the primary", () =>
      Effect.gen(function* () {
        const environments = yield* Environments;
        const flags = yield* Flags;
        yield* tree;
        const staging = (yield* environments.create({
          id: "staging",
          project: "checkout",
          key: "staging",
          name: "Staging",
        })).value;
        const edited = yield* environments.update("staging", staging.version, {
          name: "Pre-production",
          key: "preprod",
          production: true,
        });
        expect(edited.value).toMatchObject({ name: "Pre-production", key: "preprod", production: true });
        expect(edited.before).toMatchObject({ key: "staging", production: false, version: 1 });
        expect(edited.changes).toEqual([]);

        const stale = yield* Effect.flip(environments.update("staging", 1, { name: "Late" }));
        expect(stale._tag).toBe("VersionConflict");

        const unprimary = yield* Effect.flip(
          environments.update("checkout-production", 1, { production: false }),
        );
        expect(unprimary._tag).toBe("InvalidChange");

        yield* flags.create({ id: "cart", project: "checkout", key: "cart", name: "Cart" });
        yield* flags.setState("cart", { environment: "staging", enabled: true, rulesetPublished: false });
        const rekey = yield* Effect.flip(environments.update("staging", 2, { key: "qa" }));
        expect(rekey._tag).toBe("InvalidChange");
        expect(rekey._tag === "InvalidChange" && rekey.reason).toContain("key");

        const moved = yield* environments.update("staging", 2, { primary: true });
        expect(moved.value).toMatchObject({ primary: true, production: true, version: 3 });
        expect(yield* environments.get("checkout-production")).toMatchObject({
          primary: false,
          production: true,
          version: 2,
        });
      }).pipe(Effect.provide(StoreLive)),
    );

    it.effect("remove a non-primary environment with its flag states and grants; the primary stays", () =>
      Effect.gen(function* () {
        const environments = yield* Environments;
        const flags = yield* Flags;
        const grants = yield* Grants;
        yield* tree;
        const development = "checkout-development";
        yield* flags.create({ id: "cart", project: "checkout", key: "cart", name: "Cart" });
        yield* flags.setState("cart", { environment: development, enabled: true, rulesetPublished: false });
        const grant = (yield* grants.create({
          id: "g-dev",
          subject: { kind: "user", id: "ana" },
          role: "experimentation:env-editor",
          scope: { ...scope, environment: development },
        })).value;
        yield* invite("inv-dev", "ana", [
          { role: "experimentation:env-editor", scope: { ...scope, environment: development } },
        ]);

        const primary = yield* Effect.flip(environments.remove("checkout-production", 1));
        expect(primary._tag).toBe("InvalidChange");
        expect((yield* Effect.flip(environments.remove(development, 7)))._tag).toBe("VersionConflict");

        const removed = yield* environments.remove(development, 1);
        expect(removed.changes).toEqual([{ type: "grant.removed", grant: grant.id }]);
        expect(removed.before).toMatchObject({ id: development, revokedInvitations: ["inv-dev"] });
        expect((yield* Effect.flip(environments.get(development)))._tag).toBe("NotFound");
        expect(yield* count("flag_environment_states")).toBe(0);
        expect(yield* count("grants")).toBe(0);
        expect((yield* statusOf("inv-dev")).status).toBe("revoked");
      }).pipe(Effect.provide(StoreLive)),
    );

    it.effect("rename and remove projects and instances at their version, revoking emptied invitations", () =>
      Effect.gen(function* () {
        const projects = yield* Projects;
        const instances = yield* Instances;
        const grants = yield* Grants;
        yield* tree;
        const renamed = yield* projects.rename("checkout", 1, "Basket");
        expect(renamed.value).toMatchObject({ name: "Basket", version: 2 });
        expect(renamed.before).toMatchObject({ name: "Checkout", version: 1 });
        expect((yield* Effect.flip(projects.rename("checkout", 1, "Cart")))._tag).toBe("VersionConflict");

        yield* grants.create({
          id: "g-project",
          subject: { kind: "user", id: "ana" },
          role: "experimentation:editor",
          scope,
        });
        yield* grants.create({
          id: "g-instance",
          subject: { kind: "user", id: "ana" },
          role: "experimentation:administrator",
          scope: { org: "acme", product: "experimentation", instance: "exp" },
        });
        yield* invite("inv-project", "ana", [{ role: "experimentation:editor", scope }]);
        yield* invite("inv-mixed", "bob", [
          { role: "experimentation:editor", scope },
          { role: "experimentation:viewer", scope: { ...scope, project: "elsewhere" } },
        ]);

        expect((yield* Effect.flip(projects.remove("checkout", 1)))._tag).toBe("VersionConflict");
        const removed = yield* projects.remove("checkout", 2);
        expect(removed.changes).toEqual([{ type: "grant.removed", grant: "g-project" }]);
        expect((yield* statusOf("inv-project")).status).toBe("revoked");
        expect((yield* statusOf("inv-mixed")).status).toBe("pending");
        expect(yield* count("environments")).toBe(0);

        expect((yield* Effect.flip(instances.remove("exp", 2)))._tag).toBe("VersionConflict");
        const gone = yield* instances.remove("exp", 1);
        expect(gone.changes).toEqual([{ type: "grant.removed", grant: "g-instance" }]);
        expect((yield* Effect.flip(instances.get("exp")))._tag).toBe("NotFound");
        expect(yield* count("grants")).toBe(0);
      }).pipe(Effect.provide(StoreLive)),
    );
  },
  { setup },
);
