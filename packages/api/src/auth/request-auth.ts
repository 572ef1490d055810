// The sign-in state of one tRPC request, carried in its context next to the actor: the store runner, the
// client, the cookie session it carries, and the response headers that login and logout set cookies on.
import { TRPCError } from "@trpc/server";
import type { Effect } from "effect";
import { clearedCookies, sessionCookies } from "./cookies.ts";
import type { ClientInfo } from "./request.ts";
import { runWith, type StoreRunner, type StoreServices } from "./store-runner.ts";

/** What sign-in writes its cookies to: a response's Fetch `Headers`, or the one-call tRPC path's `CookieJar`. */
export type CookieHeaders = Pick<Headers, "append">;

/** The Set-Cookie values a request's sign-in wrote, for an answer built with a plain header record. */
export class CookieJar implements CookieHeaders {
  readonly cookies: string[] = [];

  append(name: string, value: string): void {
    if (name.toLowerCase() !== "set-cookie")
      throw new Error(`A cookie jar holds Set-Cookie only, not ${name}`);
    this.cookies.push(value);
  }
}

export class RequestAuth {
  private clientInfo: ClientInfo | undefined;

  constructor(
    private readonly runner: StoreRunner,
    /** Reads the client's address and scheme; called once, by the few procedures that need them. */
    private readonly readClient: () => ClientInfo,
    /** The hash of the valid session cookie this request carries, if any. */
    readonly sessionIdHash: string | undefined,
    /** Where its cookies go (the response's headers); a /v1 decision API request sets none. */
    private readonly resHeaders: CookieHeaders | undefined,
  ) {}

  /** The client behind the request (sign-in limits, session records, the cookies' Secure flag). */
  get client(): ClientInfo {
    this.clientInfo ??= this.readClient();
    return this.clientInfo;
  }

  /** Runs a store Effect; its failure is thrown. */
  run<A, E>(effect: Effect.Effect<A, E, StoreServices>): Promise<A> {
    return runWith(this.runner, effect);
  }

  /** Sends the cookies of a new session with the response. */
  startSession(token: string, csrfToken: string): void {
    for (const cookie of sessionCookies(token, csrfToken, this.client.secure))
      this.cookieHeaders().append("set-cookie", cookie);
  }

  /** Sends cookies clearing the session with the response. */
  endSession(): void {
    for (const cookie of clearedCookies(this.client.secure))
      this.cookieHeaders().append("set-cookie", cookie);
  }

  private cookieHeaders(): CookieHeaders {
    if (this.resHeaders !== undefined) return this.resHeaders;
    throw new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "This request cannot set cookies" });
  }
}

/** The request's sign-in state; a server built without a store has none, and says so. */
export const requestAuth = (ctx: { readonly auth?: RequestAuth | undefined }): RequestAuth => {
  if (ctx.auth !== undefined) return ctx.auth;
  throw new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "Sign-in is not configured on this server" });
};
