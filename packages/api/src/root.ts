// The app router: one entry per aggregate router. Apps import only its type (`AppRouter`).
// A new router is written with the builders of authorize.ts and listed here (README, "How to add … a procedure").
import { accessRequestsRouter } from "./routers/access-requests.ts";
import { apiKeysRouter } from "./routers/api-keys.ts";
import { assignableRouter } from "./routers/assignable.ts";
import { audiencesRouter } from "./routers/audiences.ts";
import { auditRouter } from "./routers/audit.ts";
import { authRouter } from "./routers/auth.ts";
import { authzRouter } from "./routers/authz.ts";
import { catalogRouter } from "./routers/catalog.ts";
import { environmentsRouter } from "./routers/environments.ts";
import { exportsRouter } from "./routers/exports.ts";
import { flagsRouter } from "./routers/flags.ts";
import { grantsRouter } from "./routers/grants.ts";
import { groupsRouter } from "./routers/groups.ts";
import { instancesRouter } from "./routers/instances.ts";
import { invitationsRouter } from "./routers/invitations.ts";
import { mayProcedure, type Procedures } from "./routers/may.ts";
import { missionControlRouter } from "./routers/mission-control.ts";
import { operationsRouter } from "./routers/operations.ts";
import { organizationsRouter } from "./routers/organizations.ts";
import { outboxRouter } from "./routers/outbox.ts";
import { projectsRouter } from "./routers/projects.ts";
import { rolesRouter } from "./routers/roles.ts";
import { usersRouter } from "./routers/users.ts";
import { whatIfRouter } from "./routers/what-if.ts";
import { router } from "./trpc.ts";

export const appRouter = router({
  authz: authzRouter,
  catalog: catalogRouter,
  auth: authRouter,
  apiKeys: apiKeysRouter,
  grants: grantsRouter,
  groups: groupsRouter,
  audit: auditRouter,
  exports: exportsRouter,
  users: usersRouter,
  invitations: invitationsRouter,
  outbox: outboxRouter,
  assignable: assignableRouter,
  roles: rolesRouter,
  operations: operationsRouter,
  missionControl: missionControlRouter,
  accessRequests: accessRequestsRouter,
  organizations: organizationsRouter,
  instances: instancesRouter,
  projects: projectsRouter,
  environments: environmentsRouter,
  flags: flagsRouter,
  audiences: audiencesRouter,
  whatIf: whatIfRouter,
  /** Whether the actor may call a mutation with an input: its own authorization, without its handler. */
  may: mayProcedure((): Procedures => appRouter._def.procedures as unknown as Procedures),
});

export type AppRouter = typeof appRouter;
