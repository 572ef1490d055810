// GET /events through app.request over a demo database: a signed-in user hears its organization's committed
// changes as SSE events; anonymous requests get 401; another organization's user hears nothing of acme's.
import { EngineSync } from "@gatehouse/store";
import { Duration, Effect } from "effect";
import { describe, expect, it } from "vitest";
import { createApp } from "../src/app.ts";
import type { StoreRunner } from "../src/auth/store-runner.ts";
import { type Call, demoApi } from "./support/demo-api.ts";

const { runtime, send, signIn } = demoApi();

/** A connected event stream: read text until a condition holds, bounded by a deadline; then cancel. */
const connect = async (call: Call, store: StoreRunner = runtime, eventsHeartbeat = Duration.seconds(15)) => {
  const sync = await runtime.runPromise(Effect.service(EngineSync));
  const app = createApp({ engine: () => sync.engine, store, appsDir: "/nonexistent", eventsHeartbeat });
  const headers: Record<string, string> = {};
  if (call.cookie !== undefined) headers.cookie = call.cookie;
  const res = await app.request("http://localhost/events", { headers });
  const reader = res.body?.getReader();
  const decoder = new TextDecoder();
  let text = "";
  let ended = false;
  // A read still pending when a wait ended is kept for the next wait, so no chunk is lost.
  let pending: ReturnType<NonNullable<typeof reader>["read"]> | undefined;
  /** Reads until `done(text)` or `ms` pass; returns whether the condition held. */
  const readUntil = async (done: (text: string) => boolean, ms: number): Promise<boolean> => {
    if (reader === undefined) return false;
    const deadline = Date.now() + ms;
    while (!done(text)) {
      const left = deadline - Date.now();
      if (left <= 0) return false;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<"timeout">((resolve) => {
        timer = setTimeout(() => resolve("timeout"), left);
      });
      pending ??= reader.read();
      const chunk = await Promise.race([pending, timeout]);
      clearTimeout(timer);
      if (chunk === "timeout") return done(text);
      pending = undefined;
      if (chunk.done) {
        ended = true;
        return done(text);
      }
      text += decoder.decode(chunk.value, { stream: true });
    }
    return true;
  };
  const events = () =>
    text
      .split("\n\n")
      .map((block) => block.split("\n").find((line) => line.startsWith("data: ")))
      .filter((line): line is string => line !== undefined)
      .map((line) => JSON.parse(line.slice("data: ".length)) as { audit: string; changes: unknown[] });
  return { res, readUntil, events, text: () => text, ended: () => ended, close: () => reader?.cancel() };
};

describe("events", () => {
  it("streams the organization's committed changes to its users, not to another organization's", async () => {
    const admin = await signIn("admin@acme.example");
    const partner = await signIn("partneradmin@agency.example");
    const acmeStream = await connect(admin);
    const agencyStream = await connect(partner);
    expect(acmeStream.res.status).toBe(200);
    expect(acmeStream.res.headers.get("content-type")).toContain("text/event-stream");
    expect(await acmeStream.readUntil((t) => t.includes(": connected"), 5_000)).toBe(true);
    expect(await agencyStream.readUntil((t) => t.includes(": connected"), 5_000)).toBe(true);

    const created = await send("POST", "groups.create", { org: "acme", name: "Live viewers" }, admin);
    expect(created.status).toBe(200);
    const group = (created.data as { id: string }).id;
    const heard = await acmeStream.readUntil((t) => t.includes(group), 5_000);
    expect(heard).toBe(true);
    const event = acmeStream.events().find((e) => JSON.stringify(e.changes).includes(group));
    expect(event?.changes).toEqual([{ type: "group.added", group, org: "acme" }]);
    expect(event?.audit).toMatch(/^[0-9]+$/);
    expect(acmeStream.text()).toContain(`id: ${event?.audit}`);

    // The agency stream heard nothing of it (a bounded wait: a later acme change would have arrived by now).
    await acmeStream.readUntil(() => false, 300);
    expect(await agencyStream.readUntil((t) => t.includes(group), 300)).toBe(false);
    expect(agencyStream.events()).toEqual([]);
    // Its own organization's changes it does hear: another agency user's sign-in is audited in agency.
    await signIn("partneruser@agency.example");
    expect(await agencyStream.readUntil(() => agencyStream.events().length > 0, 5_000)).toBe(true);
    expect(agencyStream.events()[0]?.changes).toEqual([]);

    await acmeStream.close();
    await agencyStream.close();
  });

  it("ends the store work of a stream (its subscription) when the client disconnects", async () => {
    // Counts store runs still going: the stream's relay is one until its scope closes.
    let running = 0;
    const tracked: StoreRunner = {
      runPromiseExit: (effect) => {
        running += 1;
        return runtime.runPromiseExit(effect).finally(() => {
          running -= 1;
        });
      },
    };
    const admin = await signIn("admin@acme.example");
    const stream = await connect(admin, tracked);
    expect(await stream.readUntil((t) => t.includes(": connected"), 5_000)).toBe(true);
    expect(running).toBe(1);
    await stream.close();
    const deadline = Date.now() + 5_000;
    while (running > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(running).toBe(0);
  });

  it("re-checks the session at each heartbeat and ends the stream once it is signed out", async () => {
    const admin = await signIn("admin@acme.example");
    const stream = await connect(admin, runtime, Duration.millis(100));
    expect(await stream.readUntil((t) => t.includes(": heartbeat"), 5_000)).toBe(true);
    expect(stream.text()).not.toContain("signed-out");
    expect((await send("POST", "auth.logout", {}, admin)).status).toBe(200);
    expect(await stream.readUntil((t) => t.includes("event: signed-out"), 5_000)).toBe(true);
    // The server ended the response: the next read reports the end of the body.
    expect(await stream.readUntil(() => false, 500)).toBe(false);
    expect(stream.ended()).toBe(true);
  });

  it("answers 401 without a session or with a bad one", async () => {
    const anonymous = await connect({});
    expect(anonymous.res.status).toBe(401);
    const forged = await connect({ cookie: `gatehouse_session=${"x".repeat(43)}` });
    expect(forged.res.status).toBe(401);
  });
});
