// Audiences of a Feature project: list with where each is used, create, rename, archive, and attach or detach one
// to a flag's ruleset in an environment; the audience role (domain) decides edit and archive, the ruleset attaches.
import { randomUUID } from "node:crypto";
import { Id, Key, Name, Version } from "@gatehouse/contracts";
import {
  type AudienceRecord,
  Audiences,
  audienceResource,
  type EnvironmentRecord,
  Environments,
  type FlagRecord,
  Flags,
  flagResource,
  type ProjectRecord,
  Projects,
} from "@gatehouse/store";
import { Effect, Schema } from "effect";
import {
  type AskContext,
  authorizedMutation,
  authorizedQuery,
  type Change,
  type DeclaredChange,
  type QueryContext,
} from "../authorize.ts";
import { badRequest, conflict, missing, notFound } from "../refusals.ts";
import { router } from "../trpc.ts";
import { askInFeatureProject, projectScope } from "./feature-project.ts";
import { declareProject } from "./projects.ts";

// Rules: docs/decisions.md#audience-roles (the audience role; which question each procedure asks).

const ListInput = Schema.Struct({ project: Id });
const RolesInput = Schema.Struct({ project: Id, subject: Schema.optionalKey(Id) });
const CreateInput = Schema.Struct({ project: Id, key: Key, name: Name });
const RenameInput = Schema.Struct({ id: Id, version: Version, name: Name });
const ArchiveInput = Schema.Struct({ id: Id, version: Version });
const UseInput = Schema.Struct({ id: Id, version: Version, flag: Id, environment: Id });

const FLAG_VIEW = "experimentation:flag.view";
const USER_VIEW = "admin-center:user.view";
const AUDIENCES_EDIT = "experimentation:experiment.audiences.edit";

/** What a project's audiences are read with: its flags and environments, for names and attributes. */
interface Place {
  readonly project: ProjectRecord;
  readonly flags: ReadonlyArray<FlagRecord>;
  readonly environments: ReadonlyArray<EnvironmentRecord>;
}

const placeOf = (context: Pick<QueryContext, "store">, project: ProjectRecord): Promise<Place> =>
  context.store.run(
    Effect.map(
      Effect.all([Flags.use((f) => f.list(project.id)), Environments.use((e) => e.list(project.id))]),
      ([flags, environments]) => ({ project, flags, environments }),
    ),
  );

/** The audience's uses by name; a use of a flag `sees` says the reader may not view is named as hidden. */
const usesOf = (
  place: Place,
  audience: AudienceRecord,
  sees: (flag: FlagRecord, env: EnvironmentRecord) => boolean,
) =>
  audience.uses.flatMap((use) => {
    const flag = place.flags.find((f) => f.id === use.flag);
    const environment = place.environments.find((e) => e.id === use.environment);
    if (flag === undefined || environment === undefined) return [];
    const visible = sees(flag, environment);
    return [
      {
        flag: visible ? flag.id : null,
        flagName: visible ? flag.name : null,
        flagStatus: visible ? flag.status : null,
        environment: environment.id,
        environmentName: environment.name,
        production: environment.production,
      },
    ];
  });

/** The stored audience `id`, declared: its project's organization is the boundary; inside it, `questions`. */
const audienceOf = async (
  { store }: AskContext,
  id: string,
  version: number,
  questions: (audience: AudienceRecord, place: Place) => Promise<Change> | Change,
): Promise<DeclaredChange> => {
  const audience = await store.run(Audiences.use((a) => a.get(id)));
  const project = await store.run(Projects.use((p) => p.get(audience.project)));
  return {
    orgs: [project.org],
    missing: missing("audience", id),
    ask: async () => {
      if (audience.version !== version)
        throw conflict(
          `The audience "${audience.name}" was changed since version ${version} was read (it is at version ${audience.version}); reload it and try again`,
        );
      return questions(audience, await placeOf({ store }, project));
    },
  };
};

/** A question about the audience itself (edit, archive), on its resource with the stored uses. */
const askAboutAudience =
  (action: string) => (input: { readonly id: string; readonly version: number }, context: AskContext) =>
    audienceOf(context, input.id, input.version, (audience, place) => {
      if (audience.archived) throw badRequest(`id: the audience "${audience.name}" is archived`);
      return {
        check: {
          action,
          resource: audienceResource(place.project, audience, place.flags, place.environments),
        },
      };
    });

/** Attaching or detaching changes the flag's ruleset in the environment: `experiment.audiences.edit` there. */
const askAboutRuleset = (input: typeof UseInput.Type, context: AskContext) =>
  audienceOf(context, input.id, input.version, (audience, place) => {
    const flag = place.flags.find((f) => f.id === input.flag);
    if (flag === undefined) throw notFound("flag", input.flag);
    const environment = place.environments.find((e) => e.id === input.environment);
    if (environment === undefined) throw notFound("environment", input.environment);
    if (audience.archived) throw badRequest(`id: the audience "${audience.name}" is archived`);
    return { check: { action: AUDIENCES_EDIT, resource: flagResource(place.project, flag, environment) } };
  });

