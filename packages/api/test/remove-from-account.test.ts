// Removing a user from the account takes every grant and group membership in the organization and ends its
// sign-in at once; the engine agrees right after. Whoever cannot manage its groups cannot remove it (nothing changed).
import { EngineSync } from "@gatehouse/store";
import { Effect } from "effect";
import { describe, expect, it } from "vitest";
import { type Call, demoApi } from "./support/demo-api.ts";

const { send, signIn, rows, auditCount, runtime } = demoApi();

const cms = { org: "acme", product: "cms", instance: "acme-cms" };
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

  it("a project owner cannot remove a user in a custom group (nothing changed), but removes its own collaborator", async () => {
    const admin = await signIn("admin@acme.example");
    await opsGroup(admin, "Viewers", ["demo-exp-viewer"]);
    const viewer = await signIn("exp-viewer@acme.example");
    const owner = await signIn("project-owner@acme.example");
    const before = [await grantsOf("demo-exp-viewer"), await memberships("demo-exp-viewer")];
    const audits = await auditCount();
    const refused = await send("POST", "users.removeFromAccount", { userId: "demo-exp-viewer" }, owner);
    expect(refused.status).toBe(403);
    expect(refused.error?.message).toContain("admin-center:group.manage");
    expect(await auditCount()).toBe(audits);
    expect([await grantsOf("demo-exp-viewer"), await memberships("demo-exp-viewer")]).toEqual(before);
    expect((await me(viewer)).status).toBe(200);

    const editor = await signIn("exp-editor@acme.example");
    const removed = await send("POST", "users.removeFromAccount", { userId: "demo-exp-editor" }, owner);
    expect(removed.status).toBe(200);
    expect((await me(editor)).status).toBe(401);
    expect(await memberships("demo-exp-editor")).toEqual([]);
  });
});
