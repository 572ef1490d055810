// Test support: one tRPC call over app.request, as a browser or a script makes it (session cookie, CSRF token,
// bearer key, client address), and its answer as the tests read it (status, data, error, Set-Cookie headers).
import type { createApp } from "../../src/app.ts";

export interface Call {
  readonly cookie?: string;
  readonly csrf?: string;
  readonly bearer?: string;
  /** The client address (x-forwarded-for; read only by an app that trusts the proxy). */
  readonly ip?: string;
  /** Where the request is sent from; http://localhost unless given. */
  readonly origin?: string;
  readonly headers?: Record<string, string>;
}

export interface Answer {
  readonly status: number;
  readonly data: unknown;
  readonly error: { readonly message: string; readonly data: { readonly code: string } } | undefined;
  readonly cookies: ReadonlyArray<string>;
}

/** Calls `path` with `input`: a query by GET (input in the URL), a mutation by POST (input as the JSON body). */
export const trpcRequest = async (
  app: ReturnType<typeof createApp>,
  method: "GET" | "POST",
  path: string,
  input: unknown,
  call: Call,
): Promise<Answer> => {
  const headers: Record<string, string> = {
    ...(call.ip === undefined ? {} : { "x-forwarded-for": call.ip }),
    ...call.headers,
  };
  if (call.cookie !== undefined) headers.cookie = call.cookie;
  if (call.csrf !== undefined) headers["x-csrf-token"] = call.csrf;
  if (call.bearer !== undefined) headers.authorization = `Bearer ${call.bearer}`;
  const query =
    method === "GET" && input !== undefined ? `?input=${encodeURIComponent(JSON.stringify(input))}` : "";
  const init: RequestInit = { method, headers };
  if (method === "POST") {
    headers["content-type"] = "application/json";
    init.body = JSON.stringify(input ?? {});
  }
  const res = await app.request(`${call.origin ?? "http://localhost"}/trpc/${path}${query}`, init);
  const body = (await res.json()) as { result?: { data: unknown }; error?: Answer["error"] };
  return {
    status: res.status,
    data: body.result?.data,
    error: body.error,
    cookies: res.headers.getSetCookie(),
  };
};

/** The value of cookie `name` among an answer's Set-Cookie headers, and the header itself. */
export const cookieOf = (answer: Answer, name: string) => {
  const header = answer.cookies.find((c) => c.startsWith(`${name}=`));
  return { header, value: header?.slice(name.length + 1).split(";")[0] };
};
