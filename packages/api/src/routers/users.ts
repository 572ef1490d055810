// Users of an organization: a keyset-paged directory per scope (searched, sorted), one user's entitlements seen from
// a context, inviting, removing access from or deleting from a place, deactivating, and removing from the account.
import { GrantScope, Id, InviteInput, UserListInput, Version } from "@gatehouse/contracts";
import {
  ACCOUNT_STATUS_ACTION,
  inForce,
  ownRemovalRefusal,
  type Scope,
  scopeCovers,
} from "@gatehouse/domain";
import {
  AlreadyExists,
  defaultUserSort,
  type GrantRecord,
  Grants,
  type InvitationGrant,
  type InvitationRecord,
  Invitations,
  type ListedPlace,
  type MutationInput,
  type ReachingGrant,
  UserDirectory,
  type UserPagePosition,
  type UserRecord,
  type UserSort,
  Users,
  type Written,
} from "@gatehouse/store";
import { Effect, Option, Schema } from "effect";
import type { StoreServices } from "../auth/store-runner.ts";
import { hashToken, newToken } from "../auth/tokens.ts";
import {
  type Ask,
  type AskContext,
  authorizedMutation,
  authorizedQuery,
  type Change,
  type Declared,
  type DeclaredChange,
  type Store,
} from "../authorize.ts";
import { keysetPage } from "../list-page.ts";
import { deliverInvitations } from "../mail/deliver.ts";
import { placeNamer } from "../names/place-names.ts";
import { viewPeopleAt } from "../read-questions.ts";
import { badRequest, conflict, forbidden, notFound } from "../refusals.ts";
import { router } from "../trpc.ts";
import { removalWrites } from "./account-removal.ts";
import { accountStatusChange, forgetKeysHere } from "./account-status.ts";
import { customGroupsOf, GROUP_MANAGE, manageGroups } from "./custom-groups.ts";
import { checkCustomRolePlacement, roleIn } from "./custom-role-placement.ts";
import { listedPlace, reachingUser, refuseNothingHere } from "./held-elsewhere.ts";
import { claimAsks, grantAsks, invitationAsks } from "./invitation-rights.ts";
import { refuseTwoEntityRoles } from "./invite-entity-roles.ts";
import { addAsks, addGrants, addWasAsked, type Invitee, inviteeOf } from "./invitee.ts";
import { whereItSits } from "./reach-words.ts";
import { removeFromProjectsProcedure } from "./remove-from-projects.ts";
import { checkPlaces } from "./scope-places.ts";
import { grantView, removeAll, userGrants } from "./user-grants.ts";
import { userSearch } from "./user-search.ts";

// Rules: docs/decisions.md#users (directory, removal) and docs/decisions.md#invitations (invite, claims).

const GetInput = Schema.Struct({ id: Id, context: GrantScope });
const RemoveAccessInput = Schema.Struct({
  userId: Id,
  scope: GrantScope,
  /** The versions the caller read, by grant id: a grant changed since is a CONFLICT. */
  versions: Schema.optionalKey(Schema.Record(Id, Version).pipe(Schema.check(Schema.isMaxProperties(1000)))),
});
const RemoveFromAccountInput = Schema.Struct({ userId: Id });

const REMOVE_ACCESS = "admin-center:user.remove-access";
const DELETE_USER = "admin-center:user.delete";
/** Why an actor below super admin may not remove anyone from the account. */
const WHOLE_ACCOUNT = `Remove from account changes the whole account (its roles everywhere in the organization and its sign-in): only a super admin may (needs ${ACCOUNT_STATUS_ACTION} at the organization)`;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The accept link carrying the token: shown once, never stored. */
export const acceptUrl = (token: string): string => `/admin-center/accept?token=${encodeURIComponent(token)}`;

/** The expiry of a token issued now for `days` days. */
export const expiryIn = (days: number): Date => new Date(Date.now() + days * DAY_MS);

