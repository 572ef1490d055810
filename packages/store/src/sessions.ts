// Cookie sessions of users and operators, stored by a hash of their token (the token itself never is),
// with an absolute expiry and an idle timeout; a disabled or deleted user's sessions stop resolving.
import { Context, Effect, Layer } from "effect";
import { SqlClient } from "effect/sql";
import type { Written } from "./changes.ts";
import type { SignedInAccount } from "./credentials.ts";
import type { NotFound } from "./errors.ts";
import { found } from "./versioned.ts";

export interface NewSession {
  /** A hash of the cookie token (the row's id). */
  readonly idHash: string;
  /** A hash of the session's CSRF token. */
  readonly csrfHash: string;
  readonly holder: SignedInAccount;
  readonly userAgent: string | null;
  readonly ip: string | null;
  /** The absolute lifetime, in seconds from now. */
  readonly lifetimeSeconds: number;
}

/** What the audit log keeps of a session: whose it is, never its hashes. */
export interface SessionRecord {
  readonly holder: { readonly kind: "user" | "operator"; readonly id: string };
  readonly userAgent: string | null;
  readonly ip: string | null;
  readonly expiresAt: Date;
}

export interface ResolvedSession {
  readonly holder: SignedInAccount;
  readonly csrfHash: string;
}

export interface SessionsShape {
  readonly create: (input: NewSession) => Effect.Effect<Written<SessionRecord>>;
  /**
   * The session `idHash` names when it is unexpired, used within `idleSeconds` and its user is active;
   * marks it used (at most once a minute).
   */
  readonly resolve: (idHash: string, idleSeconds: number) => Effect.Effect<ResolvedSession | undefined>;
  readonly remove: (idHash: string) => Effect.Effect<Written<SessionRecord>, NotFound>;
  /** Deletes the sessions past their absolute expiry or idle for longer than `idleSeconds`. */
  readonly prune: (idleSeconds: number) => Effect.Effect<void>;
}

interface SessionRow {
  /** The user's or operator's id (the schema requires exactly one). */
  readonly holderId: string;
  readonly userId: string | null;
  readonly operatorId: string | null;
  readonly org: string | null;
  readonly status: string | null;
  readonly csrfHash: string;
  readonly userAgent: string | null;
  readonly ip: string | null;
  readonly expiresAt: Date;
  readonly stale: boolean;
}

const holderOf = (row: SessionRow): SignedInAccount | undefined => {
  if (row.operatorId !== null) return { kind: "operator", id: row.operatorId };
  if (row.userId !== null && row.org !== null && row.status === "active")
    return { kind: "user", id: row.userId, org: row.org };
  return undefined;
};

const make = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient;

  const select = sql`select s.user_id as "userId", s.operator_id as "operatorId", u.org, u.status,
                            coalesce(s.user_id, s.operator_id) as "holderId",
                            s.csrf_token_hash as "csrfHash", s.user_agent as "userAgent", s.ip,
                            s.expires_at as "expiresAt", s.last_seen_at < now() - interval '1 minute' as stale
                     from sessions s left join users u on u.id = s.user_id`;

  const create = Effect.fn("Sessions.create")(function* (input: NewSession) {
    const { holder } = input;
    const userId = holder.kind === "user" ? holder.id : null;
    const operatorId = holder.kind === "operator" ? holder.id : null;
    const rows = yield* Effect.orDie(
      sql<{
        readonly expiresAt: Date;
      }>`insert into sessions (id, user_id, operator_id, csrf_token_hash, user_agent, ip, expires_at)
        values (${input.idHash}, ${userId}, ${operatorId}, ${input.csrfHash}, ${input.userAgent}, ${input.ip},
                now() + make_interval(secs => ${input.lifetimeSeconds}))
        returning expires_at as "expiresAt"`,
    );
    const expiresAt = rows[0]?.expiresAt ?? new Date(Date.now() + input.lifetimeSeconds * 1000);
    const record: SessionRecord = {
      holder: { kind: holder.kind, id: holder.id },
      userAgent: input.userAgent,
      ip: input.ip,
      expiresAt,
    };
    return { value: record, before: null, after: record, changes: [] } satisfies Written<SessionRecord>;
  });

  const resolve = Effect.fn("Sessions.resolve")(function* (idHash: string, idleSeconds: number) {
    const rows = yield* Effect.orDie(
      sql<SessionRow>`${select}
                      where s.id = ${idHash} and s.expires_at > now()
                        and s.last_seen_at > now() - make_interval(secs => ${idleSeconds})`,
    );
    const row = rows[0];
    const holder = row === undefined ? undefined : holderOf(row);
    if (row === undefined || holder === undefined) return undefined;
    if (row.stale) yield* Effect.orDie(sql`update sessions set last_seen_at = now() where id = ${idHash}`);
    return { holder, csrfHash: row.csrfHash } satisfies ResolvedSession;
  });

  const remove = Effect.fn("Sessions.remove")(function* (idHash: string) {
    const rows = yield* Effect.orDie(sql<SessionRow>`${select} where s.id = ${idHash}`);
    const row = yield* found("session", "(this session)", rows);
    yield* Effect.orDie(sql`delete from sessions where id = ${idHash}`);
    const record: SessionRecord = {
      holder: { kind: row.operatorId === null ? "user" : "operator", id: row.holderId },
      userAgent: row.userAgent,
      ip: row.ip,
      expiresAt: row.expiresAt,
    };
    return { value: record, before: record, after: null, changes: [] } satisfies Written<SessionRecord>;
  });

  const prune = Effect.fn("Sessions.prune")(function* (idleSeconds: number) {
    yield* Effect.orDie(
      sql`delete from sessions
          where expires_at <= now() or last_seen_at <= now() - make_interval(secs => ${idleSeconds})`,
    );
  });

  return { create, resolve, remove, prune } satisfies SessionsShape;
});

export class Sessions extends Context.Service<Sessions, SessionsShape>()("@gatehouse/store/Sessions") {
  static readonly layer = Layer.effect(Sessions, make);
}
