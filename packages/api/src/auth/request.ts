// What the API knows about the client of one request: its address (for the login limiter) and whether it
// came over https (for the cookies' Secure flag). Forwarded headers count only behind a trusted proxy.
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";

export interface ClientInfo {
  readonly address: string;
  readonly userAgent: string | null;
  /** True when the request reached the client over https. */
  readonly secure: boolean;
}

/** The first value of a comma-separated forwarded header, trimmed, or undefined. */
const firstForwarded = (value: string | undefined): string | undefined => {
  const first = value?.split(",")[0]?.trim();
  return first === undefined || first === "" ? undefined : first;
};

/** The socket's peer address; `unknown` when the request did not come through @hono/node-server. */
const socketAddress = (c: Context): string => {
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "unknown";
  }
};

/** The client behind `c`; `trustProxy` (TRUST_PROXY=1) makes x-forwarded-for and -proto count. */
export const clientInfo = (c: Context, trustProxy: boolean): ClientInfo => {
  const forwardedFor = trustProxy ? firstForwarded(c.req.header("x-forwarded-for")) : undefined;
  const forwardedProto = trustProxy ? firstForwarded(c.req.header("x-forwarded-proto")) : undefined;
  return {
    address: forwardedFor ?? socketAddress(c),
    userAgent: c.req.header("user-agent") ?? null,
    secure: (forwardedProto ?? new URL(c.req.url).protocol.replace(/:$/, "")) === "https",
  };
};
