// Mission Control operations through app.request over a demo database (PGlite), with the simulated executor in
// fast mode: runs authorized on the stored instance, history of status changes, confirm names, cancel, credentials.
import { REQUESTER_LOST_ACCESS } from "@gatehouse/domain";
import type { OperationRecord } from "@gatehouse/store";
import { describe, expect, it } from "vitest";
import { type RunStore, SimulatedExecutor, setOperationExecutor } from "../src/mission-control/executor.ts";
import { type Call, demoApi } from "./support/demo-api.ts";

/** The simulated executor, except that while `holding` it keeps what it is given until the test releases it. */
class HoldingExecutor extends SimulatedExecutor {
  holding = false;
  private readonly held: Array<readonly [OperationRecord, RunStore]> = [];
  override submit(operation: OperationRecord, run: RunStore): void {
    if (this.holding) this.held.push([operation, run]);
    else super.submit(operation, run);
  }
  /** Hands every held operation to the executor, as the server would have (it waits until `scheduledFor`). */
  release(): void {
    for (const [operation, run] of this.held.splice(0)) super.submit(operation, run);
  }
}

const executor = new HoldingExecutor({ timeScale: 0.001, failureRate: 0 });
setOperationExecutor(executor);
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

/** `call` runs `input`, stored and authorized as always; the executor holds it until `executor.release()`. */
const runHeld = async (call: Call, input: object): Promise<OperationView> => {
  executor.holding = true;
  try {
    const answer = await run(call, input);
    expect(answer.status).toBe(200);
    return (answer.data as { operation: OperationView }).operation;
  } finally {
    executor.holding = false;
  }
};

