// Grants of a role or one extra permission to a user or group at a scope path, optionally expiring.
// Direct grants of system roles without expiry keep the organization's product groups in step (product-groups.ts).
import type { GrantInput, Scope } from "@gatehouse/domain";
import { ENTITY_ROLE_GIVEN_MEANWHILE, products } from "@gatehouse/domain";
import { Context, Effect, Layer } from "effect";
import { SqlClient, type Statement } from "effect/sql";
import type { Change, Written } from "./changes.ts";
import { lapsedEntityRole, ONE_ENTITY_ROLE } from "./entity-role-slot.ts";
import { AlreadyExists, InvalidChange, type NotFound, type VersionConflict } from "./errors.ts";
import { newId } from "./ids.ts";
import { joinProductGroup, leaveProductGroup } from "./product-groups.ts";
import { constraintsAs } from "./sql-failures.ts";
import { found, updated } from "./versioned.ts";

export interface GrantSubjectRef {
  readonly kind: "user" | "group";
  readonly id: string;
}

export interface GrantRecord {
  readonly id: string;
  readonly subject: GrantSubjectRef;
  readonly role: string | null;
  readonly permission: string | null;
  readonly scope: Scope;
  readonly expiresAt: Date | null;
  readonly grantedBy: string | null;
  readonly version: number;
}

export interface NewGrant {
  readonly id?: string | undefined;
  readonly subject: GrantSubjectRef;
  /** Exactly one of `role` and `permission`. */
  readonly role?: string | undefined;
  readonly permission?: string | undefined;
  readonly scope: Scope;
  readonly expiresAt?: Date | null | undefined;
  readonly grantedBy?: string | undefined;
}

export interface GrantPatch {
  readonly role?: string | undefined;
  /** `null` removes the expiry. */
  readonly expiresAt?: Date | null | undefined;
}

export interface GrantFilter {
  readonly org?: string | undefined;
  readonly subject?: GrantSubjectRef | undefined;
  readonly role?: string | undefined;
}

export interface GrantsShape {
  /**
   * Gives a grant. A role at an environment or a flag is one per subject there: the subject's lapsed one is
   * replaced (`before`), one in force is AlreadyExists naming it (domain rules/entity-roles.ts).
   */
  readonly create: (input: NewGrant) => Effect.Effect<Written<GrantRecord>, InvalidChange | AlreadyExists>;
  /**
   * Refuses as `create` would where the subject holds a role in force on the environment or flag `input` gives one
   * at (AlreadyExists naming it); a read only, for asking before the write (`may`), which checks again.
   */
  readonly entityRoleFree: (input: NewGrant) => Effect.Effect<void, AlreadyExists>;
  readonly get: (id: string) => Effect.Effect<GrantRecord, NotFound>;
  readonly list: (filter?: GrantFilter) => Effect.Effect<ReadonlyArray<GrantRecord>>;
  /** Changes the role or the expiry of a grant read at `version`. */
  readonly update: (
    id: string,
    version: number,
    patch: GrantPatch,
  ) => Effect.Effect<Written<GrantRecord>, NotFound | VersionConflict | InvalidChange | AlreadyExists>;
  readonly remove: (
    id: string,
    version: number,
  ) => Effect.Effect<Written<GrantRecord>, NotFound | VersionConflict>;
}

interface GrantRow {
  readonly id: string;
  readonly subject_kind: "user" | "group";
  readonly subject_id: string;
  readonly role: string | null;
  readonly permission: string | null;
  readonly org: string;
  readonly product: string | null;
  readonly instance: string | null;
  readonly project: string | null;
  readonly environment: string | null;
  readonly flag: string | null;
  readonly expires_at: Date | null;
  readonly granted_by: string | null;
  readonly version: number;
}

/** A stored scope as the domain's Scope: the keys that are set, in path order. */
const scopeOf = (row: GrantRow): Scope => ({
  org: row.org,
  ...(row.product === null ? {} : { product: row.product }),
  ...(row.instance === null ? {} : { instance: row.instance }),
  ...(row.project === null ? {} : { project: row.project }),
  ...(row.environment === null ? {} : { environment: row.environment }),
  ...(row.flag === null ? {} : { flag: row.flag }),
});

export const grantFromRow = (row: GrantRow): GrantRecord => ({
  id: row.id,
  subject: { kind: row.subject_kind, id: row.subject_id },
  role: row.role,
  permission: row.permission,
  scope: scopeOf(row),
  expiresAt: row.expires_at,
  grantedBy: row.granted_by,
  version: row.version,
});

/** The grant as the engine takes it. */
export const grantChange = (grant: GrantRecord): GrantInput => ({
  id: grant.id,
  subject: grant.subject.id,
  scope: grant.scope,
  ...(grant.expiresAt === null ? {} : { expiresAt: grant.expiresAt.getTime() }),
  ...(grant.role === null ? { permission: grant.permission ?? "" } : { role: grant.role }),
});

export const grantColumns = `id, subject_kind, subject_id, role, permission, org, product, instance, project,
  environment, flag, expires_at, granted_by, version`;

const knownAction = (action: string): boolean => products.some((p) => p.actions.some((a) => a.id === action));

