// The writes of users.removeFromAccount: out of one organization (its grants and groups there); out of its home,
// the account counts for nothing anywhere, so its grants in other organizations go too, each one's audited there.
import {
  ApiKeys,
  type Change,
  type GrantRecord,
  Grants,
  Invitations,
  type MutationInput,
  Users,
} from "@gatehouse/store";
import { Effect } from "effect";
import type { StoreServices } from "../auth/store-runner.ts";
import { grantView, removeAll } from "./user-grants.ts";

// Rules: docs/decisions.md#users (removal from the account).

/** What each write answers: the grants it removed and the API keys of the account it stopped (home only). */
interface Removed {
  readonly removed: ReadonlyArray<ReturnType<typeof grantView>>;
  readonly keys: ReadonlyArray<string>;
}

type RemovalWrite = Omit<MutationInput<Removed, unknown, StoreServices>, "actor" | "requestId">;

/**
 * Revokes the API keys `userId` made in its home `org` (every process forgets them): unlike a deactivation's pause,
 * removal is for good, and an account invited again must not bring them back. Their ids.
 */
const revokeKeysOf = (userId: string, org: string) =>
  Effect.gen(function* () {
    const keys = yield* ApiKeys;
    const made = (yield* keys.list(org)).filter((key) => key.createdBy === userId && key.revokedAt === null);
    for (const key of made) yield* Effect.orDie(keys.revoke(key.id));
    return made.map((key) => key.id);
  });

/**
 * Removes the user's `grants` in `org` and takes it out of `org` (groups; sign-in and API keys at its home). Its
 * pending invitations there are revoked first (withdrawing what they gave): removed, it is invited anew or not at all.
 */
const leaveOrg = (grants: ReadonlyArray<GrantRecord>, userId: string, org: string, home: boolean) =>
  Effect.gen(function* () {
    const invitations = yield* Invitations;
    const pending = (yield* invitations.list(org, "pending")).filter((i) => i.userId === userId);
    const revoked: Array<Change> = [];
    for (const invitation of pending)
      revoked.push(...(yield* Effect.orDie(invitations.revoke(invitation.id, invitation.version))).changes);
    const still = new Set(
      (yield* (yield* Grants).list({ subject: { kind: "user", id: userId } })).map((grant) => grant.id),
    );
    const removed = yield* removeAll(grants.filter((grant) => still.has(grant.id)));
    const left = yield* (yield* Users).leave(userId, org);
    const keys = home ? yield* revokeKeysOf(userId, org) : [];
    return {
      ...removed,
      value: { removed: grants.map(grantView), keys },
      changes: [...revoked, ...removed.changes, ...left.changes],
    };
  });

/** Removes `grants` the account held in another organization, as its home removed the account. */
const dropElsewhere = (grants: ReadonlyArray<GrantRecord>) =>
  Effect.map(removeAll(grants), (removed) => ({ ...removed, value: { removed: removed.value, keys: [] } }));

/**
 * The audited writes of removing `userId` (of organization `home`) from `org`, all in one transaction: first
 * `org`'s, with the grants held there (`inOrg`, those the engine was asked about). When `org` is its home, one
 * more per other organization where it holds any of `held` (`user.removed-by-home`, audited there, so that
 * organization's lists and pages drop it), asked of nobody there: its own organization ended the account.
 */
export const removalWrites = (input: {
  readonly userId: string;
  readonly home: string;
  readonly org: string;
  readonly inOrg: ReadonlyArray<GrantRecord>;
  readonly held: ReadonlyArray<GrantRecord>;
}): ReadonlyArray<RemovalWrite> => {
  const { userId, home, org } = input;
  const target = { kind: "user", id: userId };
  const elsewhere = new Map<string, GrantRecord[]>();
  if (home === org)
    for (const grant of input.held)
      if (grant.scope.org !== org)
        elsewhere.set(grant.scope.org, [...(elsewhere.get(grant.scope.org) ?? []), grant]);
  return [
    {
      org,
      action: "user.remove-from-account",
      target,
      run: leaveOrg(input.inOrg, userId, org, home === org),
    },
    ...[...elsewhere].map(
      ([other, grants]): RemovalWrite => ({
        org: other,
        action: "user.removed-by-home",
        target,
        run: dropElsewhere(grants),
      }),
    ),
  ];
};
