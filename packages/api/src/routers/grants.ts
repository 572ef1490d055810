// Grants of a role or one permission to a user or group at a scope, optionally expiring: list, create,
// update and remove. Every change is authorized by engine.assign (authorize.ts), audited and applied before it answers.
import { AtVersionInput, GrantScope, Id, Instant, ListPage, Version } from "@gatehouse/contracts";
import { type GrantEdit, ownGrantRefusal, pastExpiry, type Scope, scopeCovers } from "@gatehouse/domain";
import { type GrantRecord, type GrantSubjectRef, Grants, Groups, newId, Users } from "@gatehouse/store";
import { TRPCError } from "@trpc/server";
import { Effect, Schema } from "effect";
import {
  type Ask,
  type AskContext,
  authorizedMutation,
  authorizedQuery,
  type Change,
  type DeclaredChange,
  type Store,
} from "../authorize.ts";
import { pageOf } from "../list-page.ts";
import { viewPeopleAt } from "../read-questions.ts";
import { badRequest, conflict, forbidden, missing } from "../refusals.ts";
import { router } from "../trpc.ts";
import { checkCustomRolePlacement, roleIn } from "./custom-role-placement.ts";
import { grantView } from "./grant-view.ts";
import { namedSubjectOrg } from "./named-subject.ts";
import { refuseRemovedAccount } from "./removed-account.ts";
import { checkPlaces } from "./scope-places.ts";

// Rules: docs/decisions.md#assignments and docs/decisions.md#delegation (every change asks engine.assign).

const Subject = Schema.Struct({ kind: Schema.Literals(["user", "group"]), id: Id });

const ListInput = Schema.Struct({
  ...ListPage.fields,
  org: Id,
  subject: Schema.optionalKey(Subject),
  scope: Schema.optionalKey(GrantScope),
});
const CreateInput = Schema.Struct({
  subject: Subject,
  role: Schema.optionalKey(Id),
  permission: Schema.optionalKey(Id),
  scope: GrantScope,
  expiresAt: Schema.optionalKey(Schema.NullOr(Instant)),
});
const UpdateInput = Schema.Struct({
  id: Id,
  version: Version,
  role: Schema.optionalKey(Id),
  expiresAt: Schema.optionalKey(Schema.NullOr(Instant)),
});

const view = grantView;

/** The subject's home organization, from the store. */
const homeOrg = (store: Store, subject: GrantSubjectRef): Promise<string> =>
  store.run(
    Effect.gen(function* () {
      return subject.kind === "user"
        ? (yield* (yield* Users).get(subject.id)).org
        : (yield* (yield* Groups).get(subject.id)).org;
    }),
  );

/**
 * The assignment giving `grant` (role or permission) at `scope` to `subject`, as engine.assign takes it; `removes`
 * when the grant is taken away (asked without the project's platform: assignment-places.ts).
 */
const assignment = (
  subject: GrantSubjectRef,
  targetOrg: string,
  scope: Scope,
  what: { readonly role: string } | { readonly permission: string },
  removes = false,
): Ask => ({
  ...(removes ? { removes: true as const } : {}),
  assign: { ...what, scope, targetOrg, ...(subject.kind === "user" ? { targetUser: subject.id } : {}) },
});

const whatOf = (grant: GrantRecord) =>
  grant.role === null ? { permission: grant.permission ?? "" } : { role: grant.role };

/**
 * The stored grant `id`, declared: its organization is the boundary; once inside it, the version the caller read
 * (CONFLICT otherwise) and `questions` about the grant and its subject's home organization.
 */
const storedGrant = async (
  id: string,
  version: number,
  { store }: AskContext,
  questions: (grant: GrantRecord, targetOrg: string) => Promise<Change> | Change,
): Promise<DeclaredChange> => {
  const grant = await store.run(Grants.use((grants) => grants.get(id)));
  return {
    orgs: [grant.scope.org],
    missing: missing("grant", id),
    ask: async () => {
      if (grant.version !== version)
        throw conflict(
          `This grant was changed or deleted since version ${version} was read (it is at version ${grant.version} now); reload it and try again`,
        );
      return questions(grant, await homeOrg(store, grant.subject));
    },
  };
};

/** Refuses (BAD_REQUEST, naming the field) an expiry already past: the grant would never count. */
const checkExpiry = (expiresAt: Date | null | undefined): void => {
  if (expiresAt !== undefined && expiresAt !== null && pastExpiry(expiresAt))
    throw badRequest(
      "expiresAt: that end date and time is already past; give a time to come, or null for no expiry",
    );
};

/** Whether `grant` reaches the actor: given to it, or to a group it is a member of. */
const reachesActor = async ({ actor, store }: AskContext, grant: GrantRecord): Promise<boolean> =>
  grant.subject.kind === "user"
    ? grant.subject.id === actor.id
    : (await store.run(Groups.use((groups) => groups.get(grant.subject.id)))).members.includes(actor.id);

/** Refuses (FORBIDDEN) what nobody does to a grant of its own, whatever its rights (domain: rules/own-standing.ts). */
const refuseOwn = async (context: AskContext, grant: GrantRecord, edit: GrantEdit): Promise<void> => {
  const refusal = ownGrantRefusal(
    { role: grant.role, reachesActor: await reachesActor(context, grant) },
    edit,
  );
  if (refusal !== undefined) throw forbidden(refusal);
};