/** In `seconds` from now, as scheduledFor takes it. */
const inSeconds = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();

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
    // The request and every step name the operation as their target, so the audit log finds them by it.
    const audited = await rows<{ action: string }>(
      `select action from audit_log where target_kind = 'operation' and target_id = '${operation.id}' order by id`,
    );
    expect(audited.map((a) => a.action)).toEqual([
      "operation.run",
      "operation.in-progress",
      "operation.completed",
    ]);
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
    const { operation: sync } = synced.data as { operation: OperationView };
    expect((await settled(dev, sync.id)).status).toBe("completed");

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

  describe("an operation whose requester lost access before it started is cancelled, unrun", () => {
    /** The operation as the executor left it: cancelled by the system with the reason, never in progress. */
    const expectCancelledUnrun = async (id: string) => {
      const viewer = await signIn("customeradmin@acme.example");
      const done = await settled(viewer, id);
      expect(done).toMatchObject({ status: "cancelled", error: REQUESTER_LOST_ACCESS, result: null });
      const got = (await send("GET", "operations.get", { id }, viewer)).data as {
        events: ReadonlyArray<{ status: string; actor: unknown; message: string }>;
        startedAt: string | null;
      };
      expect(got.startedAt).toBeNull();
      expect(got.events.map((e) => [e.status, e.actor])).toEqual([
        ["submitted", expect.anything()],
        ["cancelled", null],
      ]);
      expect(got.events[1]?.message).toContain("no longer has access");
      const audited = await rows<{ action: string; actor_kind: string }>(
        `select action, actor_kind from audit_log where target_kind = 'operation' and target_id = '${id}' order by id`,
      );
      expect(audited.map((a) => `${a.action} by ${a.actor_kind}`)).toEqual([
        "operation.run by user",
        "operation.cancelled by system",
      ]);
    };

    it("its grant removed: a partner's scheduled database sync never runs", async () => {
      const admin = await signIn("admin@acme.example");
      const partner = await signIn("partneradmin@agency.example");
      const op = await runHeld(partner, {
        instance: "acme-mc-sandbox",
        action: "database.sync",
        confirmName: "sandbox",
        scheduledFor: inSeconds(5),
      });
      const grants = await send(
        "GET",
        "grants.list",
        { org: "acme", subject: { kind: "user", id: "demo-partneradmin" } },
        admin,
      );
      for (const grant of grants.data as ReadonlyArray<{ id: string; version: number }>)
        expect(
          (await send("POST", "grants.remove", { id: grant.id, version: grant.version }, admin)).status,
        ).toBe(200);
      executor.release();
      await expectCancelledUnrun(op.id);
    });

    it("its grant expired before the scheduled time: the backup never runs", async () => {
      const admin = await signIn("admin@acme.example");
      const expiresAt = Date.now() + 1500;
      const granted = await send(
        "POST",
        "grants.create",
        {
          subject: { kind: "user", id: "demo-product-admin" },
          role: "mission-control:customerUser",
          scope: { org: "acme", product: "mission-control" },
          expiresAt: new Date(expiresAt).toISOString(),
        },
        admin,
      );
      expect(granted.status).toBe(200);
      const holder = await signIn("product-admin@acme.example");
      const op = await runHeld(holder, {
        instance: "acme-mc-sandbox",
        action: "database.backup",
        scheduledFor: inSeconds(3),
      });
      // The grant ends at its expiry, by the clock: wait until it has passed, then let the executor start.
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, expiresAt - Date.now()) + 50));
      executor.release();
      await expectCancelledUnrun(op.id);
    });

    it("its account deactivated: the restart never runs; an allowed requester's held operation still completes", async () => {
      const admin = await signIn("admin@acme.example");
      const user = await signIn("customeruser@acme.example");
      const dev = await signIn("customerdev@acme.example");
      const op = await runHeld(user, { instance: "acme-mc-production", action: "site.restart" });
      const kept = await runHeld(dev, { instance: "acme-mc-production", action: "site.restart" });
      const deactivated = await send("POST", "users.deactivate", { userId: "demo-customeruser" }, admin);
      expect(deactivated.status).toBe(200);
      executor.release();
      await expectCancelledUnrun(op.id);
      expect((await settled(dev, kept.id)).status).toBe("completed");
      const history = await send(
        "GET",
        "operations.history",
        { org: "acme", status: "cancelled", limit: 10 },
        dev,
      );
      const shown = (history.data as { items: ReadonlyArray<{ id: string; error: string | null }> }).items;
      expect(shown.find((i) => i.id === op.id)?.error).toBe(REQUESTER_LOST_ACCESS);
      expect((await send("POST", "users.reactivate", { userId: "demo-customeruser" }, admin)).status).toBe(
        200,
      );
    });
  });

  it("refuses a view action and a schedule in the past or beyond 90 days (400 naming the field, nothing written)", async () => {
    const dev = await signIn("customerdev@acme.example");
    const before = await auditCount();
    const refused = [
      [{ action: "site.view" }, "action"],
      [{ action: "site.restart", scheduledFor: "1970-01-01T00:00:00.000Z" }, "scheduledFor"],
      [{ action: "site.restart", scheduledFor: inSeconds(-5 * 60) }, "scheduledFor"],
      [{ action: "site.restart", scheduledFor: "9999-12-31T23:59:59.000Z" }, "scheduledFor"],
      [{ action: "site.restart", scheduledFor: inSeconds(91 * 86_400) }, "scheduledFor"],
    ] as const;
    for (const [input, field] of refused) {
      const answer = await run(dev, { instance: "acme-mc-sandbox", ...input });
      expect(answer.status, JSON.stringify(input)).toBe(400);
      expect(answer.error?.message).toMatch(new RegExp(`^${field}: `));
      const rehearsed = await send(
        "GET",
        "may",
        { procedure: "operations.run", input: { instance: "acme-mc-sandbox", ...input } },
        dev,
      );
      expect(rehearsed.data).toMatchObject({ allowed: false, code: "BAD_REQUEST" });
    }
    expect(await auditCount()).toBe(before);
    // A minute's grace for clocks that differ (it runs at once), and up to 90 days ahead.
    for (const scheduledFor of [inSeconds(-30), inSeconds(89 * 86_400)]) {
      const op = await runHeld(dev, { instance: "acme-mc-sandbox", action: "database.backup", scheduledFor });
      expect((await send("POST", "operations.cancel", { id: op.id }, dev)).status).toBe(200);
    }
    executor.release();
  });
});
