// The Effect face of the engine: decisions come back as values, unknown vocabulary as typed failures.
// Runs through the in-memory layer, exactly as the API will use the live one.
import { describe, expect, it } from "@effect/vitest";
import { Effect, Exit } from "effect";
import { Authorizer } from "../../src/authorizer.ts";

const restart = {
  org: "acme",
  product: "mission-control",
  instance: "production",
  attrs: { production: true },
};

const withCustomerUser = Effect.gen(function* () {
  const authz = yield* Authorizer;
  authz.engine.snapshot.addUser("ana", "acme");
  authz.engine.snapshot.addGrant({
    id: "g1",
    subject: "ana",
    role: "mission-control:customerUser",
    scope: { org: "acme", product: "mission-control", instance: "production" },
  });
  return authz;
});

describe("Authorizer", () => {
  it.effect("answers check and checkMany with the engine's decisions", () =>
    Effect.gen(function* () {
      const authz = yield* withCustomerUser;
      expect(yield* authz.check("ana", "mission-control:site.restart", restart)).toBe("allow");
      const many = yield* authz.checkMany("ana", [
        { action: "mission-control:site.restart", resource: restart },
        { action: "mission-control:code.deploy", resource: restart },
      ]);
      expect(many).toEqual(["allow", "deny"]);
    }).pipe(Effect.provide(Authorizer.layerTest)),
  );

  it.effect("fails with UnknownAction for an action the catalog does not know", () =>
    Effect.gen(function* () {
      const authz = yield* withCustomerUser;
      const exit = yield* Effect.exit(authz.check("ana", "mission-control:site.explode", restart));
      expect(Exit.isFailure(exit)).toBe(true);
      const error = yield* Effect.flip(authz.check("ana", "mission-control:site.explode", restart));
      expect(error._tag).toBe("UnknownAction");
    }).pipe(Effect.provide(Authorizer.layerTest)),
  );

  it.effect("fails with UnknownSubject for a subject the snapshot does not hold", () =>
    Effect.gen(function* () {
      const authz = yield* withCustomerUser;
      const error = yield* Effect.flip(authz.check("nobody", "mission-control:site.restart", restart));
      expect(error._tag).toBe("UnknownSubject");
    }).pipe(Effect.provide(Authorizer.layerTest)),
  );

  it.effect("explains a deny with the nearest grant", () =>
    Effect.gen(function* () {
      const authz = yield* withCustomerUser;
      const why = yield* authz.explain("ana", "mission-control:code.deploy", restart);
      expect(why.decision).toBe("deny");
      expect(why.nearest?.role).toBe("mission-control:customerUser");
    }).pipe(Effect.provide(Authorizer.layerTest)),
  );
});
