// The sweep's HTTP caller: one tRPC procedure (or /v1 route) through app.request as one actor (session with CSRF,
// or API key), answering the status, the error (code and message), the data and the request id the audit log records.

/** The app under test (createApp's Hono application): only its in-process `request` is used. */
export interface App {
  readonly request: (url: string, init?: RequestInit) => Response | Promise<Response>;
}

/** Who calls: a signed-in session (cookie and CSRF token) or an API key. */
export type Credentials =
  | { readonly kind: "session"; readonly cookie: string; readonly csrf: string }
  | { readonly kind: "api-key"; readonly bearer: string };

export interface Reply {
  readonly status: number;
  readonly code: string | undefined;
  readonly message: string | undefined;
  readonly data: unknown;
  readonly requestId: string;
  /** The whole body as sent, for the leak search. */
  readonly raw: string;
}

const headersOf = (credentials: Credentials, csrf: boolean): Record<string, string> => {
  if (credentials.kind === "api-key") return { authorization: `Bearer ${credentials.bearer}` };
  return { cookie: credentials.cookie, ...(csrf ? { "x-csrf-token": credentials.csrf } : {}) };
};

/** Calls the /v1 route `path`: `input` POSTed as JSON; its answer is the body, its refusal `{ error }`. */
const callV1 = async (app: App, path: string, input: unknown, credentials: Credentials): Promise<Reply> => {
  const res = await app.request(`http://localhost${path}`, {
    method: "POST",
    headers: { ...headersOf(credentials, true), "content-type": "application/json" },
    body: JSON.stringify(input ?? {}),
  });
  const raw = await res.text();
  const body = JSON.parse(raw) as { error?: { code: string; message: string } };
  return {
    status: res.status,
    code: body.error?.code,
    message: body.error?.message,
    data: body.error === undefined ? body : undefined,
    requestId: res.headers.get("x-request-id") ?? "",
    raw,
  };
};

/** Calls `path` (a query as GET, a mutation as POST, a /v1 route as its POST) with `input` as `credentials`. */
export const call = async (
  app: App,
  type: "query" | "mutation",
  path: string,
  input: unknown,
  credentials: Credentials,
): Promise<Reply> => {
  if (path.startsWith("/v1/")) return callV1(app, path, input, credentials);
  const headers = headersOf(credentials, type === "mutation");
  const query =
    type === "query" && input !== undefined ? `?input=${encodeURIComponent(JSON.stringify(input))}` : "";
  const init: RequestInit = { method: type === "query" ? "GET" : "POST", headers };
  if (type === "mutation") {
    headers["content-type"] = "application/json";
    init.body = JSON.stringify(input ?? {});
  }
  const res = await app.request(`http://localhost/trpc/${path}${query}`, init);
  const raw = await res.text();
  const body = JSON.parse(raw) as {
    result?: { data: unknown };
    error?: { message: string; data: { code: string } };
  };
  return {
    status: res.status,
    code: body.error?.data.code,
    message: body.error?.message,
    data: body.result?.data,
    requestId: res.headers.get("x-request-id") ?? "",
    raw,
  };
};

/** Signs `email` in with the demo password; the session's cookie and CSRF token. */
export const signIn = async (app: App, email: string): Promise<Credentials> => {
  const res = await app.request("http://localhost/trpc/auth.login", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: "gatehouse-demo" }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${email} answered ${res.status}: ${await res.text()}`);
  const token = res.headers
    .getSetCookie()
    .find((c) => c.startsWith("gatehouse_session="))
    ?.slice("gatehouse_session=".length)
    .split(";")[0];
  const { result } = (await res.json()) as { result: { data: { csrfToken: string } } };
  return { kind: "session", cookie: `gatehouse_session=${token ?? ""}`, csrf: result.data.csrfToken };
};
