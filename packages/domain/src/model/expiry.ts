// When a grant stops counting: an expiry of 0 means never; otherwise it counts strictly before that instant.
// Every layer that asks whether a grant is in force (engine, store, API) asks these functions.

/**
 * True when a grant expiring at `expiresAt` (epoch ms, 0 = never) is in force at `now` (epoch ms; 0 = read the
 * clock, and only when the grant does expire).
 */
export const inForce = (expiresAt: number, now: number): boolean =>
  expiresAt === 0 || expiresAt > (now || Date.now());

/**
 * True when `expiresAt`, given as a grant's new expiry, is already past at `now` (epoch ms): a grant given or changed
 * so would never count, which no one means, so the API refuses it.
 */
export const pastExpiry = (expiresAt: Date, now = Date.now()): boolean => expiresAt.getTime() <= now;
