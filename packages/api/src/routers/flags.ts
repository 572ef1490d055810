// Feature flags of a project: list with status and per-environment state, create, setStatus, toggle and roles,
// each authorized through the builders of authorize.ts with resource attributes from the stored rows; writes audited.
import { Id, Key, Name, Version } from "@gatehouse/contracts";
import {
  FlagStatus,
  flagCreatorGrant,
  managesEntityRoles,
  type Resource,
  seesFlag,
  toggledState,
} from "@gatehouse/domain";
import {
  type EnvironmentRecord,
  Environments,
  type FlagRecord,
  Flags,
  flagResource,
  Grants,
  newId,
  type ProjectRecord,
  Projects,
  projectResource,
} from "@gatehouse/store";
import { Effect, Schema } from "effect";
import {
  type Ask,
  type AskContext,
  authorizedMutation,
  authorizedQuery,
  type Change,
  type DeclaredChange,
  type QueryContext,
} from "../authorize.ts";
import { conflict, missing, notFound } from "../refusals.ts";
import { router } from "../trpc.ts";
import { flagRolesProcedure } from "./entity-roles.ts";
import { askInFeatureProject, projectScope } from "./feature-project.ts";
import { declareProject } from "./projects.ts";

// Rules: docs/decisions.md#feature-experimentation (flag status, toggle). Resources come from stored rows
// (store/resources.ts); list sends each flag's resource per environment with `viewable` (flag.view there).

const ListInput = Schema.Struct({ project: Id });
const CreateInput = Schema.Struct({ project: Id, key: Key, name: Name });
const SetStatusInput = Schema.Struct({ id: Id, version: Version, status: FlagStatus });
const ToggleInput = Schema.Struct({ id: Id, environment: Id, enabled: Schema.Boolean });

const view = (f: FlagRecord) => ({
  id: f.id,
  project: f.project,
  key: f.key,
  name: f.name,
  status: f.status,
  archived: f.archived,
  states: f.states,
  version: f.version,
});

const FLAG_VIEW = "experimentation:flag.view";
const USER_VIEW = "admin-center:user.view";

/**
 * The stored flag `id`, declared: its project's organization is the boundary; once inside it, a flag the actor
 * does not see (flag-none) is NOT_FOUND as a made-up id, before anything about it is told; then `questions`.
 */
const flagOf = async (
  { store, engine, actor }: AskContext,
  id: string,
  questions: (flag: FlagRecord, project: ProjectRecord) => Promise<Change> | Change,
): Promise<DeclaredChange> => {
  const flag = await store.run(Flags.use((f) => f.get(id)));
  const project = await store.run(Projects.use((p) => p.get(flag.project)));
  return {
    orgs: [project.org],
    missing: missing("flag", id),
    ask: () => {
      const allows = (action: string, resource: Resource) => engine.allows(actor.id, action, resource);
      if (!seesFlag(allows, flagResource(project, flag))) throw notFound("flag", id);
      return questions(flag, project);
    },
  };
};

/** `experimentation:flag.toggle` for the flag in one environment. */
const toggleAsk = (project: ProjectRecord, environment: EnvironmentRecord, flag: FlagRecord): Ask => ({
  check: { action: "experimentation:flag.toggle", resource: flagResource(project, flag, environment) },
});

const org = (context: { readonly actor: { readonly org: string } }) => context.actor.org;

/** Reading a project's flags: the project's organization is the boundary. */
const inProject = (input: { readonly project: string }, context: QueryContext) =>
  declareProject(input.project, context);

