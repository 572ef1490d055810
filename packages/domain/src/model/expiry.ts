// When a grant stops counting: an expiry of 0 means never; otherwise it counts strictly before that instant.
// Every layer that asks whether a grant is in force (engine, store, API) asks this one function.

/**
 * True when a grant expiring at `expiresAt` (epoch ms, 0 = never) is in force at `now` (epoch ms; 0 = read the
 * clock, and only when the grant does expire).
 */
export const inForce = (expiresAt: number, now: number): boolean =>
  expiresAt === 0 || expiresAt > (now || Date.now());
