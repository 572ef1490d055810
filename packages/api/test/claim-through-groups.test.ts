// Claiming a never-signed-in account covers what it reaches through custom groups, on PGlite and PostgreSQL: an
// instance admin can neither re-invite nor resend to an account a super admin put in a group carrying super admin.
import { EngineSync } from "@gatehouse/store";
import { Effect } from "effect";
import { describe, expect, it } from "vitest";
import { type Call, demoApi } from "./support/demo-api.ts";

const acme = { org: "acme" };
const cms = { ...acme, product: "cms", instance: "acme-cms" };
const cmsEditor = { role: "cms:content-editors", scope: cms };
/** A super admin's right at the organization that no CMS role gives. */
const SUPER_RIGHT = "admin-center:group.manage";

interface Invited {
  readonly invitationId: string;
  readonly user: { readonly id: string };
}

const claims = (backend: "pglite" | "postgres") =>
  describe(`claims through custom groups (${backend})`, () => {
    const { send, signIn, rows, auditCount, runtime } = demoApi(backend);
    const engine = async () => (await runtime.runPromise(Effect.service(EngineSync))).engine;
    const invite = async (call: Call, email: string) => {
      const answer = await send(
        "POST",
        "users.invite",
        { org: "acme", emails: [email], language: "en", grants: [cmsEditor] },
        call,
      );
      return { answer, invited: (answer.data as { invited: Invited[] } | undefined)?.invited[0] };
    };
    const invitations = () => rows("select id, version, status, token_hash from invitations order by id");

    /** A custom group holding super admin at acme, with `userId` in it, made by the super admin. */
    const inStrongGroup = async (admin: Call, name: string, userId: string) => {
      const group = await send("POST", "groups.create", { org: "acme", name }, admin);
      expect(group.status).toBe(200);
      const groupId = (group.data as { id: string }).id;
      const given = await send(
        "POST",
        "grants.create",
        { subject: { kind: "group", id: groupId }, role: "admin-center:super-admin", scope: acme },
        admin,
      );
      expect(given.status).toBe(200);
      expect((await send("POST", "groups.addMember", { groupId, userId }, admin)).status).toBe(200);
      expect((await engine()).allows(userId, SUPER_RIGHT, acme)).toBe(true);
    };

    it("re-inviting an expired account in a strong custom group is refused to the instance admin", async () => {
      const admin = await signIn("admin@acme.example");
      const ian = await signIn("instance-admin@acme.example");
      const { invited } = await invite(ian, "grouped.expired@acme.example");
      const userId = invited?.user.id ?? "";
      await inStrongGroup(admin, "Expired crew", userId);
      await rows(
        `update invitations set expires_at = now() - interval '1 minute' where id = '${invited?.invitationId}'`,
      );
      const audits = await auditCount();
      const before = await invitations();

      const claim = await invite(ian, "grouped.expired@acme.example");
      expect(claim.answer.status).toBe(403);
      expect(claim.answer.data).toBeUndefined();
      expect(await auditCount()).toBe(audits);
      expect(await invitations()).toEqual(before);

      // The super admin, who may give all of it, still may.
      expect((await invite(admin, "grouped.expired@acme.example")).answer.status).toBe(200);
    });

    it("resending an invitation of an account put in a strong custom group meanwhile is refused", async () => {
      const admin = await signIn("admin@acme.example");
      const ian = await signIn("instance-admin@acme.example");
      const { invited } = await invite(ian, "grouped.pending@acme.example");
      await inStrongGroup(admin, "Pending crew", invited?.user.id ?? "");
      const audits = await auditCount();
      const before = await invitations();

      const resend = await send("POST", "invitations.resend", { id: invited?.invitationId }, ian);
      expect(resend.status).toBe(403);
      expect(resend.data).toBeUndefined();
      expect(await auditCount()).toBe(audits);
      expect(await invitations()).toEqual(before);
      expect((await send("POST", "invitations.resend", { id: invited?.invitationId }, admin)).status).toBe(
        200,
      );
    });
  });

claims("pglite");
claims("postgres");
