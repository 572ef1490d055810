// Audiences of a Feature project: list with where each is used, create, rename, archive, and attach or detach one
// to a flag's ruleset in an environment; the audience role (domain) decides edit and archive, the ruleset attaches.
import { Id, Key, Name, Version } from "@gatehouse/contracts";
import { type Allows, type AudienceUse, hiddenUse, type Resource, seesFlag } from "@gatehouse/domain";
import {
  type AudienceRecord,
  Audiences,
  audienceResource,
  type EnvironmentRecord,
  Environments,
  type FlagRecord,
  Flags,
  flagResource,
  newId,
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

/**
 * Whether the reader (`allows`: its own question; an API key's is always yes) sees a flag of the place's project
 * at all (flag-none hides it: domain seesFlag), asked once per flag.
 */
const seerOf = (place: Place, allows: Allows): ((flag: FlagRecord) => boolean) => {
  const seen = new Map(place.flags.map((f) => [f.id, seesFlag(allows, flagResource(place.project, f))]));
  return (flag) => seen.get(flag.id) ?? false;
};

/**
 * The audience's resource as the reader may read it: the uses of a flag it does not see keep the flag's id for the
 * decision (its flag-none still lowers the audience role) but are unnamed (`hiddenUse`), so no refusal names them.
 */
const resourceFor = (
  place: Place,
  audience: AudienceRecord,
  sees: (flag: FlagRecord) => boolean,
): Resource => {
  const resource = audienceResource(place.project, audience, place.flags, place.environments);
  const hidden = new Set(place.flags.filter((f) => !sees(f)).map((f) => f.id));
  if (hidden.size === 0) return resource;
  const usedBy = (resource.attrs?.usedBy ?? []).map((use) => (hidden.has(use.flag) ? hiddenUse(use) : use));
  return { ...resource, attrs: { ...resource.attrs, usedBy } };
};

/** A resource as returned to the reader: the uses of flags it does not see left out (no id of theirs is told). */
const shownResource = (resource: Resource): Resource => {
  const usedBy = resource.attrs?.usedBy;
  if (usedBy === undefined || !usedBy.some((use: AudienceUse) => use.hidden === true)) return resource;
  return { ...resource, attrs: { ...resource.attrs, usedBy: usedBy.filter((use) => use.hidden !== true) } };
};

/** The audience's uses by name; a use of a flag `sees` says the reader may not view is named as hidden. */
const usesOf = (place: Place, audience: AudienceRecord, sees: (flag: FlagRecord) => boolean) =>
  audience.uses.flatMap((use) => {
    const flag = place.flags.find((f) => f.id === use.flag);
    const environment = place.environments.find((e) => e.id === use.environment);
    if (flag === undefined || environment === undefined) return [];
    const visible = sees(flag);
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

/**
 * The stored audience `id`, declared: its project's organization is the boundary; inside it, `questions` with
 * whether the actor sees each flag of the project.
 */
const audienceOf = async (
  { store, engine, actor }: AskContext,
  id: string,
  version: number,
  questions: (
    audience: AudienceRecord,
    place: Place,
    sees: (flag: FlagRecord) => boolean,
  ) => Promise<Change> | Change,
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
      const place = await placeOf({ store }, project);
      return questions(
        audience,
        place,
        seerOf(place, (action, resource) => engine.allows(actor.id, action, resource)),
      );
    },
  };
};

/** A question about the audience itself (edit, archive), on its resource with the stored uses. */
const askAboutAudience =
  (action: string) => (input: { readonly id: string; readonly version: number }, context: AskContext) =>
    audienceOf(context, input.id, input.version, (audience, place, sees) => {
      if (audience.archived) throw badRequest(`id: the audience "${audience.name}" is archived`);
      return { check: { action, resource: resourceFor(place, audience, sees) } };
    });

/**
 * Attaching or detaching changes the flag's ruleset in the environment: `experiment.audiences.edit` there. A flag
 * the actor does not see is NOT_FOUND as a made-up one.
 */
const askAboutRuleset = (input: typeof UseInput.Type, context: AskContext) =>
  audienceOf(context, input.id, input.version, (audience, place, sees) => {
    const flag = place.flags.find((f) => f.id === input.flag);
    if (flag === undefined || !sees(flag)) throw notFound("flag", input.flag);
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
      const sees = seerOf(place, ctx.may);
      return rows.map((audience) => ({
        ...view(audience),
        uses: usesOf(place, audience, sees),
        resource: shownResource(resourceFor(place, audience, sees)),
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
          refusal: `You may not view the users of ${declared.value.name} (needs ${USER_VIEW})`,
        },
      ],
    };
  }).query(async ({ ctx, input }) => {
    const project = ctx.declared;
    const subject = input.subject ?? ctx.actor.id;
    const place = await placeOf(ctx, project);
    const rows = await ctx.store.run(Audiences.use((a) => a.list(project.id)));
    // The reader's own sight decides what is named: a flag it does not see is the use's unnamed flag.
    const sees = seerOf(place, ctx.may);
    return rows.map((audience) => {
      const answer = ctx.engine.audienceRole(subject, resourceFor(place, audience, sees));
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
            : { flagName: sees(flag) ? flag.name : null, environmentName: environment.name },
      };
    });
  }),

  /** A new audience of a Feature project (used by no flag yet). */
  create: authorizedMutation(CreateInput, askInFeatureProject("experimentation:audience.create")).mutation(
    async ({ ctx, input }) => {
      const id = newId("aud");
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
