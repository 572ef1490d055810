// Who holds an environment's or a flag's roles, for whoever manages them (env-admin, flag-admin, and the project's
// owners and administrators): the holders by name with their expiry, the roles by name, and whom to give one to.
import { Id } from "@gatehouse/contracts";
import {
  entityRoles,
  inForce,
  manageEntityRoles,
  PROJECT_COLLABORATOR_ACTION,
  type Resource,
  type RoledEntity,
  type Scope,
  seesFlag,
} from "@gatehouse/domain";
import {
  Environments,
  environmentResource,
  Flags,
  flagResource,
  type GrantRecord,
  type GrantSubjectRef,
  Grants,
  Groups,
  type ProjectRecord,
  Projects,
  projectResource,
  Users,
} from "@gatehouse/store";
import { Effect, Schema } from "effect";
import { type Ask, type Authorized, authorizedQuery, type QueryContext } from "../authorize.ts";
import { reasonWords } from "../names/reason-words.ts";
import { forbidden, missing } from "../refusals.ts";
import { projectScope } from "./feature-project.ts";

// Rules: docs/decisions.md#entity-roles. The writes stay grants.create, update and remove.

const EntityInput = Schema.Struct({ id: Id });
const ONLY_USERS = "Only a signed-in user manages an environment's or a flag's roles";

/** What a declaration read: the entity, its project, the scope its roles are given at, and the reader. */
interface Entity {
  readonly reader: string;
  readonly kind: RoledEntity;
  readonly id: string;
  readonly name: string;
  readonly project: ProjectRecord;
  readonly scope: Scope;
}

/**
 * The reader, a signed-in user: the answer is what it may give (API keys and the operator give no roles), refused
 * before anything is read, so alike for every id.
 */
const readerOf = (actor: QueryContext["actor"]): string => {
  if (actor.kind !== "user") throw forbidden(ONLY_USERS);
  return actor.id;
};

/** The entity `kind` `id` of `project`, named `name`: its roles are given at the project's scope and it. */
const entityOf = (
  reader: string,
  kind: RoledEntity,
  id: string,
  name: string,
  project: ProjectRecord,
): Entity => ({
  reader,
  kind,
  id,
  name,
  project,
  scope: { ...projectScope(project), [kind]: id },
});

/** The engine question, refused as FORBIDDEN in the actor's organization (NOT_FOUND elsewhere). */
const manageAsk = (entity: Entity, resource: Resource): Ask => ({
  check: manageEntityRoles(entity.kind, resource),
});

/** The stored environment `id`: its project's organization is the boundary; then managing its roles. */
const declareEnvironment = async (input: { readonly id: string }, { store, actor }: QueryContext) => {
  const reader = readerOf(actor);
  const environment = await store.run(Environments.use((e) => e.get(input.id)));
  const project = await store.run(Projects.use((p) => p.get(environment.project)));
  const entity = entityOf(reader, "environment", environment.id, environment.name, project);
  return {
    orgs: [project.org],
    missing: missing("environment", input.id),
    ask: [manageAsk(entity, environmentResource(project, environment))],
    value: entity,
  };
};

/**
 * The stored flag `id`: its project's organization is the boundary; a flag the actor does not see (flag-none)
 * answers NOT_FOUND as a made-up id does (its only question is viewing it, `hidden`); then managing its roles.
 */
const declareFlag = async (input: { readonly id: string }, { store, engine, actor }: QueryContext) => {
  const reader = readerOf(actor);
  const flag = await store.run(Flags.use((f) => f.get(input.id)));
  const project = await store.run(Projects.use((p) => p.get(flag.project)));
  const resource = flagResource(project, flag);
  const entity = entityOf(reader, "flag", flag.id, flag.name, project);
  const declared = { orgs: [project.org], missing: missing("flag", input.id), value: entity };
  const sees = seesFlag((action, r) => engine.allows(reader, action, r), resource);
  if (sees) return { ...declared, ask: [manageAsk(entity, resource)] };
  return {
    ...declared,
    ask: [{ check: { action: "experimentation:flag.view", resource } }],
    hidden: true as const,
  };
};

const sameScope = (a: Scope, b: Scope) =>
  (["org", "product", "instance", "project", "environment", "flag"] as const).every((k) => a[k] === b[k]);

/** Whom a role is held by, by name: a user with its email, or a group. */
const personOf = (user: { readonly id: string; readonly name: string; readonly email: string }) => ({
  id: user.id,
  name: user.name,
  email: user.email,
});

/**
 * The entity's roles (widest first, by name), the explicit grants of them at the entity (by holder's name and
 * email, with the version grants.update and grants.remove take), and the project's other collaborators with the
 * roles the actor may give each there (the engine's assign, as grants.create asks it) or why none.
 */
