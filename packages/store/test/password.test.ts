// Password hashes: scrypt with the documented parameters, a fresh salt each time, verified in constant time.
// Hashing is slow on purpose (memory-hard); two hashes per test keep the suite quick.
import { describe, expect, it } from "@effect/vitest";
import { Effect } from "effect";
import { hashPassword, verifyPassword } from "../src/password.ts";

describe("password hashing", () => {
  it.effect("verifies the right password and rejects a wrong one", () =>
    Effect.gen(function* () {
      const hash = yield* hashPassword("gatehouse-demo");
      expect(hash).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{88}$/);
      expect(yield* verifyPassword("gatehouse-demo", hash)).toBe(true);
      expect(yield* verifyPassword("gatehouse-dem0", hash)).toBe(false);
      expect(yield* hashPassword("gatehouse-demo")).not.toBe(hash);
    }),
  );

  it.effect("rejects unreadable or tampered hashes", () =>
    Effect.gen(function* () {
      const hash = yield* hashPassword("secret");
      expect(yield* verifyPassword("secret", "")).toBe(false);
      expect(yield* verifyPassword("secret", hash.replace("scrypt", "bcrypt"))).toBe(false);
      expect(yield* verifyPassword("secret", hash.replace("$16384$", "$1073741824$"))).toBe(false);
      const parts = hash.split("$");
      parts[5] = Buffer.alloc(64).toString("base64");
      expect(yield* verifyPassword("secret", parts.join("$"))).toBe(false);
    }),
  );
});
