// Inviting and accepting through app.request over a demo database (PGlite): invitations with single-use tokens,
// engine.assign refusals that write nothing, accept then login, revoke, resend and expiry.
import { describe, expect, it } from "vitest";
import { type Call, demoApi } from "./support/demo-api.ts";

const { send, signIn, rows, auditCount } = demoApi();

const cms = { org: "acme", product: "cms", instance: "acme-cms" };
const anonymous: Call = {};

interface Invited {
  readonly invitationId: string;
  readonly email: string;
  readonly user: { readonly id: string; readonly status: string };
  readonly acceptUrl: string;
}
interface InvitationView {
  readonly id: string;
  readonly email: string;
  readonly status: string;
  readonly resendCount: number;
}

const tokenOf = (url: string): string => {
  const token = new URL(url, "http://localhost").searchParams.get("token");
  expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  return token ?? "";
};

const invite = async (call: Call, emails: ReadonlyArray<string>, role = "cms:content-editors") =>
  send("POST", "users.invite", { org: "acme", emails, language: "en", grants: [{ role, scope: cms }] }, call);
const invitedOf = (answer: { readonly data: unknown }) => (answer.data as { invited: Invited[] }).invited;
const accept = (token: string, password = "a-long-password-1") =>
  send("POST", "invitations.accept", { token, password }, anonymous);
const login = (email: string, password: string) => send("POST", "auth.login", { email, password }, anonymous);

