// Drives load with autocannon for a bounded time, cycling through prepared requests across all connections,
// and reduces its result to requests per second and latency percentiles.
import { createRequire } from "node:module";
import type { ApiRequest } from "./api-requests.ts";

/** The part of autocannon's request object the bench rewrites. */
interface RawRequest {
  method?: string;
  path?: string;
  body?: string | undefined;
  headers?: Record<string, string>;
}

/** The part of autocannon's options and result the bench uses (autocannon 9 ships no types). */
interface Options {
  readonly url: string;
  readonly connections: number;
  readonly duration: number;
  readonly requests: ReadonlyArray<{ readonly setupRequest: (req: RawRequest) => RawRequest }>;
}
interface Result {
  readonly duration: number;
  readonly requests: { readonly total: number };
  readonly latency: { readonly p50: number; readonly p99: number };
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
}
type Autocannon = (options: Options) => Promise<Result>;

const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

export interface LoadResult {
  readonly requestsPerSec: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly requests: number;
  /** Responses other than 2xx, connection errors and timeouts: any of these makes the figures suspect. */
  readonly failures: number;
}

/** Sends `requests` in turn (shared across connections) to the server for `seconds`, each with its org's header. */
export const load = async (
  port: number,
  requests: ReadonlyArray<ApiRequest>,
  authorization: (org: string) => string,
  connections: number,
  seconds: number,
): Promise<LoadResult> => {
  let next = 0;
  const setupRequest = (req: RawRequest): RawRequest => {
    const r = requests[next] as ApiRequest;
    next = next + 1 === requests.length ? 0 : next + 1;
    const headers: Record<string, string> = { authorization: authorization(r.org) };
    if (r.body !== undefined) headers["content-type"] = "application/json";
    return { ...req, method: r.method, path: r.path, body: r.body, headers };
  };
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections,
    duration: seconds,
    requests: [{ setupRequest }],
  });
  return {
    requestsPerSec: result.requests.total / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    failures: result.non2xx + result.errors + result.timeouts,
  };
};
