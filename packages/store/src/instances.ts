// Product instances of an organization (an Experimentation account, a CMS site, a Mission Control
// environment with `production` set). Names are unique per organization and product.
import { Context, Effect, Layer } from "effect";
import { SqlClient, type Statement } from "effect/sql";
import { cascadeChanges, revokeInvitationsWithin } from "./cascade.ts";
import type { Written } from "./changes.ts";
import type { AlreadyExists, InvalidChange, NotFound, VersionConflict } from "./errors.ts";
import { newId } from "./ids.ts";
import { constraintsAs } from "./sql-failures.ts";
import { found, updated } from "./versioned.ts";

export interface InstanceRecord {
  readonly id: string;
  readonly org: string;
  readonly product: string;
  readonly name: string;
  /** Set for Mission Control environments, null elsewhere. */
  readonly production: boolean | null;
  readonly version: number;
}

export interface NewInstance {
  readonly id?: string | undefined;
  readonly org: string;
  readonly product: string;
  readonly name: string;
  readonly production?: boolean | null | undefined;
}

export interface InstancesShape {
  readonly create: (
    input: NewInstance,
  ) => Effect.Effect<Written<InstanceRecord>, AlreadyExists | InvalidChange>;
  readonly get: (id: string) => Effect.Effect<InstanceRecord, NotFound>;
  readonly list: (org: string, product?: string) => Effect.Effect<ReadonlyArray<InstanceRecord>>;
  readonly rename: (
    id: string,
    version: number,
    name: string,
  ) => Effect.Effect<Written<InstanceRecord>, NotFound | VersionConflict | AlreadyExists | InvalidChange>;
  /**
   * Deletes the instance and everything below it (projects, grants, custom roles made there), revoking the
   * pending invitations that only granted there; when `version` is given, only at that version.
   */
  readonly remove: (
    id: string,
    version?: number,
  ) => Effect.Effect<Written<InstanceRecord>, NotFound | VersionConflict>;
}

const make = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient;
  const select = (where: Statement.Fragment) =>
    Effect.orDie(
      sql<InstanceRecord>`select id, org, product, name, production, version from instances where ${where}
                          order by product, lower(name)`,
    );

  const get = Effect.fn("Instances.get")(function* (id: string) {
    return yield* found("instance", id, yield* select(sql`id = ${id}`));
  });

  const list = Effect.fn("Instances.list")(function* (org: string, product?: string) {
    return yield* select(
      product === undefined ? sql`org = ${org}` : sql`org = ${org} and product = ${product}`,
    );
  });

  const create = Effect.fn("Instances.create")(function* (input: NewInstance) {
    const id = input.id ?? newId("ins");
    yield* sql`insert into instances (id, org, product, name, production)
               values (${id}, ${input.org}, ${input.product}, ${input.name}, ${input.production ?? null})`;
    const instance = yield* Effect.orDie(get(id));
    return { value: instance, before: null, after: instance, changes: [] } satisfies Written<InstanceRecord>;
  }, constraintsAs("instance"));

  const rename = Effect.fn("Instances.rename")(function* (id: string, version: number, name: string) {
    const before = yield* get(id);
    yield* updated(
      "instance",
      id,
      version,
      yield* sql`update instances set name = ${name}, version = version + 1, updated_at = now()
                 where id = ${id} and version = ${version} returning id`,
    );
    const after = yield* Effect.orDie(get(id));
    return { value: after, before, after, changes: [] } satisfies Written<InstanceRecord>;
  }, constraintsAs("instance"));

  const remove = Effect.fn("Instances.remove")(function* (id: string, version?: number) {
    const before = yield* get(id);
    const changes = yield* Effect.orDie(cascadeChanges(sql, "instance", id));
    yield* updated(
      "instance",
      id,
      version ?? before.version,
      yield* Effect.orDie(
        sql`delete from instances where id = ${id} and version = ${version ?? before.version} returning id`,
      ),
    );
    const revokedInvitations = yield* Effect.orDie(revokeInvitationsWithin(sql, "instance", id));
    return {
      value: before,
      before: { ...before, revokedInvitations },
      after: null,
      changes,
    } satisfies Written<InstanceRecord>;
  });

  return { create, get, list, rename, remove } satisfies InstancesShape;
});

export class Instances extends Context.Service<Instances, InstancesShape>()("@gatehouse/store/Instances") {
  static readonly layer = Layer.effect(Instances, make);
}
