// The partner users holding Mission Control roles or single permissions in a customer's environments now (who,
// partner organization, what, environment, account status), for the customer's people viewers, with Revoke.
import { Id } from "@gatehouse/contracts";
import { Grants, Instances, Organizations, Users } from "@gatehouse/store";
import { Effect, Schema } from "effect";
import { authorizedQuery } from "../authorize.ts";
import { heldName } from "../names/held-name.ts";
import { viewPeopleAt } from "../read-questions.ts";
import { missing } from "../refusals.ts";

// Rules: docs/decisions.md#partner-access (current holders).

const PRODUCT = "mission-control";
const PartnerHoldersInput = Schema.Struct({ customer: Id });

/**
 * Users of other organizations holding an unexpired Mission Control grant of `customer`, of a role or a single
 * permission (`role.single`; named by its catalog label), (partners reach a customer only through direct grants:
 * group memberships never cross organizations), with the grant's version (what grants.remove takes) and whether
 * the account is deactivated or removed (its grant counts for nothing), by partner organization, name and
 * environment. Asks `admin-center:user.view` on the customer's Mission Control; another organization is NOT_FOUND
 * like a made-up one.
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
          g.scope.product === PRODUCT &&
          (g.expiresAt === null || g.expiresAt.getTime() > now),
      );
      const userRows = yield* Users;
      const [users, organizations, instances] = yield* Effect.all([
        Effect.forEach([...new Set(grants.map((g) => g.subject.id))], (id) => userRows.get(id)),
        (yield* Organizations).list(),
        (yield* Instances).list(input.customer, PRODUCT),
      ]);
      const userById = new Map(users.map((u) => [u.id, u]));
      const holders = grants.flatMap((g) => {
        const user = userById.get(g.subject.id);
        if (user === undefined || user.org === input.customer) return [];
        const instance = instances.find((i) => i.id === g.scope.instance);
        const held = { role: g.role ?? g.permission ?? "", single: g.role === null };
        return [
          {
            grant: g.id,
            version: g.version,
            user: { id: user.id, name: user.name, email: user.email },
            partner: { id: user.org, name: organizations.find((o) => o.id === user.org)?.name ?? user.org },
            role: { id: held.role, name: heldName(ctx.engine, held), single: held.single },
            deactivated: user.status === "deactivated",
            removed: user.status === "disabled",
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
