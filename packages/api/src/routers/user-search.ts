// The Admin Center header's user search: users of the organization and partner organizations' users holding
// grants in it, by name or email, each with a place the actor may view them from. Rules: docs/decisions.md#users
import { UserSearchInput } from "@gatehouse/contracts";
import type { Scope } from "@gatehouse/domain";
import { Grants, Organizations, UserDirectory } from "@gatehouse/store";
import { Effect } from "effect";
import { authorizedQuery, type May } from "../authorize.ts";

const USER_VIEW = "admin-center:user.view";

/** A place inside the organization the details open from: its product, instance and project (none: all of it). */
type Place = Pick<Scope, "product" | "instance" | "project">;

const placeOf = (scope: Scope): Place => ({
  ...(scope.product === undefined ? {} : { product: scope.product }),
  ...(scope.instance === undefined ? {} : { instance: scope.instance }),
  ...(scope.project === undefined ? {} : { project: scope.project }),
});

/**
 * Where the actor may view `user`: the whole organization for a viewer of its people, else the first place of the
 * user's grants here at which the actor may view people; undefined when it may view the user nowhere.
 */
const viewedFrom = (
  may: May,
  org: string,
  grants: ReadonlyArray<{ readonly scope: Scope }>,
  member: boolean,
): Place | undefined => {
  if ((member || grants.length > 0) && may(USER_VIEW, { org })) return {};
  const seen = grants.find((g) => may(USER_VIEW, g.scope));
  return seen === undefined ? undefined : placeOf(seen.scope);
};

/** The search: asked of every admin level (user.view somewhere in the organization), rows filtered by may. */
export const userSearch = authorizedQuery(UserSearchInput, (input) => ({
  orgs: [input.org],
  ask: [
    {
      somewhere: { action: USER_VIEW, org: input.org },
      refusal: `You may not search this organization's users (needs ${USER_VIEW} somewhere in it)`,
    },
  ],
})).query(async ({ ctx, input }) => {
  const limit = input.limit ?? 10;
  const search = input.search.trim();
  // The organization's own users, and anyone holding a grant here (partner users), matching the words.
  const { members, holders, grants, orgNames } = await ctx.store.run(
    Effect.gen(function* () {
      const directory = yield* UserDirectory;
      const query = { org: input.org, search, limit: 50 } as const;
      const members = yield* directory.page(query);
      const holders = yield* directory.page({ ...query, scope: {} });
      const grants = yield* (yield* Grants).list({ org: input.org });
      const orgNames = new Map((yield* (yield* Organizations).list()).map((o) => [o.id, o.name] as const));
      return { members, holders, grants, orgNames };
    }),
  );
  const found = new Map([...members, ...holders].map((u) => [u.id, u] as const));
  const results = [...found.values()]
    .sort((a, b) => a.position.email.localeCompare(b.position.email))
    .flatMap((user) => {
      const own = grants.filter((g) => g.subject.kind === "user" && g.subject.id === user.id);
      const place = viewedFrom(ctx.may, input.org, own, user.org === input.org);
      if (place === undefined) return [];
      const partner = user.org !== input.org;
      return [
        {
          id: user.id,
          name: user.name,
          email: user.email,
          status: user.status,
          /** The partner organization's name for a user of another organization, else null. */
          partnerOf: partner ? (orgNames.get(user.org) ?? user.org) : null,
          place,
        },
      ];
    });
  return results.slice(0, limit);
});
