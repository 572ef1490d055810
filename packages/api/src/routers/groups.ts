// Groups of an organization: list (custom, Everyone and product groups with member counts), get (members with
// their roles, paged), grants (the roles a group gives), and custom-group changes, authorized and audited.
import {
  AtVersionInput,
  CreateGroupInput,
  GetGroupInput,
  GroupMemberInput,
  Id,
  ListGroupsInput,
  RenameInput,
} from "@gatehouse/contracts";
import { ownGroupRefusal } from "@gatehouse/domain";
import { Grants, GroupEdits, type GroupRecord, Groups, newId, Users } from "@gatehouse/store";
import { Effect, Schema } from "effect";
import {
  type Ask,
  type AskContext,
  authorizedMutation,
  authorizedQuery,
  type Change,
  type Declared,
  type DeclaredChange,
} from "../authorize.ts";
import { keysetPage, pageOf } from "../list-page.ts";
import { badRequest, conflict, forbidden, missing } from "../refusals.ts";
import { router } from "../trpc.ts";
import { grantView } from "./grant-view.ts";
import { namedSubjectOrg } from "./named-subject.ts";
import { refuseRemovedAccount } from "./removed-account.ts";

// Rules: docs/decisions.md#groups

const MANAGE = "admin-center:group.manage";
const USER_VIEW = "admin-center:user.view";

/** A group as clients see it, with its member count (members come from `get`). */
const summary = (group: GroupRecord) => ({
  id: group.id,
  org: group.org,
  name: group.name,
  description: group.description,
  kind: group.kind,
  role: group.role,
  memberCount: group.members.length,
  version: group.version,
});

/**
 * Reading the groups of `org` asks `admin-center:group.manage` somewhere in it: the super admin (at the
 * organization) and product admins (seed 001: "access to products, groups, and roles"); `id` is the object a
 * refusal names as missing (the group, or the organization listed).
 */
const reading = (org: string, id: string): Declared => ({
  orgs: [org],
  ask: [
    {
      somewhere: { action: MANAGE, org },
      refusal: `You may not view this organization's groups (needs ${MANAGE} somewhere in it)`,
    },
  ],
  missing: missing("group", id),
});

const manage = (org: string): Ask => ({ check: { action: MANAGE, resource: { org } } });

const loadGroup = (context: Pick<AskContext, "store">, id: string) =>
  context.store.run(Groups.use((groups) => groups.get(id)));

/**
 * The stored group `id`, declared: its organization is the boundary; once inside it, a custom group only
 * (BAD_REQUEST otherwise), at `version` when given (CONFLICT otherwise), and `questions` about it.
 */
const customGroup = async (
  context: AskContext,
  id: string,
  version: number | undefined,
  questions: (group: GroupRecord) => Promise<Change> | Change = (group) => manage(group.org),
): Promise<DeclaredChange> => {
  const group = await loadGroup(context, id);
  return {
    orgs: [group.org],
    missing: missing("group", id),
    ask: () => {
      if (group.kind !== "custom")
        throw badRequest(
          `the ${group.kind} group "${group.name}" is managed by Gatehouse and cannot be changed`,
        );
      if (version !== undefined && group.version !== version)
        throw conflict(
          `This group was changed or deleted since version ${version} was read (it is at version ${group.version} now); reload it and try again`,
        );
      return questions(group);
    },
  };
};

/**
 * The group's questions (managing its organization's groups), after refusing (FORBIDDEN) what nobody does to a
 * group giving it Super Admin, whatever its rights (domain: rules/own-standing.ts): `leave` it, or `delete` it.
 */
const notOwnSuperAdmin =
  (context: AskContext, change: "leave" | "delete", takesActor: (group: GroupRecord) => boolean) =>
  async (group: GroupRecord): Promise<Change> => {
    const takes = takesActor(group);
    // The group's grants matter only when the change would take the actor out of it.
    const grants = takes
      ? await context.store.run(
          Grants.use((g) => g.list({ org: group.org, subject: { kind: "group", id: group.id } })),
        )
      : [];
    const refusal = ownGroupRefusal({ roles: grants.map((g) => g.role), takesActor: takes }, change);
    if (refusal !== undefined) throw forbidden(refusal);
    return manage(group.org);
  };

/** Listing is reading the groups of the organization asked about. */
const listing = (input: { readonly org: string }) => reading(input.org, input.org);

