// Procedures of sign-in and API keys: the request's sign-in state in `ctx.auth`, and the super-admin gate
// that asks the engine before any API key handler runs.
import { TRPCError } from "@trpc/server";
import type { Actor } from "../context.ts";
import { protectedProcedure, publicProcedure } from "../trpc.ts";
import { requestAuth } from "./request-auth.ts";
import { isSuperAdmin } from "./super-admin.ts";

/** Open to everyone, with `ctx.auth`. */
export const authProcedure = publicProcedure.use(({ ctx, next }) =>
  next({ ctx: { auth: requestAuth(ctx) } }),
);

/** Requires an actor, with `ctx.auth`. */
export const signedInProcedure = protectedProcedure.use(({ ctx, next }) =>
  next({ ctx: { auth: requestAuth(ctx) } }),
);

type UserActor = Extract<Actor, { readonly kind: "user" }>;

/** Requires a user who is super admin of its organization (the engine decides; see super-admin.ts). */
export const superAdminProcedure = signedInProcedure.use(({ ctx, next }) => {
  const actor = ctx.actor;
  if (actor.kind !== "user" || !isSuperAdmin(ctx.engine, actor.id, actor.org))
    throw new TRPCError({
      code: "FORBIDDEN",
      message: "Only a super admin of the organization (a signed-in user) may manage its API keys",
    });
  const user: UserActor = actor;
  return next({ ctx: { actor: user } });
});
