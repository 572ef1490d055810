// HTTP to the Gatehouse server for a decision point: the API key on every request, the server's refusals read
// into RemoteRefusal (its tRPC or JSON error code and message).
import { RemoteRefusal } from "./errors.ts";

export interface Transport {
  readonly get: (path: string, signal?: AbortSignal) => Promise<Response>;
  readonly post: (path: string, body: unknown, signal?: AbortSignal) => Promise<Response>;
  /** The refusal a non-2xx response carries. */
  readonly refusal: (response: Response) => Promise<RemoteRefusal>;
}

/** A transport to `url` (no trailing path) with `apiKey`, through `fetchImpl` (default: global fetch). */
export const transport = (url: string, apiKey: string, fetchImpl: typeof fetch = fetch): Transport => {
  const base = url.replace(/\/+$/, "");
  const headers = { authorization: `Bearer ${apiKey}` };
  return {
    get: (path, signal) => fetchImpl(`${base}${path}`, { headers, ...(signal && { signal }) }),
    post: (path, body, signal) =>
      fetchImpl(`${base}${path}`, {
        method: "POST",
        headers: { ...headers, "content-type": "application/json" },
        body: JSON.stringify(body),
        ...(signal && { signal }),
      }),
    refusal: async (response) => {
      const text = await response.text().catch(() => "");
      try {
        const parsed = JSON.parse(text) as {
          readonly error?: {
            readonly code?: unknown;
            readonly message?: unknown;
            readonly data?: { readonly code?: unknown };
          };
        };
        const code = parsed.error?.data?.code ?? parsed.error?.code;
        const message = parsed.error?.message;
        if (typeof message === "string")
          return new RemoteRefusal(typeof code === "string" ? code : String(response.status), message);
      } catch {
        // Not JSON: the status says enough.
      }
      return new RemoteRefusal(String(response.status), `The server answered ${response.status}`);
    },
  };
};
