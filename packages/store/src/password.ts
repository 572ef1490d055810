// Password hashing with node's memory-hard scrypt (N=16384, r=8, p=1, 16-byte salt, 64-byte key),
// encoded `scrypt$N$r$p$salt$hash` (base64); verification compares in constant time.
import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from "node:crypto";
import { Effect } from "effect";

const params = { N: 16384, r: 8, p: 1 } as const;
const keyLength = 64;
const saltLength = 16;

const derive = (
  password: string,
  salt: Buffer,
  length: number,
  options: ScryptOptions,
): Effect.Effect<Buffer> =>
  Effect.callback<Buffer>((resume) => {
    scrypt(password.normalize("NFKC"), salt, length, options, (error, key) =>
      resume(error === null ? Effect.succeed(key) : Effect.die(error)),
    );
  });

/** A new salted hash of `password`. */
export const hashPassword = Effect.fn("Password.hash")(function* (password: string) {
  const salt = randomBytes(saltLength);
  const key = yield* derive(password, salt, keyLength, { ...params, maxmem: 64 * 1024 * 1024 });
  return ["scrypt", params.N, params.r, params.p, salt.toString("base64"), key.toString("base64")].join("$");
});

/** True when `password` matches `encoded`; false for a wrong password or an unreadable hash. */
export const verifyPassword = Effect.fn("Password.verify")(function* (password: string, encoded: string) {
  const [scheme, n, r, p, salt, hash, ...rest] = encoded.split("$");
  if (scheme !== "scrypt" || salt === undefined || hash === undefined || rest.length > 0) return false;
  const N = Number(n);
  const R = Number(r);
  const P = Number(p);
  // Refuse parameters this service would never write (and that could exhaust memory).
  if (![N, R, P].every(Number.isInteger) || N < 2 || N > 1 << 20 || R < 1 || R > 32 || P < 1 || P > 16)
    return false;
  const expected = Buffer.from(hash, "base64");
  if (expected.length === 0) return false;
  const key = yield* derive(password, Buffer.from(salt, "base64"), expected.length, {
    N,
    r: R,
    p: P,
    maxmem: 256 * N * R * P,
  });
  return timingSafeEqual(key, expected);
});
