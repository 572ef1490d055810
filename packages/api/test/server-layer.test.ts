// Server start-up on a fresh embedded database: migrations, system roles and demo data come first, then the
// engine is loaded from what was stored, and the app serves over it. A restarted server picks up the Mission
// Control operations the stopped one left, and two servers on one database run each pending operation once.
import { layerPglite } from "@gatehouse/db";
import { EngineSync, type OperationRecord, Operations } from "@gatehouse/store";
import { Effect, Exit, Layer, ManagedRuntime, Scope } from "effect";
import { SqlClient } from "effect/sql";
import { afterEach, describe, expect, it } from "vitest";
import { createApp } from "../src/app.ts";
import { type RunStore, SimulatedExecutor, setOperationExecutor } from "../src/mission-control/executor.ts";
import { interruptedError, recoverOperations } from "../src/mission-control/recovery.ts";
import { serverLayer } from "../src/server-layer.ts";

setOperationExecutor(new SimulatedExecutor({ timeScale: 0.001, failureRate: 0 }));

const production = {
  org: "acme",
  product: "mission-control",
  instance: "acme-mc-production",
  attrs: { production: true },
};

const scopes: Array<Scope.Closeable> = [];
afterEach(async () => {
  for (const scope of scopes.splice(0)) await Effect.runPromise(Scope.close(scope, Exit.void));
});

/** One embedded database that several server runtimes (the "processes") open in turn or at once. */
const sharedDatabase = async () => {
  const scope = Effect.runSync(Scope.make());
  scopes.push(scope);
  return Layer.succeedContext(await Effect.runPromise(Layer.buildWithScope(layerPglite(), scope)));
};

type Server = ManagedRuntime.ManagedRuntime<Layer.Success<ReturnType<typeof serverLayer>>, unknown>;

/** Starts a server runtime and waits until it is ready (database prepared, engine loaded, first sweep done). */
const start = async (database: Awaited<ReturnType<typeof sharedDatabase>>): Promise<Server> => {
  const runtime = ManagedRuntime.make(serverLayer(database));
  await runtime.runPromise(Effect.service(EngineSync));
  return runtime;
};

const base = { org: "acme", instance: "acme-mc-sandbox", requestedBy: "demo-customeruser", simulated: true };

const operation = (server: Server, id: string) => server.runPromise(Operations.use((ops) => ops.get(id)));

/** Reads the operation until it is no longer open (bounded: at most 200 polls of 25 ms). */
const finished = async (server: Server, id: string): Promise<OperationRecord> => {
  for (let i = 0; i < 200; i++) {
    const op = await operation(server, id);
    if (op.status !== "submitted" && op.status !== "in-progress") return op;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`operation ${id} did not finish`);
};

const auditedActions = (server: Server, id: string) =>
  server.runPromise(
    Effect.gen(function* () {
      const sql = yield* SqlClient.SqlClient;
      const rows = yield* sql<{ readonly action: string; readonly actor_kind: string }>`
        select action, actor_kind from audit_log where target_kind = 'operation' and target_id = ${id} order by id`;
      return rows.map((r) => `${r.action} by ${r.actor_kind}`);
    }),
  );

const statusesOf = (server: Server, id: string) =>
  server.runPromise(
    Effect.map(
      Operations.use((ops) => ops.events(id)),
      (events) => events.map((e) => e.status),
    ),
  );

/** A promise that settles once `parties` callers have arrived. */
const barrier = (parties: number) => {
  let arrived = 0;
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return () => {
    arrived += 1;
    if (arrived === parties) open();
    return opened;
  };
};

/** A store runner over `server` whose first call (the executor's read) waits at `gate`: both executors then
 * see the operation `submitted` before either claims it. */
const afterFirstRead = (server: Server, gate: () => Promise<void>): RunStore => {
  let first = true;
  return async (effect) => {
    const value = await server.runPromise(effect);
    if (first) {
      first = false;
      await gate();
    }
    return value;
  };
};

