// tRPC's one initialisation: the context type, the meta every procedure carries, and the error shape clients see.
// Routers build procedures only through the declaring builders of authorize.ts; this module gives them `router`.

import { issuesMessage, issuesOf } from "@gatehouse/contracts";
import { initTRPC, type TRPCError } from "@trpc/server";
import type { Authorization } from "./authorization.ts";
import type { ApiContext } from "./context.ts";
import { toTrpcError } from "./errors.ts";

/** What every procedure says about itself: how it is authorized (set by the builders of authorize.ts). */
export interface ProcedureMeta {
  readonly authorization?: Authorization;
}

const t = initTRPC
  .context<ApiContext>()
  .meta<ProcedureMeta>()
  .create({
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
      return { ...shape, message: issuesMessage(issues), data: { ...shape.data, issues } };
    },
  });

export const router = t.router;

/** tRPC's own refusals (bad input, not found) pass through; a thrown domain error is mapped (errors.ts). */
export const failureOf = (error: TRPCError): TRPCError =>
  error.code !== "INTERNAL_SERVER_ERROR" ? error : toTrpcError(error.cause ?? error);

/** The bare procedure: only authorize.ts builds on it (the router-tree test refuses anything else). */
export const baseProcedure = t.procedure;
