// environments.roles and flags.roles on PGlite and PostgreSQL: an environment admin (a flag admin) reads who holds
// its environment's (flag's) roles by name and the collaborators it may give one; no one else does; another
// organization's environment or flag, and a flag hidden by flag-none, answer as made-up ids; flags and environments
// lists say where the reader manages roles.
import { beforeAll, describe, expect, it } from "vitest";
import { alike } from "./support/alike-answers.ts";
import { type Call, demoApi } from "./support/demo-api.ts";
import { type Globex, provisionGlobex } from "./support/second-org.ts";

const PRODUCTION = "acme-checkout-production";
const DEVELOPMENT = "acme-checkout-development";
const NEW_CART = "acme-new-cart";
const DARK_MODE = "acme-dark-mode";
const MADE_UP_ENV = "env_0f1e2d3c4b5a69788796a5b4c3d2e1f0";
const MADE_UP_FLAG = "flg_0f1e2d3c4b5a69788796a5b4c3d2e1f0";
/** The entity roles by catalog label, widest first. */
const ENVIRONMENT_ROLES = [
  "Environment Admin",
  "Environment Publisher",
  "Environment Editor",
  "Environment Viewer",
];
const FLAG_ROLES = ["Flag Admin", "Flag Editor", "Flag Viewer", "No Flag Access"];

interface Person {
  readonly id: string;
  readonly name: string;
  readonly email: string | null;
}
interface EntityRoles {
  readonly entity: { readonly kind: string; readonly name: string };
  readonly project: { readonly name: string };
  readonly scope: Record<string, string>;
  readonly roles: ReadonlyArray<{ readonly id: string; readonly name: string }>;
  readonly holders: ReadonlyArray<{
    readonly grant: string;
    readonly version: number;
    readonly holder: Person;
    readonly role: { readonly id: string; readonly name: string };
  }>;
  readonly collaborators: ReadonlyArray<Person & { givable: ReadonlyArray<string>; why: string | null }>;
}

const x = (role: string) => `experimentation:${role}`;