/** A grant reaching a listed place and one user: what it gives, where it sits, and the group it comes through. */
const accessView = (place: ListedPlace, reach: ReachingGrant) => ({
  grant: reach.grant,
  role: reach.role,
  roleName: reach.roleName ?? reach.permission ?? "",
  permission: reach.permission,
  where: whereItSits(place, reach),
  via: reach.group,
  /** The grant's own place (its product, instance and project), to open where it sits. */
  sitsAt: { product: reach.scope.product, instance: reach.scope.instance, project: reach.scope.project },
  /** Its expiry, and whether it is past: an expired grant gives nothing, whatever the account's status. */
  expiresAt: reach.expiresAt === null ? null : reach.expiresAt.toISOString(),
  expired: !inForce(reach.expiresAt?.getTime() ?? 0, Date.now()),
});

/** Reading users at `scope` of `org` asks `admin-center:user.view` there. */
export const reading = (org: string, scope: Scope): Declared => {
  if (scope.org !== org) throw badRequest("scope.org: must be org");
  const question = viewPeopleAt(scope);
  return {
    orgs: [org],
    ask: [{ ...question, refusal: `You may not view the users there (needs ${question.check.action})` }],
  };
};

/**
 * The cursor is the sort it was made for and the position of a page's last user (its sort value and lower-cased
 * email), as base64url JSON, opaque to clients. Given with another sort, or unreadable, it is BAD_REQUEST.
 */
const encodeCursor = (sort: UserSort, position: UserPagePosition): string =>
  Buffer.from(JSON.stringify([sort.by, sort.direction, position.key, position.email]), "utf8").toString(
    "base64url",
  );
const decodeCursor = (cursor: string, sort: UserSort): UserPagePosition => {
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw badRequest("cursor: not a cursor of users.list");
  }
  if (!Array.isArray(parts) || parts.length !== 4 || !parts.every((part) => typeof part === "string"))
    throw badRequest("cursor: not a cursor of users.list");
  const [by, direction, key, email] = parts as [string, string, string, string];
  if (by !== sort.by || direction !== sort.direction)
    throw badRequest(
      `cursor: made for another sort than by ${sort.by} ${sort.direction}; start from the first page`,
    );
  return { key, email };
};

export const userView = (user: UserRecord) => ({
  id: user.id,
  org: user.org,
  email: user.email,
  name: user.name,
  language: user.language,
  status: user.status,
  version: user.version,
});

/** When a deactivated account was deactivated and by whom (named); null for any other account. */
const deactivationOf = async (store: Store, user: UserRecord) => {
  if (user.status !== "deactivated") return null;
  const found = await store.run(Users.use((users) => users.deactivation(user.id)));
  if (found === undefined) return null;
  const by =
    found.by === null
      ? null
      : await store.run(
          Users.use((users) => users.get(found.by ?? "")).pipe(
            Effect.map((u) => ({ id: u.id, name: u.name })),
            Effect.orElseSucceed(() => null),
          ),
        );
  return { at: new Date(found.at).toISOString(), by };
};

const whatOf = (grant: GrantRecord) =>
  grant.role === null ? { permission: grant.permission ?? "" } : { role: grant.role };

const removalKey = (what: object, scope: Scope): string => JSON.stringify([what, scope]);

/**
 * Refuses (CONFLICT) to remove a grant the engine was not asked about: one added after authorization is
 * never removed unchecked. `asked` is what authorizedMutation put to the engine.
 */
const onlyAsked = (grants: ReadonlyArray<GrantRecord>, asked: ReadonlyArray<Ask>): void => {
  const keys = new Set(
    asked.flatMap((q) =>
      "assign" in q
        ? [
            removalKey(
              "role" in q.assign ? { role: q.assign.role } : { permission: q.assign.permission },
              q.assign.scope,
            ),
          ]
        : [],
    ),
  );
  if (grants.some((g) => !keys.has(removalKey(whatOf(g), g.scope)))) throw changedMeanwhile();
};

const changedMeanwhile = () =>
  conflict("the user's grants or groups changed while access was being removed; read them again");

/** The user's pending invitations to `place` (every grant of theirs inside it): Delete user withdraws them. */
const invitationsWithin = async (store: Store, userId: string, place: Scope) =>
  (await store.run(Invitations.use((invitations) => invitations.list(place.org, "pending")))).filter(
    (invitation) =>
      invitation.userId === userId && invitation.grants.every((grant) => scopeCovers(place, grant.scope)),
  );

