// Invitations are authorized whole: what an actor must be able to give (engine.assign for every grant) to list,
// resend or revoke an invitation, or to claim a never-signed-in account with a new one.
import { ACCOUNT_STATUS_ACTION, type Scope } from "@gatehouse/domain";
import { type GrantRecord, Grants, type InvitationRecord, Users } from "@gatehouse/store";
import { Effect } from "effect";
import type { Ask, May, Store } from "../authorize.ts";
import { conflict } from "../refusals.ts";
import { customGroupsOf, manageGroups } from "./custom-groups.ts";

const USER_VIEW = "admin-center:user.view";
const USER_INVITE = "admin-center:user.invite";

/** Where an invitation's grants lie (its organization when it has none). */
const scopesOf = (invitation: InvitationRecord): ReadonlyArray<Scope> =>
  invitation.grants.length === 0 ? [{ org: invitation.org }] : invitation.grants.map((g) => g.scope);

/** May the actor see the invitation: `admin-center:user.view` at every one of its grants' scopes. */
export const mayView = (may: May, invitation: InvitationRecord): boolean =>
  scopesOf(invitation).every((scope) => may(USER_VIEW, scope));

/**
 * Resending or revoking an invitation: the actor must be able to make every grant in it (`removes` when they are
 * withdrawn: see assignment-places.ts).
 */
export const invitationAsks = (invitation: InvitationRecord, removes = false): ReadonlyArray<Ask> =>
  invitation.grants.length === 0
    ? [{ check: { action: USER_INVITE, resource: { org: invitation.org } } }]
    : invitation.grants.map((grant) => ({
        ...(removes ? { removes: true as const } : {}),
        assign: {
          role: grant.role,
          scope: grant.scope,
          targetOrg: invitation.org,
          ...(invitation.userId === null ? {} : { targetUser: invitation.userId }),
        },
      }));

/**
 * Giving `grant` (its role or permission at its scope) to a subject of `targetOrg`, the user `targetUser` if any;
 * `removes` when it is taken away.
 */
const assignmentOf = (grant: GrantRecord, targetOrg: string, targetUser?: string, removes = false): Ask => ({
  ...(removes ? { removes: true as const } : {}),
  assign: {
    ...(grant.role === null ? { permission: grant.permission ?? "" } : { role: grant.role }),
    scope: grant.scope,
    targetOrg,
    ...(targetUser === undefined ? {} : { targetUser }),
  },
});

/** Giving, removing (`removes`) or handing over `grants` of `user`: engine.assign for each, as its assignment. */
export const grantAsks = (
  grants: ReadonlyArray<GrantRecord>,
  user: { readonly id: string; readonly org: string },
  removes = false,
): ReadonlyArray<Ask> => grants.map((grant) => assignmentOf(grant, user.org, user.id, removes));

/** Why an account holding grants in another organization (its own or its groups') is not claimed: no names. */
export const HELD_ELSEWHERE =
  "this account holds roles in another organization: it can be invited again once that organization removes them";

/**
 * Bringing back an account removed from the organization hands its identity (its past in the audit log, the API
 * keys it made were revoked) to whoever accepts: asked as removing it was, of a super admin only.
 */
const claimRemoved = (org: string): Ask => ({
  check: { action: ACCOUNT_STATUS_ACTION, resource: { org } },
  refusal: `This email is an account removed from the organization: only a super admin may invite it again (needs ${ACCOUNT_STATUS_ACTION} at the organization)`,
});

/**
 * Claiming a never-signed-in account (a new invitation, or a new token for an old one hands its sign-in to
 * whoever holds the link) hands over everything it holds: the actor must be able to give every grant the account
 * holds, expired ones included, and, when it is in custom groups, decide who is in them (`group.manage` at the
 * organization) and give every grant those groups carry. No actor gives another organization's grants: an account
 * holding any (a partner's user a customer gave roles) is CONFLICT HELD_ELSEWHERE, naming nothing of it.
 */
export const claimAsks = async (
  store: Store,
  user: { readonly id: string; readonly org: string },
): Promise<ReadonlyArray<Ask>> => {
  const groups = await customGroupsOf(store, user.org, user.id);
  const [held, carried] = await store.run(
    Grants.use((grants) =>
      Effect.all([
        grants.list({ subject: { kind: "user", id: user.id } }),
        Effect.forEach(groups, (group) => grants.list({ subject: { kind: "group", id: group.id } })),
      ]),
    ),
  );
  if ([...held, ...carried.flat()].some((grant) => grant.scope.org !== user.org))
    throw conflict(HELD_ELSEWHERE);
  const account = await store.run(Users.use((users) => users.get(user.id)));
  return [
    ...(account.status === "disabled" ? [claimRemoved(user.org)] : []),
    ...grantAsks(held, user),
    ...(groups.length === 0 ? [] : [manageGroups({ org: user.org })]),
    ...carried.flat().map((grant) => assignmentOf(grant, user.org)),
  ];
};
