// The typed tRPC client every app uses: one batched HTTP link to /trpc (same origin, so the session cookie goes
// along), the CSRF token (from its readable cookie) on every request, and each answer's consistency token recorded.

import type { AppRouter } from "@gatehouse/api";
import { createTRPCClient, httpBatchLink, TRPCClientError } from "@trpc/client";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { createTokenKeeper, recordingFetch, type TokenKeeper } from "./consistency-token.ts";
import { inWords } from "./in-words.ts";

export type GatehouseClient = ReturnType<typeof createGatehouseClient>;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

/** The CSRF token the API set at sign-in (readable by scripts, unlike the session cookie). */
const csrfToken = (): string | undefined =>
  document.cookie
    .split("; ")
    .find((part) => part.startsWith("gatehouse_csrf="))
    ?.slice("gatehouse_csrf=".length);

/**
 * A client for the API at `origin` (default: the page's own origin, where Gatehouse serves the apps); the
 * Gatehouse-Token of every answer goes to `tokens`.
 */
export const createGatehouseClient = (origin = "", tokens: TokenKeeper = createTokenKeeper()) =>
  createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: `${origin}/trpc`,
        fetch: recordingFetch(tokens),
        // The API refuses a batch of more than 100 calls (packages/api/src/request-limits.ts).
        maxItems: 100,
        headers: () => {
          const token = csrfToken();
          return token === undefined || token === "" ? {} : { "x-csrf-token": token };
        },
      }),
    ],
  });

/** The tRPC error code of a failed call (`UNAUTHORIZED`, `FORBIDDEN`, …), if it is one. */
export const errorCode = (error: unknown): string | undefined =>
  error instanceof TRPCClientError ? (error.data as { code?: string } | undefined)?.code : undefined;

/** A failed call's message for people. */
export const errorMessage = (error: unknown): string =>
  error instanceof Error ? inWords(error.message) : "Something went wrong";