/**
 * Revokes `invitations` (withdrawing the grants they gave), then removes what is left of `grants`: the user's
 * grants inside the place, read before, each at the version read. An open invitation granting elsewhere too no
 * longer lists the grants inside `place`.
 */
const deleteFromPlace = (
  invitations: ReadonlyArray<InvitationRecord>,
  grants: ReadonlyArray<GrantRecord>,
  userId: string,
  place: Scope,
) =>
  Effect.gen(function* () {
    const changes: Array<Written<unknown>["changes"][number]> = [];
    const store = yield* Invitations;
    for (const invitation of invitations)
      changes.push(...(yield* store.revoke(invitation.id, invitation.version)).changes);
    const revoked = new Set(invitations.map((i) => i.id));
    for (const open of yield* store.list(place.org, "pending"))
      if (open.userId === userId && !revoked.has(open.id)) yield* store.withdrawWithin(open.id, place);
    const left = new Set(
      (yield* (yield* Grants).list({ subject: { kind: "user", id: userId } })).map((grant) => grant.id),
    );
    const removed = yield* removeAll(grants.filter((grant) => left.has(grant.id)));
    const value = { removed: grants.map(grantView), invitations: invitations.map((i) => i.id) };
    return { value, before: value, after: null, changes: [...changes, ...removed.changes] };
  });

/**
 * Declares `scope`'s organization as the boundary; inside it, the user and its grants within `scope` (a user of
 * another organization without any is NOT_FOUND like a made-up one) and `questions` about them. With `place`
 * (removing from an instance or project), a user with no grant inside it is refused once the questions passed,
 * saying where its roles there come from, or that it holds none (held-elsewhere.ts).
 */
const grantsWithin = (
  userId: string,
  scope: Scope,
  { store, engine, actor }: AskContext,
  questions: (user: UserRecord, grants: ReadonlyArray<GrantRecord>) => Promise<Change> | Change,
  place = false,
): DeclaredChange => {
  // A place where the user holds nothing is refused saying so, once the caller may act there at all: only then.
  let nothingHere: UserRecord | undefined;
  return {
    orgs: [scope.org],
    ask: async () => {
      const user = await store.run(Users.use((users) => users.get(userId)));
      const grants = (await userGrants(store, userId)).filter((g) => scopeCovers(scope, g.scope));
      if (user.org !== scope.org && grants.length === 0) throw notFound("user", userId);
      if (place && grants.length === 0) nothingHere = user;
      return questions(user, grants);
    },
    conflicts: async () => {
      if (nothingHere === undefined) return;
      const everyone = viewPeopleAt({ org: scope.org }).check;
      await refuseNothingHere(
        store,
        scope,
        nothingHere,
        engine.allows(actor.id, everyone.action, everyone.resource),
      );
    },
  };
};

/** Refuses when a grant changed since the versions the caller read. */
const checkVersions = (
  grants: ReadonlyArray<GrantRecord>,
  versions: Readonly<Record<string, number>> | undefined,
) => {
  if (versions === undefined) return;
  for (const grant of grants) {
    const read = versions[grant.id];
    if (read !== undefined && read !== grant.version)
      throw conflict(
        `A grant was changed or deleted since version ${read} was read; reload it and try again`,
      );
  }
};

/**
 * The never-signed-in account of `org` that `email` names, if any. An active account is not invited again (that
 * would let the invitation reset its password), and an email of another organization's account is not invited
 * into this one (emails are globally unique): both CONFLICT. With `elsewhere: "unseen"` another organization's
 * account is no account of `org` (undefined): for a declaration, which must not tell it before authorization.
 */
export const invitableAccount = async (
  store: Store,
  org: string,
  email: string,
  elsewhere: "conflict" | "unseen" = "conflict",
) => {
  const account = await store.run(Effect.option(Users.use((users) => users.credentials(email))));
  if (Option.isNone(account)) return undefined;
  if (account.value.org !== org) {
    if (elsewhere === "unseen") return undefined;
    throw conflict(`${email} belongs to another organization`);
  }
  if (account.value.status !== "invited")
    throw conflict(`${email} already has an account: give it roles with grants.create`);
  return account.value;
};

