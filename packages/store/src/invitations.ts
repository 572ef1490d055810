// Invitations: a single-use, expiring token kept only as its hash, and the grants it gives on acceptance.
// A pending invitation past `expires_at` reads as expired; resend, revoke and accept are versioned writes that
// move it as the domain's machine says (rules/invitation.ts) and keep the account's grants in step.
import {
  type InvitationEvent,
  type InvitationStatus,
  nextInvitation,
  type Scope,
  scopeCovers,
} from "@gatehouse/domain";
import { Context, Effect, Layer, Result } from "effect";
import { SqlClient, type Statement } from "effect/sql";
import type { Written } from "./changes.ts";
import { AlreadyExists, InvalidChange, type NotFound, type VersionConflict } from "./errors.ts";
import { Grants } from "./grants.ts";
import { newId } from "./ids.ts";
import { holdUntil, invitedGrants, stillInvited, withdraw } from "./invitation-grants.ts";
import { effectiveStatus, movable } from "./invitation-status.ts";
import { toJson } from "./json.ts";
import { constraintsAs } from "./sql-failures.ts";
import { found, updated } from "./versioned.ts";

/** A grant the invitation gave, in the API's grant-input shape (recorded; the grants are made up front). */
export interface InvitationGrant {
  readonly role: string;
  readonly scope: Scope;
}

export interface InvitationRecord {
  readonly id: string;
  readonly org: string;
  readonly userId: string | null;
  readonly email: string;
  readonly name: string;
  readonly language: string;
  readonly grants: ReadonlyArray<InvitationGrant>;
  /** As it reads now: a pending invitation past its expiry is `expired`. */
  readonly status: InvitationStatus;
  readonly invitedBy: string | null;
  readonly expiresAt: Date;
  readonly acceptedAt: Date | null;
  readonly revokedAt: Date | null;
  readonly resentAt: Date | null;
  readonly resendCount: number;
  readonly version: number;
  readonly createdAt: Date;
}

export interface NewInvitation {
  readonly id?: string | undefined;
  readonly org: string;
  readonly userId: string;
  readonly email: string;
  readonly name: string;
  readonly language: string;
  /** The SHA-256 of the token; the token itself is never stored. */
  readonly tokenHash: string;
  readonly grants: ReadonlyArray<InvitationGrant>;
  readonly invitedBy: string | null;
  readonly expiresAt: Date;
}

export interface InvitationsShape {
  readonly create: (
    input: NewInvitation,
  ) => Effect.Effect<Written<InvitationRecord>, AlreadyExists | InvalidChange>;
  readonly get: (id: string) => Effect.Effect<InvitationRecord, NotFound>;
  /** The invitation whose token hashes to `tokenHash`, whatever its status. */
  readonly byTokenHash: (tokenHash: string) => Effect.Effect<InvitationRecord, NotFound>;
  readonly list: (org: string, status?: InvitationStatus) => Effect.Effect<ReadonlyArray<InvitationRecord>>;
  /**
   * A pending or expired invitation of a never-signed-in account gets a new token and expiry, pending again,
   * `resend_count + 1`; the grants it gave expire with it again.
   */
  readonly resend: (
    id: string,
    version: number,
    tokenHash: string,
    expiresAt: Date,
  ) => Effect.Effect<Written<InvitationRecord>, NotFound | VersionConflict | InvalidChange | AlreadyExists>;
  /** Revokes a pending (unexpired) invitation and withdraws the grants it gave the never-signed-in account. */
  readonly revoke: (
    id: string,
    version: number,
  ) => Effect.Effect<Written<InvitationRecord>, NotFound | VersionConflict | InvalidChange>;
  /**
   * Marks a pending, unexpired invitation of a never-signed-in account accepted (single use) and confirms the
   * grants it gave (they no longer expire); `name` renames the invited user.
   */
  readonly accept: (
    id: string,
    version: number,
    name?: string,
  ) => Effect.Effect<Written<InvitationRecord>, NotFound | VersionConflict | InvalidChange>;
  /**
   * Takes out of the open invitation `id`'s recorded grants those lying within `place` (their grants were removed
   * there, as Delete user does), so that it lists what accepting it still gives; the rest stay.
   */
  readonly withdrawWithin: (id: string, place: Scope) => Effect.Effect<void>;
  /**
   * Revokes the user's expired invitations and withdraws their (lapsed) grants: a new invitation replaces them.
   * A pending one is not replaced: AlreadyExists, saying the email has a pending invitation to resend.
   */
  readonly replaceExpired: (
    userId: string,
  ) => Effect.Effect<Written<ReadonlyArray<InvitationRecord>>, VersionConflict | AlreadyExists>;
}

