// The API benchmark's requests, from the engine benchmark's queries: each as a product backend of the
// subject's org would send it (its own org's subject and resources, that org's API key).
import type { Fixture, Org } from "./fixture.ts";
import type { Query } from "./queries.ts";

/** One HTTP request as the load generator sends it. */
export interface ApiRequest {
  readonly method: "GET" | "POST";
  readonly path: string;
  readonly org: string;
  readonly body: string | undefined;
}

/** The org of every user id, for the queries (which name users by id). */
const orgOfUser = (fx: Fixture): Map<string, string> => {
  const out = new Map<string, string>();
  fx.users.forEach((id, u) => {
    out.set(id, (fx.orgs[fx.userOrg[u] as number] as Org).id);
  });
  return out;
};

/** Queries an org's API key may ask: about a user of the org, on a resource of the same org. */
export const ownOrgQueries = (fx: Fixture, queries: ReadonlyArray<Query>): Query[] => {
  const orgs = orgOfUser(fx);
  return queries.filter((q) => orgs.get(q.user) === q.resource.org);
};

/** The bench server's plain Hono JSON route, the baseline every API line is a ratio of (never in the product app). */
export const BASELINE_PATH = "/bench/baseline";

/** GET of the baseline route (sent with an org's key like the others; the route reads no header). */
export const baselineRequests = (orgs: ReadonlyArray<string>): ApiRequest[] =>
  orgs.map((org) => ({ method: "GET", path: BASELINE_PATH, org, body: undefined }));

/** The decision API's single check: POST /v1/check with `{ subject, action, resource }` as JSON. */
export const V1_CHECK_PATH = "/v1/check";

/** POST /v1/check, one per query. */
export const v1CheckRequests = (queries: ReadonlyArray<Query>): ApiRequest[] =>
  queries.map((q) => ({
    method: "POST",
    path: V1_CHECK_PATH,
    org: q.resource.org,
    body: JSON.stringify({ subject: q.user, action: q.action, resource: q.resource }),
  }));

/** GET /trpc/authz.check?input=…, one per query (tRPC sends a query's input in the URL). */
export const checkRequests = (queries: ReadonlyArray<Query>): ApiRequest[] =>
  queries.map((q) => ({
    method: "GET",
    path: `/trpc/authz.check?input=${encodeURIComponent(
      JSON.stringify({ subject: q.user, action: q.action, resource: q.resource }),
    )}`,
    org: q.resource.org,
    body: undefined,
  }));

/** The queries in chunks of `size`, per org: consecutive queries of one org. */
const chunksByOrg = (queries: ReadonlyArray<Query>, size: number): Query[][][] => {
  const byOrg = new Map<string, Query[]>();
  for (const q of queries) {
    const list = byOrg.get(q.resource.org) ?? [];
    list.push(q);
    byOrg.set(q.resource.org, list);
  }
  return [...byOrg.values()].map((list) => {
    const chunks: Query[][] = [];
    for (let i = 0; i + size <= list.length; i += size) chunks.push(list.slice(i, i + size));
    return chunks;
  });
};

/**
 * Up to `count` POST /trpc/authz.checkMany requests with `size` checks each, taking the orgs in turn: each
 * asks about the first query's user (a backend rendering one user's page asks many questions of one subject).
 */
export const checkManyRequests = (
  queries: ReadonlyArray<Query>,
  size: number,
  count: number,
): ApiRequest[] => {
  const orgs = chunksByOrg(queries, size);
  const out: ApiRequest[] = [];
  for (let k = 0; out.length < count && orgs.some((chunks) => k < chunks.length); k++)
    for (const chunks of orgs) {
      const chunk = chunks[k];
      if (chunk === undefined || out.length === count) continue;
      const first = chunk[0] as Query;
      const body = JSON.stringify({
        subject: first.user,
        checks: chunk.map((q) => ({ action: q.action, resource: q.resource })),
      });
      out.push({ method: "POST", path: "/trpc/authz.checkMany", org: first.resource.org, body });
    }
  return out;
};
