// Experimentation projects of an instance and their environments: list for members of the organization; create
// (a Feature project gets production and development), rename and remove through authorizedMutation, audited.
import { AtVersionInput, Id, Name, RenameInput } from "@gatehouse/contracts";
import {
  managesEntityRoles,
  PROJECT_CREATE,
  projectCreationPlace,
  projectCreatorGrant,
} from "@gatehouse/domain";
import {
  Environments,
  environmentResource,
  Grants,
  Instances,
  newId,
  type ProjectRecord,
  Projects,
  projectResource,
} from "@gatehouse/store";
import { Effect, Schema } from "effect";
import {
  type AskContext,
  authorizedMutation,
  authorizedQuery,
  type DeclaredChange,
  type QueryContext,
} from "../authorize.ts";
import { badRequest, conflict, missing } from "../refusals.ts";
import { router } from "../trpc.ts";
import { collaboratingProcedure } from "./collaborating.ts";
import { environmentView } from "./environments.ts";

// Rules: docs/decisions.md#feature-experimentation (projects).

const ListInput = Schema.Struct({ org: Id, instance: Id });
const CreateInput = Schema.Struct({
  org: Id,
  instance: Id,
  name: Name,
  platform: Schema.Literals(["web", "feature"]),
});
const EnvironmentsInput = Schema.Struct({ project: Id });

const view = (p: ProjectRecord) => ({
  id: p.id,
  org: p.org,
  instance: p.instance,
  name: p.name,
  platform: p.platform,
  version: p.version,
  /** The project as the engine is asked about it (the apps' guards and access matrix ask the same). */
  resource: projectResource(p),
});

/** An Experimentation instance as the engine is asked about it. */
const instanceOf = (org: string, instance: string) => ({ org, product: "experimentation", instance });

const createIn = (org: string, instance: string) => ({
  check: { action: PROJECT_CREATE, resource: instanceOf(org, instance) },
});

/**
 * The stored project `id`, declared: its organization is the boundary; once inside it, the version read
 * (CONFLICT otherwise) and the question of who may create projects at its instance.
 */
const projectAt = async ({ store }: AskContext, id: string, version: number): Promise<DeclaredChange> => {
  const project = await store.run(Projects.use((p) => p.get(id)));
  return {
    orgs: [project.org],
    missing: missing("project", id),
    ask: () => {
      if (project.version !== version)
        throw conflict(
          `The project "${project.name}" was changed since version ${version} was read (it is at version ${project.version}); reload it and try again`,
        );
      return createIn(project.org, project.instance);
    },
  };
};

/** Declares the stored project `id`: its organization is the boundary; another's answers like a missing one. */
export const declareProject = async (id: string, { store }: Pick<QueryContext, "store">) => {
  const project = await store.run(Projects.use((p) => p.get(id)));
  return { orgs: [project.org], missing: missing("project", id), value: project };
};

