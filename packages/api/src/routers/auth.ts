// Sign-in: login (rate-limited, constant work for every failure, a new session in cookies), logout, and me
// (the actor with, for a user, the Admin Center page it lands on and the sections it may use).
// Rules: docs/decisions.md#sign-in.

import { inputSchema, LoginInput } from "@gatehouse/contracts";
import { type AdminSection, type Engine, type Landing, UnknownSubject } from "@gatehouse/domain";
import { Mutations, Operators, Sessions, Users } from "@gatehouse/store";
import { Effect } from "effect";
import { login } from "../auth/login.ts";
import { requestAuth } from "../auth/request-auth.ts";
import { publicAccess, selfAccess } from "../authorize.ts";
import type { Actor } from "../context.ts";
import { unauthorized } from "../refusals.ts";
import { router } from "../trpc.ts";

/** The engine's answer about `user`, or `none` for a user the engine does not know yet. */
const known = <A>(answer: () => A, none: A): A => {
  try {
    return answer();
  } catch (cause) {
    if (cause instanceof UnknownSubject) return none;
    throw cause;
  }
};

const landingOf = (engine: Engine, user: string): Landing => known(() => engine.landing(user), "none");

/** The Admin Center sections the user may use, each answered by the engine (the shell shows only these). */
const sectionsOf = (engine: Engine, user: string): ReadonlyArray<AdminSection> =>
  known(() => engine.sections(user), []);

/**
 * Milliseconds from now until a role placed in `org` or held by one of its people lapses (null when none will): a
 * client reads its answers again then, as it does after a change it is told of (an expiry is not a write).
 */
const nextLapseInMs = (engine: Engine, org: string): number | null => {
  const now = Date.now();
  const lapse = engine.nextLapse(org, now);
  return lapse === undefined ? null : lapse - now;
};

/** What `me` tells about the actor. */
const describe = (actor: Actor, engine: Engine) =>
  Effect.gen(function* () {
    if (actor.kind === "api-key") return { kind: actor.kind, id: actor.id, org: actor.org } as const;
    if (actor.kind === "operator") {
      const operator = yield* (yield* Operators).get(actor.id);
      return { kind: actor.kind, id: operator.id, email: operator.email, name: operator.name } as const;
    }
    const user = yield* (yield* Users).get(actor.id);
    return {
      kind: actor.kind,
      id: user.id,
      email: user.email,
      name: user.name,
      org: user.org,
      landing: landingOf(engine, user.id),
      sections: sectionsOf(engine, user.id),
      nextLapseInMs: nextLapseInMs(engine, user.org),
    } as const;
  }).pipe(Effect.catchTag("NotFound", () => Effect.fail(unauthorized())));

/** Signing in is how an anonymous client becomes an actor: the password is the credential. */
const signingIn = publicAccess(
  "signing in is how an anonymous client becomes an actor; the password is the credential",
);

export const authRouter = router({
  /** Signs in; sets the session and CSRF cookies and returns the CSRF token for the x-csrf-token header. */
  login: signingIn.input(inputSchema(LoginInput)).mutation(async ({ ctx, input }) => {
    const auth = requestAuth(ctx);
    const result = await auth.run(
      login({
        email: input.email,
        password: input.password,
        client: auth.client,
        requestId: ctx.requestId,
        replacing: auth.sessionIdHash,
      }),
    );
    auth.startSession(result.token, result.csrfToken);
    ctx.written.record(result.auditId);
    return { kind: result.account.kind, id: result.account.id, csrfToken: result.csrfToken };
  }),

  /** Ends the request's cookie session (if any) and clears the cookies. */
  logout: selfAccess("it ends only the session the request itself carries").mutation(async ({ ctx }) => {
    const idHash = ctx.auth.sessionIdHash;
    const actor = ctx.actor;
    if (idHash !== undefined && actor !== undefined && actor.kind !== "api-key")
      await ctx.auth.run(
        Effect.gen(function* () {
          const sessions = yield* Sessions;
          const ended = yield* (yield* Mutations).mutate({
            actor: { kind: actor.kind, id: actor.id },
            requestId: ctx.requestId,
            org: actor.kind === "user" ? actor.org : null,
            action: "auth.logout",
            target: { kind: actor.kind, id: actor.id },
            run: sessions.remove(idHash),
          });
          ctx.written.record(ended.auditId);
        }).pipe(Effect.catchTag("NotFound", () => Effect.void)),
      );
    ctx.auth.endSession();
    return { signedOut: idHash !== undefined };
  }),

  /** The signed-in user (with its landing page and sections), operator or API key; UNAUTHORIZED without one. */
  me: selfAccess("it describes only the request's own actor").query(({ ctx }) => {
    if (ctx.actor === undefined) throw unauthorized();
    return ctx.auth.run(describe(ctx.actor, ctx.engine));
  }),
});
