// Secrets of sign-in: random tokens (32 bytes, base64url), their SHA-256 hashes (what the database keeps),
// and a constant-time comparison of hashes. node:crypto primitives only.
import { hash, randomBytes, timingSafeEqual } from "node:crypto";
import { apiKeyPrefix } from "./policy.ts";

/** A new random token: 32 bytes from the system's CSPRNG, base64url. */
export const newToken = (): string => randomBytes(32).toString("base64url");

/**
 * The SHA-256 of `token` (UTF-8), hex: what sessions, CSRF tokens and API keys are stored and looked up by.
 * One-shot `hash`: a third of createHash's cost, paid by every request that carries a key or a cookie.
 */
export const hashToken = (token: string): string => hash("sha256", token, "hex");

/** True when `token` hashes to `expectedHash`, compared in constant time. */
export const matchesHash = (token: string, expectedHash: string): boolean => {
  const actual = Buffer.from(hashToken(token), "hex");
  const expected = Buffer.from(expectedHash, "hex");
  return actual.length === expected.length && timingSafeEqual(actual, expected);
};

/** A new API key (`gh_…`) and the short prefix kept to tell keys apart (the prefix and 6 characters). */
export const newApiKey = (): { readonly key: string; readonly prefix: string } => {
  const key = `${apiKeyPrefix}${newToken()}`;
  return { key, prefix: key.slice(0, apiKeyPrefix.length + 6) };
};
