// Versioned edits of custom groups: rename and delete given the version read (a stale one is a conflict).
// Everyone and product groups are managed by the store and refused here, like in Groups.
import { Context, Effect, Layer } from "effect";
import { SqlClient } from "effect/sql";
import type { Change, Written } from "./changes.ts";
import { type AlreadyExists, InvalidChange, type NotFound, type VersionConflict } from "./errors.ts";
import { type GroupRecord, Groups } from "./groups.ts";
import { constraintsAs } from "./sql-failures.ts";
import { updated } from "./versioned.ts";

export interface GroupEditsShape {
  /** Renames a custom group read at `version`. */
  readonly rename: (
    id: string,
    version: number,
    name: string,
  ) => Effect.Effect<Written<GroupRecord>, NotFound | VersionConflict | InvalidChange | AlreadyExists>;
  /** Deletes a custom group read at `version`, with its memberships and grants. */
  readonly remove: (
    id: string,
    version: number,
  ) => Effect.Effect<Written<GroupRecord>, NotFound | VersionConflict | InvalidChange>;
}

const make = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient;
  const groups = yield* Groups;

  const custom = (id: string) =>
    Effect.flatMap(groups.get(id), (group) =>
      group.kind === "custom"
        ? Effect.succeed(group)
        : Effect.fail(
            new InvalidChange({
              reason: `the ${group.kind} group "${group.name}" is managed by Gatehouse and cannot be changed by hand`,
            }),
          ),
    );

  const rename = Effect.fn("GroupEdits.rename")(function* (id: string, version: number, name: string) {
    const before = yield* custom(id);
    yield* updated(
      "group",
      id,
      version,
      yield* sql`update groups set name = ${name}, version = version + 1, updated_at = now()
                 where id = ${id} and version = ${version} returning id`,
    );
    const after = yield* Effect.orDie(groups.get(id));
    return { value: after, before, after, changes: [] } satisfies Written<GroupRecord>;
  }, constraintsAs("group"));

  const remove = Effect.fn("GroupEdits.remove")(function* (id: string, version: number) {
    const before = yield* custom(id);
    yield* updated(
      "group",
      id,
      version,
      yield* Effect.orDie(sql`delete from groups where id = ${id} and version = ${version} returning id`),
    );
    const changes: ReadonlyArray<Change> = [{ type: "subject.removed", subject: id }];
    return { value: before, before, after: null, changes } satisfies Written<GroupRecord>;
  });

  return { rename, remove } satisfies GroupEditsShape;
});

export class GroupEdits extends Context.Service<GroupEdits, GroupEditsShape>()(
  "@gatehouse/store/GroupEdits",
) {
  static readonly layer = Layer.effect(GroupEdits, make).pipe(Layer.provide(Groups.layer));
}
