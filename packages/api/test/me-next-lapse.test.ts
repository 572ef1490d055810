// auth.me's nextLapseInMs on PGlite and PostgreSQL: how long until a role in the person's organization lapses, which
// no write announces, so that an open app reads its answers again then (F5 of audit C); none while nothing expires.
import { describe, expect, it } from "vitest";
import { demoApi } from "./support/demo-api.ts";

const acmeSite = { org: "acme", product: "cms", instance: "acme-cms" };
const HOUR = 3_600_000;

for (const backend of ["pglite", "postgres"] as const) {
  describe(`auth.me's next lapse on ${backend}`, () => {
    const { send, signIn } = demoApi(backend);

    const lapseFor = async (call: Awaited<ReturnType<typeof signIn>>): Promise<unknown> => {
      const me = await send("GET", "auth.me", undefined, call);
      expect(me.status).toBe(200);
      return (me.data as { nextLapseInMs: unknown }).nextLapseInMs;
    };

    it("tells every person of the organization when a role given there lapses, and forgets it once removed", async () => {
      const admin = await signIn("admin@acme.example");
      const viewer = await signIn("customeruser@acme.example");
      const partner = await signIn("partneruser@agency.example");
      expect(await lapseFor(viewer)).toBeNull();
      const before = Date.now();
      const given = await send(
        "POST",
        "grants.create",
        {
          subject: { kind: "user", id: "demo-customeruser" },
          role: "admin-center:instance-admin",
          scope: acmeSite,
          expiresAt: new Date(before + HOUR).toISOString(),
        },
        admin,
      );
      expect(given.status, JSON.stringify(given.error)).toBe(200);
      for (const person of [viewer, admin]) {
        const inMs = await lapseFor(person);
        expect(typeof inMs).toBe("number");
        expect(inMs as number).toBeGreaterThan(0);
        expect(inMs as number).toBeLessThanOrEqual(HOUR);
      }
      // Another organization's roles are none of the partner's business.
      expect(await lapseFor(partner)).toBeNull();
      const grant = (given.data as { id: string }).id;
      const removed = await send("POST", "grants.remove", { id: grant, version: 1 }, admin);
      expect(removed.status, JSON.stringify(removed.error)).toBe(200);
      expect(await lapseFor(viewer)).toBeNull();
    });
  });
}
