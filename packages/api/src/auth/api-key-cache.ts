// The API process's cache of resolved API keys: key hash → the key's id and org, least recently used first
// out, each entry trusted for a short time, so a hot key costs no database round trip; open streams watch their
// key's revocation here. Unknown keys are not kept.
import type { ApiKeysShape } from "@gatehouse/store";

/** What a key resolves to. */
export interface ResolvedKey {
  readonly id: string;
  readonly org: string;
}

export interface ApiKeyCacheOptions {
  /** At most this many keys are kept; the least recently used one goes first. */
  readonly maxEntries: number;
  /** A key is looked up again this long after it was resolved (the bound on a missed revocation). */
  readonly ttlMs: number;
  /** A key's `last_used_at` is written at most this often from this process. */
  readonly markUsedEveryMs: number;
  readonly now: () => number;
}

export const defaultApiKeyCacheOptions: ApiKeyCacheOptions = {
  maxEntries: 10_000,
  ttlMs: 30_000,
  markUsedEveryMs: 60_000,
  now: () => Date.now(),
};

interface Entry {
  readonly key: ResolvedKey;
  readonly expiresAt: number;
  markedUsedAt: number;
}

/** A cache answer: the key, and whether its use should be recorded now. */
export interface CachedKey {
  readonly key: ResolvedKey;
  readonly markUsed: boolean;
}

export class ApiKeyCache {
  private readonly entries = new Map<string, Entry>();
  /** Bumped by every forget: a lookup that began before one may have read a key revoked meanwhile. */
  private generation = 0;
  /** Key id → what to call once it is revoked (the open streams it reads). */
  private readonly watchers = new Map<string, Set<() => void>>();

  constructor(private readonly options: ApiKeyCacheOptions = defaultApiKeyCacheOptions) {}

  /** How many keys are kept now. */
  get size(): number {
    return this.entries.size;
  }

  /** The key `hash` names if it was resolved within the TTL (it becomes the most recently used). */
  get(hash: string): CachedKey | undefined {
    const entry = this.entries.get(hash);
    if (entry === undefined) return undefined;
    this.entries.delete(hash);
    const now = this.options.now();
    if (entry.expiresAt <= now) return undefined;
    this.entries.set(hash, entry);
    const markUsed = now - entry.markedUsedAt >= this.options.markUsedEveryMs;
    if (markUsed) entry.markedUsedAt = now;
    return { key: entry.key, markUsed };
  }

  /**
   * Whether the key `hash` names was resolved within the TTL and not forgotten since: a look only (no recency, no
   * use recorded). False says to resolve the key again.
   */
  holds(hash: string): boolean {
    const entry = this.entries.get(hash);
    return entry !== undefined && entry.expiresAt > this.options.now();
  }

  /** Calls `revoked` once the key with id `id` is forgotten as revoked; the answer stops watching. */
  watch(id: string, revoked: () => void): () => void {
    let watching = this.watchers.get(id);
    if (watching === undefined) {
      watching = new Set();
      this.watchers.set(id, watching);
    }
    const set = watching;
    set.add(revoked);
    return () => {
      set.delete(revoked);
      if (set.size === 0 && this.watchers.get(id) === set) this.watchers.delete(id);
    };
  }

  /** Call before looking a key up in the database; pass the answer to `remember`. */
  startLookup(): number {
    return this.generation;
  }

  /** Keeps a key just resolved (and marked used), unless a key was forgotten since its lookup began. */
  remember(hash: string, key: ResolvedKey, lookup: number): void {
    if (lookup !== this.generation) return;
    const now = this.options.now();
    this.entries.delete(hash);
    this.entries.set(hash, { key, expiresAt: now + this.options.ttlMs, markedUsedAt: now });
    if (this.entries.size > this.options.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done !== true) this.entries.delete(oldest.value);
    }
  }

  /**
   * Forgets the key with id `id` (revoked) and tells its watchers, or every key when `id` is undefined
   * (revocations may have been missed: `holds` then answers false, and each stream resolves its key again).
   */
  forget(id: string | undefined): void {
    this.generation++;
    if (id === undefined) {
      this.entries.clear();
      return;
    }
    for (const [hash, entry] of this.entries) if (entry.key.id === id) this.entries.delete(hash);
    const watching = this.watchers.get(id);
    this.watchers.delete(id);
    for (const revoked of watching ?? []) revoked();
  }
}

const caches = new WeakMap<ApiKeysShape, ApiKeyCache>();

/**
 * The cache in front of `keys` (one per store, so per server runtime), created on first use and told of
 * every revocation the store hears of, from this process or another one on the same database.
 */
export const apiKeyCacheOf = (keys: ApiKeysShape): ApiKeyCache => {
  const known = caches.get(keys);
  if (known !== undefined) return known;
  const cache = new ApiKeyCache();
  keys.onRevoked((id) => cache.forget(id));
  caches.set(keys, cache);
  return cache;
};
