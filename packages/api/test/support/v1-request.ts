// Test support: one /v1 decision API call over app.request, signed in as a script or browser does (bearer key, or
// session cookie with or without the CSRF token), and its answer as tests read it, next to tRPC's for comparing.
import type { Answer, Call } from "./trpc-request.ts";

/** The app under test: only its in-process `request` is used. */
export interface App {
  readonly request: (url: string, init?: RequestInit) => Response | Promise<Response>;
}

export interface V1Answer {
  readonly status: number;
  /** The parsed body: the answer, or `{ error: { code, message } }`. */
  readonly body: unknown;
  readonly contentType: string | null;
}

/** POSTs `body` (JSON unless already text) to `path` as `call`. */
export const v1Request = async (app: App, path: string, body: unknown, call: Call): Promise<V1Answer> => {
  const headers: Record<string, string> = { "content-type": "application/json", ...call.headers };
  if (call.cookie !== undefined) headers.cookie = call.cookie;
  if (call.csrf !== undefined) headers["x-csrf-token"] = call.csrf;
  if (call.bearer !== undefined) headers.authorization = `Bearer ${call.bearer}`;
  const res = await app.request(`http://localhost${path}`, {
    method: "POST",
    headers,
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json(), contentType: res.headers.get("content-type") };
};

/** What a caller sees of a tRPC answer, in /v1's terms: the status, and the error or the data. */
export const asV1 = (answer: Answer, wrap: (data: unknown) => unknown) => ({
  status: answer.status,
  body:
    answer.error === undefined
      ? wrap(answer.data)
      : { error: { code: answer.error.data.code, message: answer.error.message } },
});