describe("server start-up", () => {
  it("loads the demo world into the engine and serves it", async () => {
    const runtime = ManagedRuntime.make(serverLayer(layerPglite()));
    try {
      const sync = await runtime.runPromise(Effect.service(EngineSync));
      const engine = sync.engine;
      expect(engine.check("demo-customeruser", "mission-control:site.restart", production)).toBe("allow");
      expect(engine.check("demo-customeruser", "mission-control:code.deploy", production)).toBe("deny");
      expect(engine.landing("demo-admin")).toBe("products");
      const res = await createApp({ engine: () => sync.engine }).request("/healthz");
      expect(res.status).toBe(200);
    } finally {
      await runtime.dispose();
    }
  }, 120_000);

  it("a restarted server runs the due operations, re-arms scheduled ones and fails interrupted ones", async () => {
    const database = await sharedDatabase();
    const stopped = await start(database);
    const left = await stopped.runPromise(
      Effect.gen(function* () {
        const ops = yield* Operations;
        const sql = yield* SqlClient.SqlClient;
        const due = yield* ops.create({ ...base, action: "mission-control:site.restart" });
        const scheduled = yield* ops.create({
          ...base,
          action: "mission-control:database.backup",
          scheduledFor: new Date(Date.now() + 1_000_000),
        });
        const running = yield* ops.create({ ...base, action: "mission-control:code.deploy" });
        yield* ops.transition(running.value.id, { from: ["submitted"], to: "in-progress", actor: null });
        // Its process last signalled ten minutes ago, then died.
        yield* sql`update operations set updated_at = now() - interval '10 minutes' where id = ${running.value.id}`;
        return { due: due.value.id, scheduled: scheduled.value.id, running: running.value.id };
      }),
    );
    await stopped.dispose();

    const restarted = await start(database);
    try {
      const interrupted = await operation(restarted, left.running);
      expect(interrupted).toMatchObject({ status: "failed", error: interruptedError });
      expect(await statusesOf(restarted, left.running)).toEqual(["submitted", "in-progress", "failed"]);
      expect(await auditedActions(restarted, left.running)).toEqual(["operation.failed by system"]);

      expect((await operation(restarted, left.scheduled)).status).toBe("submitted");
      expect((await finished(restarted, left.due)).status).toBe("completed");
      expect(await auditedActions(restarted, left.due)).toEqual([
        "operation.in-progress by system",
        "operation.completed by system",
      ]);
      // Scheduled 1 000 s ahead at time scale 0.001: about a second after the restart.
      expect((await finished(restarted, left.scheduled)).status).toBe("completed");
      expect(await statusesOf(restarted, left.scheduled)).toEqual(["submitted", "in-progress", "completed"]);
    } finally {
      await restarted.dispose();
    }
  }, 120_000);

  it("two servers starting on one database run a pending operation once and leave a live one alone", async () => {
    const database = await sharedDatabase();
    const setup = await start(database);
    const left = await setup.runPromise(
      Effect.gen(function* () {
        const ops = yield* Operations;
        const due = yield* ops.create({ ...base, action: "mission-control:site.restart" });
        const live = yield* ops.create({ ...base, action: "mission-control:code.deploy" });
        yield* ops.transition(live.value.id, { from: ["submitted"], to: "in-progress", actor: null });
        return { due: due.value.id, live: live.value.id };
      }),
    );
    await setup.dispose();

    const [one, two] = await Promise.all([start(database), start(database)]);
    try {
      expect((await finished(one, left.due)).status).toBe("completed");
      // Both servers were handed the operation; give the loser's attempt time to come and go.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await statusesOf(two, left.due)).toEqual(["submitted", "in-progress", "completed"]);
      expect(await auditedActions(two, left.due)).toEqual([
        "operation.in-progress by system",
        "operation.completed by system",
      ]);
      // Both servers' executors read the same operation as submitted: one claims it, the other gives up.
      const racing = await one.runPromise(
        Operations.use((ops) => ops.create({ ...base, action: "mission-control:database.backup" })),
      );
      const executor = new SimulatedExecutor({ timeScale: 0.001, failureRate: 0 });
      const bothRead = barrier(2);
      executor.submit(racing.value, afterFirstRead(one, bothRead));
      executor.submit(racing.value, afterFirstRead(two, bothRead));
      expect((await finished(two, racing.value.id)).status).toBe("completed");
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await statusesOf(one, racing.value.id)).toEqual(["submitted", "in-progress", "completed"]);
      expect(await auditedActions(one, racing.value.id)).toEqual([
        "operation.in-progress by system",
        "operation.completed by system",
      ]);
      // In progress and recently signalled: another process may be running it, so neither server touches it.
      expect((await operation(two, left.live)).status).toBe("in-progress");
      expect(await auditedActions(two, left.live)).toEqual([]);
    } finally {
      await Promise.all([one.dispose(), two.dispose()]);
    }
  }, 120_000);

  it("a running operation heartbeats: a sweep fails it only when its process has gone quiet", async () => {
    const server = await start(await sharedDatabase());
    try {
      const run: RunStore = (effect) => server.runPromise(effect);
      const slow = { "site.restart": [1.5, 1.5] } as const;
      const create = () =>
        server.runPromise(
          Operations.use((ops) => ops.create({ ...base, action: "mission-control:site.restart" })),
        );
      const beating = (await create()).value;
      const quiet = (await create()).value;
      new SimulatedExecutor({ durations: slow, failureRate: 0, heartbeatMs: 20 }).submit(beating, run);
      new SimulatedExecutor({ durations: slow, failureRate: 0, heartbeatMs: 60_000 }).submit(quiet, run);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const pass = await server.runPromise(
        recoverOperations(new SimulatedExecutor(), run, new Set([beating.id, quiet.id]), 500),
      );
      expect(pass).toEqual({ failed: 1, handed: 0 });
      expect((await operation(server, quiet.id)).status).toBe("failed");
      expect((await finished(server, beating.id)).status).toBe("completed");
      // The quiet one's process finishing later cannot overwrite the failure.
      await new Promise((resolve) => setTimeout(resolve, 700));
      expect(await statusesOf(server, quiet.id)).toEqual(["submitted", "in-progress", "failed"]);
    } finally {
      await server.dispose();
    }
  }, 120_000);
});
