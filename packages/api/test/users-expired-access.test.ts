// users.list of a place on PGlite and PostgreSQL: a grant whose expiry passed is listed with its expiry and marked
// expired (the account's status stays ACTIVE, so the status cannot tell); one still to come carries its date.
import { describe, expect, it, vi } from "vitest";
import { demoApi } from "./support/demo-api.ts";

interface Access {
  readonly roleName: string;
  readonly where: string;
  readonly expiresAt: string | null;
  readonly expired: boolean;
}
interface Row {
  readonly email: string;
  readonly status: string;
  readonly access: ReadonlyArray<Access>;
}

const acmeSite = { org: "acme", product: "cms", instance: "acme-cms" };

for (const backend of ["pglite", "postgres"] as const) {
  describe(`users.list expiry on ${backend}`, () => {
    const { send, signIn } = demoApi(backend);

    it("lists an expired Instance Admin grant as expired, not as held", async () => {
      const admin = await signIn("admin@acme.example");
      const until = new Date(Date.now() + 1500).toISOString();
      const given = await send(
        "POST",
        "grants.create",
        {
          subject: { kind: "user", id: "demo-customeruser" },
          role: "admin-center:instance-admin",
          scope: acmeSite,
          expiresAt: until,
        },
        admin,
      );
      expect(given.status, JSON.stringify(given.error)).toBe(200);
      const rowOf = async () => {
        const list = await send(
          "GET",
          "users.list",
          { org: "acme", scope: { product: "cms", instance: "acme-cms" }, limit: 200 },
          admin,
        );
        expect(list.status).toBe(200);
        return (list.data as { items: ReadonlyArray<Row> }).items.find(
          (u) => u.email === "customeruser@acme.example",
        );
      };
      expect((await rowOf())?.access).toEqual([
        expect.objectContaining({ roleName: "Instance Admin", expiresAt: until, expired: false }),
      ]);
      const row = await vi.waitFor(
        async () => {
          const found = await rowOf();
          expect(found?.access[0]?.expired).toBe(true);
          return found;
        },
        { timeout: 10_000, interval: 250 },
      );
      expect(row?.status).toBe("active");
      expect(row?.access).toEqual([
        expect.objectContaining({ roleName: "Instance Admin", expiresAt: until }),
      ]);
    });
  });
}
