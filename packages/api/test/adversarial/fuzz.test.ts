// Fuzzing: every procedure of the router tree (found by walking it, so a new one joins unlisted) and every /v1 route
// (decision-routes.ts) gets inputs made from its own input schema plus hostile mutations, over HTTP as an anonymous
// caller, a low-privilege user and a super admin, on PGlite and PostgreSQL: no 5xx, no hang, and no audit row for a
// refused mutation.
import { EngineSync } from "@gatehouse/store";
import { Duration, Effect } from "effect";
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/app.ts";
import { appRouter } from "../../src/root.ts";
import { decisionRoutes } from "../../src/v1/decision-routes.ts";
import { type Call, demoApi } from "../support/demo-api.ts";
import { type FuzzInput, fuzzInputs } from "./hostile-inputs.ts";

/** Inputs per procedure (each sent as every actor) and the seed: GATEHOUSE_FUZZ_RUNS and _SEED for longer runs. */
const RUNS = Number(process.env.GATEHOUSE_FUZZ_RUNS ?? 50);
const SEED = Number(process.env.GATEHOUSE_FUZZ_SEED ?? 20_261_201);
/** The bound on one request: an answer later than this counts as a hang. */
const HANG_MS = 30_000;
/**
 * How long a question asked `atLeast` a fuzzed token waits for it before its 412: any wait proves the bound holds,
 * and the server's 5 s default would make the decision procedures' fuzzing wait minutes for tokens never written.
 */
const AT_LEAST_WAIT = Duration.millis(50);
/** Requests in flight at once, per procedure. */
const CONCURRENCY = 6;
/** The fuzzing client's address (behind a trusted proxy), so its failed sign-ins never lock out the actors'. */
const FUZZ_ADDRESS = "198.51.100.7";

interface Procedure {
  /** tRPC's dotted path, or a /v1 route's own path. */
  readonly path: string;
  /** A /v1 route is POSTed like a mutation (its input in the body; a refusal must not be audited either). */
  readonly type: "query" | "mutation" | "subscription";
  readonly input: unknown;
}

/** Every procedure of the app router, with its input schema (undefined when it takes none), then every /v1 route. */
// tRPC types the record by the router's nesting; at run time it is flat, keyed by dotted path.
const procedures: ReadonlyArray<Procedure> = [
  ...Object.entries(
    appRouter._def.procedures as unknown as Record<
      string,
      { readonly _def: { readonly type: Procedure["type"]; readonly inputs: ReadonlyArray<unknown> } }
    >,
  ).map(([path, procedure]) => ({ path, type: procedure._def.type, input: procedure._def.inputs[0] })),
  ...decisionRoutes.map((route) => ({ path: route.path, type: "mutation" as const, input: route.input })),
];

/** Where `path` is served: a /v1 route at its own path, a tRPC procedure under /trpc/. */
const urlOf = (path: string) => (path.startsWith("/v1/") ? path : `/trpc/${path}`);

interface Outcome {
  readonly status: number | "hang";
  readonly requestId: string | null;
  readonly body: string;
}

type Actor = { readonly name: string; readonly email?: string; call: Call };

/** A stable number for a procedure's path, so each procedure gets its own inputs from the one seed. */
const seedOf = (path: string): number =>
  [...path].reduce((hash, ch) => (Math.imul(hash, 31) + (ch.codePointAt(0) ?? 0)) | 0, SEED);

/** Runs `tasks` with at most `limit` in flight. */
const inBatches = async <A>(tasks: ReadonlyArray<() => Promise<A>>, limit: number): Promise<A[]> => {
  const results: A[] = [];
  for (let i = 0; i < tasks.length; i += limit)
    results.push(...(await Promise.all(tasks.slice(i, i + limit).map((task) => task()))));
  return results;
};

