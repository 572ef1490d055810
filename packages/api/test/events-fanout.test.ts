// /events at a few hundred subscribers on a real server (127.0.0.1): every stream receives a committed change,
// the configured total is the limit (the next stream is refused 429), and the limits are read from the environment.
import { type ClientRequest, request } from "node:http";
import type { AddressInfo } from "node:net";
import { EngineSync } from "@gatehouse/store";
import { type ServerType, serve } from "@hono/node-server";
import { Effect } from "effect";
import { afterAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app.ts";
import { streamLimitsFromEnv } from "../src/stream-quota.ts";
import { demoApi } from "./support/demo-api.ts";

const { runtime, send, signIn } = demoApi();
const SUBSCRIBERS = 300;

let server: ServerType | undefined;
const open: ClientRequest[] = [];
afterAll(() => {
  for (const req of open) req.destroy();
  server?.close();
});

/** A stream on `port` as the session `cookie`: its status, and a promise of the first event naming `needle`. */
const subscribe = (port: number, cookie: string, needle: string) =>
  new Promise<{ status: number; heard: Promise<void> }>((resolve, reject) => {
    const req = request(
      { host: "127.0.0.1", port, path: "/events", agent: false, headers: { cookie } },
      (res) => {
        res.setEncoding("utf8");
        let text = "";
        let connected: () => void = () => undefined;
        const heard = new Promise<void>((found) => {
          res.on("data", (chunk: string) => {
            text += chunk;
            if (text.includes(": connected")) connected();
            if (text.includes(needle)) found();
          });
        });
        if (res.statusCode !== 200) resolve({ status: res.statusCode ?? 0, heard });
        else connected = () => resolve({ status: 200, heard });
      },
    );
    open.push(req);
    req.on("error", reject);
    req.end();
  });

describe("/events fan-out", () => {
  it(`delivers a change to each of ${SUBSCRIBERS} subscribers, and refuses one past the configured total`, async () => {
    const sync = await runtime.runPromise(Effect.service(EngineSync));
    const limits = streamLimitsFromEnv({
      GATEHOUSE_EVENTS_MAX_STREAMS: String(SUBSCRIBERS),
      GATEHOUSE_EVENTS_MAX_PER_ACTOR: String(SUBSCRIBERS),
    });
    const app = createApp({
      engine: () => sync.engine,
      store: runtime,
      appsDir: "/nonexistent",
      eventsLimits: limits,
    });
    const port = await new Promise<number>((resolve) => {
      server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info: AddressInfo) =>
        resolve(info.port),
      );
    });
    const admin = await signIn("admin@acme.example");
    const cookie = admin.cookie ?? "";
    // The change the streams wait for: a group added (the notice names its id, not its name).
    const needle = '"type":"group.added"';
    const streams = [];
    for (let i = 0; i < SUBSCRIBERS; i += 50)
      streams.push(...(await Promise.all(Array.from({ length: 50 }, () => subscribe(port, cookie, needle)))));
    expect(streams.map((s) => s.status)).toEqual(Array(SUBSCRIBERS).fill(200));
    expect((await subscribe(port, cookie, needle)).status).toBe(429);

    const created = await send("POST", "groups.create", { org: "acme", name: "Fan-out" }, admin);
    expect(created.status).toBe(200);
    // Every stream hears it; the test's own timeout bounds the wait.
    await Promise.all(streams.map((s) => s.heard));
  }, 120_000);

  it("reads the limits from the environment, the defaults where unset, naming a bad setting", () => {
    expect(streamLimitsFromEnv({})).toEqual({ perActor: 20, total: 2_000 });
    expect(streamLimitsFromEnv({ GATEHOUSE_EVENTS_MAX_STREAMS: "10000" })).toEqual({
      perActor: 20,
      total: 10_000,
    });
    expect(() => streamLimitsFromEnv({ GATEHOUSE_EVENTS_MAX_PER_ACTOR: "0" })).toThrow(
      'GATEHOUSE_EVENTS_MAX_PER_ACTOR must be a whole number from 1 to 1000000, not "0"',
    );
  });
});