/** Reading grants at `scope` of `org` (default the organization) is viewing the users there. */
const listing = (input: typeof ListInput.Type) => {
  const scope = input.scope ?? { org: input.org };
  if (scope.org !== input.org) throw badRequest("scope.org: must be org");
  const question = viewPeopleAt(scope);
  return {
    orgs: [input.org],
    ask: [
      {
        ...question,
        refusal: `You may not view the users and grants there (needs ${question.check.action})`,
      },
    ],
    value: scope,
  };
};

const conflictMessage =
  "This grant was changed or deleted since that version was read; reload it and try again";

/** VersionConflict from the write itself (a change between the check and the write) reads like the early one. */
const staleWrite = (error: unknown) => {
  if (error instanceof TRPCError && error.code === "CONFLICT") throw conflict(conflictMessage, error);
  throw error;
};

export const grantsRouter = router({
  /** The grants of `org` whose scope lies within `scope`, optionally of one subject. */
  list: authorizedQuery(ListInput, listing).query(async ({ ctx, input }) => {
    const scope = ctx.declared;
    const grants = await ctx.store.run(Grants.use((g) => g.list({ org: input.org, subject: input.subject })));
    return pageOf(
      grants.filter((g) => scopeCovers(scope, g.scope)),
      input,
    ).map(view);
  }),

  /** Gives `subject` a role or one permission at `scope`, optionally until `expiresAt`. */
  create: authorizedMutation(CreateInput, async (input, { actor, store, engine }) => {
    if ((input.role === undefined) === (input.permission === undefined))
      throw badRequest("role: give exactly one of role and permission");
    checkExpiry(input.expiresAt);
    const targetOrg = await namedSubjectOrg(store, actor.org, input.subject);
    return {
      // the scope's organization is the boundary; inside it, its places must exist (another's answer as made-up)
      orgs: [input.scope.org],
      ask: async () => {
        await checkPlaces(store, input.scope, "scope", (action, resource) =>
          engine.allows(actor.id, action, resource),
        );
        if (input.role !== undefined)
          checkCustomRolePlacement(await roleIn(store, input.role, actor.org), input.scope);
        const what = input.role === undefined ? { permission: input.permission ?? "" } : { role: input.role };
        return assignment(input.subject, targetOrg, input.scope, what);
      },
      conflicts: async () => {
        if (input.subject.kind === "user") await refuseRemovedAccount(store, input.subject.id);
        await store.run(
          Grants.use((grants) =>
            grants.entityRoleFree({ subject: input.subject, role: input.role, scope: input.scope }),
          ),
        );
      },
    };
  }).mutation(async ({ ctx, input }) => {
    const id = newId("grt");
    const { value } = await ctx.write({
      org: input.scope.org,
      action: "grant.create",
      target: { kind: "grant", id },
      run: Grants.use((grants) =>
        grants.create({
          id,
          subject: input.subject,
          role: input.role,
          permission: input.permission,
          scope: input.scope,
          expiresAt: input.expiresAt,
          grantedBy: ctx.actor.id,
        }),
      ),
    });
    return view(value);
  }),

  /** Changes a grant's role or expiry (`expiresAt: null` removes it), given the version read. */
  update: authorizedMutation(UpdateInput, (input, context) => {
    checkExpiry(input.expiresAt);
    return storedGrant(input.id, input.version, context, async (grant, targetOrg) => {
      await refuseOwn(context, grant, { kind: "update", role: input.role, expiresAt: input.expiresAt });
      const asks = [assignment(grant.subject, targetOrg, grant.scope, whatOf(grant), true)];
      if (input.role !== undefined && input.role !== grant.role) {
        checkCustomRolePlacement(await roleIn(context.store, input.role, grant.scope.org), grant.scope);
        asks.push(assignment(grant.subject, targetOrg, grant.scope, { role: input.role }));
      }
      return asks;
    });
  }).mutation(async ({ ctx, input }) => {
    const { value } = await ctx
      .write({
        org: ctx.actor.org,
        action: "grant.update",
        target: { kind: "grant", id: input.id },
        run: Grants.use((grants) =>
          grants.update(input.id, input.version, { role: input.role, expiresAt: input.expiresAt }),
        ),
      })
      .catch(staleWrite);
    return view(value);
  }),

  /** Removes a grant, given the version read; the same rule as giving it. */
  remove: authorizedMutation(AtVersionInput, (input, context) =>
    storedGrant(input.id, input.version, context, async (grant, targetOrg) => {
      await refuseOwn(context, grant, { kind: "remove" });
      return assignment(grant.subject, targetOrg, grant.scope, whatOf(grant), true);
    }),
  ).mutation(async ({ ctx, input }) => {
    const { value } = await ctx
      .write({
        org: ctx.actor.org,
        action: "grant.remove",
        target: { kind: "grant", id: input.id },
        run: Grants.use((grants) => grants.remove(input.id, input.version)),
      })
      .catch(staleWrite);
    return { removed: view(value) };
  }),
});