export const projectsRouter = router({
  /** The projects of one instance of the organization, each with its instance's name (what lists and crumbs show). */
  list: authorizedQuery(ListInput, (input) => ({ orgs: [input.org] })).query(async ({ ctx, input }) => {
    const rows = await ctx.store.run(
      Projects.use((p) => p.list({ org: input.org, instance: input.instance })),
    );
    const [first] = rows;
    if (first === undefined) return [];
    const instance = await ctx.store.run(Instances.use((i) => i.get(first.instance)));
    return rows.map((row) => ({ ...view(row), instanceName: instance.name }));
  }),

  /** The Feature projects the signed-in collaborator may view, and which of them it manages. */
  collaborating: collaboratingProcedure,

  /**
   * The environments of a project (primary first), each with whether the actor gives, changes and removes its
   * environment roles (environments.roles, the "Manage roles" entry).
   */
  environments: router({
    list: authorizedQuery(EnvironmentsInput, (input, context) =>
      declareProject(input.project, context),
    ).query(async ({ ctx }) => {
      const project = ctx.declared;
      const rows = await ctx.store.run(Environments.use((e) => e.list(project.id)));
      return rows.map((e) => ({
        ...environmentView(e),
        managesRoles: managesEntityRoles(ctx.may, "environment", environmentResource(project, e)),
      }));
    }),
  }),

  /**
   * A new project; a Feature project starts with production (primary) and development. Asked at the instance, or
   * at a project of the same platform the creator owns there (rules/project-creator.ts); such a creator is made the
   * new project's owner in the same audited write.
   */
  create: authorizedMutation(CreateInput, (input, { actor, store, engine }) => ({
    orgs: [input.org],
    // Inside the organization, the instance: another organization's is NOT_FOUND like a made-up one.
    ask: async (): Promise<DeclaredChange> => {
      const instance = await store.run(Instances.use((i) => i.get(input.instance)));
      return {
        orgs: [instance.org],
        missing: missing("instance", input.instance),
        ask: async () => {
          if (instance.product !== "experimentation")
            throw badRequest(`instance: "${input.instance}" is not an Experimentation instance`);
          const projects = await store.run(
            Projects.use((p) => p.list({ org: instance.org, instance: instance.id })),
          );
          const place = projectCreationPlace(
            (action, resource) => engine.allows(actor.id, action, resource),
            instanceOf(instance.org, instance.id),
            projects.map(projectResource),
            input.platform,
          );
          return { check: { action: PROJECT_CREATE, resource: place } };
        },
      };
    },
  })).mutation(async ({ ctx, input }) => {
    const id = newId("prj");
    const creator = ctx.actor.id;
    const scope = { org: input.org, product: "experimentation", instance: input.instance, project: id };
    // Where creation was asked (the instance, or a project the creator owns), and the creator's grants counting there.
    const asked = ctx.asked.find((q) => "check" in q && q.check.action === PROJECT_CREATE);
    const place =
      asked !== undefined && "check" in asked ? asked.check.resource : instanceOf(input.org, input.instance);
    const counting = ctx.engine
      .explain(creator, PROJECT_CREATE, place)
      .considered.filter((c) => c.status === "counts")
      .map((c) => ({ role: c.grant.role, expiresAt: c.grant.expiresAt }));
    const owner = projectCreatorGrant(
      (action, resource) => ctx.engine.allows(creator, action, resource),
      instanceOf(input.org, input.instance),
      scope,
      counting,
    );
    const { value } = await ctx.write({
      org: input.org,
      action: "project.create",
      target: { kind: "project", id },
      run: Effect.gen(function* () {
        const project = yield* (yield* Projects).create({
          id,
          org: input.org,
          instance: input.instance,
          name: input.name,
          platform: input.platform,
        });
        if (owner === undefined) return project;
        const given = yield* (yield* Grants).create({
          subject: { kind: "user", id: creator },
          role: owner.role,
          scope: owner.scope,
          expiresAt: owner.expiresAt === undefined ? undefined : new Date(owner.expiresAt),
          grantedBy: creator,
        });
        return { ...project, changes: [...project.changes, ...given.changes] };
      }),
    });
    return view(value);
  }),

  /** Renames a project, given the version read. */
  rename: authorizedMutation(RenameInput, (input, context) =>
    projectAt(context, input.id, input.version),
  ).mutation(async ({ ctx, input }) => {
    const { value } = await ctx.write({
      org: ctx.actor.org,
      action: "project.rename",
      target: { kind: "project", id: input.id },
      run: Projects.use((p) => p.rename(input.id, input.version, input.name)),
    });
    return view(value);
  }),

  /** Removes a project with everything below it, given the version read. */
  remove: authorizedMutation(AtVersionInput, (input, context) =>
    projectAt(context, input.id, input.version),
  ).mutation(async ({ ctx, input }) => {
    const { value } = await ctx.write({
      org: ctx.actor.org,
      action: "project.remove",
      target: { kind: "project", id: input.id },
      run: Projects.use((p) => p.remove(input.id, input.version)),
    });
    return view(value);
  }),
});
