// tRPC's one initialisation: the context type, the error shape clients see, and the base procedures.
// Every procedure maps thrown domain errors through errors.ts, so no handler translates them itself.
import { initTRPC, TRPCError } from "@trpc/server";
import type { ApiContext } from "./context.ts";
import { toTrpcError } from "./errors.ts";

/** The schema issues behind a validation failure, when that is what the error is. */
const issuesOf = (
  cause: unknown,
): ReadonlyArray<{ readonly path: string; readonly message: string }> | undefined => {
  if (typeof cause !== "object" || cause === null || !("issues" in cause) || !Array.isArray(cause.issues))
    return;
  return cause.issues.map(
    (issue: { readonly path?: ReadonlyArray<PropertyKey>; readonly message?: string }) => ({
      path: (issue.path ?? []).map(String).join("."),
      message: issue.message ?? "is invalid",
    }),
  );
};

const t = initTRPC.context<ApiContext>().create({
  // Never send stack traces, whatever NODE_ENV says: they describe the server to whoever asks. Internal
  // errors are logged on the server with the request id instead (app.ts).
  isDev: false,
  // Bad input names the field: "id: Expected string", with every issue in data.issues.
  // An internal error says only that, with the request id the server logged its cause under (app.ts).
  errorFormatter: ({ shape, error, ctx }) => {
    if (error.code === "INTERNAL_SERVER_ERROR")
      return {
        ...shape,
        message: ctx === undefined ? "Internal error" : `Internal error (request ${ctx.requestId})`,
      };
    const issues = error.code === "BAD_REQUEST" ? issuesOf(error.cause) : undefined;
    if (issues === undefined) return shape;
    const message = issues.map((i) => (i.path === "" ? i.message : `${i.path}: ${i.message}`)).join("; ");
    return { ...shape, message, data: { ...shape.data, issues } };
  },
});

export const router = t.router;

/** tRPC's own refusals (bad input, not found) pass through; a thrown domain error is mapped (errors.ts). */
const failureOf = (error: TRPCError): TRPCError =>
  error.code !== "INTERNAL_SERVER_ERROR" ? error : toTrpcError(error.cause ?? error);

/** Open to everyone: only the public vocabulary and health. */
export const publicProcedure = t.procedure.use(async ({ next }) => {
  const result = await next();
  if (result.ok) return result;
  throw failureOf(result.error);
});

/**
 * Requires a signed-in user, an API key or the operator; `ctx.actor` is then defined. One middleware, not a
 * second level on publicProcedure: tRPC copies the call's options at every level, on the hot check path.
 */
export const protectedProcedure = t.procedure.use(async ({ ctx, next }) => {
  if (ctx.actor === undefined)
    throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in or send an API key" });
  const result = await next({ ctx: { ...ctx, actor: ctx.actor } });
  if (result.ok) return result;
  throw failureOf(result.error);
});
