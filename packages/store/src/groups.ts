// Groups of one organization: custom groups (managed by people), `Everyone` and product groups (managed here).
// Members inherit every grant of the group; Everyone and product groups change only as users and grants do.
import { Context, Effect, Layer } from "effect";
import { SqlClient } from "effect/sql";
import type { Change, Written } from "./changes.ts";
import { type AlreadyExists, InvalidChange, type NotFound } from "./errors.ts";
import { newId } from "./ids.ts";
import { constraintsAs } from "./sql-failures.ts";
import { found } from "./versioned.ts";

export type GroupKind = "custom" | "everyone" | "product";

export interface GroupRecord {
  readonly id: string;
  readonly org: string;
  readonly name: string;
  readonly description: string;
  readonly kind: GroupKind;
  /** For product groups: the system role the group stands for. */
  readonly role: string | null;
  /** Member user ids, sorted. */
  readonly members: ReadonlyArray<string>;
  readonly version: number;
}

export interface NewGroup {
  readonly id?: string | undefined;
  readonly org: string;
  readonly name: string;
  readonly description?: string | undefined;
}

export interface GroupsShape {
  readonly create: (input: NewGroup) => Effect.Effect<Written<GroupRecord>, AlreadyExists | InvalidChange>;
  readonly get: (id: string) => Effect.Effect<GroupRecord, NotFound>;
  readonly list: (org: string) => Effect.Effect<ReadonlyArray<GroupRecord>>;
  /** Adds a user of the group's organization to a custom group (Everyone and product groups are managed here). */
  readonly addMember: (
    group: string,
    user: string,
  ) => Effect.Effect<Written<GroupRecord>, NotFound | InvalidChange>;
  readonly removeMember: (
    group: string,
    user: string,
  ) => Effect.Effect<Written<GroupRecord>, NotFound | InvalidChange>;
  /** Deletes a custom group with its grants. */
  readonly remove: (id: string) => Effect.Effect<Written<GroupRecord>, NotFound | InvalidChange>;
}

const make = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient;

  const select = (filter: { readonly id: string } | { readonly org: string }) =>
    Effect.orDie(sql<GroupRecord>`
      select g.id, g.org, g.name, g.description, g.kind, g.role, g.version,
             coalesce(array_agg(m.user_id order by m.user_id) filter (where m.user_id is not null), '{}') as members
      from groups g left join group_members m on m.group_id = g.id
      where ${"id" in filter ? sql`g.id = ${filter.id}` : sql`g.org = ${filter.org}`}
      group by g.id order by lower(g.name)`);

  const get = Effect.fn("Groups.get")(function* (id: string) {
    return yield* found("group", id, yield* select({ id }));
  });

  const list = Effect.fn("Groups.list")(function* (org: string) {
    return yield* select({ org });
  });

  const custom = (id: string) =>
    Effect.flatMap(get(id), (group) =>
      group.kind === "custom"
        ? Effect.succeed(group)
        : Effect.fail(
            new InvalidChange({
              reason: `the ${group.kind} group "${group.name}" is managed by Gatehouse and cannot be changed by hand`,
            }),
          ),
    );

  const create = Effect.fn("Groups.create")(function* (input: NewGroup) {
    const id = input.id ?? newId("grp");
    yield* sql`insert into groups (id, org, name, description, kind)
               values (${id}, ${input.org}, ${input.name}, ${input.description ?? ""}, 'custom')`;
    const group = yield* Effect.orDie(get(id));
    const changes: ReadonlyArray<Change> = [{ type: "group.added", group: id, org: input.org }];
    return { value: group, before: null, after: group, changes } satisfies Written<GroupRecord>;
  }, constraintsAs("group"));

  const addMember = Effect.fn("Groups.addMember")(function* (groupId: string, user: string) {
    const before = yield* custom(groupId);
    const users = yield* Effect.orDie(
      sql<{ readonly org: string }>`select org from users where id = ${user}`,
    );
    if (users[0]?.org !== before.org)
      return yield* new InvalidChange({ reason: `"${user}" is not a user of ${before.org}` });
    yield* Effect.orDie(
      sql`insert into group_members (group_id, user_id, org)
          values (${groupId}, ${user}, ${before.org}) on conflict do nothing`,
    );
    const after = yield* get(groupId);
    const changes: ReadonlyArray<Change> = [{ type: "member.added", group: groupId, user }];
    return { value: after, before, after, changes } satisfies Written<GroupRecord>;
  });

  const removeMember = Effect.fn("Groups.removeMember")(function* (groupId: string, user: string) {
    const before = yield* custom(groupId);
    yield* Effect.orDie(sql`delete from group_members where group_id = ${groupId} and user_id = ${user}`);
    const after = yield* get(groupId);
    const changes: ReadonlyArray<Change> = [{ type: "member.removed", group: groupId, user }];
    return { value: after, before, after, changes } satisfies Written<GroupRecord>;
  });

  const remove = Effect.fn("Groups.remove")(function* (id: string) {
    const before = yield* custom(id);
    yield* Effect.orDie(sql`delete from groups where id = ${id}`);
    const changes: ReadonlyArray<Change> = [{ type: "subject.removed", subject: id }];
    return { value: before, before, after: null, changes } satisfies Written<GroupRecord>;
  });

  return { create, get, list, addMember, removeMember, remove } satisfies GroupsShape;
});

export class Groups extends Context.Service<Groups, GroupsShape>()("@gatehouse/store/Groups") {
  static readonly layer = Layer.effect(Groups, make);
}