const view = (audience: AudienceRecord) => ({
  id: audience.id,
  project: audience.project,
  key: audience.key,
  name: audience.name,
  archived: audience.archived,
  version: audience.version,
});

const org = (context: { readonly actor: { readonly org: string } }) => context.actor.org;

const setUse = (used: boolean) =>
  authorizedMutation(UseInput, askAboutRuleset).mutation(async ({ ctx, input }) => {
    const { value } = await ctx.write({
      org: org(ctx),
      action: used ? "audience.use.add" : "audience.use.remove",
      target: { kind: "audience", id: input.id },
      run: Audiences.use((a) =>
        a.setUse(input.id, input.version, { flag: input.flag, environment: input.environment }, used),
      ),
    });
    return view(value);
  });

export const audiencesRouter = router({
  /**
   * The project's audiences, each with where it is used (a flag the reader may not view is named as hidden) and
   * its resource as the engine reads it (for the apps' explanations).
   */
  list: authorizedQuery(ListInput, (input, context) => declareProject(input.project, context)).query(
    async ({ ctx }) => {
      const project = ctx.declared;
      const place = await placeOf(ctx, project);
      const rows = await ctx.store.run(Audiences.use((a) => a.list(project.id)));
      const managesAll = ctx.may(USER_VIEW, projectScope(project));
      const sees = (flag: FlagRecord, environment: EnvironmentRecord) =>
        managesAll || ctx.may(FLAG_VIEW, flagResource(project, flag, environment));
      return rows.map((audience) => ({
        ...view(audience),
        uses: usesOf(place, audience, sees),
        resource: audienceResource(project, audience, place.flags, place.environments),
      }));
    },
  ),

  /**
   * A collaborator's audience role on each of the project's audiences (the actor's own by default), with the role
   * and the use (flag, environment) that decided it: another person's needs viewing the project's users.
   */
  roles: authorizedQuery(RolesInput, async (input, context) => {
    const declared = await declareProject(input.project, context);
    if (input.subject === undefined && context.actor.kind !== "user")
      throw badRequest(
        `subject: required for ${context.actor.kind === "api-key" ? "an API key" : "the operator"}`,
      );
    const subject = input.subject ?? context.actor.id;
    if (context.actor.kind !== "user" || subject === context.actor.id) return { ...declared, subject };
    const scope = projectScope(declared.value);
    return {
      ...declared,
      subject,
      ask: [
        {
          check: { action: USER_VIEW, resource: scope },
          refusal: `${context.actor.id} may not view the users of ${declared.value.name} (needs ${USER_VIEW})`,
        },
      ],
    };
  }).query(async ({ ctx, input }) => {
    const project = ctx.declared;
    const subject = input.subject ?? ctx.actor.id;
    const place = await placeOf(ctx, project);
    const rows = await ctx.store.run(Audiences.use((a) => a.list(project.id)));
    return rows.map((audience) => {
      const answer = ctx.engine.audienceRole(
        subject,
        audienceResource(project, audience, place.flags, place.environments),
      );
      const use = answer.use;
      const flag = use === undefined ? undefined : place.flags.find((f) => f.id === use.flag);
      const environment =
        use === undefined ? undefined : place.environments.find((e) => e.id === use.environment);
      return {
        ...view(audience),
        role: answer.role,
        roleLabel: answer.label,
        decidedBy: answer.decidedBy?.roleName ?? null,
        use:
          flag === undefined || environment === undefined
            ? null
            : { flagName: flag.name, environmentName: environment.name },
      };
    });
  }),

  /** A new audience of a Feature project (used by no flag yet). */
  create: authorizedMutation(CreateInput, askInFeatureProject("experimentation:audience.create")).mutation(
    async ({ ctx, input }) => {
      const id = `aud_${randomUUID().replaceAll("-", "")}`;
      const { value } = await ctx.write({
        org: org(ctx),
        action: "audience.create",
        target: { kind: "audience", id },
        run: Audiences.use((a) => a.create({ id, project: input.project, key: input.key, name: input.name })),
      });
      return view(value);
    },
  ),

  /** Renames the audience, given the version read: `audience.edit` by the audience role. */
  rename: authorizedMutation(RenameInput, askAboutAudience("experimentation:audience.edit")).mutation(
    async ({ ctx, input }) => {
      const { value } = await ctx.write({
        org: org(ctx),
        action: "audience.edit",
        target: { kind: "audience", id: input.id },
        run: Audiences.use((a) => a.rename(input.id, input.version, input.name)),
      });
      return view(value);
    },
  ),

  /** Archives the audience, given the version read: `audience.archive` by the audience role. */
  archive: authorizedMutation(ArchiveInput, askAboutAudience("experimentation:audience.archive")).mutation(
    async ({ ctx, input }) => {
      const { value } = await ctx.write({
        org: org(ctx),
        action: "audience.archive",
        target: { kind: "audience", id: input.id },
        run: Audiences.use((a) => a.archive(input.id, input.version)),
      });
      return view(value);
    },
  ),

  /** The flag's ruleset in the environment uses the audience: `experiment.audiences.edit` there. */
  attach: setUse(true),
  /** The flag's ruleset in the environment no longer uses the audience: `experiment.audiences.edit` there. */
  detach: setUse(false),
});
