// The sign-in repositories on PGlite and PostgreSQL: credentials (users and operators, same answer for every
// failure), sessions by token hash with expiry and idle timeout, API keys by hash, and the login limiter's log.
import { expect } from "@effect/vitest";
import { describeBothBackends } from "@gatehouse/db/testing";
import { Effect } from "effect";
import { SqlClient } from "effect/sql";
import { ApiKeys } from "../src/api-keys.ts";
import { Credentials } from "../src/credentials.ts";
import { StoreLive } from "../src/layer.ts";
import { LoginAttempts } from "../src/login-attempts.ts";
import { Operators } from "../src/operators.ts";
import { Organizations } from "../src/organizations.ts";
import { hashPassword } from "../src/password.ts";
import { Sessions } from "../src/sessions.ts";
import { Users } from "../src/users.ts";
import { setup } from "./support/store.ts";

/** Organization acme, an active user ana, an invited user ivy and an operator, all with password "pw". */
const world = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient;
  const hash = yield* hashPassword("pw");
  yield* (yield* Organizations).create({ id: "acme", name: "Acme", kind: "customer", products: ["cms"] });
  const users = yield* Users;
  yield* users.create({
    id: "ana",
    org: "acme",
    email: "ana@acme.example",
    name: "Ana",
    status: "active",
    passwordHash: hash,
  });
  yield* users.create({ id: "ivy", org: "acme", email: "ivy@acme.example", name: "Ivy" });
  yield* sql`insert into operators (id, email, name, password_hash) values ('op', 'op@gh.example', 'Op', ${hash})`;
});

