// The two sign-in cookies: the session token (HttpOnly) and the CSRF token (readable by the page's script),
// both SameSite=Lax on path /, Secure over https, kept for the session's absolute lifetime.
import { generateCookie } from "hono/cookie";
import { csrfCookie, sessionCookie, sessionLifetimeSeconds } from "./policy.ts";

/** Set-Cookie values starting a session. */
export const sessionCookies = (token: string, csrfToken: string, secure: boolean): ReadonlyArray<string> => {
  const common = { path: "/", sameSite: "Lax", secure, maxAge: sessionLifetimeSeconds } as const;
  return [
    generateCookie(sessionCookie, token, { ...common, httpOnly: true }),
    generateCookie(csrfCookie, csrfToken, common),
  ];
};

/** Set-Cookie values clearing both cookies. */
export const clearedCookies = (secure: boolean): ReadonlyArray<string> => {
  const common = { path: "/", sameSite: "Lax", secure, maxAge: 0 } as const;
  return [
    generateCookie(sessionCookie, "", { ...common, httpOnly: true }),
    generateCookie(csrfCookie, "", common),
  ];
};