describe("invitations", () => {
  it("super admin invites two emails: invited users, their grants, invitations and audit rows", async () => {
    const admin = await signIn("admin@acme.example");
    const audits = await auditCount();
    const answer = await invite(admin, ["new.one@acme.example", "new.two@acme.example"]);
    expect(answer.status).toBe(200);
    const invited = invitedOf(answer);
    expect(invited.map((i) => i.email)).toEqual(["new.one@acme.example", "new.two@acme.example"]);
    for (const one of invited) {
      expect(one.user.status).toBe("invited");
      expect(one.acceptUrl.startsWith("/admin-center/accept?token=")).toBe(true);
      tokenOf(one.acceptUrl);
    }
    const users = await rows<{ email: string; status: string }>(
      "select email, status from users where email like 'new.%' order by email",
    );
    expect(users).toEqual([
      { email: "new.one@acme.example", status: "invited" },
      { email: "new.two@acme.example", status: "invited" },
    ]);
    const grants = await rows<{ role: string; instance: string }>(
      `select g.role, g.instance from grants g join users u on u.id = g.subject_user where u.email like 'new.%'`,
    );
    expect(grants).toEqual([
      { role: "cms:content-editors", instance: "acme-cms" },
      { role: "cms:content-editors", instance: "acme-cms" },
    ]);
    // Only the hash is stored, never the token.
    const stored = await rows<{ token_hash: string }>("select token_hash from invitations");
    const token = tokenOf(invited[0]?.acceptUrl ?? "");
    expect(stored.some((s) => s.token_hash === token)).toBe(false);
    expect(stored.every((s) => /^[0-9a-f]{64}$/.test(s.token_hash))).toBe(true);
    expect(await auditCount()).toBe(audits + 2);
    const audit = await rows<{ action: string; actor_id: string }>(
      "select action, actor_id from audit_log where action = 'user.invite'",
    );
    expect(audit).toEqual([
      { action: "user.invite", actor_id: "demo-admin" },
      { action: "user.invite", actor_id: "demo-admin" },
    ]);
    // Other organizations' accounts are not invited; nothing is written (invite-existing.test.ts: active ones).
    const before = await auditCount();
    expect((await invite(admin, ["brand.new@acme.example", "partneruser@agency.example"])).status).toBe(409);
    expect(await auditCount()).toBe(before);
    expect(await rows("select id from users where email = 'brand.new@acme.example'")).toEqual([]);
    // A batch is all or nothing: new.one's invitation is still pending, so brand.new is not invited either.
    const pendingAgain = await invite(admin, ["brand.new@acme.example", "new.one@acme.example"]);
    expect(pendingAgain.status).toBe(409);
    expect(await auditCount()).toBe(before);
    expect(await rows("select id from users where email = 'brand.new@acme.example'")).toEqual([]);
    expect(await rows("select id from invitations where email = 'brand.new@acme.example'")).toEqual([]);

    const listed = await send("GET", "invitations.list", { org: "acme", status: "pending" }, admin);
    expect(listed.status).toBe(200);
    expect((listed.data as InvitationView[]).map((i) => i.email).sort()).toEqual([
      "new.one@acme.example",
      "new.two@acme.example",
    ]);
  });

  it("an instance admin may not invite with an Admin Center role (nothing written) but may with a CMS role", async () => {
    const ian = await signIn("instance-admin@acme.example");
    const audits = await auditCount();
    const refused = await invite(ian, ["ian.pick@acme.example"], "admin-center:instance-admin");
    expect(refused.status).toBe(403);
    expect(await auditCount()).toBe(audits);
    expect(await rows("select id from users where email = 'ian.pick@acme.example'")).toEqual([]);
    expect(await rows("select id from invitations where email = 'ian.pick@acme.example'")).toEqual([]);

    const allowed = await invite(ian, ["ian.pick@acme.example"]);
    expect(allowed.status).toBe(200);
    expect(invitedOf(allowed)[0]?.user.status).toBe("invited");
    expect(await auditCount()).toBe(audits + 1);
  });

  it("accepting sets the password, the user can log in, and the token works once", async () => {
    const admin = await signIn("admin@acme.example");
    const [one] = invitedOf(await invite(admin, ["acceptor@acme.example"]));
    const token = tokenOf(one?.acceptUrl ?? "");
    expect((await login("acceptor@acme.example", "a-long-password-1")).status).toBe(401);

    const short = await send("POST", "invitations.accept", { token, password: "short" }, anonymous);
    expect(short.status).toBe(400);
    const accepted = await accept(token);
    expect(accepted.status).toBe(200);
    expect(accepted.data).toMatchObject({ email: "acceptor@acme.example" });
    expect(await rows("select status from users where email = 'acceptor@acme.example'")).toEqual([
      { status: "active" },
    ]);
    expect((await login("acceptor@acme.example", "a-long-password-1")).status).toBe(200);

    const again = await accept(token, "another-password-2");
    expect(again.status).toBe(400);
    expect(again.error?.message).toBe("invitation already used");
    expect((await login("acceptor@acme.example", "another-password-2")).status).toBe(401);
    const audit = await rows<{ actor_kind: string }>(
      "select actor_kind from audit_log where action = 'invitation.accept'",
    );
    expect(audit).toEqual([{ actor_kind: "system" }]);
    const unknown = await accept("not-a-token");
    expect(unknown.status).toBe(400);
  });

  it("revoke, resend and expiry: old and revoked tokens fail, the resent one works", async () => {
    const admin = await signIn("admin@acme.example");
    const [revokedOne, resentOne, expiredOne] = invitedOf(
      await invite(admin, ["revoked@acme.example", "resent@acme.example", "expired@acme.example"]),
    );
    const revoked = await send("POST", "invitations.revoke", { id: revokedOne?.invitationId }, admin);
    expect(revoked.status).toBe(200);
    expect(revoked.data).toMatchObject({ status: "revoked" });
    const afterRevoke = await accept(tokenOf(revokedOne?.acceptUrl ?? ""));
    expect(afterRevoke.status).toBe(400);
    expect(afterRevoke.error?.message).toBe("invitation revoked");
    expect((await send("POST", "invitations.resend", { id: revokedOne?.invitationId }, admin)).status).toBe(
      400,
    );

    const resent = await send("POST", "invitations.resend", { id: resentOne?.invitationId }, admin);
    expect(resent.status).toBe(200);
    const fresh = resent.data as { invitation: InvitationView; acceptUrl: string };
    expect(fresh.invitation).toMatchObject({ status: "pending", resendCount: 1 });
    expect(fresh.acceptUrl).not.toBe(resentOne?.acceptUrl);
    expect((await accept(tokenOf(resentOne?.acceptUrl ?? ""))).status).toBe(400);
    expect((await accept(tokenOf(fresh.acceptUrl))).status).toBe(200);

    await rows(
      `update invitations set expires_at = now() - interval '1 minute' where id = '${expiredOne?.invitationId}'`,
    );
    const expired = await send("GET", "invitations.list", { org: "acme", status: "expired" }, admin);
    expect((expired.data as InvitationView[]).map((i) => i.email)).toEqual(["expired@acme.example"]);
    const late = await accept(tokenOf(expiredOne?.acceptUrl ?? ""));
    expect(late.status).toBe(400);
    expect(late.error?.message).toBe("invitation expired");
    expect((await send("POST", "invitations.revoke", { id: expiredOne?.invitationId }, admin)).status).toBe(
      400,
    );
    const renewed = await send("POST", "invitations.resend", { id: expiredOne?.invitationId }, admin);
    expect(renewed.status).toBe(200);
    expect((renewed.data as { invitation: InvitationView }).invitation.status).toBe("pending");

    // The instance admin sees the invitations at its instance (all of these); another organization gets NOT_FOUND.
    const all = await send("GET", "invitations.list", { org: "acme" }, admin);
    const ian = await signIn("instance-admin@acme.example");
    const seen = await send("GET", "invitations.list", { org: "acme" }, ian);
    expect(seen.status).toBe(200);
    expect((seen.data as InvitationView[]).length).toBe((all.data as InvitationView[]).length);
    const partner = await signIn("partneruser@agency.example");
    expect((await send("GET", "invitations.list", { org: "acme" }, partner)).status).toBe(404);
    const accepted = await send("GET", "invitations.list", { org: "acme", status: "accepted" }, admin);
    expect((accepted.data as InvitationView[]).map((i) => i.email)).toContain("resent@acme.example");
  });
});