for (const backend of ["pglite", "postgres"] as const) {
  describe(`environments.roles and flags.roles on ${backend}`, () => {
    const api = demoApi(backend);
    const { send, signIn, auditCount } = api;
    let globex: Globex;
    beforeAll(async () => {
      globex = await provisionGlobex(api, "demo-partneruser");
    }, 120_000);

    const read = async (call: Call, path: "environments.roles" | "flags.roles", id: string) => {
      const answer = await send("GET", path, { id }, call);
      expect(answer.status, JSON.stringify(answer.error)).toBe(200);
      return answer.data as EntityRoles;
    };
    /** Gives `user` the role `role` at the entity's scope (grants.create), as `call`; answers the status. */
    const give = async (call: Call, user: string, role: string, roles: EntityRoles) =>
      (
        await send(
          "POST",
          "grants.create",
          { subject: { kind: "user", id: user }, role: x(role), scope: roles.scope },
          call,
        )
      ).status;
    const heldBy = (roles: EntityRoles) =>
      roles.holders.map((h) => [h.holder.name, h.holder.email, h.role.name] as const);

    it("an environment admin reads Production's holders by name and gives, changes and removes a role", async () => {
      const envAdmin = await signIn("exp-env-admin@acme.example");
      const before = await read(envAdmin, "environments.roles", PRODUCTION);
      expect(before.entity).toEqual({ kind: "environment", id: PRODUCTION, name: "Production" });
      expect(before.project.name).toBe("Checkout");
      expect(before.roles.map((r) => r.name)).toEqual(ENVIRONMENT_ROLES);
      expect(heldBy(before)).toEqual(
        expect.arrayContaining([
          ["Exp env-admin", "exp-env-admin@acme.example", "Environment Admin"],
          ["Exp env-viewer", "exp-env-viewer@acme.example", "Environment Viewer"],
        ]),
      );
      // The project's collaborators without a role here, each with the roles the reader may give them.
      const editor = before.collaborators.find((c) => c.email === "exp-editor@acme.example");
      expect(editor).toMatchObject({ name: "Exp editor", why: null });
      expect(editor?.givable).toEqual(before.roles.map((r) => r.id));
      const owner = before.collaborators.find((c) => c.email === "exp-project-owner@acme.example");
      expect(owner?.givable).toEqual([]);
      expect(owner?.why).toMatch(/cannot be changed/);
      expect(before.collaborators.some((c) => c.email === "exp-env-admin@acme.example")).toBe(false);

      const audits = await auditCount();
      expect(await give(envAdmin, "demo-exp-editor", "env-viewer", before)).toBe(200);
      const afterGive = await read(envAdmin, "environments.roles", PRODUCTION);
      const held = afterGive.holders.find((h) => h.holder.email === "exp-editor@acme.example");
      expect(held?.role.name).toBe("Environment Viewer");
      expect(afterGive.collaborators.some((c) => c.email === "exp-editor@acme.example")).toBe(false);

      const changed = await send(
        "POST",
        "grants.update",
        { id: held?.grant, version: held?.version, role: x("env-publisher") },
        envAdmin,
      );
      expect(changed.status).toBe(200);
      const afterChange = await read(envAdmin, "environments.roles", PRODUCTION);
      const publisher = afterChange.holders.find((h) => h.holder.email === "exp-editor@acme.example");
      expect(publisher?.role.name).toBe("Environment Publisher");

      const removal = { id: publisher?.grant, version: publisher?.version };
      expect((await send("POST", "grants.remove", removal, envAdmin)).status).toBe(200);
      const after = await read(envAdmin, "environments.roles", PRODUCTION);
      expect(after.holders.some((h) => h.holder.email === "exp-editor@acme.example")).toBe(false);
      expect(await auditCount()).toBe(audits + 3);
    });

    it("a flag admin reads New cart's holders (flag-none included) and gives a role", async () => {
      const flagAdmin = await signIn("exp-flag-admin@acme.example");
      const roles = await read(flagAdmin, "flags.roles", NEW_CART);
      expect(roles.entity).toEqual({ kind: "flag", id: NEW_CART, name: "New cart" });
      expect(roles.scope).not.toHaveProperty("environment");
      expect(roles.roles.map((r) => r.name)).toEqual(FLAG_ROLES);
      expect(heldBy(roles)).toEqual(
        expect.arrayContaining([["Exp flag-none", "exp-flag-none@acme.example", "No Flag Access"]]),
      );
      const viewer = roles.collaborators.find((c) => c.email === "exp-viewer@acme.example");
      expect(viewer?.givable).toEqual(roles.roles.map((r) => r.id));
      expect(await give(flagAdmin, "demo-exp-viewer", "flag-editor", roles)).toBe(200);
      const after = await read(flagAdmin, "flags.roles", NEW_CART);
      expect(heldBy(after)).toContainEqual(["Exp viewer", "exp-viewer@acme.example", "Flag Editor"]);
    });

    it("refuses whoever does not manage the entity's roles, FORBIDDEN in its own organization", async () => {
      const envAdmin = await signIn("exp-env-admin@acme.example");
      const flagAdmin = await signIn("exp-flag-admin@acme.example");
      const editor = await signIn("exp-editor@acme.example");
      const refusals = [
        [envAdmin, "environments.roles", DEVELOPMENT],
        [envAdmin, "flags.roles", NEW_CART],
        [flagAdmin, "environments.roles", PRODUCTION],
        [flagAdmin, "flags.roles", DARK_MODE],
        [editor, "environments.roles", PRODUCTION],
        [editor, "flags.roles", NEW_CART],
      ] as const;
      for (const [call, path, id] of refusals) {
        const answer = await send("GET", path, { id }, call);
        expect(answer.status, `${path} ${id}`).toBe(403);
        expect(answer.error?.message).toMatch(/permissions/i);
      }
      expect((await send("GET", "flags.roles", { id: "" }, flagAdmin)).status).toBe(400);
      expect((await send("GET", "environments.roles", { id: 7 }, envAdmin)).status).toBe(400);
    });

    it("refuses an API key and the platform operator, who give no roles, alike for every id", async () => {
      const admin = await signIn("admin@acme.example");
      const key = (await send("POST", "apiKeys.create", { name: "entity roles" }, admin)).data as {
        key: string;
      };
      const operator = await signIn("operator@gatehouse.example");
      for (const call of [{ bearer: key.key }, operator])
        for (const [path, id] of [
          ["environments.roles", PRODUCTION],
          ["environments.roles", MADE_UP_ENV],
          ["flags.roles", NEW_CART],
          ["flags.roles", MADE_UP_FLAG],
        ] as const) {
          const answer = await send("GET", path, { id }, call);
          expect(answer.status, `${path} ${id}`).toBe(403);
          expect(answer.error?.message).toBe(
            "Only a signed-in user manages an environment's or a flag's roles",
          );
        }
    });

    it("answers a flag hidden by flag-none, and another organization's entities, as made-up ids", async () => {
      const flagNone = await signIn("exp-flag-none@acme.example");
      alike(
        await send("GET", "flags.roles", { id: NEW_CART }, flagNone),
        await send("GET", "flags.roles", { id: MADE_UP_FLAG }, flagNone),
        [[NEW_CART, MADE_UP_FLAG]],
      );
      const outsider = await signIn(globex.adminEmail);
      for (const [path, id, madeUp] of [
        ["environments.roles", PRODUCTION, MADE_UP_ENV],
        ["flags.roles", NEW_CART, MADE_UP_FLAG],
      ] as const)
        alike(await send("GET", path, { id }, outsider), await send("GET", path, { id: madeUp }, outsider), [
          [id, madeUp],
        ]);
    });

    it("the flags and environments lists say where the reader manages roles", async () => {
      const managed = async (email: string) => {
        const call = await signIn(email);
        const input = { project: "acme-checkout" };
        const flags = (await send("GET", "flags.list", input, call)).data as ReadonlyArray<{
          id: string;
          managesRoles: boolean;
        }>;
        const environments = (await send("GET", "projects.environments.list", input, call))
          .data as ReadonlyArray<{ id: string; managesRoles: boolean }>;
        return [...flags, ...environments].filter((e) => e.managesRoles).map((e) => e.id);
      };
      expect(await managed("exp-env-admin@acme.example")).toEqual([PRODUCTION]);
      expect(await managed("exp-flag-admin@acme.example")).toEqual([NEW_CART]);
      expect(await managed("exp-editor@acme.example")).toEqual([]);
      expect((await managed("exp-project-owner@acme.example")).sort()).toEqual(
        [DARK_MODE, DEVELOPMENT, NEW_CART, PRODUCTION].sort(),
      );
    });
  });
}
