// Signing in: the limiter first (per account, per address and account, and per address, which spares accounts
// known at that address; refused before any password work), then the same scrypt verification whatever the
// email, then a new session whose token and CSRF token leave only hashed.
import { Credentials, LoginAttempts, Mutations, Sessions } from "@gatehouse/store";
import { TRPCError } from "@trpc/server";
import { Effect } from "effect";
import { limitedAttempt, tooManyAttempts } from "./limiter.ts";
import {
  accountFailureLimit,
  addressFailureLimit,
  attemptRetentionSeconds,
  knownAccountSeconds,
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
  /** The sign-in's audit id (the request's consistency token). */
  readonly auditId: string;
}

const wrongCredentials = () => new TRPCError({ code: "UNAUTHORIZED", message: "Wrong email or password" });
/** Said only to whoever gave the account's right password, who learns nothing a sign-in would not tell. */
const deactivatedAccount = () =>
  new TRPCError({
    code: "UNAUTHORIZED",
    message: "This account is deactivated: ask an administrator of your organization to reactivate it",
  });

/**
 * The counters of one sign-in. Per account: 5 failures within the window, refused at addresses it is not known at
 * (guesses from elsewhere do not lock its holder out where it signs in, and its sign-ins there do not lift the lock
 * elsewhere). Per (address, account): 5 failures since its latest success there, and a success there makes the
 * account known at the address. Per address: 20 failures, whatever the account (a password
 * spray), except for an account known at the address, which only its (address, account) counter stops there.
 */
const countersOf = (email: string, address: string) =>
  Effect.gen(function* () {
    const pair = `account-at:${address} ${email}`;
    const known = yield* (yield* LoginAttempts).succeededWithin(pair, knownAccountSeconds);
    return [
      { key: `account:${email}`, limit: accountFailureLimit, sinceSuccess: false, waived: known },
      { key: pair, limit: accountFailureLimit, sinceSuccess: true },
      { key: `address:${address}`, limit: addressFailureLimit, sinceSuccess: false, waived: known },
    ];
  });

export const login = Effect.fn("Auth.login")(function* (input: LoginInput) {
  const email = input.email.trim();
  const counters = yield* countersOf(email.toLowerCase(), input.client.address);
  const signedIn = yield* limitedAttempt(
    counters,
    () => tooManyAttempts("sign-ins"),
    Effect.gen(function* () {
      const account = yield* (yield* Credentials).verify(email, input.password);
      if (account === "deactivated") return yield* Effect.fail(deactivatedAccount());
      return account === undefined ? yield* Effect.fail(wrongCredentials()) : account;
    }),
  );

  const token = newToken();
  const csrfToken = newToken();
  const sessions = yield* Sessions;
  const replacing = input.replacing;
  const signedInRow = yield* (yield* Mutations).mutate({
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
  yield* (yield* LoginAttempts).prune(attemptRetentionSeconds, knownAccountSeconds);
  yield* sessions.prune(sessionIdleSeconds);
  return {
    account: { kind: signedIn.kind, id: signedIn.id },
    token,
    csrfToken,
    auditId: signedInRow.auditId,
  } satisfies LoginResult;
});
