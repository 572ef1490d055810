// An explanation as people read it: each grant's place by name ("Acme › CMS › Acme Site") and the group it
// comes through by name, next to the ids (the engine already names roles and the action from the catalog).
import type { ExplainedGrant, Explanation, Scope } from "@gatehouse/domain";
import { Groups } from "@gatehouse/store";
import { Effect, Option } from "effect";
import type { Store } from "../authorize.ts";
import { placeNamer } from "./place-names.ts";

/**
 * `explanation` with `where` and `viaName` on every grant; pass one the reader may see (own or within its org).
 * A flag of `unnamed` (hidden from the reader) keeps its id. A server without a store (the engine alone, as in
 * unit tests) names places and groups by their ids.
 */
export const namedExplanation = async (
  store: Store | undefined,
  explanation: Explanation,
  unnamed: ReadonlySet<string> = new Set(),
) => {
  const grants = [
    ...explanation.considered.map((c) => c.grant),
    ...explanation.deciding,
    ...(explanation.nearest === undefined ? [] : [explanation.nearest]),
  ];
  const where =
    store === undefined
      ? (scope: Scope) => Object.values(scope).join(" › ")
      : (
          await placeNamer(
            store,
            grants.map(({ scope: { flag, ...scope } }) =>
              flag === undefined || unnamed.has(flag) ? scope : { ...scope, flag },
            ),
          )
        ).where;
  const groupIds = [...new Set(grants.flatMap((g) => (g.via === undefined ? [] : [g.via])))];
  const groups = new Map<string, string>();
  await store?.run(
    Effect.forEach(groupIds, (id) =>
      Effect.option(Groups.use((g) => g.get(id))).pipe(
        Effect.map((found) => (Option.isSome(found) ? groups.set(id, found.value.name) : groups)),
      ),
    ),
  );
  const named = (g: ExplainedGrant) => ({
    ...g,
    where: where(g.scope),
    viaName: g.via === undefined ? undefined : (groups.get(g.via) ?? g.via),
  });
  return {
    ...explanation,
    considered: explanation.considered.map((c) => ({ ...c, grant: named(c.grant) })),
    deciding: explanation.deciding.map(named),
    nearest: explanation.nearest === undefined ? undefined : named(explanation.nearest),
  };
};
