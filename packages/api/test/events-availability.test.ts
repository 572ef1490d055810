// Availability of the API while many /events streams are open, on a real PostgreSQL server over real HTTP:
// 200 streams share one listener and hold no pooled connection, so other users' requests keep being answered.
import type { AddressInfo } from "node:net";
import { EngineSync } from "@gatehouse/store";
import { serve } from "@hono/node-server";
import { Duration, Effect } from "effect";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app.ts";
import { defaultStreamLimits } from "../src/stream-quota.ts";
import { type Call, demoApi } from "./support/demo-api.ts";

const { runtime, signIn, rows } = demoApi("postgres");

/** The users opening streams: ten Experimentation users of acme, each up to its limit. */
const streamers = [
  "exp-administrator",
  "exp-project-owner",
  "exp-publisher",
  "exp-editor",
  "exp-viewer",
  "exp-restricted-publisher",
  "exp-restricted-editor",
  "exp-env-admin",
  "exp-env-publisher",
  "exp-env-editor",
].map((id) => `${id}@acme.example`);
const perUser = defaultStreamLimits.perActor;
const streamCount = streamers.length * perUser;

let origin = "";
let close: () => Promise<void> = async () => {};

beforeAll(async () => {
  const sync = await runtime.runPromise(Effect.service(EngineSync));
  // A short heartbeat: every stream re-checks its session every second while the others are asked.
  const app = createApp({
    engine: () => sync.engine,
    store: runtime,
    appsDir: "/nonexistent",
    eventsHeartbeat: Duration.seconds(1),
  });
  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => new Promise((resolve) => server.close(() => resolve()));
}, 180_000);
afterAll(() => close());

/** An open stream over HTTP: reads until `: connected` (or the body ends); `abort` closes it. */
const openStream = async (call: Call) => {
  const abort = new AbortController();
  const res = await fetch(`${origin}/events`, {
    headers: { cookie: call.cookie ?? "" },
    signal: abort.signal,
  });
  let text = "";
  const reader = res.body?.getReader();
  const decoder = new TextDecoder();
  /** Reads until `done(text)` holds or the body ends. */
  const readUntil = async (done: (text: string) => boolean): Promise<boolean> => {
    while (reader !== undefined && !done(text)) {
      const chunk = await reader.read();
      if (chunk.done) return done(text);
      text += decoder.decode(chunk.value, { stream: true });
    }
    return done(text);
  };
  const stop = () => {
    abort.abort();
    return reader?.cancel().catch(() => undefined);
  };
  return { status: res.status, readUntil, stop };
};

/** The database sessions that listen for notifications (the process's listeners). */
const listeningSessions = async () => {
  const found = await rows<{ n: string }>(
    "select count(*) as n from pg_stat_activity where datname = current_database() and query ilike 'listen %'",
  );
  return Number(found[0]?.n);
};

/** A tRPC call over HTTP. */
const call = async (method: "GET" | "POST", path: string, input: unknown, who: Call) => {
  const headers: Record<string, string> = { cookie: who.cookie ?? "" };
  if (method === "POST") {
    headers["content-type"] = "application/json";
    headers["x-csrf-token"] = who.csrf ?? "";
  }
  const query =
    method === "GET" && input !== undefined ? `?input=${encodeURIComponent(JSON.stringify(input))}` : "";
  const res = await fetch(`${origin}/trpc/${path}${query}`, {
    method,
    headers,
    ...(method === "POST" && { body: JSON.stringify(input) }),
  });
  return { status: res.status, body: (await res.json()) as { result?: { data: unknown } } };
};

describe("/events under load on PostgreSQL", () => {
  it(`keeps answering other users' me, check and grants.list while ${streamCount} streams are open`, async () => {
    const streams: Array<Awaited<ReturnType<typeof openStream>>> = [];
    const listeningBefore = await listeningSessions();
    try {
      for (const email of streamers) {
        const who = await signIn(email);
        const opened = await Promise.all(Array.from({ length: perUser }, () => openStream(who)));
        streams.push(...opened);
        expect(opened.map((s) => s.status)).toEqual(opened.map(() => 200));
        // One more for the same person is refused: one user cannot hold the server's memory.
        const beyond = await openStream(who);
        streams.push(beyond);
        expect(beyond.status).toBe(429);
      }
      const open = streams.filter((s) => s.status === 200);
      expect(open).toHaveLength(streamCount);
      const connected = await Promise.all(open.map((s) => s.readUntil((t) => t.includes(": connected"))));
      expect(connected.every(Boolean)).toBe(true);

      // All of them together listen on one database session more than before they opened.
      expect(await listeningSessions()).toBe(listeningBefore + 1);

      // Other users, signing in and asking while every stream is open.
      const admin = await signIn("admin@acme.example");
      const customer = await signIn("customeruser@acme.example");
      const resource = { org: "acme", product: "mission-control", instance: "production" };
      for (let round = 0; round < 3; round += 1) {
        const me = await call("GET", "auth.me", undefined, customer);
        expect(me.status).toBe(200);
        expect(me.body.result?.data).toMatchObject({ id: "demo-customeruser" });
        const check = await call(
          "GET",
          "authz.check",
          { action: "mission-control:site.restart", resource },
          customer,
        );
        expect(check.body.result?.data).toBe("allow");
        const grants = await call("GET", "grants.list", { org: "acme" }, admin);
        expect(grants.status).toBe(200);
        expect(grants.body.result?.data).toEqual(
          expect.arrayContaining([expect.objectContaining({ subject: { kind: "user", id: "demo-admin" } })]),
        );
      }

      // A change reaches every stream through the one shared listener (as content-free news: none of these
      // users may read the organization's groups).
      const created = await call("POST", "groups.create", { org: "acme", name: "Under load" }, admin);
      expect(created.status).toBe(200);
      const heard = await Promise.all(open.map((s) => s.readUntil((t) => t.includes('"type":"changed"'))));
      expect(heard.every(Boolean)).toBe(true);
    } finally {
      await Promise.all(streams.map((s) => s.stop()));
    }
    // Closed by their clients, the streams ended on the server too: their places are given back.
    const first = await signIn(streamers[0] ?? "");
    const deadline = Date.now() + 30_000;
    const reopened: Array<Awaited<ReturnType<typeof openStream>>> = [];
    while (reopened.length < perUser && Date.now() < deadline) {
      const stream = await openStream(first);
      if (stream.status === 200) reopened.push(stream);
      else await Promise.all([stream.stop(), new Promise((resolve) => setTimeout(resolve, 100))]);
    }
    await Promise.all(reopened.map((s) => s.stop()));
    expect(reopened).toHaveLength(perUser);
  }, 180_000);
});
