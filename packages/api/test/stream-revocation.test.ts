// A revoked API key's open streams (/v1/changes and /events) end with `signed-out` as soon as this process hears of
// the revocation, with no heartbeat needed, and are never delivered a change written after it; a deactivated user's
// /events stream ends at its next event (auth/key-watch.ts).
import { ApiKeys, EngineSync } from "@gatehouse/store";
import { Duration, Effect } from "effect";
import { describe, expect, it } from "vitest";
import { createApp } from "../src/app.ts";
import { apiKeyCacheOf } from "../src/auth/api-key-cache.ts";
import { type Call, demoApi } from "./support/demo-api.ts";
import { revokeElsewhere } from "./support/revoke-elsewhere.ts";
import { streamText } from "./support/stream-text.ts";

const { runtime, send, signIn, rows } = demoApi();

/** An app whose heartbeat (and so its periodic re-check) comes only after every test here has ended. */
const serve = async () => {
  const sync = await runtime.runPromise(Effect.service(EngineSync));
  return createApp({
    engine: () => sync.engine,
    store: runtime,
    appsDir: "/nonexistent",
    eventsHeartbeat: Duration.minutes(10),
  });
};

/** An open stream: its text so far, read until a condition holds or `ms` pass, and whether it ended. */
const open = async (app: Awaited<ReturnType<typeof serve>>, path: string, key: string | Call) => {
  const headers: Record<string, string> =
    typeof key === "string" ? { authorization: `Bearer ${key}` } : { cookie: key.cookie ?? "" };
  const res = await app.request(`http://localhost${path}`, { headers });
  expect(res.status).toBe(200);
  return streamText(res);
};

const createKey = async (admin: Call) => {
  const created = await send("POST", "apiKeys.create", { name: "Streaming backend" }, admin);
  expect(created.status).toBe(200);
  return created.data as { key: string; id: string };
};

const cms = { org: "acme", product: "cms", instance: "acme-cms" };

/** Gives `subject` a role on cms: a change both streams would deliver to a valid key. */
const give = async (admin: Call, subject: string) => {
  const given = await send(
    "POST",
    "grants.create",
    { subject: { kind: "user", id: subject }, role: "cms:content-editors", scope: cms },
    admin,
  );
  expect(given.status).toBe(200);
};

const streamsOf = async (key: string) => {
  const app = await serve();
  const changes = await open(app, "/v1/changes", key);
  const events = await open(app, "/events", key);
  expect(await changes.readUntil((t) => t.includes("event: ready"), 5_000)).toBe(true);
  expect(await events.readUntil((t) => t.includes(": connected"), 5_000)).toBe(true);
  return [changes, events] as const;
};

const signedOut = (t: string) => t.includes("event: signed-out");

describe("a revoked key's open streams", () => {
  it("are delivered changes while the key holds", async () => {
    const admin = await signIn("admin@acme.example");
    const { key } = await createKey(admin);
    const streams = await streamsOf(key);
    await give(admin, "demo-customerdev");
    for (const stream of streams) {
      expect(await stream.readUntil((t) => t.includes("demo-customerdev"), 5_000)).toBe(true);
      await stream.close();
    }
  });

  it("end with signed-out once the key is revoked through the API, and never hear a change after it", async () => {
    const admin = await signIn("admin@acme.example");
    const { key, id } = await createKey(admin);
    const streams = await streamsOf(key);
    expect((await send("POST", "apiKeys.revoke", { id }, admin)).status).toBe(200);
    await give(admin, "demo-customeruser");
    for (const stream of streams) {
      expect(await stream.readUntil(signedOut, 5_000)).toBe(true);
      expect(await stream.readUntil(() => false, 5_000)).toBe(false);
      expect(stream.ended()).toBe(true);
      expect(stream.text()).not.toContain("demo-customeruser");
    }
  });

  it("end with signed-out once the notice of a revocation made by another process arrives", async () => {
    const admin = await signIn("admin@acme.example");
    const { key, id } = await createKey(admin);
    const streams = await streamsOf(key);
    await revokeElsewhere(runtime, id);
    for (const stream of streams) {
      expect(await stream.readUntil(signedOut, 5_000)).toBe(true);
      expect(await stream.readUntil(() => false, 5_000)).toBe(false);
      expect(stream.ended()).toBe(true);
    }
  });

  it("resolve the key again before a delivery once the cache no longer holds it, and sign out a revoked one", async () => {
    const admin = await signIn("admin@acme.example");
    const { key, id } = await createKey(admin);
    const streams = await streamsOf(key);
    // Revoked behind the API's back (no notice), and the cache told that notices may have been missed.
    await rows(`update api_keys set revoked_at = now() where id = '${id}'`);
    await runtime.runPromise(
      Effect.map(Effect.service(ApiKeys), (keys) => apiKeyCacheOf(keys).forget(undefined)),
    );
    for (const stream of streams) expect(stream.text()).not.toContain("signed-out");
    await give(admin, "demo-exp-editor");
    for (const stream of streams) {
      expect(await stream.readUntil(signedOut, 5_000)).toBe(true);
      expect(stream.text()).not.toContain("demo-exp-editor");
      await stream.close();
    }
  });

  it("a deactivated user's /events stream ends with signed-out at its next event, without the heartbeat", async () => {
    const admin = await signIn("admin@acme.example");
    const user = await signIn("customeradmin@acme.example");
    const stream = await open(await serve(), "/events", user);
    expect(await stream.readUntil((t) => t.includes(": connected"), 5_000)).toBe(true);
    expect((await send("POST", "users.deactivate", { userId: "demo-customeradmin" }, admin)).status).toBe(
      200,
    );
    await give(admin, "demo-instance-admin");
    expect(await stream.readUntil(signedOut, 5_000)).toBe(true);
    expect(await stream.readUntil(() => false, 5_000)).toBe(false);
    expect(stream.ended()).toBe(true);
    expect(stream.text()).not.toContain("demo-instance-admin");
  });
});
