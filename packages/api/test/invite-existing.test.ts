// Inviting an email that already has an account of the organization, on PGlite and PostgreSQL: the grants are
// added at once as grants.create gives them (allowed, refused, already had), another organization's email stays
// CONFLICT, and an account taken out of the organization is invited again with a token.
import { describe, expect, it } from "vitest";
import { type Call, demoApi } from "./support/demo-api.ts";

const cms = { org: "acme", product: "cms", instance: "acme-cms" };
const EDITOR = "cms:content-editors";
const VIEWER = "demo-exp-viewer";
const VIEWER_EMAIL = "exp-viewer@acme.example";

interface GrantView {
  readonly id: string;
  readonly role: string;
  readonly scope: Record<string, string>;
  readonly expiresAt: string | null;
}
interface InviteAnswer {
  readonly invited: ReadonlyArray<{
    readonly email: string;
    readonly acceptUrl: string;
    readonly user: { id: string };
  }>;
  readonly added: ReadonlyArray<{
    readonly email: string;
    readonly user: { readonly id: string; readonly status: string };
    readonly grants: ReadonlyArray<GrantView>;
    readonly alreadyHad: ReadonlyArray<GrantView>;
  }>;
}

for (const backend of ["pglite", "postgres"] as const) {
  describe(`users.invite of an existing account on ${backend}`, () => {
    const { send, signIn, rows, auditCount } = demoApi(backend);
    const invite = (call: Call, emails: ReadonlyArray<string>, role = EDITOR) =>
      send(
        "POST",
        "users.invite",
        { org: "acme", emails, language: "en", grants: [{ role, scope: cms }] },
        call,
      );
    const answerOf = (answer: { readonly data: unknown }) => answer.data as InviteAnswer;
    const grantsOf = (user: string) =>
      rows<{ role: string; instance: string | null; expires_at: Date | null }>(
        `select role, instance, expires_at from grants where subject_user = '${user}' order by role`,
      );

    it("adds the grants to a signed-in account, as grants.create asks them; again, it already had them", async () => {
      const ian = await signIn("instance-admin@acme.example");
      const before = await auditCount();
      const answer = await invite(ian, [VIEWER_EMAIL]);
      expect(answer.status).toBe(200);
      const { invited, added } = answerOf(answer);
      expect(invited).toEqual([]);
      expect(added).toHaveLength(1);
      expect(added[0]).toMatchObject({
        email: VIEWER_EMAIL,
        user: { id: VIEWER, status: "active" },
        alreadyHad: [],
      });
      expect(added[0]?.grants.map((g) => [g.role, g.scope, g.expiresAt])).toEqual([[EDITOR, cms, null]]);
      expect(await grantsOf(VIEWER)).toContainEqual({ role: EDITOR, instance: "acme-cms", expires_at: null });
      // No invitation, no token: the account keeps its password and signs in as before.
      expect(await rows(`select id from invitations where email = '${VIEWER_EMAIL}'`)).toEqual([]);
      expect(await auditCount()).toBe(before + 1);
      expect(
        await rows(`select action, target_kind, target_id from audit_log order by at desc, id desc limit 1`),
      ).toEqual([{ action: "grant.create", target_kind: "user", target_id: VIEWER }]);
      await signIn(VIEWER_EMAIL);

      const again = answerOf(await invite(ian, [VIEWER_EMAIL]));
      expect(again.added[0]?.grants).toEqual([]);
      expect(again.added[0]?.alreadyHad.map((g) => g.role)).toEqual([EDITOR]);
      expect((await grantsOf(VIEWER)).filter((g) => g.role === EDITOR)).toHaveLength(1);
    });

    it("refuses a grant the inviter may not give to that account, writing nothing", async () => {
      const ian = await signIn("instance-admin@acme.example");
      const before = await auditCount();
      const refused = await invite(ian, ["exp-editor@acme.example"], "admin-center:instance-admin");
      expect(refused.status).toBe(403);
      expect(await auditCount()).toBe(before);
      expect((await grantsOf("demo-exp-editor")).map((g) => g.role)).toEqual(["experimentation:editor"]);
      // The same refusal as grants.create gives for that account.
      const direct = await send(
        "POST",
        "grants.create",
        { subject: { kind: "user", id: "demo-exp-editor" }, role: "admin-center:instance-admin", scope: cms },
        ian,
      );
      expect([refused.status, refused.error?.message]).toEqual([direct.status, direct.error?.message]);
      expect(await auditCount()).toBe(before);
    });

    it("invites new emails and adds to existing accounts in one call; another organization's email is CONFLICT", async () => {
      const admin = await signIn("admin@acme.example");
      const both = answerOf(await invite(admin, ["fresh.person@acme.example", "exp-publisher@acme.example"]));
      expect(both.invited.map((i) => i.email)).toEqual(["fresh.person@acme.example"]);
      expect(both.invited[0]?.acceptUrl).toMatch(/^\/admin-center\/accept\?token=/);
      expect(both.added.map((a) => [a.email, a.grants.map((g) => g.role)])).toEqual([
        ["exp-publisher@acme.example", [EDITOR]],
      ]);
      const before = await auditCount();
      const foreign = await invite(admin, ["partneruser@agency.example", "another.fresh@acme.example"]);
      expect([foreign.status, foreign.error?.message]).toEqual([
        409,
        "partneruser@agency.example belongs to another organization",
      ]);
      expect(await auditCount()).toBe(before);
      expect(await rows("select id from users where email = 'another.fresh@acme.example'")).toEqual([]);
    });

    it("re-invites an account removed from the organization: a token, and it signs in with its new password", async () => {
      const admin = await signIn("admin@acme.example");
      expect(
        (await send("POST", "users.removeFromAccount", { userId: "demo-exp-flag-none" }, admin)).status,
      ).toBe(200);
      const again = answerOf(await invite(admin, ["exp-flag-none@acme.example"]));
      expect(again.added).toEqual([]);
      expect(again.invited.map((i) => i.user.id)).toEqual(["demo-exp-flag-none"]);
      const token = new URL(again.invited[0]?.acceptUrl ?? "", "http://localhost").searchParams.get("token");
      const accepted = await send("POST", "invitations.accept", { token, password: "a-long-password-1" }, {});
      expect(accepted.status).toBe(200);
      const login = await send(
        "POST",
        "auth.login",
        { email: "exp-flag-none@acme.example", password: "a-long-password-1" },
        {},
      );
      expect(login.status).toBe(200);
      expect(await grantsOf("demo-exp-flag-none")).toEqual([
        { role: EDITOR, instance: "acme-cms", expires_at: null },
      ]);
      // Back in the organization's Everyone group.
      expect(
        await rows(
          `select g.kind from group_members m join groups g on g.id = m.group_id where m.user_id = 'demo-exp-flag-none'`,
        ),
      ).toContainEqual({ kind: "everyone" });
    });
  });
}
