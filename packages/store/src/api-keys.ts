// API keys of one organization, for product backends calling the API with a bearer header. Stored by a hash of the
// key with a short prefix; a revoked key (or one whose creator is deactivated or removed) is kept but does not resolve.
import { Notifications } from "@gatehouse/db";
import { Cause, Context, Effect, Layer, Stream } from "effect";
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
  /**
   * Revokes the key (once; revoking a revoked key is a conflict) and announces it to every process on the
   * database when the surrounding transaction commits (see `onRevoked`).
   */
  readonly revoke: (id: string) => Effect.Effect<Written<ApiKeyRecord>, NotFound | VersionConflict>;
  /**
   * Tells every process on the database, once the surrounding transaction commits, to forget the unrevoked keys
   * `user` created (as `revoke` does one key): its deactivation stops them at once, everywhere. Their ids.
   */
  readonly forgetCreatedBy: (user: string) => Effect.Effect<Written<ReadonlyArray<string>>>;
  /**
   * The unrevoked key `keyHash` names, unless its creator is deactivated or removed from its account (its grants count
   * for nothing: domain's countsForNothing). A read only: `markUsed` records the use.
   */
  readonly resolve: (
    keyHash: string,
  ) => Effect.Effect<{ readonly id: string; readonly org: string } | undefined>;
  /** Sets the key's `last_used_at` to now unless it was set less than a minute ago. */
  readonly markUsed: (id: string) => Effect.Effect<void>;
  /**
   * Calls `listener` with the id of every key revoked by any process on this database, once committed;
   * with `undefined` when revocations may have been missed (the listening connection was lost).
   */
  readonly onRevoked: (listener: (id: string | undefined) => void) => void;
}

/** The channel revoked keys' ids are announced on (payload: the key's id). */
const revokedKeysChannel = "gatehouse_api_keys_revoked";

const make = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient;
  const notifications = yield* Notifications;
  const listeners = new Set<(id: string | undefined) => void>();
  const announce = (id: string | undefined) => {
    for (const listener of listeners) listener(id);
  };
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
    yield* Effect.orDie(notifications.notify(revokedKeysChannel, id));
    const after = yield* Effect.orDie(get(id));
    return { value: after, before, after, changes: [] } satisfies Written<ApiKeyRecord>;
  });

  const resolve = Effect.fn("ApiKeys.resolve")(function* (keyHash: string) {
    const rows = yield* Effect.orDie(
      sql<{ readonly id: string; readonly org: string }>`
        select k.id, k.org from api_keys k
        where k.key_hash = ${keyHash} and k.revoked_at is null
          and not exists (select 1 from users u where u.id = k.created_by and u.status in ('deactivated', 'disabled'))`,
    );
    const row = rows[0];
    return row === undefined ? undefined : { id: row.id, org: row.org };
  });

  const forgetCreatedBy = Effect.fn("ApiKeys.forgetCreatedBy")(function* (user: string) {
    const keys = yield* Effect.orDie(
      sql<{ readonly id: string }>`select id from api_keys where created_by = ${user} and revoked_at is null`,
    );
    for (const key of keys) yield* Effect.orDie(notifications.notify(revokedKeysChannel, key.id));
    const ids = keys.map((key) => key.id);
    return { value: ids, before: null, after: null, changes: [] } satisfies Written<ReadonlyArray<string>>;
  });

  const markUsed = Effect.fn("ApiKeys.markUsed")(function* (id: string) {
    yield* Effect.orDie(
      sql`update api_keys set last_used_at = now()
          where id = ${id} and (last_used_at is null or last_used_at < now() - interval '1 minute')`,
    );
  });

  // Listen while the layer lives; after a lost connection, listen again once a second and tell listeners
  // that revocations may have been missed meanwhile.
  const relay = (stream: Stream.Stream<string, unknown>) =>
    Stream.runForEach(stream, (id) => Effect.sync(() => announce(id))).pipe(
      Effect.catchCause((cause) =>
        Effect.logError("API key revocation notices stopped; resubscribing", Cause.pretty(cause)),
      ),
    );
  const again = Effect.scoped(
    Effect.gen(function* () {
      yield* Effect.sleep("1 second");
      const stream = yield* notifications.subscribe(revokedKeysChannel);
      announce(undefined);
      yield* relay(stream);
    }),
  ).pipe(Effect.catchCause((cause) => Effect.logError("Resubscribing failed", Cause.pretty(cause))));
  const first = yield* Effect.orDie(notifications.subscribe(revokedKeysChannel));
  yield* Effect.forkScoped(Effect.andThen(relay(first), Effect.forever(again)));

  const onRevoked = (listener: (id: string | undefined) => void) => {
    listeners.add(listener);
  };

  return { create, get, list, revoke, forgetCreatedBy, resolve, markUsed, onRevoked } satisfies ApiKeysShape;
});

export class ApiKeys extends Context.Service<ApiKeys, ApiKeysShape>()("@gatehouse/store/ApiKeys") {
  static readonly layer = Layer.effect(ApiKeys, make);
}
