// Who an invited email is for users.invite: a new person or an account that cannot sign in (invited, with a token),
// or an account of the organization that signs in, which gets the grants at once (added, as grants.create gives).
import { sameScope } from "@gatehouse/domain";
import {
  AlreadyExists,
  type GrantRecord,
  Grants,
  type InvitationGrant,
  Users,
  type Written,
} from "@gatehouse/store";
import { Effect, Option } from "effect";
import type { Ask, Store } from "../authorize.ts";
import { conflict } from "../refusals.ts";

// Rules: docs/decisions.md#invitations (inviting an existing account).

/**
 * - `new`: no account has the email; `invite`: the organization's account that cannot sign in (never signed in,
 *   or taken out of the organization: no password), invited (again) with a token;
 * - `add`: the organization's account that signs in (active, or deactivated: its grants count once it is back).
 */
export type Invitee =
  | { readonly kind: "new" }
  | { readonly kind: "invite" | "add"; readonly account: { readonly id: string; readonly org: string } };

/**
 * What `email` is in `org`. Another organization's account is CONFLICT "belongs to another organization", or,
 * with `elsewhere: "unseen"`, a new person: a declaration must not tell it before authorization (emails are
 * unique across organizations, so only an inviter allowed every grant learns it).
 */
export const inviteeOf = async (
  store: Store,
  org: string,
  email: string,
  elsewhere: "conflict" | "unseen",
): Promise<Invitee> => {
  const found = await store.run(Effect.option(Users.use((users) => users.credentials(email))));
  if (Option.isNone(found)) return { kind: "new" };
  const account = found.value;
  if (account.org !== org) {
    if (elsewhere === "unseen") return { kind: "new" };
    throw conflict(`${email} belongs to another organization`);
  }
  const signsIn = account.status !== "invited" && account.passwordHash !== null;
  return { kind: signsIn ? "add" : "invite", account: { id: account.id, org: account.org } };
};

/** Giving `grants` to the account `userId` of `org`: engine.assign for each, exactly as grants.create asks it. */
export const addAsks = (
  org: string,
  userId: string,
  grants: ReadonlyArray<InvitationGrant>,
): ReadonlyArray<Ask> =>
  grants.map((grant) => ({
    assign: { role: grant.role, scope: grant.scope, targetOrg: org, targetUser: userId },
  }));

const askKey = (role: string, scope: object, user: string) => JSON.stringify([role, scope, user]);

/**
 * Refuses (CONFLICT) to add grants the engine was not asked about for this account: an email that became a
 * signed-in account after authorization is invited again, never given roles unchecked.
 */
export const addWasAsked = (
  asked: ReadonlyArray<Ask>,
  email: string,
  userId: string,
  grants: ReadonlyArray<InvitationGrant>,
): void => {
  const keys = new Set(
    asked.flatMap((q) =>
      "assign" in q && "role" in q.assign && q.assign.targetUser !== undefined
        ? [askKey(q.assign.role, q.assign.scope, q.assign.targetUser)]
        : [],
    ),
  );
  if (grants.some((g) => !keys.has(askKey(g.role, g.scope, userId))))
    throw conflict(`${email} signed in meanwhile: invite it again to add the roles`);
};

/** The grant of `grant`'s role at exactly its scope among `held`, if any. */
const holding = (held: ReadonlyArray<GrantRecord>, grant: InvitationGrant) =>
  held.find((g) => g.role === grant.role && sameScope(g.scope, grant.scope));

/**
 * Gives the account `userId` each grant it does not hold yet, without expiry: one it holds already is left as it
 * is (`alreadyHad`), one it held until an expiry now past counts again (its expiry removed).
 */
export const addGrants = (input: {
  readonly email: string;
  readonly userId: string;
  readonly grants: ReadonlyArray<InvitationGrant>;
  readonly grantedBy: string;
}) =>
  Effect.gen(function* () {
    const user = yield* Effect.orDie((yield* Users).get(input.userId));
    const repo = yield* Grants;
    const held = yield* repo.list({ subject: { kind: "user", id: input.userId } });
    const now = Date.now();
    const added: GrantRecord[] = [];
    const alreadyHad: GrantRecord[] = [];
    const changes: Array<Written<unknown>["changes"][number]> = [];
    for (const grant of input.grants) {
      const same = holding(held, grant);
      if (same !== undefined && (same.expiresAt === null || same.expiresAt.getTime() > now)) {
        alreadyHad.push(same);
        continue;
      }
      const written =
        same === undefined
          ? yield* repo.create({
              subject: { kind: "user", id: input.userId },
              role: grant.role,
              scope: grant.scope,
              grantedBy: input.grantedBy,
            })
          : yield* repo.update(same.id, same.version, { expiresAt: null });
      added.push(written.value);
      changes.push(...written.changes);
    }
    const value = { user, added, alreadyHad };
    return { value, before: null, after: { added }, changes } satisfies Written<typeof value>;
  }).pipe(
    Effect.mapError((error) =>
      error instanceof AlreadyExists && error.reason === undefined
        ? new AlreadyExists({
            ...error,
            reason: `${input.email} was given these roles meanwhile: invite it again`,
          })
        : error,
    ),
  );
