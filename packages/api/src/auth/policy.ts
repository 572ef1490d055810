// Sign-in's constants in one place: session lifetimes, the login limiter's thresholds, cookie and header names.
// docs/decisions.md#sign-in explains each choice.

/** A session ends after this long without a request (sliding; last use is recorded at most once a minute). */
export const sessionIdleSeconds = 12 * 60 * 60;
/** A session ends this long after sign-in, however active. */
export const sessionLifetimeSeconds = 7 * 24 * 60 * 60;

/** How far back the login limiter counts failures. */
export const loginWindowSeconds = 15 * 60;
/** Failed logins allowed per account (since its latest success) within the window; the next is refused. */
export const accountFailureLimit = 5;
/** Failed logins allowed per client address within the window; the next is refused, except for known accounts. */
export const addressFailureLimit = 20;
/** An account that signed in from an address within this long is known there: the address limit spares it. */
export const knownAccountSeconds = 30 * 24 * 60 * 60;
/** An attempt still unsettled after this long was abandoned (its process died) and counts as a failure. */
export const attemptAbandonedSeconds = 60;
/** How long an attempt waits, at most, for attempts in flight ahead of it that could tip a limit. */
export const attemptWaitSeconds = 20;
/** Failed and abandoned attempts older than this are deleted (after a successful login); successes after
 * `knownAccountSeconds`. */
export const attemptRetentionSeconds = 24 * 60 * 60;

export const sessionCookie = "gatehouse_session";
export const csrfCookie = "gatehouse_csrf";
export const csrfHeader = "x-csrf-token";
/** API keys read `gh_` followed by 32 random bytes in base64url. */
export const apiKeyPrefix = "gh_";
