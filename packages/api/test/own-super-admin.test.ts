// Nobody takes its own Super Admin away (docs/decisions.md#users): removing, re-roling or putting an expiry on a Super
// Admin grant reaching the actor, or leaving or deleting its group, is FORBIDDEN and changes nothing; another may.
import { describe, expect, it } from "vitest";
import { type Call, demoApi } from "./support/demo-api.ts";

const { send, signIn, rows, auditCount } = demoApi();

const acme = { org: "acme" };
const SUPER_ADMIN = "admin-center:super-admin";
const DAY_MS = 24 * 60 * 60 * 1000;

interface GrantView {
  readonly id: string;
  readonly role: string | null;
  readonly version: number;
}

/** The Super Admin grant `subject` holds at acme, as `call` lists it. */
const superAdminGrant = async (call: Call, subject: { kind: "user" | "group"; id: string }) => {
  const listed = await send("GET", "grants.list", { org: "acme", subject }, call);
  expect(listed.status).toBe(200);
  const grant = (listed.data as GrantView[]).find((g) => g.role === SUPER_ADMIN);
  expect(grant).toBeDefined();
  return grant as GrantView;
};

const refusal = (what: string) =>
  `You cannot ${what} your own Super Admin grant: another super admin of the organization can`;

/** Every refused way of taking `grant` away from its holder, by `call`: each FORBIDDEN, nothing written. */
const expectKept = async (call: Call, grant: GrantView) => {
  const stored = () => rows(`select role, expires_at, version from grants where id = '${grant.id}'`);
  const before = [await auditCount(), await stored()];
  const at = { id: grant.id, version: grant.version };
  const tomorrow = new Date(Date.now() + DAY_MS).toISOString();
  const attempts: ReadonlyArray<readonly [string, object, string]> = [
    ["grants.remove", at, refusal("remove")],
    ["grants.update", { ...at, expiresAt: tomorrow }, refusal("set an expiry on")],
    ["grants.update", { ...at, role: "admin-center:roles-admin" }, refusal("change the role of")],
  ];
  for (const [path, input, message] of attempts) {
    const answer = await send("POST", path, input, call);
    expect(answer.status, `${path} ${JSON.stringify(input)}`).toBe(403);
    expect(answer.error?.message).toBe(message);
    // `may` answers as the call does, so the app disables the control with these words.
    const may = await send("GET", "may", { procedure: path, input }, call);
    expect(may.data).toEqual({ allowed: false, code: "FORBIDDEN", reason: message });
  }
  expect([await auditCount(), await stored()]).toEqual(before);
};

describe("one's own Super Admin grant", () => {
  it("the only super admin neither removes, re-roles nor puts an expiry on its grant, and stays super admin", async () => {
    const admin = await signIn("admin@acme.example");
    const own = await superAdminGrant(admin, { kind: "user", id: "demo-admin" });
    await expectKept(admin, own);
    const me = await send("GET", "auth.me", undefined, admin);
    expect(me.data).toMatchObject({ landing: "products" });
    // Lifting an expiry it does not have changes nothing it holds, and is asked as usual.
    const lifted = await send("POST", "grants.update", { ...own, expiresAt: null }, admin);
    expect(lifted.status).toBe(200);
  });

  it("held through a group: the same refusals; another super admin removes either grant", async () => {
    const admin = await signIn("admin@acme.example");
    const group = await send("POST", "groups.create", { org: "acme", name: "Owners" }, admin);
    const groupId = (group.data as { id: string }).id;
    const subject = { kind: "group" as const, id: groupId };
    expect(
      (await send("POST", "grants.create", { subject, role: SUPER_ADMIN, scope: acme }, admin)).status,
    ).toBe(200);
    expect((await send("POST", "groups.addMember", { groupId, userId: "demo-admin" }, admin)).status).toBe(
      200,
    );
    const held = await superAdminGrant(admin, subject);
    await expectKept(admin, held);
    const version = Number(
      (await rows<{ version: number }>(`select version from groups where id = '${groupId}'`))[0]?.version,
    );
    const audits = await auditCount();
    const leave = await send("POST", "groups.removeMember", { groupId, userId: "demo-admin" }, admin);
    expect(leave.status).toBe(403);
    expect(leave.error?.message).toBe(
      "You cannot leave a group that makes you a super admin: another super admin of the organization can",
    );
    const remove = await send("POST", "groups.remove", { id: groupId, version }, admin);
    expect(remove.status).toBe(403);
    expect(remove.error?.message).toBe(
      "You cannot delete a group that makes you a super admin: another super admin of the organization can",
    );
    expect(await auditCount()).toBe(audits);
    expect(await rows(`select user_id from group_members where group_id = '${groupId}'`)).toEqual([
      { user_id: "demo-admin" },
    ]);

    // A second super admin of acme (not in the group) may take either away.
    const invited = await send(
      "POST",
      "users.invite",
      {
        org: "acme",
        emails: ["second.admin@acme.example"],
        language: "en",
        grants: [{ role: SUPER_ADMIN, scope: acme }],
      },
      admin,
    );
    const { acceptUrl } = (invited.data as { invited: Array<{ acceptUrl: string }> }).invited[0] as {
      acceptUrl: string;
    };
    const token = new URL(acceptUrl, "http://localhost").searchParams.get("token");
    expect((await send("POST", "invitations.accept", { token, password: "gatehouse-demo" }, {})).status).toBe(
      200,
    );
    const second = await signIn("second.admin@acme.example");
    const tomorrow = new Date(Date.now() + DAY_MS).toISOString();
    const own = await superAdminGrant(second, { kind: "user", id: "demo-admin" });
    const dated = await send("POST", "grants.update", { ...own, expiresAt: tomorrow }, second);
    expect(dated.status).toBe(200);
    expect(
      (await send("POST", "groups.removeMember", { groupId, userId: "demo-admin" }, second)).status,
    ).toBe(200);
    expect((await send("POST", "grants.remove", held, second)).status).toBe(200);
    expect(
      (await send("POST", "grants.remove", { id: own.id, version: own.version + 1 }, second)).status,
    ).toBe(200);
    expect((await send("GET", "auth.me", undefined, admin)).data).toMatchObject({ landing: "none" });
  });
});
