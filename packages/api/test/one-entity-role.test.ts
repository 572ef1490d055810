// One role per person on a flag and per environment, on PGlite and PostgreSQL: a second role is CONFLICT naming
// the one held (however many managers race), a lapsed one is shown as expired and replaced by a new one, a group
// is a subject of its own, and a group whose members' entity roles are kept says it does nothing for them.
import { describe, expect, it, vi } from "vitest";
import { type Call, demoApi } from "./support/demo-api.ts";

const PRODUCTION = "acme-checkout-production";
const NEW_CART = "acme-new-cart";
const checkout = { org: "acme", product: "experimentation", instance: "acme-exp", project: "acme-checkout" };
const x = (role: string) => `experimentation:${role}`;

interface Holder {
  readonly grant: string;
  readonly holder: { readonly id: string; readonly name: string };
  readonly role: { readonly name: string };
  readonly expiresAt: string | null;
  readonly expired: boolean;
  readonly ignoredFor: ReadonlyArray<{ readonly name: string; readonly why: string }>;
}
interface EntityRoles {
  readonly scope: Record<string, string>;
  readonly holders: ReadonlyArray<Holder>;
  readonly collaborators: ReadonlyArray<{ readonly id: string; readonly givable: ReadonlyArray<string> }>;
}

for (const backend of ["pglite", "postgres"] as const) {
  describe(`one role per person on a flag or an environment, on ${backend}`, () => {
    const { send, signIn, rows } = demoApi(backend);

    const read = async (call: Call, path: "environments.roles" | "flags.roles", id: string) => {
      const answer = await send("GET", path, { id }, call);
      expect(answer.status, JSON.stringify(answer.error)).toBe(200);
      return answer.data as EntityRoles;
    };
    const give = (
      call: Call,
      subject: { kind: "user" | "group"; id: string },
      role: string,
      scope: object,
      more = {},
    ) => send("POST", "grants.create", { subject, role: x(role), scope, ...more }, call);
    const user = (id: string) => ({ kind: "user" as const, id });
    const message = (answer: { readonly error?: unknown }) =>
      String((answer.error as { message?: string } | undefined)?.message);

    it("refuses a second flag role and a second environment role, naming the role held, never a constraint", async () => {
      const flagAdmin = await signIn("exp-flag-admin@acme.example");
      const newCart = { ...checkout, flag: NEW_CART };
      expect((await give(flagAdmin, user("demo-exp-editor"), "flag-none", newCart)).status).toBe(200);
      const second = await give(flagAdmin, user("demo-exp-editor"), "flag-admin", newCart);
      expect(second.status).toBe(409);
      expect(message(second)).toBe(
        "Exp editor already holds No Flag Access on New cart: change that role instead",
      );
      const envAdmin = await signIn("exp-env-admin@acme.example");
      const production = { ...checkout, environment: PRODUCTION };
      expect((await give(envAdmin, user("demo-exp-viewer"), "env-viewer", production)).status).toBe(200);
      const again = await give(envAdmin, user("demo-exp-viewer"), "env-admin", production);
      expect(again.status).toBe(409);
      expect(message(again)).toBe(
        "Exp viewer already holds Environment Viewer on Production: change that role instead",
      );
      expect(message(again)).not.toMatch(/grants_|acme-/);
    });

    it("may answers a second role as the write does, and names it to no one who may not give roles there", async () => {
      const flagAdmin = await signIn("exp-flag-admin@acme.example");
      const newCart = { ...checkout, flag: NEW_CART };
      const call = (role: string) => ({
        procedure: "grants.create",
        input: { subject: user("demo-exp-restricted-editor"), role: x(role), scope: newCart },
      });
      expect((await send("GET", "may", call("flag-viewer"), flagAdmin)).data).toEqual({ allowed: true });
      expect((await give(flagAdmin, user("demo-exp-restricted-editor"), "flag-viewer", newCart)).status).toBe(
        200,
      );
      const asked = await send("GET", "may", call("flag-editor"), flagAdmin);
      const second = await give(flagAdmin, user("demo-exp-restricted-editor"), "flag-editor", newCart);
      expect(second.status).toBe(409);
      expect(asked.data).toEqual({ allowed: false, code: "CONFLICT", reason: message(second) });
      // Someone who may not give roles on the flag is refused for that, never told what is held there.
      const viewer = await signIn("exp-viewer@acme.example");
      const refused = (await send("GET", "may", call("flag-editor"), viewer)).data as {
        code: string;
        reason: string;
      };
      expect(refused.code).toBe("FORBIDDEN");
      expect(refused.reason).not.toContain("already holds");
    });

    it("lets exactly one of 20 managers racing two roles for one person on one flag win", async () => {
      const flagAdmin = await signIn("exp-flag-admin@acme.example");
      const admin = await signIn("exp-administrator@acme.example");
      const newCart = { ...checkout, flag: NEW_CART };
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          give(
            i % 2 === 0 ? admin : flagAdmin,
            user("demo-exp-publisher"),
            i % 2 === 0 ? "flag-editor" : "flag-viewer",
            newCart,
          ),
        ),
      );
      expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
      const refused = answers.filter((a) => a.status !== 200);
      expect(refused.map((a) => a.status)).toEqual(Array(19).fill(409));
      for (const a of refused)
        expect(message(a)).toMatch(/^Exp publisher already holds Flag (Editor|Viewer) on New cart/);
      const stored = await rows<{ n: number }>(
        `select count(*)::int as n from grants where subject_id = 'demo-exp-publisher' and flag = '${NEW_CART}'`,
      );
      expect(stored[0]?.n).toBe(1);
      const held = (await read(admin, "flags.roles", NEW_CART)).holders.filter(
        (h) => h.holder.id === "demo-exp-publisher",
      );
      expect(held).toHaveLength(1);
    });

    it("shows a lapsed role as expired with its date, offers the person again and replaces it", async () => {
      const envAdmin = await signIn("exp-env-admin@acme.example");
      const production = { ...checkout, environment: PRODUCTION };
      const until = new Date(Date.now() + 1500).toISOString();
      const given = await give(envAdmin, user("demo-exp-publisher"), "env-viewer", production, {
        expiresAt: until,
      });
      expect(given.status).toBe(200);
      const soon = await read(envAdmin, "environments.roles", PRODUCTION);
      expect(soon.holders.find((h) => h.holder.id === "demo-exp-publisher")).toMatchObject({
        expiresAt: until,
        expired: false,
      });
      expect(soon.collaborators.map((c) => c.id)).not.toContain("demo-exp-publisher");
      const lapsed = await vi.waitFor(
        async () => {
          const roles = await read(envAdmin, "environments.roles", PRODUCTION);
          expect(roles.holders.find((h) => h.holder.id === "demo-exp-publisher")?.expired).toBe(true);
          return roles;
        },
        { timeout: 10_000, interval: 250 },
      );
      expect(lapsed.collaborators.find((c) => c.id === "demo-exp-publisher")?.givable).toContain(
        x("env-admin"),
      );
      const again = await give(envAdmin, user("demo-exp-publisher"), "env-admin", production);
      expect(again.status, message(again)).toBe(200);
      const after = await read(envAdmin, "environments.roles", PRODUCTION);
      expect(
        after.holders
          .filter((h) => h.holder.id === "demo-exp-publisher")
          .map((h) => [h.role.name, h.expired]),
      ).toEqual([["Environment Admin", false]]);
      const audit = await rows<{ before: { id: string } | null }>(
        `select before from audit_log where action = 'grant.create' and target_id = '${(again.data as { id: string }).id}'`,
      );
      expect(audit[0]?.before?.id).toBe((given.data as { id: string }).id);
    });

    it("counts a group apart from its members, and says whom a group's role does nothing for", async () => {
      const superAdmin = await signIn("admin@acme.example");
      const envAdmin = await signIn("exp-env-admin@acme.example");
      const production = { ...checkout, environment: PRODUCTION };
      const groups = await send("GET", "groups.list", { org: "acme" }, superAdmin);
      const owners = (groups.data as ReadonlyArray<{ id: string; name: string }>).find(
        (g) => g.name === "Experimentation Project Owner",
      );
      expect(owners).toBeDefined();
      const group = { kind: "group" as const, id: owners?.id ?? "" };
      expect((await give(envAdmin, group, "env-viewer", production)).status).toBe(200);
      const twice = await give(envAdmin, group, "env-editor", production);
      expect(twice.status).toBe(409);
      expect(message(twice)).toBe(
        "Experimentation Project Owner already holds Environment Viewer on Production: change that role instead",
      );
      // a custom group and one of its members are two subjects: each holds its own role on New cart
      const created = await send("POST", "groups.create", { org: "acme", name: "Cart testers" }, superAdmin);
      const testers = { kind: "group" as const, id: (created.data as { id: string }).id };
      const member = await send(
        "POST",
        "groups.addMember",
        { groupId: testers.id, userId: "demo-exp-flag-viewer" },
        superAdmin,
      );
      expect(member.status).toBe(200);
      const newCart = { ...checkout, flag: NEW_CART };
      expect((await give(superAdmin, testers, "flag-editor", newCart)).status).toBe(200);
      const flagRoles = await read(await signIn("exp-flag-admin@acme.example"), "flags.roles", NEW_CART);
      expect(
        flagRoles.holders
          .filter((h) => [testers.id, "demo-exp-flag-viewer"].includes(h.holder.id))
          .map((h) => [h.holder.name, h.role.name])
          .sort(),
      ).toEqual([
        ["Cart testers", "Flag Editor"],
        ["Exp flag-viewer", "Flag Viewer"],
      ]);
      const roles = await read(envAdmin, "environments.roles", PRODUCTION);
      const held = roles.holders.find((h) => h.holder.id === group.id);
      expect(held?.ignoredFor).toEqual([
        {
          name: "Exp project-owner",
          why: "the environment and flag roles of a Project Owner cannot be changed",
        },
      ]);
    });
    it("refuses an invitation giving two roles on one flag, and adding one beside the role an account holds", async () => {
      const admin = await signIn("admin@acme.example");
      const newCart = { ...checkout, flag: NEW_CART };
      const invite = (emails: ReadonlyArray<string>, grants: ReadonlyArray<object>) =>
        send("POST", "users.invite", { org: "acme", emails, language: "en", grants }, admin);
      const editor = { role: x("editor"), scope: checkout };
      const two = await invite(
        ["newcomer@acme.example"],
        [editor, { role: x("flag-none"), scope: newCart }, { role: x("flag-admin"), scope: newCart }],
      );
      expect(two.status).toBe(400);
      expect(message(two)).toBe(
        "grants: No Flag Access and Flag Admin are both given on New cart: a person holds one role per flag; give one of them",
      );
      // exp-viewer holds Environment Viewer on Production (the first test): inviting it to another role there
      const production = { ...checkout, environment: PRODUCTION };
      const beside = await invite(["exp-viewer@acme.example"], [{ role: x("env-admin"), scope: production }]);
      expect(beside.status).toBe(409);
      expect(message(beside)).toBe(
        "Exp viewer already holds Environment Viewer on Production: change that role instead",
      );
    });
  });
}
