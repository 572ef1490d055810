// BENCH WIRING ONLY, not production code: the tRPC context the benchmark server trusts without sign-in.
// A bearer `bench-key:<org>` becomes an API-key actor of that org; anything else is no actor (UNAUTHORIZED).
import type { Engine } from "@gatehouse/domain";
import type { Actor, ApiContext } from "../../api/src/context.ts";

const PREFIX = "Bearer bench-key:";

/** The header value the load generator sends to act as `org`'s API key. */
export const benchAuthorization = (org: string): string => `${PREFIX}${org}`;

/** The actor for a request's `authorization` header: an API key of the org it names, or none. */
export const benchActor = (authorization: string | undefined): Actor | undefined => {
  if (authorization === undefined || !authorization.startsWith(PREFIX)) return undefined;
  const org = authorization.slice(PREFIX.length);
  return { kind: "api-key", id: `bench-key-${org}`, org };
};

/** createContext for the benchmark server: the engine, a request id, and the bench actor. */
export const benchContext = (
  engine: Engine,
  requestId: string,
  authorization: string | undefined,
): ApiContext => ({
  engine,
  requestId,
  actor: benchActor(authorization),
});