/** An AlreadyExists saying `reason` (what the clash means for the invitation); other failures as they are. */
const clashing =
  (reason: string) =>
  <E>(error: E): E | AlreadyExists =>
    error instanceof AlreadyExists ? new AlreadyExists({ ...error, reason }) : error;

/** What the invite makes for one email: the user (new or invited), its grants and the invitation. */
export const inviteOne = (input: {
  readonly org: string;
  readonly email: string;
  readonly name: string | undefined;
  readonly language: string;
  readonly grants: ReadonlyArray<InvitationGrant>;
  readonly tokenHash: string;
  readonly expiresAt: Date;
  readonly invitedBy: string;
}) =>
  Effect.gen(function* () {
    const users = yield* Users;
    const account = yield* Effect.option(users.credentials(input.email));
    const existing = Option.isSome(account) ? yield* Effect.orDie(users.get(account.value.id)) : undefined;
    const changes: Array<Written<unknown>["changes"][number]> = [];
    let user: UserRecord;
    if (existing === undefined) {
      const created = yield* users
        .create({
          org: input.org,
          email: input.email,
          name: input.name ?? input.email.split("@")[0] ?? input.email,
          language: input.language,
          status: "invited",
        })
        .pipe(
          Effect.mapError(clashing(`${input.email} was invited meanwhile: resend its invitation instead`)),
        );
      user = created.value;
      changes.push(...created.changes);
    } else {
      user = existing;
      if (existing.status !== "invited") {
        // Taken out of the organization (no password): invited again, back in Everyone.
        const again = yield* users.reinvite(existing.id, existing.version).pipe(
          Effect.mapError(
            () =>
              new AlreadyExists({
                kind: "user",
                constraint: "users_reinvite",
                reason: `${input.email} signed in meanwhile: invite it again`,
              }),
          ),
        );
        user = again.value;
        changes.push(...again.changes);
      }
      // The new invitation replaces the account's expired ones (the actor may give all their grants).
      changes.push(...(yield* (yield* Invitations).replaceExpired(user.id)).changes);
    }
    const grants = yield* Grants;
    const made: GrantRecord[] = [];
    for (const grant of input.grants) {
      // Until accepted, the grant lasts as long as the invitation (resend extends, accept confirms it).
      const written = yield* grants
        .create({
          subject: { kind: "user", id: user.id },
          role: grant.role,
          scope: grant.scope,
          expiresAt: input.expiresAt,
          grantedBy: input.invitedBy,
        })
        .pipe(Effect.mapError(clashing(`${input.email} already holds one of these roles at that place`)));
      made.push(written.value);
      changes.push(...written.changes);
    }
    const invitation = yield* (yield* Invitations).create({
      org: input.org,
      userId: user.id,
      email: input.email,
      name: user.name,
      language: input.language,
      tokenHash: input.tokenHash,
      grants: input.grants,
      invitedBy: input.invitedBy,
      expiresAt: input.expiresAt,
    });
    const value = { invitation: invitation.value, user, grants: made };
    return {
      value,
      before: null,
      after: { invitation: invitation.value, grants: made.map(grantView) },
      changes,
    };
  });

/** What inviting one email wrote: a new invitation (with its token, shown once) or grants added to an account. */
type InviteOutcome =
  | ({ readonly kind: "invited"; readonly token: string } & Effect.Success<
      ReturnType<typeof inviteOne>
    >["value"])
  | ({ readonly kind: "added"; readonly email: string } & Effect.Success<
      ReturnType<typeof addGrants>
    >["value"]);
type InviteWrite = Omit<MutationInput<InviteOutcome, unknown, StoreServices>, "actor" | "requestId">;

/** The users `input` lists (its place and search) in `sort`, after `after`: one page of the directory. */
export const directoryPage = (
  input: Pick<typeof UserListInput.Type, "org" | "scope" | "search">,
  sort: UserSort,
  after: UserPagePosition | undefined,
  limit: number,
) =>
  UserDirectory.use((directory) =>
    directory.page({
      org: input.org,
      scope: input.scope,
      search: input.search === undefined || input.search === "" ? undefined : input.search,
      sort,
      after,
      limit,
    }),
  );

/**
 * The user's grants inside the place of a removal, at the versions the caller read, each one its declaration
 * asked about (Remove access and Delete user alike).
 */
