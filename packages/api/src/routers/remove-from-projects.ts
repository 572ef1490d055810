// Remove from all projects (seed 004): every grant a person holds in the Experimentation projects of one instance,
// project by project as removing access there is asked of the engine; what was removed and what was refused, by name.
import { Id } from "@gatehouse/contracts";
import type { Engine, Scope } from "@gatehouse/domain";
import { type GrantRecord, Instances, Projects, Users } from "@gatehouse/store";
import { Effect, Option, Schema } from "effect";
import { type Ask, authorizedMutation, type UserActor } from "../authorize.ts";
import { reasonWords } from "../names/reason-words.ts";
import { badRequest, forbidden, notFound } from "../refusals.ts";
import { grantAsks } from "./invitation-rights.ts";
import { removeAll, userGrants } from "./user-grants.ts";

// Rules: docs/decisions.md#web-experimentation (collaborators).

const PRODUCT = "experimentation";
const REMOVE_ACCESS = "admin-center:user.remove-access";

export const RemoveFromProjectsInput = Schema.Struct({ org: Id, instance: Id, userId: Id });
type Input = typeof RemoveFromProjectsInput.Type;

/** The instance of `org` (another organization's, or a made-up one, is refused alike), then the user and its grants. */
const placeAndGrants = async (store: Parameters<typeof userGrants>[0], input: Input) => {
  const instance = await store.run(Effect.option(Instances.use((i) => i.get(input.instance))));
  if (Option.isNone(instance) || instance.value.org !== input.org || instance.value.product !== PRODUCT)
    throw badRequest(`instance: no Experimentation instance "${input.instance}" in this organization`);
  const user = await store.run(Users.use((users) => users.get(input.userId)));
  const grants = (await userGrants(store, input.userId)).filter(
    (g) => g.scope.org === input.org && g.scope.instance === input.instance && g.scope.project !== undefined,
  );
  if (user.org !== input.org && grants.length === 0) throw notFound("user", input.userId);
  return { instance: instance.value, user, grants };
};

/** The engine's refusal of one question, in its words; undefined when allowed. */
const refusalOf = (engine: Engine, actor: UserActor, question: Ask): string | undefined => {
  if ("check" in question) {
    const { action, resource } = question.check;
    return engine.allows(actor.id, action, resource)
      ? undefined
      : engine.explain(actor.id, action, resource).reason;
  }
  if (!("assign" in question)) return undefined;
  const answer = engine.assign(actor.id, question.assign);
  return answer.decision === "allow" ? undefined : answer.reason;
};

const byProject = (grants: ReadonlyArray<GrantRecord>) => {
  const groups = new Map<string, GrantRecord[]>();
  for (const grant of grants) {
    const project = grant.scope.project ?? "";
    groups.set(project, [...(groups.get(project) ?? []), grant]);
  }
  return groups;
};

export const removeFromProjectsProcedure = authorizedMutation(
  RemoveFromProjectsInput,
  (input, { store }) => ({
    orgs: [input.org],
    ask: async () => {
      await placeAndGrants(store, input);
      // Whoever removes access nowhere in the organization is refused outright; each project is asked in the handler.
      return { somewhere: { action: REMOVE_ACCESS, org: input.org } };
    },
  }),
).mutation(async ({ ctx, input }) => {
  const { user, grants } = await placeAndGrants(ctx.store, input);
  if (grants.length === 0)
    throw badRequest(`userId: ${user.name} holds no role in a project of this instance; nothing to remove`);
  const projects = await ctx.store.run(Projects.use((p) => p.list({ org: input.org })));
  const nameOf = (id: string) => projects.find((p) => p.id === id)?.name ?? id;
  const words = await reasonWords(
    ctx.store,
    ctx.actor.id,
    grants.map((g) => g.scope),
  );
  const removable: GrantRecord[] = [];
  const refused: Array<{ project: { id: string; name: string }; reason: string }> = [];
  const removed: Array<{ project: { id: string; name: string }; roles: ReadonlyArray<string> }> = [];
  for (const [project, held] of byProject(grants)) {
    const scope: Scope = { org: input.org, product: PRODUCT, instance: input.instance, project };
    const questions: ReadonlyArray<Ask> = [
      { check: { action: REMOVE_ACCESS, resource: scope } },
      ...grantAsks(held, user),
    ];
    const reason = questions.map((q) => refusalOf(ctx.engine, ctx.actor, q)).find((r) => r !== undefined);
    const named = { id: project, name: nameOf(project) };
    if (reason !== undefined) refused.push({ project: named, reason: words(reason) });
    else {
      removable.push(...held);
      const roles = held.map((g) =>
        g.role === null ? (g.permission ?? "") : (ctx.engine.roleName(g.role) ?? g.role),
      );
      removed.push({ project: named, roles });
    }
  }
  if (removable.length === 0)
    throw forbidden(`Removed nothing: ${refused.map((r) => `${r.project.name}: ${r.reason}`).join("; ")}`);
  await ctx.write({
    org: input.org,
    action: "user.remove-access",
    target: { kind: "user", id: user.id },
    run: removeAll(removable),
  });
  const byName = (a: { project: { name: string } }, b: { project: { name: string } }) =>
    a.project.name.localeCompare(b.project.name);
  return {
    user: { id: user.id, name: user.name, email: user.email },
    removed: removed.sort(byName),
    refused: refused.sort(byName),
  };
});
