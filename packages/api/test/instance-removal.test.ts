// Removing a Mission Control environment, on PGlite and PostgreSQL: refused (CONFLICT naming them, `may` alike)
// while an operation is underway on it or a partner request for it waits, so none vanishes unfinished or
// unanswered; once they are cancelled and answered, it is removed.
import { describe, expect, it } from "vitest";
import { SimulatedExecutor, setOperationExecutor } from "../src/mission-control/executor.ts";
import { type Call, demoApi } from "./support/demo-api.ts";

setOperationExecutor(new SimulatedExecutor({ timeScale: 0.001, failureRate: 0 }));

interface Instance {
  readonly id: string;
  readonly name: string;
  readonly version: number;
}

for (const backend of ["pglite", "postgres"] as const) {
  describe(`removing a Mission Control environment, on ${backend}`, () => {
    const { send, signIn, rows } = demoApi(backend);

    const sandbox = async (admin: Call) => {
      const listed = await send("GET", "instances.list", { org: "acme", product: "mission-control" }, admin);
      const found = (listed.data as ReadonlyArray<Instance>).find((i) => i.id === "acme-mc-sandbox");
      if (found === undefined) throw new Error("no sandbox");
      return found;
    };
    const remove = (admin: Call, instance: Instance) =>
      send("POST", "instances.remove", { id: instance.id, version: instance.version }, admin);
    const mayRemove = async (admin: Call, instance: Instance) =>
      (
        await send(
          "GET",
          "may",
          { procedure: "instances.remove", input: { id: instance.id, version: instance.version } },
          admin,
        )
      ).data;

    it("is refused while an operation is scheduled and while a partner request waits; then removed", async () => {
      const admin = await signIn("admin@acme.example");
      const customer = await signIn("customeradmin@acme.example");
      const scheduled = await send(
        "POST",
        "operations.run",
        {
          instance: "acme-mc-sandbox",
          action: "code.deploy",
          scheduledFor: new Date(Date.now() + 3_600_000).toISOString(),
        },
        customer,
      );
      expect(scheduled.status).toBe(200);
      const operation = (scheduled.data as { operation: { id: string } }).operation.id;

      const env = await sandbox(admin);
      const underway = `${env.name} cannot be removed while operations are underway on it: Base code deploy (scheduled). Cancel the waiting ones and let the running ones finish, then remove it`;
      expect(await mayRemove(admin, env)).toMatchObject({
        allowed: false,
        code: "CONFLICT",
        reason: underway,
      });
      const refused = await remove(admin, env);
      expect(refused.status).toBe(409);
      expect(refused.error?.message).toBe(underway);
      expect(await rows(`select id from operations where id = '${operation}'`)).toHaveLength(1);
      // Who may not remove it learns nothing of what runs there.
      const dev = await signIn("customerdev@acme.example");
      const forbidden = await remove(dev, env);
      expect(forbidden.status).toBe(403);
      expect(forbidden.error?.message).not.toContain("Base code deploy");

      expect((await send("POST", "operations.cancel", { id: operation }, customer)).status).toBe(200);

      // A partner's request for the environment, unanswered.
      const partner = await signIn("partneradmin@agency.example");
      const asked = await send(
        "POST",
        "accessRequests.request",
        {
          customerOrg: "acme",
          role: "mission-control:partnerUser",
          instance: "acme-mc-sandbox",
          path: "support-ticket",
        },
        partner,
      );
      expect(asked.status).toBe(200);
      const request = (asked.data as { id: string }).id;
      const waiting = await remove(admin, env);
      expect(waiting.status).toBe(409);
      expect(waiting.error?.message).toContain("a partner access request waits for it");
      // Approved, it still waits (for the operator).
      expect(
        (await send("POST", "accessRequests.decide", { id: request, approve: true }, admin)).data,
      ).toMatchObject({ status: "customer-approved" });
      expect((await remove(admin, env)).status).toBe(409);
      // Withdrawn, the partner has its answer, and the environment goes.
      expect(
        (await send("POST", "accessRequests.decide", { id: request, approve: false }, admin)).data,
      ).toMatchObject({ status: "denied" });
      expect(await mayRemove(admin, env)).toMatchObject({ allowed: true });
      const removed = await remove(admin, env);
      expect(removed.status).toBe(200);
      expect(await rows("select id from instances where id = 'acme-mc-sandbox'")).toEqual([]);
    });
  });
}