const askedGrantsAt = async (
  ctx: { readonly store: Store; readonly asked: ReadonlyArray<Ask> },
  input: {
    readonly userId: string;
    readonly scope: Scope;
    readonly versions?: Readonly<Record<string, number>> | undefined;
  },
) => {
  const grants = (await userGrants(ctx.store, input.userId)).filter((g) => scopeCovers(input.scope, g.scope));
  checkVersions(grants, input.versions);
  onlyAsked(grants, ctx.asked);
  return grants;
};

export const usersRouter = router({
  /**
   * Users whose grants reach `scope` (directly or through a group: docs/decisions.md#users; all users of `org`
   * without one), each with those grants (`access`: role, where it sits, via which group), `limit` per page,
   * sorted by email (default), name or status either way, ties by email; `nextCursor` continues the same sort.
   */
  list: authorizedQuery(UserListInput, (input) =>
    reading(input.org, { org: input.org, ...input.scope }),
  ).query(async ({ ctx, input }) => {
    const limit = input.limit ?? 50;
    const sort = input.sort ?? defaultUserSort;
    const after = input.cursor === undefined ? undefined : decodeCursor(input.cursor, sort);
    // One row more than asked tells whether another page follows.
    const rows = await ctx.store.run(directoryPage(input, sort, after, limit + 1));
    const { page, nextCursor } = keysetPage(rows, limit, (last) => encodeCursor(sort, last.position));
    const place = input.scope;
    if (place === undefined)
      return { items: page.map((user) => ({ ...userView(user), access: [] })), nextCursor };
    const reaching = await ctx.store.run(
      UserDirectory.use((directory) =>
        directory.reach(
          input.org,
          place,
          page.map((user) => user.id),
        ),
      ),
    );
    const items = page.map((user) => ({
      ...userView(user),
      access: reaching.filter((r) => r.user === user.id).map((r) => accessView(place, r)),
    }));
    return { items, nextCursor };
  }),

  /** The header's search: users the actor may view, by name or email, with the place to open each from. */
  search: userSearch,

  /**
   * The user and its entitlements as seen from `context`: the grants within it, with their expiry and their places'
   * names (`names`: instance, project, environment, flag), and (in a product, instance or project) every grant
   * reaching it as the list shows them (`access`: where each sits, via which group). A user nothing reaches at the
   * place is NOT_FOUND there like a made-up one, unless it is of the organization and the reader views all of its
   * people.
   */
  get: authorizedQuery(GetInput, (input) => reading(input.context.org, input.context)).query(
    async ({ ctx, input }) => {
      const user = await ctx.store.run(Users.use((users) => users.get(input.id)));
      const grants = (await userGrants(ctx.store, input.id)).filter((g) =>
        scopeCovers(input.context, g.scope),
      );
      const place = listedPlace(input.context);
      const reaching =
        place.product === undefined ? [] : await reachingUser(ctx.store, input.context, user.id);
      // A person nothing reaches at the place is not found there, as the place's list and the search leave it out,
      // by a reader who may not view the organization's people as a whole (an instance admin, a project owner):
      // whoever may (a super admin) finds each of them from anywhere, as from the organization.
      const everyone = viewPeopleAt({ org: user.org }).check;
      const seesEveryone = user.org === input.context.org && ctx.may(everyone.action, everyone.resource);
      if (!seesEveryone && grants.length === 0 && reaching.length === 0) throw notFound("user", input.id);
      const deactivation = await deactivationOf(ctx.store, user);
      const access = reaching.map((reach) => accessView(place, reach));
      const places = await placeNamer(
        ctx.store,
        grants.map((g) => g.scope),
        input.context.org,
      );
      return {
        user: userView(user),
        deactivation,
        context: input.context,
        grants: grants.map((grant) => ({ ...grantView(grant), names: places.names(grant.scope) })),
        access,
      };
    },
  ),

  /**
   * Invites each email with the same grants and emails each; every token is returned once, as `acceptUrl`
   * (`invited`). An account of the organization that signs in gets the grants at once instead (`added`: the grants
   * given, and those it held already); it is sent no email.
   */
  invite: authorizedMutation(InviteInput, (input, { store, engine, actor }) => ({
    orgs: [input.org],
    ask: async () => {
      for (const grant of input.grants)
        if (grant.scope.org !== input.org) throw badRequest("grants.scope.org: must be org");
      for (const grant of input.grants) {
        await checkPlaces(store, grant.scope, "grants.scope", (action, resource) =>
          engine.allows(actor.id, action, resource),
        );
        checkCustomRolePlacement(await roleIn(store, grant.role, input.org), grant.scope, "grants.role");
      }
      await refuseTwoEntityRoles(store, engine, input.grants);
      const lower = input.emails.map((e) => e.toLowerCase());
      if (new Set(lower).size !== lower.length) throw badRequest("emails: each email once");
      // Another organization's email is told (CONFLICT) only to an actor allowed every grant: in the handler.
      const accounts: Ask[] = [];
      for (const email of input.emails) {
        const invitee = await inviteeOf(store, input.org, email, "unseen");
        if (invitee.kind === "invite") accounts.push(...(await claimAsks(store, invitee.account)));
        if (invitee.kind === "add") accounts.push(...addAsks(input.org, invitee.account.id, input.grants));
      }
      return [
        ...input.grants.map((grant) => ({
          assign: { role: grant.role, scope: grant.scope, targetOrg: input.org },
        })),
        ...accounts,
      ];
    },
  })).mutation(async ({ ctx, input }) => {
    const invitees: Invitee[] = [];
    for (const email of input.emails) invitees.push(await inviteeOf(ctx.store, input.org, email, "conflict"));
    invitees.forEach((invitee, i) => {
      if (invitee.kind === "add")
        addWasAsked(ctx.asked, input.emails[i] ?? "", invitee.account.id, input.grants);
    });
    const expiresAt = expiryIn(input.expiresInDays ?? 7);
    // One audit row per email, all in one transaction: a failure on any email invites nobody.
    const written = await ctx.writeAll(
      input.emails.map((email, i): InviteWrite => {
        const invitee = invitees[i];
        if (invitee?.kind === "add")
          return {
            org: input.org,
            action: "grant.create",
            target: { kind: "user", id: invitee.account.id },
            run: addGrants({
              email,
              userId: invitee.account.id,
              grants: input.grants,
              grantedBy: ctx.actor.id,
            }).pipe(Effect.map((w) => ({ ...w, value: { kind: "added" as const, email, ...w.value } }))),
          };
        const token = newToken();
        return {
          org: input.org,
          action: "user.invite",
          target: { kind: "invitation", id: null },
          run: inviteOne({
            org: input.org,
            email,
            name: input.name,
            language: input.language,
            grants: input.grants,
            tokenHash: hashToken(token),
            expiresAt,
            invitedBy: ctx.actor.id,
          }).pipe(Effect.map((w) => ({ ...w, value: { kind: "invited" as const, token, ...w.value } }))),
        };
      }),
    );
    const outcomes = written.map(({ value }) => value);
    const invited = outcomes.flatMap((o) =>
      o.kind === "invited"
        ? [
            {
              invitationId: o.invitation.id,
              email: o.invitation.email,
              user: userView(o.user),
              grants: o.grants.map(grantView),
              expiresAt: o.invitation.expiresAt.toISOString(),
              acceptUrl: acceptUrl(o.token),
            },
          ]
        : [],
    );
    const added = outcomes.flatMap((o) =>
      o.kind === "added"
        ? [
            {
              email: o.email,
              user: userView(o.user),
              grants: o.added.map(grantView),
              alreadyHad: o.alreadyHad.map(grantView),
            },
          ]
        : [],
    );
    return { invited: await deliverInvitations(ctx.store, invited), added };
  }),

  /** Removes the user's grants inside an instance or project scope; each removal is asked like its assignment. */
  removeAccess: authorizedMutation(RemoveAccessInput, (input, context) => {
    if (input.scope.instance === undefined)
      throw badRequest("scope.instance: remove access from one instance or project");
    return grantsWithin(
      input.userId,
      input.scope,
      context,
      (user, grants) => {
        checkVersions(grants, input.versions);
        return [
          { check: { action: REMOVE_ACCESS, resource: input.scope } },
          ...grantAsks(grants, user, true),
        ];
      },
      true,
    );
  }).mutation(async ({ ctx, input }) => {
    const grants = await askedGrantsAt(ctx, input);
    const { value } = await ctx.write({
      org: input.scope.org,
      action: "user.remove-access",
      target: { kind: "user", id: input.userId },
      run: removeAll(grants),
    });
    return { removed: value };
  }),

  /**
   * Delete user (seed 001): takes the user out of an instance or project, its grants there and its pending
   * invitations that grant only there; asks `user.delete` there, each grant as giving it and each invitation
   * as revoking it. The account, and its roles elsewhere, stay.
   */
  delete: authorizedMutation(RemoveAccessInput, (input, context) => {
    if (input.scope.instance === undefined)
      throw badRequest("scope.instance: delete the user from one instance or project");
    return grantsWithin(
      input.userId,
      input.scope,
      context,
      async (user, grants) => {
        checkVersions(grants, input.versions);
        const invitations = await invitationsWithin(context.store, user.id, input.scope);
        return [
          { check: { action: DELETE_USER, resource: input.scope } },
          ...grantAsks(grants, user, true),
          ...invitations.flatMap((invitation) => invitationAsks(invitation, true)),
        ];
      },
      true,
    );
  }).mutation(async ({ ctx, input }) => {
    const grants = await askedGrantsAt(ctx, input);
    const invitations = await invitationsWithin(ctx.store, input.userId, input.scope);
    const { value } = await ctx.write({
      org: input.scope.org,
      action: "user.delete",
      target: { kind: "user", id: input.userId },
      run: deleteFromPlace(invitations, grants, input.userId, input.scope),
    });
    return value;
  }),

  /**
   * Remove from all projects (seed 004): the user's grants in every Experimentation project of an instance, each
   * project's removal asked as Remove access asks it; answers what was removed and what was refused, by name.
   */
  removeFromProjects: removeFromProjectsProcedure,

  /** Deactivates an account of the organization: it signs in no more and its grants count for nothing. */
  deactivate: accountStatusChange("deactivate"),

  /** Reactivates a deactivated account: everything it held counts again. */
  reactivate: accountStatusChange("reactivate"),

  /**
   * Remove from account: every grant the user holds in the actor's organization, and its memberships there. An
   * account-wide change (it also ends the account's sign-in): asked as ACCOUNT_STATUS_ACTION at the organization,
   * which only a super admin holds, then each grant as giving it; never one's own account. Removed from its home,
   * the account counts for nothing anywhere: its API keys stop and its grants in other organizations go with it.
   */
  removeFromAccount: authorizedMutation(RemoveFromAccountInput, (input, context) => {
    const scope: Scope = { org: context.actor.org };
    return grantsWithin(input.userId, scope, context, async (user, grants) => {
      const refusal = ownRemovalRefusal(context.actor.id, user.id);
      if (refusal !== undefined) throw forbidden(refusal);
      const groups = await customGroupsOf(context.store, scope.org, user.id);
      return [
        { check: { action: ACCOUNT_STATUS_ACTION, resource: scope }, refusal: WHOLE_ACCOUNT },
        ...grantAsks(grants, user, true),
        ...(groups.length === 0 ? [] : [manageGroups(scope)]),
      ];
    });
  }).mutation(async ({ ctx, input }) => {
    const org = ctx.actor.org;
    const held = await userGrants(ctx.store, input.userId);
    const grants = held.filter((g) => g.scope.org === org);
    onlyAsked(grants, ctx.asked);
    const joined = (await customGroupsOf(ctx.store, org, input.userId)).length > 0;
    if (joined && !ctx.asked.some((q) => "check" in q && q.check.action === GROUP_MANAGE))
      throw changedMeanwhile();
    const user = await ctx.store.run(Users.use((users) => users.get(input.userId)));
    const [own] = await ctx.writeAll(
      removalWrites({ userId: user.id, home: user.org, org, inOrg: grants, held }),
    );
    await ctx.store.run(forgetKeysHere(own?.value.keys ?? []));
    // What went in other organizations is theirs to read (their audit): the answer names only this one's.
    return { removed: own?.value.removed ?? [] };
  }),
});
