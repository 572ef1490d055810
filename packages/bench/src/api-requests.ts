// The API benchmark's requests, from the engine benchmark's queries: each as a product backend of the
// subject's org would send it (its own org's subject and resources, that org's API key).
import { toTable } from "@gatehouse/contracts/check-table";
import { type AskingActions, askedActions } from "@gatehouse/domain";
import type { Fixture, Org } from "./fixture.ts";
import { actionsOn, type Query } from "./queries.ts";

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

/** A checkMany body: `chunk`'s checks, all about its first query's user. */
const checkManyBody = (chunk: ReadonlyArray<Query>): string =>
  JSON.stringify({
    subject: (chunk[0] as Query).user,
    checks: chunk.map((q) => ({ action: q.action, resource: q.resource })),
  });

/** Up to `count` POSTs to `path` of chunks of `size` queries of one org, taking the orgs in turn. */
const inTurns = (
  queries: ReadonlyArray<Query>,
  size: number,
  count: number,
  path: string,
  body: (chunk: ReadonlyArray<Query>) => string,
): ApiRequest[] => {
  const orgs = chunksByOrg(queries, size);
  const out: ApiRequest[] = [];
  for (let k = 0; out.length < count && orgs.some((chunks) => k < chunks.length); k++)
    for (const chunks of orgs) {
      const chunk = chunks[k];
      if (chunk === undefined || out.length === count) continue;
      out.push({ method: "POST", path, org: (chunk[0] as Query).resource.org, body: body(chunk) });
    }
  return out;
};

/**
 * Up to `count` POST /trpc/authz.checkMany requests with `size` checks each, taking the orgs in turn: each
 * asks about the first query's user (a backend rendering one user's page asks many questions of one subject).
 */
export const checkManyRequests = (
  queries: ReadonlyArray<Query>,
  size: number,
  count: number,
  path = "/trpc/authz.checkMany",
): ApiRequest[] => inTurns(queries, size, count, path, checkManyBody);

/** A checkTable body: `chunk`'s checks as a table, all about its first query's user. */
const checkTableBody = (chunk: ReadonlyArray<Query>): string =>
  JSON.stringify({
    subject: (chunk[0] as Query).user,
    ...toTable(chunk.map((q) => ({ action: q.action, resource: q.resource }))),
  });

/** checkManyRequests' questions as POST /v1/check-table requests: the same chunks, each action, path and attrs once. */
export const checkTableRequests = (
  queries: ReadonlyArray<Query>,
  size: number,
  count: number,
): ApiRequest[] => inTurns(queries, size, count, "/v1/check-table", checkTableBody);

/**
 * The `up` actions of `actionsOn(q.resource)` from the query's own one on (all of them where there are fewer): what a
 * page showing the resource asks of it.
 */
const actionsAround = (q: Query, up: number): string[] => {
  const all = actionsOn(q.resource);
  const from = Math.max(0, all.indexOf(q.action));
  return Array.from({ length: Math.min(up, all.length) }, (_, i) => all[(from + i) % all.length] as string);
};

/** A checkResources body: each query's resource with up to `actions` of its actions, about the first query's user. */
const checkResourcesBody = (chunk: ReadonlyArray<Query>, actions: number): string =>
  JSON.stringify({
    subject: (chunk[0] as Query).user,
    resources: chunk.map((q) => ({ resource: q.resource, actions: actionsAround(q, actions) })),
  });

/**
 * Up to `count` POST /v1/check-resources requests of `resources` resources with up to `actions` actions each (fewer
 * where a product has fewer), taking the orgs in turn as checkManyRequests does.
 */
export const checkResourcesRequests = (
  queries: ReadonlyArray<Query>,
  resources: number,
  actions: number,
  count: number,
): ApiRequest[] =>
  inTurns(queries, resources, count, "/v1/check-resources", (chunk) => checkResourcesBody(chunk, actions));

/** A list page's checkResources body: the same actions (around the first query's) of every query's resource. */
const listPageBody = (chunk: ReadonlyArray<Query>, actions: number): string =>
  JSON.stringify({
    subject: (chunk[0] as Query).user,
    actions: actionsAround(chunk[0] as Query, actions),
    resources: chunk.map((q) => ({ resource: q.resource })),
  });

/**
 * Up to `count` POST /v1/check-resources requests as a list page sends them: `resources` resources of one kind (the
 * same actions apply to each: a Feature project, a Feature environment, a Web project or an instance of one product),
 * each asked the same up to `actions` actions, once in the body.
 */
export const listPageRequests = (
  queries: ReadonlyArray<Query>,
  resources: number,
  actions: number,
  count: number,
): ApiRequest[] => {
  const byKind = new Map<ReadonlyArray<string>, Query[]>();
  for (const q of queries)
    byKind.set(actionsOn(q.resource), [...(byKind.get(actionsOn(q.resource)) ?? []), q]);
  const kinds = [...byKind.values()].map((list) =>
    inTurns(list, resources, count, "/v1/check-resources", (chunk) => listPageBody(chunk, actions)),
  );
  const out: ApiRequest[] = [];
  for (let k = 0; out.length < count && kinds.some((r) => k < r.length); k++)
    for (const r of kinds) if (r[k] !== undefined && out.length < count) out.push(r[k] as ApiRequest);
  return out;
};

/** The decisions a checkResources request asks for. */
export const decisionsIn = (r: ApiRequest): number => {
  const body = JSON.parse(r.body ?? "{}") as AskingActions;
  return body.resources.reduce((n, x) => n + askedActions(body, x).length, 0);
};
