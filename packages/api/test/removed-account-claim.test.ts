// An account removed from the organization, brought back (audit D1, D2): its API keys are revoked for good, and only
// a super admin may invite it again, since accepting hands its identity and past to whoever holds the link.
import { describe, expect, it } from "vitest";
import { type Call, demoApi } from "./support/demo-api.ts";
import { cookieOf } from "./support/trpc-request.ts";

const { send, signIn } = demoApi();
const cms = { org: "acme", product: "cms", instance: "acme-cms" };
/** Whether an API key still signs in (auth.me answers its actor). */
const check = (key: string) => send("GET", "auth.me", undefined, { bearer: key });
const tokenOf = (answer: { readonly data: unknown }) =>
  new URL(
    (answer.data as { invited: Array<{ acceptUrl: string }> }).invited[0]?.acceptUrl ?? "",
    "http://localhost",
  ).searchParams.get("token");

describe("bringing back a removed account", () => {
  it("keeps its keys revoked and lets only a super admin invite it again", async () => {
    const admin = await signIn("admin@acme.example");
    const invite = (by: Call, email: string, grants: ReadonlyArray<object>) =>
      send("POST", "users.invite", { org: "acme", emails: [email], language: "en", grants }, by);
    const made = await invite(admin, "sam.super@acme.example", [
      { role: "admin-center:super-admin", scope: { org: "acme" } },
    ]);
    expect(made.status, JSON.stringify(made.error)).toBe(200);
    const accepted = await send(
      "POST",
      "invitations.accept",
      { token: tokenOf(made), password: "sam-password-1" },
      {},
    );
    expect(accepted.status, JSON.stringify(accepted.error)).toBe(200);
    const login = await send(
      "POST",
      "auth.login",
      { email: "sam.super@acme.example", password: "sam-password-1" },
      {},
    );
    expect(login.status, JSON.stringify(login.error)).toBe(200);
    const session = cookieOf(login, "gatehouse_session").value;
    const sam = {
      cookie: `gatehouse_session=${session}`,
      csrf: (login.data as { csrfToken: string }).csrfToken,
    };
    const created = await send("POST", "apiKeys.create", { name: "Sam's backend" }, sam);
    expect(created.status, JSON.stringify(created.error)).toBe(200);
    const key = (created.data as { key: string }).key;
    expect((await check(key)).status).toBe(200);
    const samId = (made.data as { invited: Array<{ user: { id: string } }> }).invited[0]?.user.id;

    expect((await send("POST", "users.removeFromAccount", { userId: samId }, admin)).status).toBe(200);
    expect((await check(key)).status).toBe(401);

    // Nobody gives the removed account a role or a group meanwhile: it would come back unseen with an invitation.
    const given = await send(
      "POST",
      "grants.create",
      { subject: { kind: "user", id: samId }, role: "cms:content-editors", scope: cms },
      await signIn("instance-admin@acme.example"),
    );
    expect(given.status).toBe(409);
    expect(given.error?.message).toContain("was removed from the account");
    const crew = await send("POST", "groups.create", { org: "acme", name: "Night crew" }, admin);
    const joined = await send(
      "POST",
      "groups.addMember",
      { groupId: (crew.data as { id: string }).id, userId: samId },
      admin,
    );
    expect(joined.status).toBe(409);

    // An instance admin may not hand the removed super admin's account (and its past) to whoever accepts.
    const instanceAdmin = await signIn("instance-admin@acme.example");
    const content = [{ role: "cms:content-editors", scope: cms }];
    const refused = await invite(instanceAdmin, "sam.super@acme.example", content);
    expect(refused.status).toBe(403);
    expect(refused.error?.message).toContain("only a super admin may invite it again");

    // A super admin may; once the account is active again, its old key stays revoked.
    const back = await invite(admin, "sam.super@acme.example", content);
    expect(back.status, JSON.stringify(back.error)).toBe(200);
    const again = await send(
      "POST",
      "invitations.accept",
      { token: tokenOf(back), password: "sam-password-2" },
      {},
    );
    expect(again.status, JSON.stringify(again.error)).toBe(200);
    expect((await check(key)).status).toBe(401);
  });
});
