// Roles: the catalog's system roles (seeded idempotently, read-only) and organizations' custom roles.
// Custom roles follow the domain's rule (rules/custom-role.ts): their product's actions, `<Product>-<Instance>-<Role>`.
import {
  type CustomRoleRejected,
  checkCustomRole,
  customRoleName,
  products,
  productsById,
} from "@gatehouse/domain";
import { Context, Effect, Layer, type Result } from "effect";
import { SqlClient, type Statement } from "effect/sql";
import type { Change, Written } from "./changes.ts";
import { AlreadyExists, InvalidChange, type NotFound, type VersionConflict } from "./errors.ts";
import { newId } from "./ids.ts";
import { constraintsAs } from "./sql-failures.ts";
import { found, updated } from "./versioned.ts";

export interface RoleRecord {
  readonly id: string;
  readonly product: string;
  readonly type: "system" | "custom";
  readonly name: string;
  readonly description: string;
  /** Action ids, sorted. */
  readonly permissions: ReadonlyArray<string>;
  readonly org: string | null;
  readonly instance: string | null;
  readonly duplicatedFrom: string | null;
  readonly createdBy: string | null;
  readonly version: number;
}

export interface RoleFilter {
  /** Custom roles of this organization (system roles belong to none and are always listed). */
  readonly org?: string | undefined;
  readonly product?: string | undefined;
  readonly instance?: string | undefined;
  readonly type?: "system" | "custom" | undefined;
}

export interface NewCustomRole {
  readonly id?: string | undefined;
  readonly org: string;
  readonly product: string;
  readonly instance?: string | undefined;
  /** The role's own name (the last part of the default name); a duplicate defaults to its origin's name. */
  readonly roleName?: string | undefined;
  /** The full name, replacing `<Product>-<Instance>-<Role>`. */
  readonly name?: string | undefined;
  readonly description?: string | undefined;
  /** The actions; a duplicate defaults to its origin's. */
  readonly permissions?: ReadonlyArray<string> | undefined;
  readonly duplicateOf?: string | undefined;
  readonly createdBy?: string | undefined;
}

export interface CustomRolePatch {
  readonly name?: string | undefined;
  readonly description?: string | undefined;
  readonly permissions?: ReadonlyArray<string> | undefined;
}

/** Why a custom role cannot be named `name` (another of `product`'s in the organization has it), in words. */
export const customRoleNameTaken = (name: string, product: string): string =>
  `A custom role named "${name}" already exists for ${product} (names are compared ignoring case): choose another name`;

/** The clash of a custom role's name with another of its product in the organization. */
const namedClash = (name: string, product: string) =>
  new AlreadyExists({
    kind: "custom role",
    constraint: "roles_custom_name_key",
    reason: customRoleNameTaken(name, product),
  });

export interface RolesShape {
  /** Inserts the catalog's system roles and permissions that are missing; returns how many roles it added. */
  readonly seedSystemRoles: () => Effect.Effect<number>;
  readonly get: (id: string) => Effect.Effect<RoleRecord, NotFound>;
  readonly list: (filter?: RoleFilter) => Effect.Effect<ReadonlyArray<RoleRecord>>;
  readonly createCustom: (
    input: NewCustomRole,
  ) => Effect.Effect<Written<RoleRecord>, NotFound | InvalidChange | AlreadyExists>;
  readonly updateCustom: (
    id: string,
    version: number,
    patch: CustomRolePatch,
  ) => Effect.Effect<Written<RoleRecord>, NotFound | InvalidChange | VersionConflict | AlreadyExists>;
  /** Deletes a custom role with its grants. */
  readonly removeCustom: (
    id: string,
    version: number,
  ) => Effect.Effect<Written<RoleRecord>, NotFound | InvalidChange | VersionConflict>;
}

const roleChange = (role: RoleRecord): Change => ({
  type: "role.set",
  role: role.id,
  product: role.product,
  ...(role.org === null ? {} : { org: role.org }),
  ...(role.instance === null ? {} : { instance: role.instance }),
  label: role.name,
  permissions: role.permissions,
});

