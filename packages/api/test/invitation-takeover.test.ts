// Invitations are authorized whole, on PGlite and PostgreSQL: a lower admin can neither see, resend nor revoke an
// invitation holding a grant it could not give, nor claim a never-signed-in account by inviting it again.
import { EngineSync } from "@gatehouse/store";
import { Effect } from "effect";
import { describe, expect, it } from "vitest";
import { type Call, demoApi } from "./support/demo-api.ts";

const acme = { org: "acme" };
const cms = { ...acme, product: "cms", instance: "acme-cms" };
const checkout = { ...acme, product: "experimentation", instance: "acme-exp", project: "acme-checkout" };
const superAdmin = { role: "admin-center:super-admin", scope: acme };
const cmsEditor = { role: "cms:content-editors", scope: cms };
/** A super admin's right at the organization that no CMS or project role gives. */
const SUPER_RIGHT = "admin-center:group.manage";
const DAY_MS = 24 * 60 * 60 * 1000;

interface Invited {
  readonly invitationId: string;
  readonly user: { readonly id: string };
  readonly expiresAt: string;
  readonly acceptUrl: string;
}

const takeovers = (backend: "pglite" | "postgres") =>
  describe(`invitation takeovers (${backend})`, () => {
    const { send, signIn, rows, auditCount, runtime } = demoApi(backend);
    const engine = async () => (await runtime.runPromise(Effect.service(EngineSync))).engine;

    const invite = async (call: Call, email: string, grants: ReadonlyArray<object>) =>
      send("POST", "users.invite", { org: "acme", emails: [email], language: "en", grants }, call);
    const invitedOf = (answer: { readonly data: unknown }) =>
      (answer.data as { invited: Invited[] }).invited[0] as Invited;
    const tokenOf = (url: string) => new URL(url, "http://localhost").searchParams.get("token") ?? "";
    const accept = (url: string) =>
      send("POST", "invitations.accept", { token: tokenOf(url), password: "a-long-password-1" }, {});
    const invitation = async (id: string) =>
      (
        await rows<{ version: number; token_hash: string; status: string }>(
          `select version, token_hash, status from invitations where id = '${id}'`,
        )
      )[0];
    const grantsOf = (userId: string) =>
      rows<{ role: string; expires_at: Date | null }>(
        `select role, expires_at from grants where subject_user = '${userId}' order by role`,
      );
    const listed = async (call: Call) =>
      ((await send("GET", "invitations.list", { org: "acme" }, call)).data as { id: string }[]).map(
        (i) => i.id,
      );

    it("an invitation is judged by all its grants: the instance admin neither sees, resends nor revokes one holding super admin", async () => {
      const admin = await signIn("admin@acme.example");
      const ian = await signIn("instance-admin@acme.example");
      const mixed = invitedOf(await invite(admin, "mixed@acme.example", [cmsEditor, superAdmin]));
      const stored = await invitation(mixed.invitationId);
      const audits = await auditCount();

      expect(await listed(ian)).not.toContain(mixed.invitationId);
      for (const verb of ["resend", "revoke"]) {
        const refused = await send("POST", `invitations.${verb}`, { id: mixed.invitationId }, ian);
        expect(refused.status).toBe(403);
        expect(refused.data).toBeUndefined();
      }
      expect(await auditCount()).toBe(audits);
      expect(await invitation(mixed.invitationId)).toEqual(stored);

      // What the instance admin may give, it sees, resends and revokes; the super admin sees and resends both.
      const own = invitedOf(await invite(ian, "cms.only@acme.example", [cmsEditor]));
      expect(await listed(ian)).toContain(own.invitationId);
      expect((await send("POST", "invitations.resend", { id: own.invitationId }, ian)).status).toBe(200);
      expect((await send("POST", "invitations.revoke", { id: own.invitationId }, ian)).status).toBe(200);
      expect(await listed(admin)).toEqual(expect.arrayContaining([mixed.invitationId, own.invitationId]));
      const resent = await send("POST", "invitations.resend", { id: mixed.invitationId }, admin);
      expect(resent.status).toBe(200);
    });

    it("revoking withdraws the invitation's grants: a re-invite by the instance admin gives only its own", async () => {
      const admin = await signIn("admin@acme.example");
      const ian = await signIn("instance-admin@acme.example");
      const first = invitedOf(await invite(admin, "revoked.super@acme.example", [cmsEditor, superAdmin]));
      expect((await engine()).allows(first.user.id, SUPER_RIGHT, acme)).toBe(true);
      expect((await send("POST", "invitations.revoke", { id: first.invitationId }, admin)).status).toBe(200);
      expect(await grantsOf(first.user.id)).toEqual([]);
      expect((await engine()).allows(first.user.id, SUPER_RIGHT, acme)).toBe(false);

      const again = await invite(ian, "revoked.super@acme.example", [cmsEditor]);
      expect(again.status).toBe(200);
      expect((await accept(invitedOf(again).acceptUrl)).status).toBe(200);
      expect((await grantsOf(first.user.id)).map((g) => [g.role, g.expires_at])).toEqual([
        ["cms:content-editors", null],
      ]);
      expect((await engine()).allows(first.user.id, SUPER_RIGHT, acme)).toBe(false);
    });

    it("expiry: the grants lapse with the invitation, and lower admins cannot claim the account", async () => {
      const admin = await signIn("admin@acme.example");
      const ian = await signIn("instance-admin@acme.example");
      const owner = await signIn("project-owner@acme.example");
      const answer = await send(
        "POST",
        "users.invite",
        {
          org: "acme",
          emails: ["expired.super@acme.example"],
          language: "en",
          grants: [cmsEditor, superAdmin],
          expiresInDays: 1,
        },
        admin,
      );
      const first = invitedOf(answer);
      const expiry = Date.parse(first.expiresAt);
      const held = await engine();
      expect(held.allows(first.user.id, SUPER_RIGHT, acme)).toBe(true);
      // The engine no longer honours them once the invitation expired, before anything else runs.
      expect(held.allows(first.user.id, SUPER_RIGHT, acme, expiry + 1)).toBe(false);
      expect(held.allows(first.user.id, "cms:content.publish", cms, expiry + DAY_MS)).toBe(false);
      expect((await grantsOf(first.user.id)).every((g) => g.expires_at?.getTime() === expiry)).toBe(true);

      await rows(
        `update invitations set expires_at = now() - interval '1 minute' where id = '${first.invitationId}'`,
      );
      const audits = await auditCount();
      const invitations = await rows("select id from invitations order by id");
      for (const [who, grant] of [
        [ian, cmsEditor],
        [owner, { role: "experimentation:viewer", scope: checkout }],
      ] as const) {
        const claim = await invite(who, "expired.super@acme.example", [grant]);
        expect(claim.status).toBe(403);
        expect(claim.data).toBeUndefined();
      }
      expect(await auditCount()).toBe(audits);
      expect(await rows("select id from invitations order by id")).toEqual(invitations);

      // The super admin may: the expired invitation is replaced and the new one's grants expire with it.
      const renewed = await invite(admin, "expired.super@acme.example", [cmsEditor]);
      expect(renewed.status).toBe(200);
      expect((await invitation(first.invitationId))?.status).toBe("revoked");
      expect((await grantsOf(first.user.id)).map((g) => g.role)).toEqual(["cms:content-editors"]);
      expect((await accept(invitedOf(renewed).acceptUrl)).status).toBe(200);
      expect((await grantsOf(first.user.id))[0]?.expires_at).toBeNull();
    });

    it("a new token for an old invitation hands the account over: resend needs every grant the account holds", async () => {
      const admin = await signIn("admin@acme.example");
      const ian = await signIn("instance-admin@acme.example");
      const own = invitedOf(await invite(ian, "promoted@acme.example", [cmsEditor]));
      const promoted = await send(
        "POST",
        "grants.create",
        { subject: { kind: "user", id: own.user.id }, ...superAdmin },
        admin,
      );
      expect(promoted.status).toBe(200);
      await rows(
        `update invitations set expires_at = now() - interval '1 minute' where id = '${own.invitationId}'`,
      );
      const stored = await invitation(own.invitationId);
      const audits = await auditCount();
      const resend = await send("POST", "invitations.resend", { id: own.invitationId }, ian);
      expect(resend.status).toBe(403);
      expect(resend.data).toBeUndefined();
      expect(await auditCount()).toBe(audits);
      expect(await invitation(own.invitationId)).toEqual(stored);
      expect((await send("POST", "invitations.resend", { id: own.invitationId }, admin)).status).toBe(200);
    });
  });

takeovers("pglite");
takeovers("postgres");