export const flagsRouter = router({
  /** Who holds the flag's roles, for whoever manages them (entity-roles.ts). */
  roles: flagRolesProcedure,

  /**
   * The project's flags with status and per-environment on/off state, and the flag's resource in each environment
   * (built here from the stored rows, for the apps' guards and previews) with whether the actor may view it there.
   */
  list: authorizedQuery(ListInput, inProject).query(async ({ ctx }) => {
    const project = ctx.declared;
    const [rows, environments] = await ctx.store.run(
      Effect.all([Flags.use((f) => f.list(project.id)), Environments.use((e) => e.list(project.id))]),
    );
    // Whoever manages the project's collaborators (and so sets their flag roles) sees every flag everywhere.
    const managesAll = ctx.may(USER_VIEW, projectScope(project));
    return rows.flatMap((flag) => {
      const resources = environments.map((environment) => {
        const resource = flagResource(project, flag, environment);
        return { environment: environment.id, resource, viewable: ctx.may(FLAG_VIEW, resource) };
      });
      // Whether the actor gives, changes and removes the flag's roles (flags.roles, the "Manage roles" entry).
      const managesRoles = managesEntityRoles(ctx.may, "flag", flagResource(project, flag));
      if (managesAll) return [{ ...view(flag), resources, managesRoles }];
      // Anyone else sees a flag only in the environments where the engine lets it view the flag (flag-none hides
      // it there), and a flag hidden in every environment not at all.
      const shown = resources.filter((r) => r.viewable);
      if (shown.length === 0) return [];
      const visibleIn = new Set(shown.map((r) => r.environment));
      return [
        {
          ...view(flag),
          states: flag.states.filter((s) => visibleIn.has(s.environment)),
          resources: shown,
          managesRoles,
        },
      ];
    });
  }),

  /**
   * A new flag (draft) in a Feature project; its creator becomes its flag-admin (a grant at the flag's scope,
   * written with the flag in one audited change) unless its project role makes it one already.
   */
  create: authorizedMutation(CreateInput, askInFeatureProject("experimentation:flag.create")).mutation(
    async ({ ctx, input }) => {
      const id = newId("flg");
      const project = await ctx.store.run(Projects.use((p) => p.get(input.project)));
      const creator = ctx.actor.id;
      const grant = flagCreatorGrant((action, resource) => ctx.engine.allows(creator, action, resource), {
        ...projectResource(project),
        flag: id,
        attrs: { platform: project.platform, flagStatus: "draft" },
      });
      const { value } = await ctx.write({
        org: org(ctx),
        action: "flag.create",
        target: { kind: "flag", id },
        run: Effect.gen(function* () {
          const flag = yield* (yield* Flags).create({
            id,
            project: input.project,
            key: input.key,
            name: input.name,
          });
          if (grant === undefined) return flag;
          const given = yield* (yield* Grants).create({
            subject: { kind: "user", id: creator },
            ...grant,
            grantedBy: creator,
          });
          return { ...flag, changes: [...flag.changes, ...given.changes] };
        }),
      });
      return view(value);
    },
  ),

  /** Sets the flag's status, given the version read. */
  setStatus: authorizedMutation(SetStatusInput, (input, context) =>
    flagOf(context, input.id, async (flag, project) => {
      if (flag.version !== input.version)
        throw conflict(
          `The flag "${flag.name}" was changed since version ${input.version} was read (it is at version ${flag.version}); reload it and try again`,
        );
      const edit = [flag.status, input.status].map((status) => ({
        check: { action: "experimentation:flag.edit", resource: flagResource(project, { ...flag, status }) },
      }));
      if (flag.status === input.status || (flag.status !== "running" && input.status !== "running"))
        return edit;
      const environments = await context.store.run(Environments.use((e) => e.list(project.id)));
      return [
        ...edit,
        ...environments.map((environment) =>
          toggleAsk(project, environment, { ...flag, status: input.status }),
        ),
      ];
    }),
  ).mutation(async ({ ctx, input }) => {
    const { value } = await ctx.write({
      org: org(ctx),
      action: "flag.status.set",
      target: { kind: "flag", id: input.id },
      run: Flags.use((f) => f.setStatus(input.id, input.version, input.status)),
    });
    return view(value);
  }),

  /**
   * Turns the flag on or off in one environment of its project (rules/flag-launch.ts): turning it on publishes the
   * ruleset there. Its status is flags.setStatus's alone, which asks it of every environment.
   */
  toggle: authorizedMutation(ToggleInput, (input, context) =>
    flagOf(context, input.id, async (flag, project) => {
      const environment = await context.store.run(Environments.use((e) => e.get(input.environment)));
      if (environment.project !== project.id) throw notFound("environment", input.environment);
      return toggleAsk(project, environment, flag);
    }),
  ).mutation(async ({ ctx, input }) => {
    const { value } = await ctx.write({
      org: org(ctx),
      action: "flag.toggle",
      target: { kind: "flag", id: input.id },
      run: Effect.gen(function* () {
        const flags = yield* Flags;
        const current = yield* flags.get(input.id);
        const state = current.states.find((s) => s.environment === input.environment);
        return yield* flags.setState(input.id, {
          environment: input.environment,
          ...toggledState(state, input.enabled),
        });
      }),
    });
    return view(value);
  }),
});
