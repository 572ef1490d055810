// The partner users holding Mission Control roles in a customer's environments now (who, partner organization,
// role, environment), for the customer's own people viewers: the Partner access page lists them with Revoke.
import { Id } from "@gatehouse/contracts";
import { Grants, Instances, Organizations, Roles, Users } from "@gatehouse/store";
import { Effect, Schema } from "effect";
import { authorizedQuery } from "../authorize.ts";
import { viewPeopleAt } from "../read-questions.ts";
import { missing } from "../refusals.ts";

// Rules: docs/decisions.md#partner-access (current holders).

const PRODUCT = "mission-control";
const PartnerHoldersInput = Schema.Struct({ customer: Id });

/**
 * Users of other organizations holding an unexpired Mission Control grant of `customer` (partners reach a
 * customer only through direct grants: group memberships never cross organizations), with the grant's version
 * (what grants.remove takes), by partner organization, name and environment. Asks `admin-center:user.view` on
 * the customer's Mission Control; another organization is NOT_FOUND like a made-up one.
 */
export const partnerHolders = authorizedQuery(PartnerHoldersInput, (input) => {
  const question = viewPeopleAt({ org: input.customer, product: PRODUCT });
  return {
    orgs: [input.customer],
    ask: [
      {
        ...question,
        refusal: `You may not see who holds Mission Control roles in this organization: that takes viewing its users (${question.check.action})`,
      },
    ],
    missing: missing("Mission Control customer", input.customer),
  };
}).query(({ ctx, input }) =>
  ctx.store.run(
    Effect.gen(function* () {
      const now = Date.now();
      const grants = (yield* (yield* Grants).list({ org: input.customer })).filter(
        (g) =>
          g.subject.kind === "user" &&
          g.role !== null &&
          g.scope.product === PRODUCT &&
          (g.expiresAt === null || g.expiresAt.getTime() > now),
      );
      const userRows = yield* Users;
      const [users, organizations, roles, instances] = yield* Effect.all([
        Effect.forEach([...new Set(grants.map((g) => g.subject.id))], (id) => userRows.get(id)),
        (yield* Organizations).list(),
        (yield* Roles).list({ product: PRODUCT }),
        (yield* Instances).list(input.customer, PRODUCT),
      ]);
      const userById = new Map(users.map((u) => [u.id, u]));
      const holders = grants.flatMap((g) => {
        const user = userById.get(g.subject.id);
        if (user === undefined || user.org === input.customer) return [];
        const instance = instances.find((i) => i.id === g.scope.instance);
        return [
          {
            grant: g.id,
            version: g.version,
            user: { id: user.id, name: user.name, email: user.email },
            partner: { id: user.org, name: organizations.find((o) => o.id === user.org)?.name ?? user.org },
            role: { id: g.role ?? "", name: roles.find((r) => r.id === g.role)?.name ?? g.role ?? "" },
            environment: instance === undefined ? null : { id: instance.id, name: instance.name },
            expiresAt: g.expiresAt === null ? null : g.expiresAt.toISOString(),
          },
        ];
      });
      return holders.sort(
        (a, b) =>
          a.partner.name.localeCompare(b.partner.name) ||
          a.user.name.localeCompare(b.user.name) ||
          (a.environment?.name ?? "").localeCompare(b.environment?.name ?? ""),
      );
    }),
  ),
);
