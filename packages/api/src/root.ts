// The app router: one entry per aggregate router. Apps import only its type (`AppRouter`).
// Routers for organizations, users, roles, grants and the rest join as their issues land.
import { catalogRouter } from "./routers/catalog.ts";
import { router } from "./trpc.ts";

export const appRouter = router({
  catalog: catalogRouter,
});

export type AppRouter = typeof appRouter;
