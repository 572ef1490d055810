// Invitations: list by status, resend (a new token and expiry, emailed), revoke, and accept — the one public
// mutation, rate-limited per address, which sets the invited user's password and uses the token up.
import {
  AcceptInput,
  InvitationIdInput as IdInput,
  inputSchema,
  InvitationsListInput as ListInput,
  languageOf,
  OpeningInput,
} from "@gatehouse/contracts";
import { invitationMovers, nextInvitation } from "@gatehouse/domain";
import {
  EngineSync,
  hashPassword,
  type InvitationRecord,
  Invitations,
  Mutations,
  Users,
} from "@gatehouse/store";
import { Effect } from "effect";
import { limitedAttempt, tooManyAttempts } from "../auth/limiter.ts";
import { requestAuth } from "../auth/request-auth.ts";
import { hashToken, newToken } from "../auth/tokens.ts";
import {
  type AskContext,
  authorizedMutation,
  authorizedQuery,
  type Change,
  type DeclaredChange,
  publicAccess,
  storeError,
} from "../authorize.ts";
import { pageOf } from "../list-page.ts";
import { deliverInvitation } from "../mail/deliver.ts";
import { grantNamer } from "../names/invitation-names.ts";
import { peopleNamer } from "../names/people.ts";
import { badRequest, missing } from "../refusals.ts";
import { router } from "../trpc.ts";
import { claimAsks, invitationAsks, mayView } from "./invitation-rights.ts";
import { acceptUrl, expiryIn } from "./users.ts";

// Rules: docs/decisions.md#invitations (an invitation is authorized whole: invitation-rights.ts); its states,
// events and movers: the domain's rules/invitation.ts.

/** Failed accepts allowed per client address within the login window; the next is refused. */
export const acceptFailureLimit = 20;

const view = (invitation: InvitationRecord) => ({
  id: invitation.id,
  org: invitation.org,
  userId: invitation.userId,
  email: invitation.email,
  name: invitation.name,
  language: invitation.language,
  grants: invitation.grants,
  status: invitation.status,
  invitedBy: invitation.invitedBy,
  expiresAt: invitation.expiresAt.toISOString(),
  acceptedAt: invitation.acceptedAt?.toISOString() ?? null,
  revokedAt: invitation.revokedAt?.toISOString() ?? null,
  resentAt: invitation.resentAt?.toISOString() ?? null,
  resendCount: invitation.resendCount,
  version: invitation.version,
});

/** The stored invitation `id`, declared: its organization is the boundary; once inside it, `questions`. */
const storedInvitation = async (
  id: string,
  { store }: AskContext,
  questions: (invitation: InvitationRecord) => Promise<Change> | Change,
): Promise<DeclaredChange> => {
  const invitation = await store.run(Invitations.use((i) => i.get(id)));
  return { orgs: [invitation.org], missing: missing("invitation", id), ask: () => questions(invitation) };
};

/**
 * What the API asks before `event` on the stored invitation `id`, for the mover the domain names: a grantor gives
 * every grant of the invitation (revoking withdraws them); a claimant also every grant of the account a new token
 * hands over.
 */
const rightTo = (event: "resend" | "revoke", id: string, context: AskContext) =>
  storedInvitation(id, context, async (invitation) => {
    const { userId, org } = invitation;
    const claims =
      invitationMovers[event] === "claimant" && userId !== null
        ? await claimAsks(context.store, { id: userId, org })
        : [];
    return [...invitationAsks(invitation, event === "revoke"), ...claims];
  });

/** The invitation's version now (read in the handler; a change in between is a CONFLICT from the write). */
const currentVersion = (id: string) =>
  Effect.map(
    Invitations.use((i) => i.get(id)),
    (i) => i.version,
  );

/** Whether the invitation can be accepted (the domain's machine), or why not: "invitation already used", … */
const acceptable = (invitation: InvitationRecord) =>
  Effect.mapError(Effect.fromResult(nextInvitation(invitation.status, "accept")), (refused) =>
    badRequest(refused.message),
  );

/** An accept's write refused: if the invitation can no longer be accepted, another request won; say why as it reads now. */
const raced =
  (id: string) =>
  <E>(error: E) =>
    Effect.flatMap(
      Invitations.use((i) => i.get(id)),
      (now) => Effect.flatMap(acceptable(now), () => Effect.fail(error)),
    );

/**
 * The invitation of `token`, as one attempt of the client at `address`: only a token that matches no invitation
 * is a failed attempt (a used or revoked one is no guess), and too many refuse the next.
 */
const lookup = (address: string, token: string) =>
  limitedAttempt(
    [{ key: `accept:${address}`, limit: acceptFailureLimit, sinceSuccess: false }],
    () => tooManyAttempts("attempts"),
    Invitations.use((i) => i.byTokenHash(hashToken(token))).pipe(
      Effect.catchTag("NotFound", () => Effect.fail(badRequest("invalid invitation token"))),
    ),
  );

