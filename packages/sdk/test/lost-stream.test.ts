// The SDK when its stream is lost without a clean end, against the real server: a revoked key (the stream's
// `signed-out`, then 401) stops local answers at once, and a stream that falls silent is left and reconnected.
import type { Resource } from "@gatehouse/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDecisionPoint, type DecisionPoint, NotFresh, RemoteRefusal } from "../src/index.ts";
import { type Caller, type RealServer, realServer, until } from "./support/real-server.ts";

let server: RealServer;
let admin: Caller;
const points: Array<DecisionPoint> = [];

beforeAll(async () => {
  server = await realServer();
  admin = await server.signIn("admin@acme.example");
}, 180_000);
afterAll(async () => {
  for (const point of points) point.close();
  await server.dispose();
});

const open = (options: Partial<Parameters<typeof createDecisionPoint>[0]> & { apiKey: string }) => {
  const point = createDecisionPoint({
    url: server.url(),
    backoff: { initialMs: 20, maxMs: 200 },
    ...options,
  });
  points.push(point);
  return point;
};

const cms: Resource = { org: "acme", product: "cms", instance: "acme-cms" };

/** Gives `subject` a role on cms; the grant's id and the write's token. */
const give = async (subject: string) => {
  const given = await server.call(
    "POST",
    "grants.create",
    { subject: { kind: "user", id: subject }, role: "cms:content-editors", scope: cms },
    admin,
  );
  expect(given.status).toBe(200);
  return { id: (given.data as { id: string }).id, token: given.token ?? "" };
};

const remove = async (id: string) =>
  expect((await server.call("POST", "grants.remove", { id, version: 1 }, admin)).status).toBe(200);

/** What a call answers, or the name of what it throws. */
const outcome = <A>(call: () => A | Promise<A>): Promise<A | string> =>
  Promise.resolve()
    .then(call)
    .catch((error: unknown) => (error instanceof Error ? error.name : String(error)));

describe("a decision point whose stream is lost", () => {
  it("stops answering from its snapshot once its key is revoked, and says why", async () => {
    const key = await server.apiKey("acme");
    const point = open({ apiKey: key, maxStalenessMs: 60_000 });
    await point.ready();
    const question = { subject: "demo-customeruser", action: "cms:edit-view.access", resource: cms };
    const grant = await give(question.subject);
    expect(await point.check(question, { atLeast: grant.token })).toBe("allow");
    expect(point.freshness()).toMatchObject({ connected: true, fresh: true });

    expect((await server.call("POST", "apiKeys.revoke", { id: server.keyId(key) }, admin)).status).toBe(200);
    // The stream says signed-out: local answers stop at once, whatever maxStalenessMs allows a lost stream.
    expect(await until(() => !point.freshness().fresh)).toBe(true);
    const refusal = point.freshness().lastError;
    expect(refusal).toBeInstanceOf(RemoteRefusal);
    expect((refusal as RemoteRefusal).code).toBe("UNAUTHORIZED");

    await remove(grant.id);
    // Neither the local hot path nor the remote fallback answers with the revoked key.
    expect(await outcome(() => point.checkNow(question))).toBe("NotFresh");
    expect(await outcome(() => point.check(question))).toBe("RemoteRefusal");
    await expect(point.check(question)).rejects.toThrow("Sign in or send an API key");
    // It went on trying to reconnect, and the server refused it too.
    expect(
      await until(
        () =>
          point.freshness().lastError?.message === "Sign in or send an API key" &&
          !point.freshness().connected,
      ),
    ).toBe(true);
    expect(point.freshness().fresh).toBe(false);
  });

  it("tells a revoked key's refusal without a fallback as NotFresh, naming the refusal", async () => {
    const key = await server.apiKey("acme");
    const point = open({ apiKey: key, fallback: "none" });
    await point.ready();
    expect((await server.call("POST", "apiKeys.revoke", { id: server.keyId(key) }, admin)).status).toBe(200);
    expect(await until(() => !point.freshness().fresh)).toBe(true);
    const question = { subject: "demo-admin", action: "cms:edit-view.access", resource: cms };
    await expect(point.check(question)).rejects.toBeInstanceOf(NotFresh);
    await expect(point.check(question)).rejects.toThrow(/refused the decision point's API key/);
  });

  it("leaves a stream that falls silent without closing, counts as lost since it last heard, and reconnects", async () => {
    const key = await server.apiKey("acme");
    // The first change stream goes silent on demand: its chunks stop, its connection stays open (a half-open
    // connection, or a proxy holding it), and its body never ends, even once the SDK aborts it. Until the test
    // says "back", no other stream opens.
    let phase: "live" | "silent" | "back" = "live";
    let streams = 0;
    const stalling: typeof fetch = async (input, init) => {
      if (!String(input).includes("/v1/changes")) return fetch(input, init);
      if (phase === "silent") throw new Error("unreachable for now");
      const response = await fetch(input, init);
      if (streams++ > 0 || response.body === null) return response;
      const reader = response.body.getReader();
      const body = new ReadableStream<Uint8Array>({
        pull: async (controller) => {
          const next = await reader.read();
          if (phase !== "live") return new Promise<void>(() => {});
          if (next.done) controller.close();
          else controller.enqueue(next.value);
        },
      });
      return new Response(body, { status: response.status, headers: response.headers });
    };
    // Heartbeats come every 500 ms here (real-server.ts): 1.5 s without one is silence.
    const point = open({ apiKey: key, fetch: stalling, silenceMs: 1_500, maxStalenessMs: 200 });
    await point.ready();
    const question = { subject: "demo-customerdev", action: "cms:edit-view.access", resource: cms };
    expect(point.checkNow(question)).toBe("deny");
    phase = "silent";
    const grant = await give(question.subject);
    // The grant never arrives on the silent stream, which is left once silent, and counts as lost since then.
    expect(await until(() => !point.freshness().fresh && !point.freshness().connected)).toBe(true);
    expect(Date.now() - point.freshness().lastEventAt).toBeGreaterThanOrEqual(1_500);
    expect(() => point.checkNow(question)).toThrow(NotFresh);
    // The next stream loads the snapshot, grant included.
    phase = "back";
    expect(await until(() => point.freshness().fresh && point.checkNow(question) === "allow")).toBe(true);
    expect(streams).toBeGreaterThanOrEqual(2);
    await remove(grant.id);
  });
});
