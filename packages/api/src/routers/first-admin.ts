// The operator gives a newly provisioned organization its first super admin: a user invited with
// `admin-center:super-admin` at the organization, only while no super admin holds it there; the link is shown once.
import { Email, Id, InviteLanguage, InviteName } from "@gatehouse/contracts";
import { inForce, SUPER_ADMIN_ROLE } from "@gatehouse/domain";
import { AlreadyExists, Grants, Organizations } from "@gatehouse/store";
import { Effect, Schema } from "effect";
import { hashToken, newToken } from "../auth/tokens.ts";
import type { Store, Write } from "../authorize.ts";
import { deliverInvitation } from "../mail/deliver.ts";
import { acceptUrl, expiryIn, invitableAccount, inviteOne, userView } from "./users.ts";

export const FirstAdminInput = Schema.Struct({
  org: Id,
  email: Email,
  name: InviteName,
  language: Schema.optionalKey(InviteLanguage),
});

/** Whether a grant of super admin in `org` is in force: a user's, a group's or a pending invitation's. */
export const superAdminHeld = (org: string) =>
  Effect.gen(function* () {
    const held = yield* (yield* Grants).list({ org, role: SUPER_ADMIN_ROLE });
    const now = Date.now();
    return held.some((grant) => inForce(grant.expiresAt?.getTime() ?? 0, now));
  });

/**
 * Fails (CONFLICT) when a grant of super admin in `org` is in force: a user's, a group's or a pending invitation's.
 * Concurrent first admins of one organization queue on its lock, so the second sees the first's grant.
 */
const noSuperAdmin = (org: string) =>
  Effect.gen(function* () {
    yield* (yield* Organizations).serialize(org, "first-admin");
    if (yield* superAdminHeld(org))
      return yield* new AlreadyExists({
        kind: "super admin",
        constraint: org,
        reason: `${org} has a super admin already (or a pending invitation of one)`,
      });
  });

/** Invites (and emails) the first super admin of `input.org` as the operator, audited as the operator; the link once. */
export const inviteFirstAdmin = async (
  context: { readonly actor: { readonly id: string }; readonly store: Store; readonly write: Write },
  input: typeof FirstAdminInput.Type,
) => {
  const { store } = context;
  await store.run(Organizations.use((o) => o.get(input.org)));
  await invitableAccount(store, input.org, input.email);
  const token = newToken();
  const { value: invited } = await context.write({
    org: input.org,
    action: "user.invite",
    target: { kind: "invitation", id: null },
    run: Effect.andThen(
      noSuperAdmin(input.org),
      inviteOne({
        org: input.org,
        email: input.email,
        name: input.name,
        language: input.language ?? "en",
        grants: [{ role: SUPER_ADMIN_ROLE, scope: { org: input.org } }],
        tokenHash: hashToken(token),
        expiresAt: expiryIn(7),
        invitedBy: context.actor.id,
      }),
    ),
  });
  const url = acceptUrl(token);
  const delivery = await deliverInvitation(store, { invitationId: invited.invitation.id, acceptUrl: url });
  return {
    invitationId: invited.invitation.id,
    user: userView(invited.user),
    expiresAt: invited.invitation.expiresAt.toISOString(),
    acceptUrl: url,
    delivery,
  };
};
