// API keys at speed: the resolved-key cache on its own (TTL, size bound, least recently used out, forgetting)
// and through the app (hot keys skip the database, revocations apply at once here and by notice elsewhere).
import { describe, expect, it, vi } from "vitest";
import { ApiKeyCache, type ApiKeyCacheOptions } from "../src/auth/api-key-cache.ts";
import { hashToken, newApiKey } from "../src/auth/tokens.ts";
import { type Call, demoApi } from "./support/demo-api.ts";
import { revokeElsewhere } from "./support/revoke-elsewhere.ts";

/** A cache on a clock the test moves by hand. */
const cacheAt = (options: Partial<ApiKeyCacheOptions> = {}) => {
  const clock = { now: 1_000_000 };
  const cache = new ApiKeyCache({
    maxEntries: 100,
    ttlMs: 30_000,
    markUsedEveryMs: 60_000,
    now: () => clock.now,
    ...options,
  });
  return { cache, clock };
};
const key = (n: number) => ({ id: `key_${n}`, org: "acme" });

describe("the resolved-key cache", () => {
  it("answers a key for its TTL, then no longer", () => {
    const { cache, clock } = cacheAt();
    expect(cache.get("h1")).toBeUndefined();
    cache.remember("h1", key(1), cache.startLookup());
    clock.now += 29_999;
    expect(cache.get("h1")?.key).toEqual(key(1));
    clock.now += 1;
    expect(cache.get("h1")).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it("keeps at most maxEntries keys, dropping the least recently used", () => {
    const { cache } = cacheAt({ maxEntries: 3 });
    for (const n of [1, 2, 3]) cache.remember(`h${n}`, key(n), cache.startLookup());
    expect(cache.get("h1")?.key).toEqual(key(1));
    for (let n = 4; n < 1000; n++) {
      cache.remember(`h${n}`, key(n), cache.startLookup());
      expect(cache.size).toBeLessThanOrEqual(3);
    }
    expect(cache.get("h1")).toBeUndefined();
    expect(cache.get("h999")?.key).toEqual(key(999));
    expect(cache.size).toBe(3);
  });

  it("forgets a revoked key, every key on demand, and a lookup that raced a revocation", () => {
    const { cache } = cacheAt();
    cache.remember("h1", key(1), cache.startLookup());
    cache.remember("h2", key(2), cache.startLookup());
    cache.forget("key_1");
    expect(cache.get("h1")).toBeUndefined();
    expect(cache.get("h2")?.key).toEqual(key(2));
    const lookup = cache.startLookup();
    cache.forget("key_3");
    cache.remember("h3", key(3), lookup);
    expect(cache.get("h3")).toBeUndefined();
    cache.forget(undefined);
    expect(cache.size).toBe(0);
  });

  it("tells a key's watchers of its revocation once, and holds a key only while get would answer it", () => {
    const { cache, clock } = cacheAt({ ttlMs: 1_000 });
    cache.remember("h1", key(1), cache.startLookup());
    cache.remember("h2", key(2), cache.startLookup());
    const heard: string[] = [];
    cache.watch("key_1", () => heard.push("first"));
    const unwatch = cache.watch("key_1", () => heard.push("unwatched"));
    cache.watch("key_2", () => heard.push("second"));
    unwatch();
    expect(cache.holds("h1")).toBe(true);
    // Forgetting every key (notices may have been missed) is no revocation: the streams resolve their keys again.
    cache.forget(undefined);
    expect(heard).toEqual([]);
    expect(cache.holds("h1")).toBe(false);
    cache.forget("key_1");
    cache.forget("key_1");
    expect(heard).toEqual(["first"]);
    cache.remember("h2", key(2), cache.startLookup());
    clock.now += 1_000;
    expect(cache.holds("h2")).toBe(false);
    expect(cache.get("h2")).toBeUndefined();
  });

  it("asks for the use to be recorded once per interval", () => {
    const { cache, clock } = cacheAt({ ttlMs: 600_000 });
    cache.remember("h1", key(1), cache.startLookup());
    expect(cache.get("h1")?.markUsed).toBe(false);
    clock.now += 59_999;
    expect(cache.get("h1")?.markUsed).toBe(false);
    clock.now += 1;
    expect(cache.get("h1")?.markUsed).toBe(true);
    expect(cache.get("h1")?.markUsed).toBe(false);
  });
});

describe("API keys through the app", () => {
  const { runtime, send, signIn, rows } = demoApi();
  const me = (bearer: string) => send("GET", "auth.me", undefined, { bearer });
  const createKey = async (admin: Call, name: string) => {
    const created = await send("POST", "apiKeys.create", { name }, admin);
    expect(created.status).toBe(200);
    return created.data as { key: string; id: string };
  };
  const until = async (condition: () => Promise<boolean>) => {
    for (let i = 0; i < 100 && !(await condition()); i++) await new Promise((r) => setTimeout(r, 20));
    return condition();
  };

  it("answers a hot key from the cache: it keeps working after its row is gone behind the API's back", async () => {
    const admin = await signIn("admin@acme.example");
    const { key, id } = await createKey(admin, "Hot backend");
    expect((await me(key)).data).toEqual({ kind: "api-key", id, org: "acme" });
    await rows(`delete from api_keys where id = '${id}'`);
    expect((await me(key)).data).toEqual({ kind: "api-key", id, org: "acme" });
    // Until its TTL runs out: then the database is asked again, and the key is gone.
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 25_000 });
    try {
      expect((await me(key)).status).toBe(200);
      vi.setSystemTime(Date.now() + 6_000);
      expect((await me(key)).status).toBe(401);
    } finally {
      vi.useRealTimers();
    }
  });

  it("does not cache unknown keys: a key refused once works as soon as it exists", async () => {
    const { key, prefix } = newApiKey();
    expect((await me(key)).status).toBe(401);
    await rows(
      `insert into api_keys (id, org, name, key_hash, prefix) values ('key_late', 'acme', 'Late', '${hashToken(key)}', '${prefix}')`,
    );
    expect((await me(key)).data).toEqual({ kind: "api-key", id: "key_late", org: "acme" });
  });

  it("records a key's use once a minute, off the request", async () => {
    const admin = await signIn("admin@acme.example");
    const { key, id } = await createKey(admin, "Used backend");
    const lastUsed = async () =>
      (
        await rows<{ at: string | null }>(`select last_used_at::text as at from api_keys where id = '${id}'`)
      )[0]?.at;
    expect(await lastUsed()).toBeNull();
    expect((await me(key)).status).toBe(200);
    expect(await until(async () => (await lastUsed()) !== null)).toBe(true);
    const first = await lastUsed();
    for (let i = 0; i < 5; i++) expect((await me(key)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 100));
    expect(await lastUsed()).toBe(first);
  });

  it("refuses a key revoked through the API on the very next request, and audits the revocation", async () => {
    const admin = await signIn("admin@acme.example");
    const { key, id } = await createKey(admin, "Revoked backend");
    expect((await me(key)).status).toBe(200);

    // Refusals change nothing: the key keeps working.
    const instanceAdmin = await signIn("instance-admin@acme.example");
    expect((await send("POST", "apiKeys.revoke", { id }, instanceAdmin)).status).toBe(403);
    expect((await send("POST", "apiKeys.revoke", { id }, { bearer: key })).status).toBe(403);
    const bad = await send("POST", "apiKeys.revoke", { id: "" }, admin);
    expect(bad.status).toBe(400);
    expect(bad.error?.message).toContain("id");
    expect((await me(key)).status).toBe(200);

    const revoked = await send("POST", "apiKeys.revoke", { id }, admin);
    expect(revoked.status).toBe(200);
    expect((await me(key)).status).toBe(401);
    expect((await send("POST", "apiKeys.revoke", { id }, admin)).status).toBe(409);
    const audit = await rows<{ action: string; actor_id: string }>(
      `select action, actor_id from audit_log where target_id = '${id}' order by id`,
    );
    expect(audit).toEqual([
      { action: "api-key.create", actor_id: "demo-admin" },
      { action: "api-key.revoke", actor_id: "demo-admin" },
    ]);
  });

  it("never lets a super admin revoke another organization's key", async () => {
    const { key, prefix } = newApiKey();
    await rows(
      `insert into api_keys (id, org, name, key_hash, prefix) values ('key_agency', 'agency', 'Agency', '${hashToken(key)}', '${prefix}')`,
    );
    expect((await me(key)).data).toEqual({ kind: "api-key", id: "key_agency", org: "agency" });
    const admin = await signIn("admin@acme.example");
    expect((await send("POST", "apiKeys.revoke", { id: "key_agency" }, admin)).status).toBe(404);
    expect((await me(key)).status).toBe(200);
  });

  it("forgets a key revoked by another process once the revocation's notice arrives", async () => {
    const admin = await signIn("admin@acme.example");
    const { key, id } = await createKey(admin, "Elsewhere revoked");
    expect((await me(key)).status).toBe(200);
    await revokeElsewhere(runtime, id);
    expect(await until(async () => (await me(key)).status === 401)).toBe(true);
  });
});
