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

/**
 * The last value of a comma-separated forwarded header, trimmed, or undefined: the one the trusted proxy wrote. A
 * proxy appends the address it saw to whatever the client sent, so the values before it are the client's own words.
 */
const lastForwarded = (value: string | undefined): string | undefined => {
  const last = value?.split(",").at(-1)?.trim();
  return last === undefined || last === "" ? undefined : last;
};

/** The socket's peer address; `unknown` when the request did not come through @hono/node-server. */
const socketAddress = (c: Context): string => {
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "unknown";
  }
};

/**
 * The client behind `c`; `trustProxy` (TRUST_PROXY=1: one reverse proxy in front) makes the last x-forwarded-for and
 * -proto values count.
 */
export const clientInfo = (c: Context, trustProxy: boolean): ClientInfo => {
  const forwardedFor = trustProxy ? lastForwarded(c.req.header("x-forwarded-for")) : undefined;
  const forwardedProto = trustProxy ? lastForwarded(c.req.header("x-forwarded-proto")) : undefined;
  return {
    address: forwardedFor ?? socketAddress(c),
    userAgent: c.req.header("user-agent") ?? null,
    secure: (forwardedProto ?? new URL(c.req.url).protocol.replace(/:$/, "")) === "https",
  };
};
