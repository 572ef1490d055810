// Environments of a Feature Experimentation project: create, update (name, key, production, primary), remove
// (each asked of the engine on stored rows, and audited) and roles (who holds its roles: entity-roles.ts).
import { AtVersionInput, Id, Key, Name, Version } from "@gatehouse/contracts";
import {
  type EnvironmentRecord,
  Environments,
  environmentResource,
  newId,
  type ProjectRecord,
  Projects,
} from "@gatehouse/store";
import { Schema } from "effect";
import { type AskContext, authorizedMutation, type DeclaredChange } from "../authorize.ts";
import { badRequest, conflict, missing } from "../refusals.ts";
import { router } from "../trpc.ts";
import { environmentRolesProcedure } from "./entity-roles.ts";
import { askInFeatureProject } from "./feature-project.ts";

// Rules: docs/decisions.md#feature-experimentation (environments). Listing stays `projects.environments.list`.

const CreateInput = Schema.Struct({
  project: Id,
  key: Key,
  name: Name,
  production: Schema.optionalKey(Schema.Boolean),
});
const UpdateInput = Schema.Struct({
  id: Id,
  version: Version,
  name: Schema.optionalKey(Name),
  key: Schema.optionalKey(Key),
  production: Schema.optionalKey(Schema.Boolean),
  primary: Schema.optionalKey(Schema.Literal(true)),
});

export const environmentView = (e: EnvironmentRecord) => ({
  id: e.id,
  project: e.project,
  key: e.key,
  name: e.name,
  production: e.production,
  primary: e.primary,
  archived: e.archived,
  version: e.version,
});

/** The question for an action on a stored environment. */
const onEnvironment = (action: string, environment: EnvironmentRecord, project: ProjectRecord) => ({
  check: { action, resource: environmentResource(project, environment) },
});

/**
 * The stored environment `id`, declared: its project's organization is the boundary; once inside it, the version
 * read (CONFLICT otherwise) and `action` on the environment.
 */
const environmentAt = async (
  { store }: AskContext,
  id: string,
  version: number,
  action: string,
): Promise<DeclaredChange> => {
  const environment = await store.run(Environments.use((e) => e.get(id)));
  const project = await store.run(Projects.use((p) => p.get(environment.project)));
  return {
    orgs: [project.org],
    missing: missing("environment", id),
    ask: () => {
      if (environment.version !== version)
        throw conflict(
          `The environment "${environment.name}" was changed since version ${version} was read (it is at version ${environment.version}); reload it and try again`,
        );
      return onEnvironment(action, environment, project);
    },
  };
};

const org = (context: { readonly actor: { readonly org: string } }) => context.actor.org;

export const environmentsRouter = router({
  /** Who holds the environment's roles, for whoever manages them (entity-roles.ts). */
  roles: environmentRolesProcedure,

  /** A new environment of a Feature project (not primary; `production` defaults to false). */
  create: authorizedMutation(CreateInput, askInFeatureProject("experimentation:environment.create")).mutation(
    async ({ ctx, input }) => {
      const id = newId("env");
      const { value } = await ctx.write({
        org: org(ctx),
        action: "environment.create",
        target: { kind: "environment", id },
        run: Environments.use((e) =>
          e.create({
            id,
            project: input.project,
            key: input.key,
            name: input.name,
            production: input.production ?? false,
          }),
        ),
      });
      return environmentView(value);
    },
  ),

  /** Renames, re-keys, marks or unmarks production, or makes the environment primary. */
  update: authorizedMutation(UpdateInput, async (input, context) => {
    if ([input.name, input.key, input.production, input.primary].every((field) => field === undefined))
      throw badRequest("name, key, production or primary: nothing to change");
    return environmentAt(context, input.id, input.version, "experimentation:environment.edit");
  }).mutation(async ({ ctx, input }) => {
    const { id, version, ...patch } = input;
    const { value } = await ctx.write({
      org: org(ctx),
      action: "environment.update",
      target: { kind: "environment", id },
      run: Environments.use((e) => e.update(id, version, patch)),
    });
    return environmentView(value);
  }),

  /** Removes a non-primary environment with its flag states and the grants on it. */
  remove: authorizedMutation(AtVersionInput, (input, context) =>
    environmentAt(context, input.id, input.version, "experimentation:environment.archive"),
  ).mutation(async ({ ctx, input }) => {
    const { value } = await ctx.write({
      org: org(ctx),
      action: "environment.remove",
      target: { kind: "environment", id: input.id },
      run: Environments.use((e) => e.remove(input.id, input.version)),
    });
    return environmentView(value);
  }),
});
