// Organizations and the products they enable; creating one also creates its `Everyone` group.
// Enabling or disabling products keeps the organization_products rows (and the instances) in place.
import { Context, Effect, Layer } from "effect";
import { SqlClient } from "effect/sql";
import type { Change, Written } from "./changes.ts";
import type { AlreadyExists, InvalidChange, NotFound, VersionConflict } from "./errors.ts";
import { newId } from "./ids.ts";
import { constraintsAs } from "./sql-failures.ts";
import { found, updated } from "./versioned.ts";

export type OrganizationKind = "customer" | "partner";

export interface OrganizationRecord {
  readonly id: string;
  readonly name: string;
  readonly kind: OrganizationKind;
  /** The products enabled now, sorted. */
  readonly products: ReadonlyArray<string>;
  readonly version: number;
}

export interface NewOrganization {
  readonly id: string;
  readonly name: string;
  readonly kind: OrganizationKind;
  readonly products: ReadonlyArray<string>;
}

export interface OrganizationsShape {
  readonly create: (
    input: NewOrganization,
  ) => Effect.Effect<Written<OrganizationRecord>, AlreadyExists | InvalidChange>;
  readonly get: (id: string) => Effect.Effect<OrganizationRecord, NotFound>;
  readonly list: () => Effect.Effect<ReadonlyArray<OrganizationRecord>>;
  /** Enables exactly `products` (disabling the others), given the organization's version. */
  readonly setProducts: (
    id: string,
    version: number,
    products: ReadonlyArray<string>,
  ) => Effect.Effect<Written<OrganizationRecord>, NotFound | VersionConflict>;
  /**
   * Inside a transaction: waits for, then holds until the transaction ends, the organization's lock for
   * `purpose` (an advisory lock), so one check-then-write per organization and purpose runs at a time.
   */
  readonly serialize: (id: string, purpose: string) => Effect.Effect<void>;
}

interface OrgRow {
  readonly id: string;
  readonly name: string;
  readonly kind: OrganizationKind;
  readonly products: ReadonlyArray<string>;
  readonly version: number;
}

const orgChange = (org: OrganizationRecord): Change => ({
  type: "org.set",
  org: org.id,
  kind: org.kind,
  products: org.products,
});

const make = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient;

  const select = (where: "one" | "all", id = "") =>
    sql<OrgRow>`
      select o.id, o.name, o.kind, o.version,
             coalesce(array_agg(p.product order by p.product) filter (where p.enabled), '{}') as products
      from organizations o left join organization_products p on p.org = o.id
      where ${where === "all" ? sql`true` : sql`o.id = ${id}`}
      group by o.id order by o.id`.pipe(Effect.orDie);

  const get = Effect.fn("Organizations.get")(function* (id: string) {
    return yield* found("organization", id, yield* select("one", id));
  });

  const list = Effect.fn("Organizations.list")(function* () {
    return yield* select("all");
  });

  const enable = (org: string, products: ReadonlyArray<string>) =>
    Effect.gen(function* () {
      yield* sql`update organization_products set enabled = false, version = version + 1, updated_at = now()
                 where org = ${org} and enabled and not (product = any(${[...products]}::text[]))`;
      if (products.length > 0)
        yield* sql`insert into organization_products (org, product)
                   select ${org}, unnest(${[...products]}::text[])
                   on conflict (org, product) do update set enabled = true, version = organization_products.version + 1,
                     updated_at = now() where not organization_products.enabled`;
    });

  const create = Effect.fn("Organizations.create")(function* (input: NewOrganization) {
    const everyone = newId("grp");
    yield* sql`insert into organizations (id, name, kind) values (${input.id}, ${input.name}, ${input.kind})`;
    yield* enable(input.id, input.products);
    yield* sql`insert into groups (id, org, name, description, kind)
               values (${everyone}, ${input.id}, 'Everyone', 'Every user of the organization', 'everyone')`;
    const org = yield* Effect.orDie(get(input.id));
    const changes: ReadonlyArray<Change> = [
      orgChange(org),
      { type: "group.added", group: everyone, org: org.id },
    ];
    return { value: org, before: null, after: org, changes } satisfies Written<OrganizationRecord>;
  }, constraintsAs("organization"));

  const setProducts = Effect.fn("Organizations.setProducts")(function* (
    id: string,
    version: number,
    products: ReadonlyArray<string>,
  ) {
    const before = yield* get(id);
    yield* updated(
      "organization",
      id,
      version,
      yield* sql`update organizations set version = version + 1, updated_at = now()
                 where id = ${id} and version = ${version} returning id`.pipe(Effect.orDie),
    );
    yield* Effect.orDie(enable(id, products));
    const after = yield* get(id);
    return { value: after, before, after, changes: [orgChange(after)] } satisfies Written<OrganizationRecord>;
  });

  const serialize = Effect.fn("Organizations.serialize")(function* (id: string, purpose: string) {
    const key = `gatehouse.${purpose}:${id}`;
    yield* Effect.orDie(sql`select pg_advisory_xact_lock(hashtext(${key}))`);
  });

  return { create, get, list, setProducts, serialize } satisfies OrganizationsShape;
});

export class Organizations extends Context.Service<Organizations, OrganizationsShape>()(
  "@gatehouse/store/Organizations",
) {
  static readonly layer = Layer.effect(Organizations, make);
}
