// Remove from all projects (seed 004): every grant a person holds in the Experimentation projects of one instance,
// project by project as removing access there is asked of the engine; what was removed and what was refused, by name.
import { Id } from "@gatehouse/contracts";
import type { Engine, Scope } from "@gatehouse/domain";
import { type GrantRecord, Instances, Projects, type UserRecord, Users } from "@gatehouse/store";
import { Effect, Option, Schema } from "effect";
import { type Ask, type AskContext, authorizedMutation, type Store } from "../authorize.ts";
import { reasonWords } from "../names/reason-words.ts";
import { badRequest, conflict, forbidden, notFound } from "../refusals.ts";
import { grantAsks } from "./invitation-rights.ts";
import { removeAll, userGrants } from "./user-grants.ts";

// Rules: docs/decisions.md#web-experimentation (collaborators).

const PRODUCT = "experimentation";
const REMOVE_ACCESS = "admin-center:user.remove-access";

export const RemoveFromProjectsInput = Schema.Struct({ org: Id, instance: Id, userId: Id });
type Input = typeof RemoveFromProjectsInput.Type;

interface Project {
  readonly id: string;
  readonly name: string;
}

/** One project's part of the removal: the person's grants there and the engine's refusal of removing them, if any. */
interface Part {
  readonly project: Project;
  readonly grants: ReadonlyArray<GrantRecord>;
  readonly questions: ReadonlyArray<Ask>;
  readonly refusal: string | undefined;
}

/** The instance of `org` (another organization's, or a made-up one, is refused alike), then the user and its grants. */
const placeAndGrants = async (store: Store, input: Input) => {
  const instance = await store.run(Effect.option(Instances.use((i) => i.get(input.instance))));
  if (Option.isNone(instance) || instance.value.org !== input.org || instance.value.product !== PRODUCT)
    throw badRequest(`instance: no Experimentation instance "${input.instance}" in this organization`);
  const user = await store.run(Users.use((users) => users.get(input.userId)));
  const grants = (await userGrants(store, input.userId)).filter(
    (g) => g.scope.org === input.org && g.scope.instance === input.instance && g.scope.project !== undefined,
  );
  if (user.org !== input.org && grants.length === 0) throw notFound("user", input.userId);
  return { user, grants };
};

/** The engine's refusal of one question, in its words; undefined when allowed. */
const refusalOf = (engine: Engine, actor: string, question: Ask): string | undefined => {
  if ("check" in question) {
    const { action, resource } = question.check;
    return engine.allows(actor, action, resource)
      ? undefined
      : engine.explain(actor, action, resource).reason;
  }
  if (!("assign" in question)) return undefined;
  const answer = engine.assign(actor, question.assign);
  return answer.decision === "allow" ? undefined : answer.reason;
};

/** The removal project by project, each asked as Remove access asks it there; sorted by project name. */
const partsOf = async (
  { actor, store, engine }: AskContext,
  input: Input,
  user: UserRecord,
  grants: ReadonlyArray<GrantRecord>,
): Promise<ReadonlyArray<Part>> => {
  const projects = await store.run(Projects.use((p) => p.list({ org: input.org })));
  const words = await reasonWords(
    store,
    actor.id,
    grants.map((g) => g.scope),
  );
  const byProject = new Map<string, GrantRecord[]>();
  for (const grant of grants) {
    const project = grant.scope.project ?? "";
    byProject.set(project, [...(byProject.get(project) ?? []), grant]);
  }
  return [...byProject]
    .map(([id, held]) => {
      const scope: Scope = { org: input.org, product: PRODUCT, instance: input.instance, project: id };
      const questions = [
        { check: { action: REMOVE_ACCESS, resource: scope } },
        ...grantAsks(held, user, true),
      ];
      const refused = questions.map((q) => refusalOf(engine, actor.id, q)).find((r) => r !== undefined);
      const project = { id, name: projects.find((p) => p.id === id)?.name ?? id };
      return {
        project,
        grants: held,
        questions,
        refusal: refused === undefined ? undefined : words(refused),
      };
    })
    .sort((a, b) => a.project.name.localeCompare(b.project.name));
};

/** Removed nothing: the projects and why each was refused (FORBIDDEN), or nothing to remove (BAD_REQUEST). */
const refuseAll = (user: UserRecord, parts: ReadonlyArray<Part>) => {
  if (parts.length === 0)
    throw badRequest(`userId: ${user.name} holds no role in a project of this instance; nothing to remove`);
  throw forbidden(`Removed nothing: ${parts.map((p) => `${p.project.name}: ${p.refusal}`).join("; ")}`);
};

export const removeFromProjectsProcedure = authorizedMutation(RemoveFromProjectsInput, (input, context) => ({
  orgs: [input.org],
  ask: async () => {
    const { user, grants } = await placeAndGrants(context.store, input);
    const gate: Ask = { somewhere: { action: REMOVE_ACCESS, org: input.org } };
    // Whoever removes access nowhere in the organization is refused outright, before anything of the person is told.
    if (!context.engine.allowsSomewhere(context.actor.id, REMOVE_ACCESS, input.org)) return gate;
    const parts = await partsOf(context, input, user, grants);
    const allowed = parts.filter((p) => p.refusal === undefined);
    if (allowed.length === 0) refuseAll(user, parts);
    // The builder asks every question of the projects removed (and `may` answers as the call does).
    return [gate, ...allowed.flatMap((p) => p.questions)];
  },
})).mutation(async ({ ctx, input }) => {
  const { user, grants } = await placeAndGrants(ctx.store, input);
  const parts = await partsOf(ctx, input, user, grants);
  const removed = parts.filter((p) => p.refusal === undefined);
  if (removed.length === 0) refuseAll(user, parts);
  // A grant the declaration did not ask about (added since) is never removed unchecked.
  const asked = new Set(ctx.asked.flatMap((q) => ("assign" in q ? [JSON.stringify(q.assign)] : [])));
  const grantsAsked = removed.flatMap((p) => p.questions).filter((q) => "assign" in q);
  if (grantsAsked.some((q) => "assign" in q && !asked.has(JSON.stringify(q.assign))))
    throw conflict("the person's grants changed while they were being removed; read them again");
  await ctx.write({
    org: input.org,
    action: "user.remove-access",
    target: { kind: "user", id: user.id },
    run: removeAll(removed.flatMap((p) => p.grants)),
  });
  return {
    user: { id: user.id, name: user.name, email: user.email },
    removed: removed.map((p) => ({
      project: p.project,
      roles: p.grants.map((g) =>
        g.role === null ? (g.permission ?? "") : (ctx.engine.roleName(g.role) ?? g.role),
      ),
    })),
    refused: parts.flatMap((p) =>
      p.refusal === undefined ? [] : [{ project: p.project, reason: p.refusal }],
    ),
  };
});
