// One role per subject at an environment or a flag (domain rules/entity-roles.ts): a new one replaces the subject's
// lapsed role there, and is refused in the giver's words beside one in force (the database index backs it).
import { entityRoleHeld, inForce, oneRoleEntity, type RoledEntity, sameScope } from "@gatehouse/domain";
import { Effect } from "effect";
import type { SqlClient } from "effect/sql";
import { AlreadyExists } from "./errors.ts";
import type { GrantRecord, NewGrant } from "./grants.ts";

/** The unique index keeping one role per subject and entity (migration 17). */
export const ONE_ENTITY_ROLE = "grants_one_entity_role";

/** The names of `held`'s holder, of its role and of its `entity`, as stored (in general words where a row is gone). */
const namesOf = (sql: SqlClient.SqlClient, held: GrantRecord, entity: RoledEntity) => {
  const subject = held.subject.id;
  const holder =
    held.subject.kind === "user"
      ? sql`(select name from users where id = ${subject})`
      : sql`(select name from groups where id = ${subject})`;
  const place =
    entity === "flag"
      ? sql`(select name from flags where id = ${held.scope.flag ?? ""})`
      : sql`(select name from environments where id = ${held.scope.environment ?? ""})`;
  return Effect.map(
    Effect.orDie(
      sql<{ readonly holder: string | null; readonly role: string | null; readonly entity: string | null }>`
        select ${holder} as holder, (select name from roles where id = ${held.role}) as role, ${place} as entity`,
    ),
    (rows) => ({
      holder: rows[0]?.holder ?? `This ${held.subject.kind === "user" ? "person" : "group"}`,
      role: rows[0]?.role ?? "a role",
      entity: rows[0]?.entity ?? `this ${entity}`,
    }),
  );
};

/**
 * The subject's grant of a role of `input`'s entity at exactly its scope that has lapsed (to be replaced), or
 * none; AlreadyExists naming the role held when that grant is in force. `heldBySubject` is read only for an
 * entity role. Asked under the organization's write lock.
 */
export const lapsedEntityRole = <E>(
  sql: SqlClient.SqlClient,
  heldBySubject: Effect.Effect<ReadonlyArray<GrantRecord>, E>,
  input: NewGrant,
  now = Date.now(),
) =>
  Effect.gen(function* () {
    const entity = oneRoleEntity(input.role ?? null, input.scope);
    if (entity === undefined) return undefined;
    const held = yield* heldBySubject;
    const there = held.find(
      (g) => oneRoleEntity(g.role, g.scope) === entity && sameScope(g.scope, input.scope),
    );
    if (there === undefined) return undefined;
    if (!inForce(there.expiresAt?.getTime() ?? 0, now)) return there;
    const names = yield* namesOf(sql, there, entity);
    return yield* new AlreadyExists({
      kind: "grant",
      constraint: ONE_ENTITY_ROLE,
      reason: entityRoleHeld({ ...names, same: there.role === input.role }),
    });
  });