export const groupsRouter = router({
  /** The organization's groups (custom, Everyone, product groups), by name, with member counts. */
  list: authorizedQuery(ListGroupsInput, listing).query(async ({ ctx, input }) => {
    const groups = await ctx.store.run(Groups.use((g) => g.list(input.org)));
    return pageOf(groups, input).map(summary);
  }),

  /** One group and a page of its members (by user id, after `cursor`), each with its grants in the organization. */
  get: authorizedQuery(GetGroupInput, async (input, context) => {
    const group = await loadGroup(context, input.id);
    return { ...reading(group.org, input.id), value: group };
  }).query(async ({ ctx, input }) => {
    const group = ctx.declared;
    const limit = input.limit ?? 50;
    const after = input.cursor;
    const ids = group.members.filter((m) => after === undefined || m > after);
    const { page, nextCursor } = keysetPage(ids, limit, (last) => last);
    const { users, grants } = await ctx.store.run(
      Effect.gen(function* () {
        const usersRepo = yield* Users;
        const users = yield* Effect.forEach(page, (id) => Effect.option(usersRepo.get(id)));
        const grants = yield* (yield* Grants).list({ org: group.org });
        return { users, grants };
      }),
    );
    const members = page.map((id, i) => {
      const user = users[i];
      const found = user !== undefined && user._tag === "Some" ? user.value : undefined;
      const own = grants.filter((g) => g.subject.kind === "user" && g.subject.id === id);
      const shown = own.filter((g) => ctx.may(USER_VIEW, g.scope));
      return {
        id,
        name: found?.name ?? null,
        email: found?.email ?? null,
        // Only the grants at places the reader may view people (a product admin: its products'); the others counted.
        roles: shown.map((g) => ({ grant: g.id, role: g.role, permission: g.permission, scope: g.scope })),
        hiddenRoles: own.length - shown.length,
      };
    });
    return { group: summary(group), members, nextCursor };
  }),

  /**
   * The roles group `id` gives at the places the reader may view people (a product admin: its products'), read as
   * the group is (group.manage somewhere), and how many others it gives that are not shown to the reader.
   */
  grants: authorizedQuery(Schema.Struct({ id: Id }), async (input, context) => {
    const group = await loadGroup(context, input.id);
    return { ...reading(group.org, input.id), value: group };
  }).query(async ({ ctx }) => {
    const group = ctx.declared;
    const grants = await ctx.store.run(
      Grants.use((g) => g.list({ org: group.org, subject: { kind: "group", id: group.id } })),
    );
    const shown = grants.filter((g) => ctx.may(USER_VIEW, g.scope));
    return { grants: shown.map(grantView), hidden: grants.length - shown.length };
  }),

  /** A new custom group of the actor's organization. */
  create: authorizedMutation(CreateGroupInput, (input) => ({
    orgs: [input.org],
    missing: missing("group", input.org),
    ask: manage(input.org),
  })).mutation(async ({ ctx, input }) => {
    const id = newId("grp");
    const { value } = await ctx.write({
      org: input.org,
      action: "group.create",
      target: { kind: "group", id },
      run: Groups.use((groups) => groups.create({ id, org: input.org, name: input.name })),
    });
    return summary(value);
  }),

  /** Renames a custom group, given the version read. */
  rename: authorizedMutation(RenameInput, (input, context) =>
    customGroup(context, input.id, input.version),
  ).mutation(async ({ ctx, input }) => {
    const { value } = await ctx.write({
      org: ctx.actor.org,
      action: "group.rename",
      target: { kind: "group", id: input.id },
      run: GroupEdits.use((edits) => edits.rename(input.id, input.version, input.name)),
    });
    return summary(value);
  }),

  /** Deletes a custom group (its memberships and grants go with it), given the version read. */
  remove: authorizedMutation(AtVersionInput, (input, context) =>
    customGroup(
      context,
      input.id,
      input.version,
      notOwnSuperAdmin(context, "delete", (group) => group.members.includes(context.actor.id)),
    ),
  ).mutation(async ({ ctx, input }) => {
    const { value } = await ctx.write({
      org: ctx.actor.org,
      action: "group.remove",
      target: { kind: "group", id: input.id },
      run: GroupEdits.use((edits) => edits.remove(input.id, input.version)),
    });
    return { removed: summary(value) };
  }),

  /** Adds a user of the organization to a custom group. */
  addMember: authorizedMutation(GroupMemberInput, (input, context) =>
    customGroup(context, input.groupId, undefined),
  ).mutation(async ({ ctx, input }) => {
    // Only once the actor may manage the group: another organization's user answers as a made-up one.
    const group = await loadGroup(ctx, input.groupId);
    const home = await namedSubjectOrg(ctx.store, group.org, { kind: "user", id: input.userId });
    if (home !== group.org) throw badRequest(`userId: "${input.userId}" is not a user of ${group.org}`);
    await refuseRemovedAccount(ctx.store, input.userId);
    const { value } = await ctx.write({
      org: ctx.actor.org,
      action: "group.member.add",
      target: { kind: "group", id: input.groupId },
      run: Groups.use((groups) => groups.addMember(input.groupId, input.userId)),
    });
    return summary(value);
  }),

  /** Takes a user out of a custom group. */
  removeMember: authorizedMutation(GroupMemberInput, (input, context) =>
    customGroup(
      context,
      input.groupId,
      undefined,
      notOwnSuperAdmin(context, "leave", () => input.userId === context.actor.id),
    ),
  ).mutation(async ({ ctx, input }) => {
    const { value } = await ctx.write({
      org: ctx.actor.org,
      action: "group.member.remove",
      target: { kind: "group", id: input.groupId },
      run: Groups.use((groups) => groups.removeMember(input.groupId, input.userId)),
    });
    return summary(value);
  }),
});
