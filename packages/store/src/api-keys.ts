// API keys of one organization, for product backends calling the API with a bearer header. Stored by a
// hash of the key with a short prefix to tell keys apart; a revoked key is kept but never resolves again.
import { Context, Effect, Layer } from "effect";
import { SqlClient } from "effect/sql";
import type { Written } from "./changes.ts";
import { type NotFound, VersionConflict } from "./errors.ts";
import { newId } from "./ids.ts";
import { found } from "./versioned.ts";

/** A key as listed: never its hash. */
export interface ApiKeyRecord {
  readonly id: string;
  readonly org: string;
  readonly name: string;
  readonly prefix: string;
  readonly createdBy: string | null;
  readonly createdAt: Date;
  readonly lastUsedAt: Date | null;
  readonly revokedAt: Date | null;
  readonly version: number;
}

export interface NewApiKey {
  /** Generated (`key_…`) when omitted. */
  readonly id?: string | undefined;
  readonly org: string;
  readonly name: string;
  /** A hash of the key; the key itself is never stored. */
  readonly keyHash: string;
  readonly prefix: string;
  readonly createdBy: string | null;
}

export interface ApiKeysShape {
  readonly create: (input: NewApiKey) => Effect.Effect<Written<ApiKeyRecord>>;
  readonly get: (id: string) => Effect.Effect<ApiKeyRecord, NotFound>;
  /** The organization's keys, newest first, revoked ones included. */
  readonly list: (org: string) => Effect.Effect<ReadonlyArray<ApiKeyRecord>>;
  /** Revokes the key (once; revoking a revoked key is a conflict). */
  readonly revoke: (id: string) => Effect.Effect<Written<ApiKeyRecord>, NotFound | VersionConflict>;
  /** The unrevoked key `keyHash` names; marks it used (at most once a minute). */
  readonly resolve: (
    keyHash: string,
  ) => Effect.Effect<{ readonly id: string; readonly org: string } | undefined>;
}

const make = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient;
  const columns = sql`id, org, name, prefix, created_by as "createdBy", created_at as "createdAt",
                      last_used_at as "lastUsedAt", revoked_at as "revokedAt", version`;

  const get = Effect.fn("ApiKeys.get")(function* (id: string) {
    const rows = yield* Effect.orDie(sql<ApiKeyRecord>`select ${columns} from api_keys where id = ${id}`);
    return yield* found("API key", id, rows);
  });

  const list = Effect.fn("ApiKeys.list")(function* (org: string) {
    return yield* Effect.orDie(
      sql<ApiKeyRecord>`select ${columns} from api_keys where org = ${org} order by created_at desc, id`,
    );
  });

  const create = Effect.fn("ApiKeys.create")(function* (input: NewApiKey) {
    const id = input.id ?? newId("key");
    yield* Effect.orDie(
      sql`insert into api_keys (id, org, name, key_hash, prefix, created_by)
          values (${id}, ${input.org}, ${input.name}, ${input.keyHash}, ${input.prefix}, ${input.createdBy})`,
    );
    const key = yield* Effect.orDie(get(id));
    return { value: key, before: null, after: key, changes: [] } satisfies Written<ApiKeyRecord>;
  });

  const revoke = Effect.fn("ApiKeys.revoke")(function* (id: string) {
    const before = yield* get(id);
    const rows = yield* Effect.orDie(
      sql`update api_keys set revoked_at = now(), version = version + 1
          where id = ${id} and revoked_at is null returning id`,
    );
    if (rows.length === 0)
      return yield* new VersionConflict({ kind: "API key", id, expected: before.version });
    const after = yield* Effect.orDie(get(id));
    return { value: after, before, after, changes: [] } satisfies Written<ApiKeyRecord>;
  });

  const resolve = Effect.fn("ApiKeys.resolve")(function* (keyHash: string) {
    const rows = yield* Effect.orDie(
      sql<{ readonly id: string; readonly org: string; readonly stale: boolean }>`
        select id, org, (last_used_at is null or last_used_at < now() - interval '1 minute') as stale
        from api_keys where key_hash = ${keyHash} and revoked_at is null`,
    );
    const row = rows[0];
    if (row === undefined) return undefined;
    if (row.stale) yield* Effect.orDie(sql`update api_keys set last_used_at = now() where id = ${row.id}`);
    return { id: row.id, org: row.org };
  });

  return { create, get, list, revoke, resolve } satisfies ApiKeysShape;
});

export class ApiKeys extends Context.Service<ApiKeys, ApiKeysShape>()("@gatehouse/store/ApiKeys") {
  static readonly layer = Layer.effect(ApiKeys, make);
}
