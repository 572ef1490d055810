// Removing a user from the account takes every grant and group membership in the organization and ends its
// sign-in at once; the engine agrees right after. It is a super admin's account-wide change, never made to oneself.
import { EngineSync } from "@gatehouse/store";
import { Effect } from "effect";
import { describe, expect, it } from "vitest";
import { type Call, demoApi } from "./support/demo-api.ts";

const { send, signIn, rows, auditCount, runtime } = demoApi();

const cms = { org: "acme", product: "cms", instance: "acme-cms" };
const checkout = { org: "acme", product: "experimentation", instance: "acme-exp", project: "acme-checkout" };
const EDIT_VIEW = "cms:edit-view.access";

const engine = async () => (await runtime.runPromise(Effect.service(EngineSync))).engine;
const me = (call: Call) => send("GET", "auth.me", undefined, call);
const login = (email: string) => send("POST", "auth.login", { email, password: "gatehouse-demo" }, {});
const memberships = (userId: string) =>
  rows<{ group_id: string }>(
    `select group_id from group_members where user_id = '${userId}' order by group_id`,
  );
const grantsOf = (userId: string) => rows(`select id from grants where subject_user = '${userId}'`);

/** A custom group of acme holding cms:content-editors, with `members`. */
const opsGroup = async (admin: Call, name: string, members: ReadonlyArray<string>) => {
  const created = await send("POST", "groups.create", { org: "acme", name }, admin);
  expect(created.status).toBe(200);
  const groupId = (created.data as { id: string }).id;
  const subject = { kind: "group", id: groupId };
  expect(
    (await send("POST", "grants.create", { subject, role: "cms:content-editors", scope: cms }, admin)).status,
  ).toBe(200);
  for (const userId of members)
    expect((await send("POST", "groups.addMember", { groupId, userId }, admin)).status).toBe(200);
  return groupId;
};

describe("users.removeFromAccount", () => {
  it("takes the grants, the group memberships and the sign-in; the engine agrees at once", async () => {
    const admin = await signIn("admin@acme.example");
    await opsGroup(admin, "Ops", ["demo-customeruser"]);
    const leaving = await signIn("customeruser@acme.example");
    expect((await engine()).allows("demo-customeruser", EDIT_VIEW, cms)).toBe(true);

    const removed = await send("POST", "users.removeFromAccount", { userId: "demo-customeruser" }, admin);
    expect(removed.status).toBe(200);
    expect((await engine()).allows("demo-customeruser", EDIT_VIEW, cms)).toBe(false);
    expect(
      (await engine()).whatCan("demo-customeruser", { org: "acme", product: "mission-control" }),
    ).toEqual([]);
    expect(await grantsOf("demo-customeruser")).toEqual([]);
    expect(await memberships("demo-customeruser")).toEqual([]);
    expect((await me(leaving)).status).toBe(401);
    expect((await login("customeruser@acme.example")).status).toBe(401);
    expect(await rows("select status from users where id = 'demo-customeruser'")).toEqual([
      { status: "disabled" },
    ]);
  });

  it("a project owner, an instance admin and a product admin remove nobody from the account, even a user whose every role they could give; nothing changes", async () => {
    const admin = await signIn("admin@acme.example");
    // Audit finding 1: a user holding only what each lower admin may give (a CMS role at Acme Site, Checkout's editor).
    const invited = await send(
      "POST",
      "users.invite",
      {
        org: "acme",
        emails: ["victim@acme.example"],
        language: "en",
        grants: [
          { role: "cms:content-editors", scope: cms },
          { role: "experimentation:editor", scope: checkout },
        ],
      },
      admin,
    );
    expect(invited.status).toBe(200);
    const { acceptUrl, user } = (
      invited.data as { invited: Array<{ acceptUrl: string; user: { id: string } }> }
    ).invited[0] as { acceptUrl: string; user: { id: string } };
    const token = new URL(acceptUrl, "http://localhost").searchParams.get("token");
    expect((await send("POST", "invitations.accept", { token, password: "gatehouse-demo" }, {})).status).toBe(
      200,
    );
    const victim = await signIn("victim@acme.example");
    const before = [
      await grantsOf(user.id),
      await rows(`select status, version from users where id = '${user.id}'`),
    ];
    const emails = [
      "project-owner@acme.example",
      "instance-admin@acme.example",
      "product-admin@acme.example",
    ];
    const lowerAdmins = [];
    for (const email of emails) lowerAdmins.push({ email, lower: await signIn(email) });
    const audits = await auditCount();

    for (const { email, lower } of lowerAdmins) {
      const refused = await send("POST", "users.removeFromAccount", { userId: user.id }, lower);
      expect(refused.status, email).toBe(403);
      expect(refused.error?.message, email).toBe(
        "Remove from account changes the whole account (its roles everywhere in the organization and its sign-in): only a super admin may (needs admin-center:user.deactivate at the organization)",
      );
    }
    expect(await auditCount()).toBe(audits);
    expect([
      await grantsOf(user.id),
      await rows(`select status, version from users where id = '${user.id}'`),
    ]).toEqual(before);
    expect((await me(victim)).status).toBe(200);
    // The takeover's next step, inviting the email again for a link that sets its password, gives no link: the
    // account is active, so an invitation adds roles to it.
    const owner = await signIn("project-owner@acme.example");
    const again = await send(
      "POST",
      "users.invite",
      {
        org: "acme",
        emails: ["victim@acme.example"],
        language: "en",
        grants: [{ role: "experimentation:editor", scope: checkout }],
      },
      owner,
    );
    expect(again.status).toBe(200);
    expect((again.data as { invited: unknown[] }).invited).toEqual([]);
    expect((await me(victim)).status).toBe(200);
  });

  it("nobody removes itself from the account, a super admin included: the organization keeps it", async () => {
    const admin = await signIn("admin@acme.example");
    const audits = await auditCount();
    const refused = await send("POST", "users.removeFromAccount", { userId: "demo-admin" }, admin);
    expect(refused.status).toBe(403);
    expect(refused.error?.message).toBe(
      "You cannot remove yourself from the account: another super admin of the organization can",
    );
    expect(await auditCount()).toBe(audits);
    expect((await me(admin)).status).toBe(200);
    expect((await engine()).allows("demo-admin", "admin-center:group.manage", { org: "acme" })).toBe(true);
  });

  it("revokes a removed invitee's pending invitation, so it can be invited anew", async () => {
    const admin = await signIn("admin@acme.example");
    const cms = { org: "acme", product: "cms", instance: "acme-cms" };
    const invite = () =>
      send(
        "POST",
        "users.invite",
        {
          org: "acme",
          emails: ["leaving.invitee@acme.example"],
          language: "en",
          grants: [{ role: "cms:content-editors", scope: cms }],
        },
        admin,
      );
    const first = await invite();
    expect(first.status, JSON.stringify(first.error)).toBe(200);
    const { invitationId, user } = (
      first.data as { invited: Array<{ invitationId: string; user: { id: string } }> }
    ).invited[0] ?? { invitationId: "", user: { id: "" } };
    const removed = await send("POST", "users.removeFromAccount", { userId: user.id }, admin);
    expect(removed.status, JSON.stringify(removed.error)).toBe(200);
    const [row] = await rows<{ status: string }>(
      `select status from invitations where id = '${invitationId}'`,
    );
    expect(row?.status).toBe("revoked");
    const again = await invite();
    expect(again.status, JSON.stringify(again.error)).toBe(200);
  });
});