const rolesAt = async ({ engine, store, declared: entity }: Authorized<Entity>) => {
  const kind = entity.kind;
  const roleIds = entityRoles[kind];
  const { grants, groups } = await store.run(
    Effect.all({
      grants: Grants.use((g) => g.list({ org: entity.project.org })),
      groups: Groups.use((g) => g.list(entity.project.org)),
    }),
  );
  const held = grants.filter(
    (g) => g.role !== null && roleIds.includes(g.role) && sameScope(g.scope, entity.scope),
  );
  const now = Date.now();
  const lapsed = (g: GrantRecord) => !inForce(g.expiresAt?.getTime() ?? 0, now);
  const collaboratorIds = engine.whoCan(PROJECT_COLLABORATOR_ACTION, projectResource(entity.project));
  const groupOf = (id: string) => groups.find((g) => g.id === id);
  const userIds = new Set([
    ...held.flatMap((g) =>
      g.subject.kind === "user" ? [g.subject.id] : (groupOf(g.subject.id)?.members ?? []),
    ),
    ...collaboratorIds,
  ]);
  const users = await store.run(Effect.forEach([...userIds], (id) => Users.use((u) => u.get(id))));
  const userById = new Map(users.map((u) => [u.id, u]));
  const roleOf = (id: string) => ({ id, name: engine.roleName(id) ?? id });
  const holderOf = (subject: GrantSubjectRef) => {
    if (subject.kind === "user") {
      const user = userById.get(subject.id);
      return user && { kind: "user" as const, ...personOf(user) };
    }
    const group = groupOf(subject.id);
    return group && { kind: "group" as const, id: group.id, name: group.name, email: null };
  };
  const words = await reasonWords(store, entity.reader, [entity.scope]);
  /**
   * The members of a holding group whose entity roles the engine keeps (its assign answers `invalid` for them,
   * with its reason: an owner's or administrator's are locked), so the group's role does nothing for them.
   */
  const ignoredFor = (g: GrantRecord) =>
    g.subject.kind === "user"
      ? []
      : (groupOf(g.subject.id)?.members ?? []).flatMap((member) => {
          const user = userById.get(member);
          if (user === undefined) return [];
          const answer = engine.assign(entity.reader, {
            role: g.role ?? "",
            scope: entity.scope,
            targetOrg: user.org,
            targetUser: user.id,
            target: { platform: entity.project.platform },
          });
          return answer.decision === "invalid" ? [{ name: user.name, why: words(answer.reason) }] : [];
        });
  const holders = held.flatMap((g) => {
    const holder = holderOf(g.subject);
    return holder === undefined
      ? []
      : [
          {
            grant: g.id,
            version: g.version,
            holder,
            role: roleOf(g.role ?? ""),
            expiresAt: g.expiresAt === null ? null : g.expiresAt.toISOString(),
            expired: lapsed(g),
            members: g.subject.kind === "group" ? (groupOf(g.subject.id)?.members.length ?? 0) : null,
            ignoredFor: ignoredFor(g),
          },
        ];
  });
  // one role per person here: whoever holds one in force changes it; a lapsed one is replaced by a new one
  const holding = new Set(held.flatMap((g) => (lapsed(g) ? [] : [g.subject.id])));
  const collaborators = collaboratorIds.flatMap((id) => {
    const user = userById.get(id);
    if (user === undefined || holding.has(id)) return [];
    const answers = roleIds.map((role) => ({
      role,
      ...engine.assign(entity.reader, {
        role,
        scope: entity.scope,
        targetOrg: user.org,
        targetUser: user.id,
        target: { platform: entity.project.platform },
      }),
    }));
    const givable = answers.filter((a) => a.decision === "allow").map((a) => a.role);
    const refused = answers.find((a) => a.decision !== "allow");
    const why = givable.length > 0 || refused === undefined ? null : words(refused.reason);
    return [{ ...personOf(user), givable, why }];
  });
  const byName = (a: { readonly name: string }, b: { readonly name: string }) => a.name.localeCompare(b.name);
  return {
    entity: { kind, id: entity.id, name: entity.name },
    project: { id: entity.project.id, name: entity.project.name },
    scope: entity.scope,
    roles: roleIds.map(roleOf),
    holders: holders.sort((a, b) => byName(a.holder, b.holder)),
    collaborators: collaborators.sort(byName),
  };
};

/** `environments.roles`: who holds the environment's roles, for whoever manages them. */
export const environmentRolesProcedure = authorizedQuery(EntityInput, declareEnvironment).query(({ ctx }) =>
  rolesAt(ctx),
);

/** `flags.roles`: who holds the flag's roles (one per flag, in every environment), for whoever manages them. */
export const flagRolesProcedure = authorizedQuery(EntityInput, declareFlag).query(({ ctx }) => rolesAt(ctx));