interface InvitationRow {
  readonly id: string;
  readonly org: string;
  readonly user_id: string | null;
  readonly email: string;
  readonly name: string;
  readonly language: string;
  readonly grants: unknown;
  readonly status: InvitationStatus;
  readonly invited_by: string | null;
  readonly expires_at: Date;
  readonly accepted_at: Date | null;
  readonly revoked_at: Date | null;
  readonly resent_at: Date | null;
  readonly resend_count: number;
  readonly version: number;
  readonly created_at: Date;
}

/** jsonb arrives parsed from one driver and as text from another. */
const grantsOf = (value: unknown): ReadonlyArray<InvitationGrant> => {
  const parsed: unknown = typeof value === "string" ? JSON.parse(value) : value;
  return Array.isArray(parsed) ? (parsed as ReadonlyArray<InvitationGrant>) : [];
};

const fromRow = (row: InvitationRow): InvitationRecord => ({
  id: row.id,
  org: row.org,
  userId: row.user_id,
  email: row.email,
  name: row.name,
  language: row.language,
  grants: grantsOf(row.grants),
  status: row.status,
  invitedBy: row.invited_by,
  expiresAt: row.expires_at,
  acceptedAt: row.accepted_at,
  revokedAt: row.revoked_at,
  resentAt: row.resent_at,
  resendCount: row.resend_count,
  version: row.version,
  createdAt: row.created_at,
});

const signedIn = () =>
  new InvalidChange({
    reason: "the invited account has signed in already: give it roles with grants.create",
  });