const make = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient;
  const columns = sql.unsafe(grantColumns);

  const select = (where: Statement.Fragment) =>
    Effect.map(
      Effect.orDie(sql<GrantRow>`select ${columns} from grants where ${where} order by created_at, id`),
      (rows) => rows.map(grantFromRow),
    );

  const get = Effect.fn("Grants.get")(function* (id: string) {
    return yield* found("grant", id, yield* select(sql`id = ${id}`));
  });

  const list = Effect.fn("Grants.list")(function* (filter: GrantFilter = {}) {
    const conditions = [
      ...(filter.org === undefined ? [] : [sql`org = ${filter.org}`]),
      ...(filter.subject === undefined
        ? []
        : [sql`subject_kind = ${filter.subject.kind} and subject_id = ${filter.subject.id}`]),
      ...(filter.role === undefined ? [] : [sql`role = ${filter.role}`]),
    ];
    return yield* select(conditions.length === 0 ? sql`true` : sql.and(conditions));
  });

  /** Product-group membership follows direct grants of system roles that do not expire. */
  const joined = (grant: GrantRecord) =>
    grant.subject.kind === "user" && grant.role !== null && grant.expiresAt === null
      ? joinProductGroup(sql, grant.scope.org, grant.role, grant.subject.id)
      : Effect.succeed([]);
  const left = (grant: GrantRecord) =>
    grant.subject.kind === "user" && grant.role !== null
      ? leaveProductGroup(sql, grant.scope.org, grant.role, grant.subject.id)
      : Effect.succeed([]);

  /** A unique violation of the one-role-per-entity index (a write past the check) says so in words. */
  const givenMeanwhile = (self: Effect.Effect<Written<GrantRecord>, AlreadyExists | InvalidChange>) =>
    Effect.mapError(self, (error) =>
      error._tag === "AlreadyExists" && error.constraint === ONE_ENTITY_ROLE && error.reason === undefined
        ? new AlreadyExists({ ...error, reason: ENTITY_ROLE_GIVEN_MEANWHILE })
        : error,
    );

  const create = Effect.fn("Grants.create")(
    function* (input: NewGrant) {
      if ((input.role === undefined) === (input.permission === undefined))
        return yield* new InvalidChange({ reason: "a grant gives exactly one role or one permission" });
      if (input.permission !== undefined && !knownAction(input.permission))
        return yield* new InvalidChange({ reason: `unknown permission "${input.permission}"` });
      const lapsed = yield* lapsedEntityRole(sql, list({ subject: input.subject }), input);
      const replaced =
        lapsed === undefined ? [] : (yield* Effect.orDie(remove(lapsed.id, lapsed.version))).changes;
      const id = input.id ?? newId("grt");
      const s = input.scope;
      yield* sql`insert into grants (id, subject_kind, subject_id, role, permission, org, product, instance, project,
                                     environment, flag, expires_at, granted_by)
                 values (${id}, ${input.subject.kind}, ${input.subject.id}, ${input.role ?? null},
                         ${input.permission ?? null}, ${s.org}, ${s.product ?? null}, ${s.instance ?? null},
                         ${s.project ?? null}, ${s.environment ?? null}, ${s.flag ?? null},
                         ${input.expiresAt ?? null}, ${input.grantedBy ?? null})`;
      const grant = yield* Effect.orDie(get(id));
      const changes: ReadonlyArray<Change> = [
        ...replaced,
        { type: "grant.added", grant: grantChange(grant) },
        ...(yield* joined(grant)),
      ];
      return { value: grant, before: lapsed ?? null, after: grant, changes } satisfies Written<GrantRecord>;
    },
    constraintsAs("grant"),
    givenMeanwhile,
  );

  const update = Effect.fn("Grants.update")(function* (id: string, version: number, patch: GrantPatch) {
    const before = yield* get(id);
    if (patch.role !== undefined && before.role === null)
      return yield* new InvalidChange({ reason: "a permission grant cannot be given a role" });
    const expiresAt = patch.expiresAt === undefined ? before.expiresAt : patch.expiresAt;
    yield* updated(
      "grant",
      id,
      version,
      yield* sql`update grants set role = ${patch.role ?? before.role}, expires_at = ${expiresAt},
                   version = version + 1, updated_at = now()
                 where id = ${id} and version = ${version} returning id`,
    );
    const after = yield* Effect.orDie(get(id));
    const changes: ReadonlyArray<Change> = [
      { type: "grant.added", grant: grantChange(after) },
      ...(before.role === after.role && (before.expiresAt === null) === (after.expiresAt === null)
        ? []
        : [...(yield* left(before)), ...(yield* joined(after))]),
    ];
    return { value: after, before, after, changes } satisfies Written<GrantRecord>;
  }, constraintsAs("grant"));

  const remove = Effect.fn("Grants.remove")(function* (id: string, version: number) {
    const before = yield* get(id);
    yield* updated(
      "grant",
      id,
      version,
      yield* Effect.orDie(sql`delete from grants where id = ${id} and version = ${version} returning id`),
    );
    const changes: ReadonlyArray<Change> = [
      { type: "grant.removed", grant: id },
      ...(yield* Effect.orDie(left(before))),
    ];
    return { value: before, before, after: null, changes } satisfies Written<GrantRecord>;
  });

  const entityRoleFree = (input: NewGrant) =>
    Effect.asVoid(lapsedEntityRole(sql, list({ subject: input.subject }), input));

  return { create, entityRoleFree, get, list, update, remove } satisfies GrantsShape;
});

export class Grants extends Context.Service<Grants, GrantsShape>()("@gatehouse/store/Grants") {
  static readonly layer = Layer.effect(Grants, make);
}
