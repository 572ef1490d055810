// Places by name for what an actor reads (a grant's scope in an explanation, an invitation's grants): "Acme ›
// CMS › Acme Site", from the catalog's product labels and the stored names of organizations down to flags.
import { productsById, type Scope } from "@gatehouse/domain";
import { Environments, Flags, Instances, Organizations, Projects } from "@gatehouse/store";
import { Effect, Option } from "effect";
import type { Store } from "../authorize.ts";

type Kind = "org" | "instance" | "project" | "environment" | "flag";

/** The names of a scope's places below its product, each present when the scope has that key. */
export type ScopeNames = Partial<Record<Exclude<Kind, "org">, string>>;

export interface PlaceNames {
  readonly name: (kind: Kind, id: string) => string;
  readonly where: (scope: Scope) => string;
  readonly names: (scope: Scope) => ScopeNames;
}

/**
 * Names the places of `scopes` (each stored object read once); a place with no row keeps its id. Callers pass
 * only scopes the reader may see: its organization's places, or the grants it holds itself. A place inside
 * `home` leaves the organization's name out ("CMS › Acme Site"), as the reader is there already.
 */
export const placeNamer = async (
  store: Store,
  scopes: ReadonlyArray<Scope>,
  home?: string,
): Promise<PlaceNames> => {
  const ids = (pick: (s: Scope) => string | undefined) =>
    new Set(scopes.map(pick).filter((id): id is string => id !== undefined));
  const names = await store.run(
    Effect.gen(function* () {
      const orgs = yield* Organizations;
      const instances = yield* Instances;
      const projects = yield* Projects;
      const environments = yield* Environments;
      const flags = yield* Flags;
      const out = new Map<string, string>();
      const read = function* (
        kind: Kind,
        wanted: ReadonlySet<string>,
        get: (id: string) => Effect.Effect<{ readonly name: string }, unknown>,
      ) {
        for (const id of wanted) {
          const found = yield* Effect.option(get(id));
          if (Option.isSome(found)) out.set(`${kind}:${id}`, found.value.name);
        }
      };
      yield* read(
        "org",
        ids((s) => s.org),
        orgs.get,
      );
      yield* read(
        "instance",
        ids((s) => s.instance),
        instances.get,
      );
      yield* read(
        "project",
        ids((s) => s.project),
        projects.get,
      );
      yield* read(
        "environment",
        ids((s) => s.environment),
        environments.get,
      );
      yield* read(
        "flag",
        ids((s) => s.flag),
        flags.get,
      );
      return out;
    }),
  );
  const name = (kind: Kind, id: string) => names.get(`${kind}:${id}`) ?? id;
  /** A place in a path as `shown` words it, or (no row: removed, or never made) "<kind> not found", never its id. */
  const named = (kind: Exclude<Kind, "org">, id: string, shown = (n: string) => n) => {
    const found = names.get(`${kind}:${id}`);
    return found === undefined ? `${kind} not found` : shown(found);
  };
  const below = ["instance", "project", "environment", "flag"] as const;
  return {
    /** One place's name: an organization, instance, project, environment or flag (its id when none is stored). */
    name,
    /** The scope as a path of names ("CMS › instance not found" for a place with no row). */
    where: (scope: Scope) =>
      [
        scope.org === home && scope.product !== undefined ? undefined : name("org", scope.org),
        scope.product === undefined ? undefined : productName(scope.product),
        scope.instance === undefined ? undefined : named("instance", scope.instance),
        scope.project === undefined ? undefined : named("project", scope.project),
        scope.environment === undefined
          ? undefined
          : named("environment", scope.environment, (n) => `${n} environment`),
        scope.flag === undefined ? undefined : named("flag", scope.flag, (n) => `flag ${n}`),
      ]
        .filter((part): part is string => part !== undefined)
        .join(" › "),
    /** The scope's instance, project, environment and flag by name, for an app to say its places its own way. */
    names: (scope: Scope) =>
      Object.fromEntries(
        below.flatMap((kind) => {
          const id = scope[kind];
          return id === undefined ? [] : [[kind, name(kind, id)]];
        }),
      ),
  };
};

/** A product's label from the catalog (its id when the catalog has none). */
export const productName = (product: string): string => productsById.get(product)?.label ?? product;
