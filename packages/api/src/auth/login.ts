// Signing in: the limiter first (per account and per address, refused before any password work), then the
// same scrypt verification whatever the email, then a new session whose token and CSRF token leave only hashed.
import { Credentials, LoginAttempts, Mutations, Sessions } from "@gatehouse/store";
import { TRPCError } from "@trpc/server";
import { Effect } from "effect";
import {
  accountFailureLimit,
  addressFailureLimit,
  attemptRetentionSeconds,
  loginWindowSeconds,
  sessionIdleSeconds,
  sessionLifetimeSeconds,
} from "./policy.ts";
import type { ClientInfo } from "./request.ts";
import { hashToken, newToken } from "./tokens.ts";

export interface LoginInput {
  readonly email: string;
  readonly password: string;
  readonly client: ClientInfo;
  readonly requestId: string;
  /** The session the request already carries: replaced by the new one. */
  readonly replacing: string | undefined;
}

export interface LoginResult {
  readonly account: { readonly kind: "user" | "operator"; readonly id: string };
  readonly token: string;
  readonly csrfToken: string;
}

const wrongCredentials = () => new TRPCError({ code: "UNAUTHORIZED", message: "Wrong email or password" });

const tooManyAttempts = () =>
  new TRPCError({
    code: "TOO_MANY_REQUESTS",
    message: `Too many failed sign-ins; try again in ${loginWindowSeconds / 60} minutes`,
  });

export const login = Effect.fn("Auth.login")(function* (input: LoginInput) {
  const attempts = yield* LoginAttempts;
  const account = `account:${input.email.trim().toLowerCase()}`;
  const address = `address:${input.client.address}`;
  // Recorded as failures before counting (this attempt included), so concurrent attempts cannot overshoot.
  const ids = yield* attempts.begin([account, address]);
  const accountFailures = yield* attempts.failures(account, {
    seconds: loginWindowSeconds,
    sinceSuccess: true,
  });
  const addressFailures = yield* attempts.failures(address, {
    seconds: loginWindowSeconds,
    sinceSuccess: false,
  });
  if (accountFailures > accountFailureLimit || addressFailures > addressFailureLimit) {
    yield* attempts.forget(ids);
    return yield* Effect.fail(tooManyAttempts());
  }

  const signedIn = yield* (yield* Credentials).verify(input.email.trim(), input.password);
  if (signedIn === undefined) return yield* Effect.fail(wrongCredentials());
  yield* attempts.succeed(ids);

  const token = newToken();
  const csrfToken = newToken();
  const sessions = yield* Sessions;
  const replacing = input.replacing;
  yield* (yield* Mutations).mutate({
    actor: { kind: signedIn.kind, id: signedIn.id },
    requestId: input.requestId,
    org: signedIn.kind === "user" ? signedIn.org : null,
    action: "auth.login",
    target: { kind: signedIn.kind, id: signedIn.id },
    run: Effect.gen(function* () {
      if (replacing !== undefined) yield* Effect.ignore(sessions.remove(replacing));
      yield* (yield* Credentials).markSignedIn(signedIn);
      return yield* sessions.create({
        idHash: hashToken(token),
        csrfHash: hashToken(csrfToken),
        holder: signedIn,
        userAgent: input.client.userAgent,
        ip: input.client.address,
        lifetimeSeconds: sessionLifetimeSeconds,
      });
    }),
  });
  yield* attempts.prune(attemptRetentionSeconds);
  yield* sessions.prune(sessionIdleSeconds);
  return { account: { kind: signedIn.kind, id: signedIn.id }, token, csrfToken } satisfies LoginResult;
});
