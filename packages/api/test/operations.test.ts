// Mission Control operations through app.request over a demo database (PGlite), with the simulated executor in
// fast mode: runs authorized on the stored instance, history of status changes, confirm names, cancel, credentials.
import { describe, expect, it } from "vitest";
import { SimulatedExecutor, setOperationExecutor } from "../src/mission-control/executor.ts";
import { type Call, demoApi } from "./support/demo-api.ts";

setOperationExecutor(new SimulatedExecutor({ timeScale: 0.001, failureRate: 0 }));
const { send, signIn, rows, auditCount } = demoApi();

interface OperationView {
  readonly id: string;
  readonly status: string;
  readonly simulated: boolean;
  readonly action: string;
  readonly result: Record<string, unknown> | null;
  readonly events?: ReadonlyArray<{ readonly status: string }>;
}

/** Reads the operation until it has finished (bounded: at most 200 polls of 25 ms). */
const settled = async (call: Call, id: string): Promise<OperationView> => {
  for (let i = 0; i < 200; i++) {
    const answer = await send("GET", "operations.get", { id }, call);
    const op = answer.data as OperationView;
    if (["completed", "failed", "cancelled"].includes(op.status)) return op;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`operation ${id} did not finish`);
};

const run = (call: Call, input: object) => send("POST", "operations.run", input, call);

describe("operations", () => {
  it("customeruser restarts the sandbox: completed, simulated, history submitted → in-progress → completed", async () => {
    const user = await signIn("customeruser@acme.example");
    const answer = await run(user, { instance: "acme-mc-sandbox", action: "site.restart" });
    expect(answer.status).toBe(200);
    const { operation } = answer.data as { operation: OperationView };
    expect(operation).toMatchObject({
      status: "submitted",
      simulated: true,
      action: "mission-control:site.restart",
    });
    const done = await settled(user, operation.id);
    expect(done.status).toBe("completed");
    expect(done.result).toMatchObject({ simulated: true });
    expect(done.events?.map((e) => e.status)).toEqual(["submitted", "in-progress", "completed"]);

    const history = await send("GET", "operations.history", { org: "acme", limit: 10 }, user);
    expect(history.status).toBe(200);
    const items = (history.data as { items: ReadonlyArray<OperationView> }).items;
    expect(items.map((i) => i.id)).toContain(operation.id);
    const audited = await rows<{ action: string }>(
      `select action from audit_log where target_kind = 'operation' order by id`,
    );
    expect(audited.map((a) => a.action)).toEqual(
      expect.arrayContaining(["operation.run", "operation.in-progress", "operation.completed"]),
    );
  });

  it("customeruser may not deploy (403 with the reason, nothing written); customerdev may", async () => {
    const user = await signIn("customeruser@acme.example");
    const before = await auditCount();
    const opsBefore = await rows<{ n: string }>("select count(*) as n from operations");
    const refused = await run(user, { instance: "acme-mc-sandbox", action: "code.deploy" });
    expect(refused.status).toBe(403);
    expect(refused.error?.message).toContain("mission-control:code.deploy");
    expect(await auditCount()).toBe(before);
    expect(await rows<{ n: string }>("select count(*) as n from operations")).toEqual(opsBefore);

    const dev = await signIn("customerdev@acme.example");
    const deployed = await run(dev, { instance: "acme-mc-sandbox", action: "code.deploy" });
    expect(deployed.status).toBe(200);
    const { operation } = deployed.data as { operation: OperationView };
    expect((await settled(dev, operation.id)).status).toBe("completed");
  });

  it("database.sync needs the typed instance name; a scheduled operation can be cancelled", async () => {
    const dev = await signIn("customerdev@acme.example");
    // The production syncs copy production over a sandbox: never run on production itself.
    for (const action of ["database.sync", "userfiles.sync"]) {
      const onProduction = await run(dev, {
        instance: "acme-mc-production",
        action,
        confirmName: "production",
      });
      expect(onProduction.status).toBe(400);
      expect(onProduction.error?.message).toContain("run it on a sandbox");
    }
    const unconfirmed = await run(dev, { instance: "acme-mc-sandbox", action: "database.sync" });
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.error?.message).toContain("confirmName");
    const wrong = await run(dev, {
      instance: "acme-mc-sandbox",
      action: "database.sync",
      confirmName: "prod",
    });
    expect(wrong.status).toBe(400);
    const synced = await run(dev, {
      instance: "acme-mc-sandbox",
      action: "database.sync",
      confirmName: "sandbox",
    });
    expect(synced.status).toBe(200);

    const later = new Date(Date.now() + 86_400_000).toISOString();
    const scheduled = await run(dev, {
      instance: "acme-mc-sandbox",
      action: "database.backup",
      scheduledFor: later,
    });
    expect(scheduled.status).toBe(200);
    const { operation } = scheduled.data as { operation: OperationView };
    const cancelled = await send("POST", "operations.cancel", { id: operation.id }, dev);
    expect(cancelled.status).toBe(200);
    expect((cancelled.data as OperationView).status).toBe("cancelled");
    const again = await send("POST", "operations.cancel", { id: operation.id }, dev);
    expect(again.status).toBe(400);
    const got = await send("GET", "operations.get", { id: operation.id }, dev);
    expect((got.data as OperationView).events?.map((e) => e.status)).toEqual(["submitted", "cancelled"]);
    const cancelledOnly = await send(
      "GET",
      "operations.history",
      { org: "acme", status: "cancelled", limit: 5 },
      dev,
    );
    expect((cancelledOnly.data as { items: ReadonlyArray<OperationView> }).items.map((i) => i.id)).toEqual([
      operation.id,
    ]);
  });

  it("database.credentials shows the password once; the database keeps only its hash", async () => {
    const dev = await signIn("customerdev@acme.example");
    const answer = await run(dev, { instance: "acme-mc-sandbox", action: "database.credentials" });
    expect(answer.status).toBe(200);
    const { operation, once } = answer.data as { operation: OperationView; once: { password: string } };
    expect(once.password.length).toBeGreaterThan(12);
    const done = await settled(dev, operation.id);
    expect(JSON.stringify(done)).not.toContain(once.password);
    const stored = await rows<{ params: unknown; result: unknown }>(
      `select params, result from operations where id = '${operation.id}'`,
    );
    expect(JSON.stringify(stored)).not.toContain(once.password);
    const events = await rows<{ message: string | null }>("select message from operation_events");
    expect(JSON.stringify(events)).not.toContain(once.password);
    const audit = await rows<{ after: unknown }>("select after from audit_log");
    expect(JSON.stringify(audit)).not.toContain(once.password);
  });
});