/** Accepting (and the accept page's look at its invitation) is public: the token is the credential. */
const byToken = publicAccess("the token is the credential; failures are rate-limited per address");

export const invitationsRouter = router({
  /** The organization's invitations the actor may see, newest first; `status` as they read now. */
  list: authorizedQuery(ListInput, (input) => ({ orgs: [input.org] })).query(async ({ ctx, input }) => {
    const all = await ctx.store.run(Invitations.use((i) => i.list(input.org, input.status)));
    const page = pageOf(
      all.filter((i) => mayView(ctx.may, i)),
      input,
    );
    // Names next to the ids: the role's and the place's, and who invited (as far as the reader may see people).
    const named = await grantNamer(ctx.store, ctx.engine, input.org, page);
    const person = await peopleNamer(
      ctx.store,
      ctx.engine,
      ctx.actor,
      page.map((i) => i.invitedBy),
    );
    return page.map((i) => ({
      ...view(i),
      grants: i.grants.map(named),
      invitedByPerson: i.invitedBy === null ? null : person(i.invitedBy),
    }));
  }),

  /** A new token and expiry for a pending or expired invitation, emailed again; the new `acceptUrl` is shown once. */
  resend: authorizedMutation(IdInput, (input, context) => rightTo("resend", input.id, context)).mutation(
    async ({ ctx, input }) => {
      const token = newToken();
      const { value } = await ctx.write({
        org: ctx.actor.org,
        action: "invitation.resend",
        target: { kind: "invitation", id: input.id },
        run: Effect.gen(function* () {
          const version = yield* currentVersion(input.id);
          return yield* (yield* Invitations).resend(
            input.id,
            version,
            hashToken(token),
            expiryIn(input.expiresInDays ?? 7),
          );
        }),
      });
      const url = acceptUrl(token);
      const delivery = await deliverInvitation(ctx.store, { invitationId: value.id, acceptUrl: url });
      return { invitation: view(value), acceptUrl: url, delivery };
    },
  ),

  /** Revokes a pending invitation: its token no longer works. */
  revoke: authorizedMutation(IdInput, (input, context) => rightTo("revoke", input.id, context)).mutation(
    async ({ ctx, input }) => {
      const { value } = await ctx.write({
        org: ctx.actor.org,
        action: "invitation.revoke",
        target: { kind: "invitation", id: input.id },
        run: Effect.gen(function* () {
          const version = yield* currentVersion(input.id);
          return yield* (yield* Invitations).revoke(input.id, version);
        }),
      });
      return view(value);
    },
  ),

  /** Public: a valid, unexpired, pending token sets the invited user's password and activates it, once. */
  /**
   * Public: what the accept page needs before the invitee types anything: the invitation's language (the page
   * speaks it), the name the inviter wrote and whether it can still be accepted. Guesses count as accepts do.
   */
  opening: byToken.input(inputSchema(OpeningInput)).query(async ({ ctx, input }) => {
    const auth = requestAuth(ctx);
    const opened = Effect.map(lookup(auth.client.address, input.token), (invitation) => ({
      language: languageOf(invitation.language),
      name: invitation.name,
      status: invitation.status,
    }));
    return auth.run(opened).catch((cause: unknown) => {
      throw storeError(cause);
    });
  }),

  accept: byToken.input(inputSchema(AcceptInput)).mutation(async ({ ctx, input }) => {
    const auth = requestAuth(ctx);
    const accepted = Effect.gen(function* () {
      const invitation = yield* lookup(auth.client.address, input.token);
      yield* acceptable(invitation);
      const userId = invitation.userId;
      if (userId === null) return yield* Effect.fail(badRequest("invitation has no user"));
      const passwordHash = yield* hashPassword(input.password);
      const users = yield* Users;
      const mutated = yield* (yield* Mutations)
        .mutate({
          actor: { kind: "system" },
          requestId: ctx.requestId,
          org: invitation.org,
          action: "invitation.accept",
          target: { kind: "invitation", id: invitation.id },
          run: Effect.gen(function* () {
            const done = yield* (yield* Invitations).accept(invitation.id, invitation.version, input.name);
            const user = yield* users.get(userId);
            yield* users.setPassword(userId, user.version, passwordHash);
            return done;
          }),
        })
        .pipe(
          // Another accept (or a revoke) won the race: answer as if this one had come after it.
          Effect.catchTags({ VersionConflict: raced(invitation.id), InvalidChange: raced(invitation.id) }),
        );
      // The confirmed grants and product groups count before the answer: the account may sign in at once.
      yield* (yield* EngineSync).awaitApplied(mutated.auditId);
      ctx.written.record(mutated.auditId);
      return { userId, email: invitation.email };
    });
    return auth.run(accepted).catch((cause: unknown) => {
      throw storeError(cause);
    });
  }),
});
