// The app router: one entry per aggregate router. Apps import only its type (`AppRouter`).
// Routers for organizations, users, roles, grants and the rest join as their issues land.
import { apiKeysRouter } from "./routers/api-keys.ts";
import { authRouter } from "./routers/auth.ts";
import { authzRouter } from "./routers/authz.ts";
import { catalogRouter } from "./routers/catalog.ts";
import { grantsRouter } from "./routers/grants.ts";
import { rolesRouter } from "./routers/roles.ts";
import { router } from "./trpc.ts";

export const appRouter = router({
  authz: authzRouter,
  catalog: catalogRouter,
  auth: authRouter,
  apiKeys: apiKeysRouter,
  grants: grantsRouter,
  roles: rolesRouter,
});

export type AppRouter = typeof appRouter;
