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
}

/** May `actor` see the user of home organization `org`: the operator any, others their own and their partners. */
const sees = (engine: Engine, actor: Actor, user: { readonly id: string; readonly org: string }): boolean => {
  if (actor.kind === "operator") return true;
  if (user.org === actor.org) return true;
  return actor.kind === "user" && engine.holdsGrantIn(user.id, actor.org);
};

/** Names the distinct user ids among `ids` that `actor` may see (one read per distinct id). */
export const peopleNamer = async (
  store: Store,
  engine: Engine,
  actor: Actor,
  ids: ReadonlyArray<string | null>,
): Promise<(id: string) => Person> => {
  const distinct = [...new Set(ids.filter((id): id is string => id !== null))];
  const found = await store.run(
    Effect.forEach(distinct, (id) => Effect.option(Users.use((users) => users.get(id)))),
  );
  const named = new Map<string, Person>();
  for (const user of found)
    if (Option.isSome(user) && sees(engine, actor, user.value))
      named.set(user.value.id, { id: user.value.id, name: user.value.name, email: user.value.email });
  return (id) => named.get(id) ?? { id, name: null, email: null };
};
