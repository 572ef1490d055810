// Delete user (seed 001) acts on the instance or project the list was opened from: the user's roles there and
// its pending invitations that grant only there go; its roles elsewhere, its account and its sign-in stay.
import { describe, expect, it } from "vitest";
import { type Call, demoApi } from "./support/demo-api.ts";
import { invited } from "./support/invited.ts";

const { send, signIn, rows, auditCount } = demoApi();

const cms = { org: "acme", product: "cms", instance: "acme-cms" };
const checkout = { org: "acme", product: "experimentation", instance: "acme-exp", project: "acme-checkout" };

const rolesOf = async (userId: string) =>
  (
    await rows<{ role: string }>(`select role from grants where subject_user = '${userId}' order by role`)
  ).map((r) => r.role);

/** Invites `email` into the CMS instance and Checkout; the new user's id and invitation id. */
const inviteTwoPlaces = async (admin: Call, email: string, places: ReadonlyArray<object>) => {
  const grants = places.map((scope) =>
    "project" in scope ? { role: "experimentation:viewer", scope } : { role: "cms:content-editors", scope },
  );
  const { id, userId } = await invited(send, admin, email, grants);
  return { userId, invitationId: id };
};

describe("users.delete", () => {
  it("removes only the roles at the place; roles elsewhere and the sign-in stay", async () => {
    const admin = await signIn("admin@acme.example");
    const editor = await signIn("exp-editor@acme.example");
    const added = {
      subject: { kind: "user", id: "demo-exp-editor" },
      role: "cms:content-editors",
      scope: cms,
    };
    expect((await send("POST", "grants.create", added, admin)).status).toBe(200);
    expect(await rolesOf("demo-exp-editor")).toEqual(["cms:content-editors", "experimentation:editor"]);

    const ian = await signIn("instance-admin@acme.example");
    const deleted = await send("POST", "users.delete", { userId: "demo-exp-editor", scope: cms }, ian);
    expect(deleted.status).toBe(200);
    expect(await rolesOf("demo-exp-editor")).toEqual(["experimentation:editor"]);
    expect((await send("GET", "auth.me", undefined, editor)).status).toBe(200);
    const audit = await rows(`select action from audit_log where target_id = 'demo-exp-editor' order by id`);
    expect(audit.at(-1)).toEqual({ action: "user.delete" });
  });

  it("withdraws the user's pending invitation to the place, and keeps one that also grants elsewhere", async () => {
    const admin = await signIn("admin@acme.example");
    const only = await inviteTwoPlaces(admin, "only.cms@acme.example", [cms]);
    const both = await inviteTwoPlaces(admin, "both.places@acme.example", [cms, checkout]);
    for (const { userId } of [only, both])
      expect((await send("POST", "users.delete", { userId, scope: cms }, admin)).status).toBe(200);
    const status = async (id: string) =>
      (await rows<{ status: string }>(`select status from invitations where id = '${id}'`))[0]?.status;
    expect(await status(only.invitationId)).toBe("revoked");
    expect(await status(both.invitationId)).toBe("pending");
    expect(await rolesOf(only.userId)).toEqual([]);
    expect(await rolesOf(both.userId)).toEqual(["experimentation:viewer"]);
    // The invitation kept lists only what accepting it still gives.
    const [kept] = await rows<{ grants: unknown }>(
      `select grants from invitations where id = '${both.invitationId}'`,
    );
    const recorded = (typeof kept?.grants === "string" ? JSON.parse(kept.grants) : kept?.grants) as Array<{
      role: string;
    }>;
    expect(recorded.map((g) => g.role)).toEqual(["experimentation:viewer"]);
  });

  it("refuses whoever may not delete there, a place above an instance, another organization's user; nothing changes", async () => {
    const ian = await signIn("instance-admin@acme.example");
    const admin = await signIn("admin@acme.example");
    const audits = await auditCount();
    const before = await rolesOf("demo-exp-viewer");
    const refused = await send("POST", "users.delete", { userId: "demo-exp-viewer", scope: checkout }, ian);
    expect(refused.status).toBe(403);
    const wide = await send(
      "POST",
      "users.delete",
      { userId: "demo-exp-viewer", scope: { org: "acme" } },
      admin,
    );
    expect([wide.status, wide.error?.message]).toEqual([
      400,
      "scope.instance: delete the user from one instance or project",
    ]);
    const bad = await send("POST", "users.delete", { userId: "", scope: cms }, admin);
    expect(bad.status).toBe(400);
    expect(bad.error?.message).toContain("userId");
    const foreign = await send("POST", "users.delete", { userId: "demo-partneradmin", scope: cms }, admin);
    const madeUp = await send("POST", "users.delete", { userId: "demo-nobody", scope: cms }, admin);
    expect(foreign.status).toBe(404);
    expect(foreign.error?.message).toBe(madeUp.error?.message.replace("demo-nobody", "demo-partneradmin"));
    expect(await auditCount()).toBe(audits);
    expect(await rolesOf("demo-exp-viewer")).toEqual(before);
  });
});
