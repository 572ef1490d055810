// People by name for what an actor reads (audit actors, who ran an operation, who invited): only the users the
// actor may see are named, its own organization's and partner users holding roles in it; others stay unnamed.
import type { Engine } from "@gatehouse/domain";
import { Users } from "@gatehouse/store";
import { Effect, Option } from "effect";
import type { Store } from "../authorize.ts";
import type { Actor } from "../context.ts";

/** A user as a list shows it: its name and email, or null when the reader may not see who it is. */
export interface Person {
  readonly id: string;
  readonly name: string | null;
  readonly email: string | null;
  /**
   * Unnamed, a user of the organization the list is about (its name), when the namer was told it: a partner reading
   * a customer's operations reads "a user of Acme" rather than of another organization.
   */
  readonly of?: string;
}

/** The organization a list is about, for its unnamed users (see Person's `of`). */
export interface ListOrganization {
  readonly id: string;
  readonly name: string;
}

/** May `actor` see the user of home organization `org`: the operator any, others their own and their partners. */
const sees = (engine: Engine, actor: Actor, user: { readonly id: string; readonly org: string }): boolean => {
  if (actor.kind === "operator") return true;
  if (user.org === actor.org) return true;
  return actor.kind === "user" && engine.holdsGrantIn(user.id, actor.org);
};

/**
 * Names the distinct user ids among `ids` that `actor` may see (one read per distinct id); with `about`, the
 * organization the list is of, its users the actor may not name are said to be of it.
 */
export const peopleNamer = async (
  store: Store,
  engine: Engine,
  actor: Actor,
  ids: ReadonlyArray<string | null>,
  about?: ListOrganization,
): Promise<(id: string) => Person> => {
  const distinct = [...new Set(ids.filter((id): id is string => id !== null))];
  const found = await store.run(
    Effect.forEach(distinct, (id) => Effect.option(Users.use((users) => users.get(id)))),
  );
  const named = new Map<string, Person>();
  for (const user of found) {
    if (Option.isNone(user)) continue;
    const { id, name, email, org } = user.value;
    if (sees(engine, actor, user.value)) named.set(id, { id, name, email });
    else if (about !== undefined && org === about.id)
      named.set(id, { id, name: null, email: null, of: about.name });
  }
  return (id) => named.get(id) ?? { id, name: null, email: null };
};
