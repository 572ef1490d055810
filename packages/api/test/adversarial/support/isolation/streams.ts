// The /v1 streams a decision point reads (GET /v1/snapshot, NDJSON; GET /v1/changes, SSE), as the sweep reads them:
// no input (the organization is the caller's own), so each actor's read may show its own organization only.
import type { App, Credentials } from "./http.ts";
import { leaked } from "./verdicts.ts";

/** The streams, as the app serves them (isolation-walker.test.ts holds the /v1 routes complete). */
export const streamRoutes = ["GET /v1/snapshot", "GET /v1/changes"] as const;

/** Where a bounded read of the change stream stops: its `ready` event, or this many bytes or milliseconds. */
const readyMark = "event: ready";
const maxBytes = 1 << 20;
const maxMillis = 30_000;

export interface StreamReply {
  readonly status: number;
  /** What was read: the whole snapshot, or the change stream up to its `ready` event (or the bound). */
  readonly raw: string;
}

const headersOf = (credentials: Credentials): Record<string, string> =>
  credentials.kind === "api-key"
    ? { authorization: `Bearer ${credentials.bearer}` }
    : { cookie: credentials.cookie };

/** Reads `body` until `stop` holds of what was read, the bound, or its end; then cancels it. */
const readBounded = async (body: ReadableStream<Uint8Array>, stop: (text: string) => boolean) => {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const deadline = Date.now() + maxMillis;
  let text = "";
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    while (!stop(text) && text.length < maxBytes && Date.now() < deadline) {
      const bound = new Promise<"bound">((resolve) => {
        timer = setTimeout(() => resolve("bound"), deadline - Date.now());
      });
      const next = await Promise.race([reader.read(), bound]);
      clearTimeout(timer);
      if (next === "bound" || next.done) break;
      text += decoder.decode(next.value, { stream: true });
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return text;
};

/** Reads the stream `route` as `credentials`: the snapshot whole, the change stream until `ready`. */
export const readStream = async (
  app: App,
  route: (typeof streamRoutes)[number],
  credentials: Credentials,
): Promise<StreamReply> => {
  const path = route.slice("GET ".length);
  const res = await app.request(`http://localhost${path}`, { headers: headersOf(credentials) });
  if (res.body === null) return { status: res.status, raw: "" };
  const changes = route === "GET /v1/changes" && res.status === 200;
  return { status: res.status, raw: await readBounded(res.body, (t) => changes && t.includes(readyMark)) };
};

/**
 * What is wrong with a stream's answer to an actor of `own`: a 5xx, another organization named as the stream's
 * (the snapshot's header, the change stream's `ready`), a change stream that never got ready, or `secrets` shown.
 */
export const streamProblems = (
  route: (typeof streamRoutes)[number],
  reply: StreamReply,
  own: string,
  secrets: ReadonlyArray<string>,
): ReadonlyArray<string> => {
  if (reply.status >= 500) return [`${reply.status}`];
  if (reply.status !== 200) return [];
  const problems: string[] = [];
  const org =
    route === "GET /v1/snapshot"
      ? (JSON.parse(reply.raw.slice(0, reply.raw.indexOf("\n"))) as { org?: string }).org
      : (/event: ready\ndata: (.*)\n/.exec(reply.raw)?.[1] ?? "").match(/"org":"([^"]*)"/)?.[1];
  if (org === undefined) problems.push("the stream named no organization (no header or `ready` read)");
  else if (org !== own) problems.push(`streamed ${org}'s data to an actor of ${own}`);
  const shown = leaked(reply, undefined, secrets);
  if (shown.length > 0) problems.push(`shows ${shown.join(", ")}`);
  return problems;
};
