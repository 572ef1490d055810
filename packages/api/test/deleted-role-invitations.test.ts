// Deleting a custom role that open invitations give (audit D4), on PGlite and PostgreSQL: the role leaves them; one
// left giving nothing is revoked (its link refused); one giving more stays revocable and gives the rest.
import { describe, expect, it } from "vitest";
import { type Call, demoApi } from "./support/demo-api.ts";

const cms = { org: "acme", product: "cms", instance: "acme-cms" };

interface InvitationView {
  readonly id: string;
  readonly email: string;
  readonly status: string;
  readonly version: number;
  readonly grants: ReadonlyArray<{ readonly role: string }>;
}

for (const backend of ["pglite", "postgres"] as const) {
  describe(`deleting a custom role that invitations give, on ${backend}`, () => {
    const { send, signIn } = demoApi(backend);

    const invite = (admin: Call, email: string, roles: ReadonlyArray<string>) =>
      send(
        "POST",
        "users.invite",
        { org: "acme", emails: [email], language: "en", grants: roles.map((role) => ({ role, scope: cms })) },
        admin,
      );
    const invitationOf = async (admin: Call, email: string) => {
      const listed = await send("GET", "invitations.list", { org: "acme" }, admin);
      expect(listed.status, JSON.stringify(listed.error)).toBe(200);
      const items = (listed.data as { items?: InvitationView[] }).items ?? (listed.data as InvitationView[]);
      return items.find((i) => i.email === email);
    };

    it("takes the role out of open invitations and revokes one left giving nothing", async () => {
      const admin = await signIn("admin@acme.example");
      const made = await send(
        "POST",
        "roles.createCustom",
        {
          product: "cms",
          instance: "acme-cms",
          roleName: "Short-lived",
          permissions: ["cms:edit-view.access"],
        },
        admin,
      );
      expect(made.status, JSON.stringify(made.error)).toBe(200);
      const role = made.data as { id: string; version: number };
      const only = await invite(admin, `only-${backend}@acme.example`, [role.id]);
      const both = await invite(admin, `both-${backend}@acme.example`, [role.id, "cms:content-editors"]);
      expect([only.status, both.status]).toEqual([200, 200]);

      expect(
        (await send("POST", "roles.deleteCustom", { id: role.id, version: role.version }, admin)).status,
      ).toBe(200);

      const lone = await invitationOf(admin, `only-${backend}@acme.example`);
      expect(lone?.status).toBe("revoked");
      const token = new URL(
        (only.data as { invited: Array<{ acceptUrl: string }> }).invited[0]?.acceptUrl ?? "",
        "http://localhost",
      ).searchParams.get("token");
      const accepted = await send("POST", "invitations.accept", { token, password: "a-long-password-1" }, {});
      expect(accepted.status).toBeGreaterThanOrEqual(400);

      const rest = await invitationOf(admin, `both-${backend}@acme.example`);
      expect(rest?.status).toBe("pending");
      expect(rest?.grants.map((g) => g.role)).toEqual(["cms:content-editors"]);
      const revoked = await send(
        "POST",
        "invitations.revoke",
        { id: rest?.id, version: rest?.version },
        admin,
      );
      expect(revoked.status, JSON.stringify(revoked.error)).toBe(200);
    });
  });
}