describeBothBackends(
  "sign-in repositories",
  (_getSql, it) => {
    it.effect("verify users and operators by password, and sessions resolve until removed or expired", () =>
      Effect.gen(function* () {
        yield* world;
        const sql = yield* SqlClient.SqlClient;
        const credentials = yield* Credentials;
        expect(yield* credentials.verify("ANA@acme.example", "pw")).toEqual({
          kind: "user",
          id: "ana",
          org: "acme",
        });
        expect(yield* credentials.verify("op@gh.example", "pw")).toEqual({ kind: "operator", id: "op" });
        expect(yield* credentials.verify("ana@acme.example", "wrong")).toBeUndefined();
        expect(yield* credentials.verify("nobody@acme.example", "pw")).toBeUndefined();
        expect(yield* credentials.verify("ivy@acme.example", "pw")).toBeUndefined();
        expect((yield* (yield* Operators).get("op")).email).toBe("op@gh.example");

        const sessions = yield* Sessions;
        const base = { csrfHash: "c1", userAgent: "test", ip: "10.0.0.1", lifetimeSeconds: 3600 };
        yield* sessions.create({
          ...base,
          idHash: "s-ana",
          holder: { kind: "user", id: "ana", org: "acme" },
        });
        yield* sessions.create({ ...base, idHash: "s-op", holder: { kind: "operator", id: "op" } });
        yield* sessions.create({ ...base, idHash: "s-old", holder: { kind: "operator", id: "op" } });
        expect(yield* sessions.resolve("s-ana", 600)).toEqual({
          holder: { kind: "user", id: "ana", org: "acme" },
          csrfHash: "c1",
        });
        expect((yield* sessions.resolve("s-op", 600))?.holder).toEqual({ kind: "operator", id: "op" });
        expect(yield* sessions.resolve("unknown", 600)).toBeUndefined();

        // Idle too long, then past its absolute expiry: neither resolves, and prune deletes the idle one.
        yield* sql`update sessions set last_seen_at = now() - interval '20 minutes' where id = 's-old'`;
        expect(yield* sessions.resolve("s-old", 600)).toBeUndefined();
        yield* sql`update sessions set expires_at = now() - interval '1 second' where id = 's-op'`;
        expect(yield* sessions.resolve("s-op", 600)).toBeUndefined();
        yield* sessions.prune(600);
        const left = yield* sql<{ readonly id: string }>`select id from sessions order by id`;
        expect(left.map((r) => r.id)).toEqual(["s-ana"]);

        // A disabled user's session stops resolving; removing a session deletes it.
        yield* sql`update users set status = 'disabled' where id = 'ana'`;
        expect(yield* sessions.resolve("s-ana", 600)).toBeUndefined();
        const removed = yield* sessions.remove("s-ana");
        expect(removed.before).toMatchObject({ holder: { kind: "user", id: "ana" }, ip: "10.0.0.1" });
        expect(JSON.stringify(removed)).not.toContain("s-ana");
        expect((yield* Effect.flip(sessions.remove("s-ana")))._tag).toBe("NotFound");
      }).pipe(Effect.provide(StoreLive)),
    );

    it.effect("store API keys by hash, list them without it, and stop resolving revoked ones", () =>
      Effect.gen(function* () {
        yield* world;
        const keys = yield* ApiKeys;
        const created = yield* keys.create({
          id: "k1",
          org: "acme",
          name: "Checkout backend",
          keyHash: "hash-1",
          prefix: "gh_abcd",
          createdBy: "ana",
        });
        expect(created.value).toMatchObject({ id: "k1", org: "acme", prefix: "gh_abcd", revokedAt: null });
        expect(JSON.stringify(created)).not.toContain("hash-1");
        expect(yield* keys.resolve("hash-1")).toEqual({ id: "k1", org: "acme" });
        expect((yield* keys.get("k1")).lastUsedAt).toBeNull();
        yield* keys.markUsed("k1");
        expect((yield* keys.get("k1")).lastUsedAt).toBeInstanceOf(Date);
        expect(yield* keys.resolve("hash-2")).toBeUndefined();
        const listed = yield* keys.list("acme");
        expect(listed.map((k) => k.id)).toEqual(["k1"]);
        expect(JSON.stringify(listed)).not.toContain("hash-1");

        const revoked = yield* keys.revoke("k1");
        expect(revoked.value.revokedAt).toBeInstanceOf(Date);
        expect(revoked.value.version).toBe(2);
        expect(yield* keys.resolve("hash-1")).toBeUndefined();
        expect((yield* Effect.flip(keys.revoke("k1")))._tag).toBe("VersionConflict");
        expect((yield* Effect.flip(keys.revoke("k9")))._tag).toBe("NotFound");
        expect(yield* keys.list("acme")).toHaveLength(1);
      }).pipe(Effect.provide(StoreLive)),
    );

    it.effect("count settled failures per key in a window, an account's since its latest success", () =>
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient;
        const attempts = yield* LoginAttempts;
        const window = { seconds: 900, sinceSuccess: false, abandonedAfterSeconds: 60 };
        const account = { ...window, sinceSuccess: true };
        const failed = () =>
          Effect.flatMap(attempts.begin(["account:a", "address:1"]), (ids) => attempts.settle(ids, false));
        yield* failed();
        yield* failed();
        const [mine = ""] = yield* attempts.begin(["account:a"]);
        expect(yield* attempts.tally("account:a", account, mine)).toEqual({ failures: 2, ahead: 0 });
        // Attempts in flight are no failures; those that started earlier are counted as ahead.
        const [later = ""] = yield* attempts.begin(["account:a"]);
        expect(yield* attempts.tally("account:a", account, later)).toEqual({ failures: 2, ahead: 1 });
        yield* attempts.settle([mine], true);
        expect(yield* attempts.tally("account:a", account, later)).toEqual({ failures: 0, ahead: 0 });
        expect(yield* attempts.tally("address:1", window, later)).toEqual({ failures: 2, ahead: 0 });
        yield* attempts.forget([later]);
        expect(yield* attempts.succeededWithin("account:a", 60)).toBe(true);
        expect(yield* attempts.succeededWithin("address:1", 60)).toBe(false);

        // An attempt left in flight past its deadline (its process died) counts as failed.
        const [stuck = ""] = yield* attempts.begin(["address:2"]);
        yield* sql`update login_attempts set attempted_at = now() - interval '2 minutes' where id = ${stuck}`;
        expect(yield* attempts.tally("address:2", window, stuck)).toEqual({ failures: 1, ahead: 0 });

        // Old failures fall out of the window; prune deletes them, and successes only after their own age.
        yield* sql`update login_attempts set attempted_at = now() - interval '1 hour' where key <> 'address:2'`;
        expect(yield* attempts.tally("address:1", window, stuck)).toEqual({ failures: 0, ahead: 0 });
        yield* attempts.prune(1800, 86_400);
        const left = yield* sql<{ readonly key: string }>`select key from login_attempts order by id`;
        expect(left.map((r) => r.key)).toEqual(["account:a", "address:2"]);
        yield* attempts.prune(1800, 1800);
        expect(yield* sql`select key from login_attempts`).toHaveLength(1);
      }).pipe(Effect.provide(StoreLive)),
    );
  },
  { setup },
);