/** The custom-role rule's refusal (rules/custom-role.ts in the domain) as the store's InvalidChange. */
const ruled = <A>(result: Result.Result<A, CustomRoleRejected>) =>
  Effect.mapError(Effect.fromResult(result), (rejected) => new InvalidChange({ reason: rejected.message }));

const make = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient;

  const select = (where: Statement.Fragment) =>
    Effect.orDie(sql<RoleRecord>`
      select r.id, r.product, r.type, r.name, r.description, r.org, r.instance, r.version,
             r.duplicated_from as "duplicatedFrom", r.created_by as "createdBy",
             coalesce(array_agg(p.action order by p.action) filter (where p.action is not null), '{}') as permissions
      from roles r left join role_permissions p on p.role = r.id
      where ${where}
      group by r.id order by r.product, r.type desc, lower(r.name)`);

  const seedSystemRoles = Effect.fn("Roles.seedSystemRoles")(function* () {
    const roles = products.flatMap((p) => p.roles);
    const ids = roles.map((r) => r.id);
    const inserted = yield* sql<{ readonly id: string }>`
      insert into roles (id, product, type, name, description)
      select id, split_part(id, ':', 1), 'system', name, description
      from unnest(${ids}::text[], ${roles.map((r) => r.label)}::text[], ${roles.map((r) => r.description)}::text[])
        as t(id, name, description)
      on conflict (id) do nothing returning id`;
    const pairs = roles.flatMap((r) =>
      [...new Set(r.permissions.map((p) => p.action))].map((a) => [r.id, a]),
    );
    yield* sql`insert into role_permissions (role, action)
               select * from unnest(${pairs.map((p) => p[0] ?? "")}::text[], ${pairs.map((p) => p[1] ?? "")}::text[])
               on conflict do nothing`;
    return inserted.length;
  }, Effect.orDie);

  const get = Effect.fn("Roles.get")(function* (id: string) {
    return yield* found("role", id, yield* select(sql`r.id = ${id}`));
  });

  const list = Effect.fn("Roles.list")(function* (filter: RoleFilter = {}) {
    const conditions = [
      filter.org === undefined ? sql`r.type = 'system'` : sql`(r.type = 'system' or r.org = ${filter.org})`,
      ...(filter.product === undefined ? [] : [sql`r.product = ${filter.product}`]),
      ...(filter.instance === undefined ? [] : [sql`r.instance = ${filter.instance}`]),
      ...(filter.type === undefined ? [] : [sql`r.type = ${filter.type}`]),
    ];
    return yield* select(sql.and(conditions));
  });

  const instanceName = (org: string, product: string, instance: string) =>
    Effect.flatMap(
      Effect.orDie(
        sql<{ readonly name: string }>`select name from instances
                                       where id = ${instance} and org = ${org} and product = ${product}`,
      ),
      (rows) =>
        rows[0] === undefined
          ? Effect.fail(new InvalidChange({ reason: `no ${product} instance "${instance}" in ${org}` }))
          : Effect.succeed(rows[0].name),
    );

  const writePermissions = (role: string, permissions: ReadonlyArray<string>) =>
    Effect.gen(function* () {
      yield* sql`delete from role_permissions where role = ${role}`;
      if (permissions.length > 0)
        yield* sql`insert into role_permissions (role, action)
                   select ${role}, unnest(${[...new Set(permissions)]}::text[])`;
    });

  const createCustom = Effect.fn("Roles.createCustom")(function* (input: NewCustomRole) {
    const origin = input.duplicateOf === undefined ? undefined : yield* get(input.duplicateOf);
    if (origin !== undefined && origin.product !== input.product)
      return yield* new InvalidChange({ reason: `${origin.id} is not a role of ${input.product}` });
    const permissions = input.permissions ?? origin?.permissions ?? [];
    const def = yield* ruled(checkCustomRole(productsById, { product: input.product, permissions }));
    const instance =
      input.instance === undefined
        ? undefined
        : yield* instanceName(input.org, input.product, input.instance);
    const name =
      input.name ??
      (yield* ruled(customRoleName({ product: def.label, instance, role: input.roleName ?? origin?.name })));
    const id = input.id ?? `${input.product}:${newId("custom")}`;
    yield* sql`insert into roles (id, product, type, name, description, org, instance, duplicated_from, created_by)
               values (${id}, ${input.product}, 'custom', ${name}, ${input.description ?? ""}, ${input.org},
                       ${input.instance ?? null}, ${origin?.id ?? null}, ${input.createdBy ?? null})`.pipe(
      constraintsAs("custom role"),
      Effect.mapError((e) => (e instanceof AlreadyExists ? namedClash(name, def.label) : e)),
    );
    yield* writePermissions(id, permissions);
    const role = yield* Effect.orDie(get(id));
    return {
      value: role,
      before: null,
      after: role,
      changes: [roleChange(role)],
    } satisfies Written<RoleRecord>;
  }, constraintsAs("custom role"));

  const customRole = (id: string) =>
    Effect.flatMap(get(id), (role) =>
      role.type === "custom"
        ? Effect.succeed(role)
        : Effect.fail(new InvalidChange({ reason: `${id} is a system role; system roles are read-only` })),
    );

  const updateCustom = Effect.fn("Roles.updateCustom")(function* (
    id: string,
    version: number,
    patch: CustomRolePatch,
  ) {
    const before = yield* customRole(id);
    if (patch.permissions !== undefined)
      yield* ruled(
        checkCustomRole(productsById, { product: before.product, permissions: patch.permissions }),
      );
    const name = patch.name ?? before.name;
    yield* updated(
      "custom role",
      id,
      version,
      yield* sql`update roles set name = ${name},
                   description = ${patch.description ?? before.description},
                   version = version + 1, updated_at = now()
                 where id = ${id} and version = ${version} returning id`.pipe(
        constraintsAs("custom role"),
        // Named as createCustom names it: the name taken, for which product.
        Effect.mapError((e) =>
          e instanceof AlreadyExists
            ? namedClash(name, productsById.get(before.product)?.label ?? before.product)
            : e,
        ),
      ),
    );
    if (patch.permissions !== undefined) yield* writePermissions(id, patch.permissions);
    const after = yield* Effect.orDie(get(id));
    return { value: after, before, after, changes: [roleChange(after)] } satisfies Written<RoleRecord>;
  }, constraintsAs("custom role"));

  /**
   * Takes the deleted role `id` out of the grants open invitations record (its grants themselves went with it), and
   * revokes an invitation left giving nothing: accepting it would make an account with no role, and revoking or
   * resending it must not ask about a role that no longer exists.
   */
  const withdrawFromInvitations = (id: string) =>
    Effect.orDie(
      Effect.gen(function* () {
        const naming = sql`grants @> jsonb_build_array(jsonb_build_object('role', ${id}::text))`;
        const others = sql`(select jsonb_agg(g) from jsonb_array_elements(grants) g where g ->> 'role' is distinct from ${id})`;
        yield* sql`update invitations
                   set grants = coalesce(${others}, '[]'::jsonb),
                       status = case when ${others} is null then 'revoked' else status end,
                       revoked_at = case when ${others} is null then now() else revoked_at end,
                       version = version + 1
                   where accepted_at is null and revoked_at is null and ${naming}`;
      }),
    );

  const removeCustom = Effect.fn("Roles.removeCustom")(function* (id: string, version: number) {
    const before = yield* customRole(id);
    yield* updated(
      "custom role",
      id,
      version,
      yield* Effect.orDie(sql`delete from roles where id = ${id} and version = ${version} returning id`),
    );
    yield* withdrawFromInvitations(id);
    const changes: ReadonlyArray<Change> = [{ type: "role.removed", role: id }];
    return { value: before, before, after: null, changes } satisfies Written<RoleRecord>;
  });

  return { seedSystemRoles, get, list, createCustom, updateCustom, removeCustom } satisfies RolesShape;
});

export class Roles extends Context.Service<Roles, RolesShape>()("@gatehouse/store/Roles") {
  static readonly layer = Layer.effect(Roles, make);
}