describe.each(["pglite", "postgres"] as const)("fuzzing every procedure on %s", (backend) => {
  const api = demoApi(backend);

  it(`answers ${RUNS} hostile inputs per procedure as three actors with no 5xx, no hang and no stray audit row`, async () => {
    const sync = await api.runtime.runPromise(Effect.service(EngineSync));
    const app = createApp({
      engine: () => sync.engine,
      store: api.runtime,
      appsDir: "/nonexistent",
      trustProxy: true,
      atLeastWait: AT_LEAST_WAIT,
    });

    const send = async (procedure: Procedure, input: FuzzInput, call: Call): Promise<Outcome> => {
      const headers: Record<string, string> = { "x-forwarded-for": FUZZ_ADDRESS };
      if (call.cookie !== undefined) headers.cookie = call.cookie;
      if (call.csrf !== undefined) headers["x-csrf-token"] = call.csrf;
      const init: RequestInit =
        procedure.type === "query"
          ? { method: "GET", headers }
          : { method: "POST", headers: { ...headers, "content-type": "application/json" }, body: input.text };
      const query = procedure.type === "query" ? `?input=${encodeURIComponent(input.text)}` : "";
      let timer: NodeJS.Timeout | undefined;
      const hang = new Promise<Outcome>((resolve) => {
        timer = setTimeout(() => resolve({ status: "hang", requestId: null, body: "" }), HANG_MS);
      });
      const answer = (async (): Promise<Outcome> => {
        const res = await app.request(`http://localhost${urlOf(procedure.path)}${query}`, init);
        return { status: res.status, requestId: res.headers.get("x-request-id"), body: await res.text() };
      })();
      try {
        return await Promise.race([answer, hang]);
      } finally {
        clearTimeout(timer);
      }
    };

    const actors: Actor[] = [
      { name: "anonymous", call: {} },
      { name: "low-privilege user", email: "customeruser@acme.example", call: {} },
      { name: "super admin", email: "admin@acme.example", call: {} },
    ];
    /** Signs the actors in again when a fuzzed call (auth.logout, a login) ended their session. */
    const keepSignedIn = async () => {
      for (const actor of actors) {
        if (actor.email === undefined) continue;
        const me = await api.send("GET", "auth.me", undefined, actor.call);
        if (me.status === 401) actor.call = await api.signIn(actor.email);
      }
    };

    const failures: string[] = [];
    const refusedMutations: string[] = [];
    let requests = 0;
    for (const procedure of procedures) {
      await keepSignedIn();
      const inputs = fuzzInputs(procedure.input, { count: RUNS, seed: seedOf(procedure.path), org: "acme" });
      const tasks = inputs.flatMap((input) =>
        actors.map((actor) => async () => {
          const outcome = await send(procedure, input, actor.call);
          return { input, actor, outcome };
        }),
      );
      for (const { input, actor, outcome } of await inBatches(tasks, CONCURRENCY)) {
        requests++;
        const { status, requestId, body } = outcome;
        if (status === "hang" || status >= 500)
          failures.push(
            `${procedure.path} as ${actor.name}, ${input.mutation}: ${status} ${body.slice(0, 300)}`,
          );
        else if (procedure.type === "mutation" && status >= 400 && requestId !== null)
          refusedMutations.push(requestId);
      }
    }

    const audited = new Set(
      (
        await api.rows<{ request_id: string }>(
          "select request_id from audit_log where request_id is not null",
        )
      ).map((row) => row.request_id),
    );
    const auditedRefusals = refusedMutations.filter((id) => audited.has(id));
    console.info(
      `fuzz (${backend}): ${procedures.length} procedures × ${RUNS} inputs × ${actors.length} actors = ${requests} requests (seed ${SEED}); ${failures.length} failures, ${refusedMutations.length} refused mutations, ${auditedRefusals.length} of them audited`,
    );
    expect(failures).toEqual([]);
    expect(auditedRefusals).toEqual([]);
    expect(procedures.length).toBeGreaterThan(0);
  }, 600_000);
});
