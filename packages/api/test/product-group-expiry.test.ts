// A product group holds the users whose own grant of its role never lapses, on PGlite and PostgreSQL: an invited
// account joins on accept, a time-limited grant joins nobody, so what the group was given ends with the grant.
import { EngineSync } from "@gatehouse/store";
import { Effect } from "effect";
import { describe, expect, it } from "vitest";
import { type Call, demoApi } from "./support/demo-api.ts";

const acme = { org: "acme" };
const cms = { ...acme, product: "cms", instance: "acme-cms" };
const cmsEditor = { role: "cms:content-editors", scope: cms };
/** What the product group of content editors is given below and the role itself does not give. */
const PUBLISH = "cms:content.publish";
const DAY_MS = 24 * 60 * 60 * 1000;

const productGroups = (backend: "pglite" | "postgres") =>
  describe(`product groups follow grants in force (${backend})`, () => {
    const { send, signIn, rows, runtime } = demoApi(backend);
    const engine = async () => (await runtime.runPromise(Effect.service(EngineSync))).engine;
    const members = async (userId: string) =>
      (
        await rows<{ role: string }>(
          `select g.role from group_members m join groups g on g.id = m.group_id
           where g.kind = 'product' and m.user_id = '${userId}' order by g.role`,
        )
      ).map((r) => r.role);

    /** The content editors' product group of acme (made by a first editor), given commerce admins at acme-cms. */
    const editorsGroupPublishes = async (admin: Call) => {
      const editor = { kind: "user", id: "demo-customeruser" };
      expect((await send("POST", "grants.create", { subject: editor, ...cmsEditor }, admin)).status).toBe(
        200,
      );
      const [group] = await rows<{ id: string }>(
        "select id from groups where org = 'acme' and kind = 'product' and role = 'cms:content-editors'",
      );
      const given = await send(
        "POST",
        "grants.create",
        { subject: { kind: "group", id: group?.id }, role: "cms:commerce-admins", scope: cms },
        admin,
      );
      expect(given.status).toBe(200);
    };

    it("an invited account joins on accept: once its invitation expired, the group's grants no longer reach it", async () => {
      const admin = await signIn("admin@acme.example");
      await editorsGroupPublishes(admin);
      const invited = await send(
        "POST",
        "users.invite",
        {
          org: "acme",
          emails: ["lapsed.editor@acme.example"],
          language: "en",
          grants: [cmsEditor],
          expiresInDays: 1,
        },
        admin,
      );
      expect(invited.status).toBe(200);
      const { user, expiresAt, acceptUrl } = (
        invited.data as { invited: { user: { id: string }; expiresAt: string; acceptUrl: string }[] }
      ).invited[0] as { user: { id: string }; expiresAt: string; acceptUrl: string };
      const expiry = Date.parse(expiresAt);

      const pending = await engine();
      expect(pending.allows(user.id, PUBLISH, cms, expiry + 1)).toBe(false);
      expect(pending.allows(user.id, PUBLISH, cms, expiry + DAY_MS)).toBe(false);
      expect(await members(user.id)).toEqual([]);

      // Accepting confirms the grant (no expiry): from then on the account is a member like any editor.
      const token = new URL(acceptUrl, "http://localhost").searchParams.get("token");
      const accepted = await send("POST", "invitations.accept", { token, password: "a-long-password-1" }, {});
      expect(accepted.status).toBe(200);
      expect(await members(user.id)).toEqual(["cms:content-editors"]);
      expect((await engine()).allows(user.id, PUBLISH, cms, expiry + DAY_MS)).toBe(true);
    });

    it("a time-limited grant joins no product group; making it permanent joins, giving it an expiry leaves", async () => {
      const admin = await signIn("admin@acme.example");
      const userId = "demo-exp-viewer";
      const until = new Date(Date.now() + DAY_MS);
      const created = await send(
        "POST",
        "grants.create",
        { subject: { kind: "user", id: userId }, ...cmsEditor, expiresAt: until.toISOString() },
        admin,
      );
      expect(created.status).toBe(200);
      const grant = created.data as { id: string; version: number };
      expect(await members(userId)).not.toContain("cms:content-editors");
      expect((await engine()).allows(userId, PUBLISH, cms, until.getTime() + 1)).toBe(false);

      const permanent = await send(
        "POST",
        "grants.update",
        { id: grant.id, version: grant.version, expiresAt: null },
        admin,
      );
      expect(permanent.status).toBe(200);
      expect(await members(userId)).toContain("cms:content-editors");
      expect((await engine()).allows(userId, PUBLISH, cms, until.getTime() + 1)).toBe(true);

      const limited = await send(
        "POST",
        "grants.update",
        {
          id: grant.id,
          version: (permanent.data as { version: number }).version,
          expiresAt: until.toISOString(),
        },
        admin,
      );
      expect(limited.status).toBe(200);
      expect(await members(userId)).not.toContain("cms:content-editors");
      expect((await engine()).allows(userId, PUBLISH, cms, until.getTime() + 1)).toBe(false);
    });
  });

productGroups("pglite");
productGroups("postgres");