const make = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient;
  const grants = yield* Grants;
  const effective = effectiveStatus(sql);
  const columns = sql`id, org, user_id, email, name, language, grants, ${effective} as status, invited_by,
    expires_at, accepted_at, revoked_at, resent_at, resend_count, version, created_at`;

  const selectWhere = (where: Statement.Fragment) =>
    Effect.map(
      Effect.orDie(
        sql<InvitationRow>`select ${columns} from invitations where ${where} order by created_at desc, id`,
      ),
      (rows) => rows.map(fromRow),
    );

  const get = Effect.fn("Invitations.get")(function* (id: string) {
    return yield* found("invitation", id, yield* selectWhere(sql`id = ${id}`));
  });

  const byTokenHash = Effect.fn("Invitations.byTokenHash")(function* (tokenHash: string) {
    return yield* found("invitation", "(token)", yield* selectWhere(sql`token_hash = ${tokenHash}`));
  });

  const list = Effect.fn("Invitations.list")(function* (org: string, status?: InvitationStatus) {
    return yield* selectWhere(
      status === undefined ? sql`org = ${org}` : sql`org = ${org} and ${effective} = ${status}`,
    );
  });

  const create = Effect.fn("Invitations.create")(function* (input: NewInvitation) {
    const id = input.id ?? newId("inv");
    yield* sql`insert into invitations (id, org, user_id, email, name, language, token_hash, grants, invited_by, expires_at)
               values (${id}, ${input.org}, ${input.userId}, ${input.email}, ${input.name}, ${input.language},
                       ${input.tokenHash}, ${toJson(input.grants)}::jsonb, ${input.invitedBy}, ${input.expiresAt})`;
    const invitation = yield* Effect.orDie(get(id));
    return {
      value: invitation,
      before: null,
      after: invitation,
      changes: [],
    } satisfies Written<InvitationRecord>;
  }, constraintsAs("invitation"));

  /** The machine's refusal of `event` in `status` as an InvalidChange, or the status it leads to. */
  const next = (status: InvitationStatus, event: InvitationEvent) =>
    Effect.mapError(
      Effect.fromResult(nextInvitation(status, event)),
      (refused) => new InvalidChange({ reason: refused.message }),
    );

  /**
   * A versioned update making `event`, from a status the machine allows it in; `statement` sets the status the
   * machine gives and repeats the guard (`movable`), so a change in between is a conflict, not a second move.
   */
  const transition = <E>(
    id: string,
    version: number,
    event: InvitationEvent,
    statement: (to: InvitationStatus) => Effect.Effect<ReadonlyArray<unknown>, E>,
  ) =>
    Effect.gen(function* () {
      const before = yield* get(id);
      const to = yield* next(before.status, event);
      yield* updated("invitation", id, version, yield* statement(to));
      const after = yield* Effect.orDie(get(id));
      return { value: after, before, after, changes: [] } satisfies Written<InvitationRecord>;
    });

  const resend = Effect.fn("Invitations.resend")(function* (
    id: string,
    version: number,
    tokenHash: string,
    expiresAt: Date,
  ) {
    const invitation = yield* get(id);
    if (!(yield* stillInvited(sql, invitation.userId))) return yield* signedIn();
    const written = yield* transition(
      id,
      version,
      "resend",
      (to) =>
        sql`update invitations set token_hash = ${tokenHash}, expires_at = ${expiresAt}, status = ${to},
              resent_at = now(), resend_count = resend_count + 1, version = version + 1, updated_at = now()
            where id = ${id} and version = ${version} and ${movable(sql, "resend")} returning id`,
    );
    const held = yield* invitedGrants(sql, grants, invitation);
    return { ...written, changes: yield* holdUntil(grants, held, expiresAt) };
  }, constraintsAs("invitation"));

  const revoke = Effect.fn("Invitations.revoke")(function* (id: string, version: number) {
    const invitation = yield* get(id);
    const held = yield* invitedGrants(sql, grants, invitation);
    const written = yield* transition(id, version, "revoke", (to) =>
      Effect.orDie(sql`update invitations set status = ${to}, revoked_at = now(), version = version + 1,
                         updated_at = now()
                       where id = ${id} and version = ${version} and ${movable(sql, "revoke")} returning id`),
    );
    return { ...written, changes: yield* withdraw(grants, held) };
  });

  const accept = Effect.fn("Invitations.accept")(function* (id: string, version: number, name?: string) {
    const invitation = yield* get(id);
    const held = yield* invitedGrants(sql, grants, invitation);
    if (
      Result.isSuccess(nextInvitation(invitation.status, "accept")) &&
      !(yield* stillInvited(sql, invitation.userId))
    )
      return yield* signedIn();
    const written = yield* transition(id, version, "accept", (to) =>
      Effect.orDie(sql`update invitations set status = ${to}, accepted_at = now(), version = version + 1,
                         updated_at = now()
                       where id = ${id} and version = ${version} and ${movable(sql, "accept")} returning id`),
    );
    const user = written.value.userId;
    if (name !== undefined && user !== null)
      yield* Effect.orDie(sql`update users set name = ${name}, version = version + 1, updated_at = now()
                              where id = ${user}`);
    return { ...written, changes: yield* holdUntil(grants, held, null) };
  });

  const replaceExpired = Effect.fn("Invitations.replaceExpired")(function* (userId: string) {
    const all = yield* selectWhere(sql`user_id = ${userId}`);
    const moves = all.map((invitation) => ({ invitation, to: nextInvitation(invitation.status, "replace") }));
    const refused = moves.find((m) => Result.isFailure(m.to));
    if (refused !== undefined)
      return yield* new AlreadyExists({
        kind: "invitation",
        constraint: "invitations_one_pending",
        reason: `${refused.invitation.email} has a pending invitation (perhaps sent meanwhile): resend it instead`,
      });
    // What the machine moves (an expired one, revoked): its lapsed grants are withdrawn. History stays as it is.
    const open = moves.flatMap((m) =>
      Result.isSuccess(m.to) && m.to.success !== m.invitation.status ? [{ ...m, to: m.to.success }] : [],
    );
    const changes = [];
    for (const { invitation, to } of open) {
      changes.push(...(yield* withdraw(grants, yield* invitedGrants(sql, grants, invitation))));
      yield* Effect.orDie(sql`update invitations set status = ${to}, revoked_at = now(), version = version + 1,
                                updated_at = now()
                              where id = ${invitation.id} and ${effective} = ${invitation.status}`);
    }
    const replaced = open.map((m) => m.invitation);
    return { value: replaced, before: replaced, after: null, changes } satisfies Written<
      ReadonlyArray<InvitationRecord>
    >;
  });

  const withdrawWithin = Effect.fn("Invitations.withdrawWithin")(function* (id: string, place: Scope) {
    const invitation = yield* Effect.orDie(get(id));
    const rest = invitation.grants.filter((grant) => !scopeCovers(place, grant.scope));
    if (rest.length === invitation.grants.length) return;
    yield* Effect.orDie(
      sql`update invitations set grants = ${toJson(rest)}::jsonb, version = version + 1 where id = ${id}`,
    );
  });

  return {
    create,
    get,
    byTokenHash,
    list,
    withdrawWithin,
    resend,
    revoke,
    accept,
    replaceExpired,
  } satisfies InvitationsShape;
});

export class Invitations extends Context.Service<Invitations, InvitationsShape>()(
  "@gatehouse/store/Invitations",
) {
  static readonly layer = Layer.effect(Invitations, make).pipe(Layer.provide(Grants.layer));
}
