// Remove access and Delete user act on grants inside the place: a user whose roles there all come from above it
// (product-wide) or through a group, or who holds none there, is refused (400) saying so; nothing changes; may agrees.
import { describe, expect, it } from "vitest";
import { type Call, demoApi } from "./support/demo-api.ts";

const sandbox = { org: "acme", product: "mission-control", instance: "acme-mc-sandbox" };

for (const backend of ["pglite", "postgres"] as const) {
  describe(`removing a user whose roles come from elsewhere on ${backend}`, () => {
    const { send, signIn, rows, auditCount } = demoApi(backend);

    const grantsOf = (userId: string) =>
      rows(`select id, role, instance from grants where subject_user = '${userId}' order by id`);

    /** Both procedures refuse `userId` at the sandbox with `words`, as may does; nothing is written. */
    const refusedBoth = async (admin: Call, userId: string, words: ReadonlyArray<string>) => {
      const before = await grantsOf(userId);
      const audits = await auditCount();
      for (const procedure of ["users.removeAccess", "users.delete"]) {
        const input = { userId, scope: sandbox };
        const answer = await send("POST", procedure, input, admin);
        expect(answer.status, procedure).toBe(400);
        const message = (answer.error as { message: string }).message;
        for (const word of words) expect(message).toContain(word);
        const may = await send("GET", "may", { procedure, input }, admin);
        expect(may.data).toEqual({ allowed: false, code: "BAD_REQUEST", reason: message });
      }
      expect(await grantsOf(userId)).toEqual(before);
      expect(await auditCount()).toBe(audits);
    };

    it("refuses a user whose role here is product-wide, naming where it is given", async () => {
      const admin = await signIn("admin@acme.example");
      await refusedBoth(admin, "demo-customeruser", [
        "holds no role at sandbox itself",
        "comes from Mission Control (all environments)",
        "remove it where it is given",
      ]);
    });

    it("refuses a user whose role here comes through a group, naming the group", async () => {
      const admin = await signIn("admin@acme.example");
      const group = await send("POST", "groups.create", { org: "acme", name: "Release crew" }, admin);
      const groupId = (group.data as { id: string }).id;
      const member = { groupId, userId: "demo-exp-editor" };
      expect((await send("POST", "groups.addMember", member, admin)).status).toBe(200);
      const given = {
        subject: { kind: "group", id: groupId },
        role: "mission-control:customerDev",
        scope: sandbox,
      };
      expect((await send("POST", "grants.create", given, admin)).status).toBe(200);
      await refusedBoth(admin, "demo-exp-editor", [
        "comes from group Release crew (this instance)",
        "remove them from group Release crew",
      ]);
    });

    it("still removes a role given at the place itself", async () => {
      const admin = await signIn("admin@acme.example");
      const given = {
        subject: { kind: "user", id: "demo-customerdev" },
        role: "mission-control:customerUser",
        scope: sandbox,
      };
      expect((await send("POST", "grants.create", given, admin)).status).toBe(200);
      const input = { userId: "demo-customerdev", scope: sandbox };
      expect((await send("GET", "may", { procedure: "users.removeAccess", input }, admin)).data).toEqual({
        allowed: true,
      });
      expect((await send("POST", "users.removeAccess", input, admin)).status).toBe(200);
      // Now only the product-wide role reaches the sandbox: a second removal is refused.
      await refusedBoth(admin, "demo-customerdev", ["comes from Mission Control (all environments)"]);
    });

    it("refuses removing someone who holds nothing at the place, telling no one more than users.get does", async () => {
      const instanceAdmin = await signIn("instance-admin@acme.example");
      const admin = await signIn("admin@acme.example");
      const acmeSite = { org: "acme", product: "cms", instance: "acme-cms" };
      for (const userId of ["demo-exp-viewer", "demo-admin"]) {
        const before = await auditCount();
        for (const procedure of ["users.removeAccess", "users.delete"]) {
          // The instance admin does not find a person nothing reaches at its place, as users.get answers it.
          const hidden = await send("POST", procedure, { userId, scope: acmeSite }, instanceAdmin);
          expect(hidden.status, `${procedure} ${userId}`).toBe(404);
          // The super admin, who views everyone, is told there is nothing to remove.
          const told = await send("POST", procedure, { userId, scope: acmeSite }, admin);
          expect(told.status, `${procedure} ${userId}`).toBe(400);
          expect((told.error as { message: string }).message).toMatch(
            /holds no role at Acme Site; there is nothing to remove$/,
          );
        }
        expect(await auditCount()).toBe(before);
        const seen = await send("GET", "users.get", { id: userId, context: acmeSite }, instanceAdmin);
        expect(seen.status).toBe(404);
      }
      // Someone who may not remove access there is refused for that, never told what the person holds.
      const viewer = await signIn("exp-viewer@acme.example");
      const refused = await send(
        "POST",
        "users.removeAccess",
        { userId: "demo-admin", scope: acmeSite },
        viewer,
      );
      expect(refused.status).toBe(403);
      expect((refused.error as { message: string }).message).not.toContain("Ada Admin");
      expect(
        (await send("GET", "users.get", { id: "demo-exp-viewer", context: { org: "acme" } }, admin)).status,
      ).toBe(200);
    });
  });
}
