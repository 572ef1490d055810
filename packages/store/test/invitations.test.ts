// Invitations and the user directory on PGlite and PostgreSQL: token lookup by hash, expiry read as expired,
// single-use accept, revoke and resend transitions, one pending invitation per email, keyset pages and search.
import { expect } from "@effect/vitest";
import { describeBothBackends } from "@gatehouse/db/testing";
import { Effect } from "effect";
import { SqlClient } from "effect/sql";
import { Grants } from "../src/grants.ts";
import { Invitations } from "../src/invitations.ts";
import { StoreLive } from "../src/layer.ts";
import { Organizations } from "../src/organizations.ts";
import { UserDirectory } from "../src/user-directory.ts";
import { Users } from "../src/users.ts";
import { seedRoles, setup } from "./support/store.ts";

const cms = { org: "acme", product: "cms", instance: "site" };
const later = () => new Date(Date.now() + 60 * 60 * 1000);

const world = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient;
  yield* seedRoles;
  yield* (yield* Organizations).create({ id: "acme", name: "Acme", kind: "customer", products: ["cms"] });
  yield* sql`insert into instances (id, org, product, name) values ('site', 'acme', 'cms', 'Site')`;
  const users = yield* Users;
  for (const [id, name] of [
    ["u1", "Zed 100%"],
    ["u2", "Amy"],
    ["u3", "Bob"],
    ["u4", "Cat"],
    ["u5", "Dan"],
  ] as const)
    yield* users.create({ id, org: "acme", email: `${id}@acme.example`, name });
});

describeBothBackends(
  "invitations and the user directory",
  (_getSql, it) => {
    it.effect("tokens by hash, expiry, single-use accept, revoke and resend", () =>
      Effect.gen(function* () {
        yield* world;
        const sql = yield* SqlClient.SqlClient;
        const invitations = yield* Invitations;
        const grants = [{ role: "cms:content-editors", scope: cms }];
        const base = { org: "acme", name: "", language: "en", grants, invitedBy: null };
        const a = yield* invitations.create({
          ...base,
          userId: "u1",
          email: "u1@acme.example",
          tokenHash: "h1",
          expiresAt: later(),
        });
        expect(a.value).toMatchObject({ status: "pending", grants, resendCount: 0, version: 1 });
        expect(JSON.stringify(a.after)).not.toContain("h1");

        // One pending invitation per (org, email).
        const twice = yield* Effect.flip(
          invitations.create({
            ...base,
            userId: "u1",
            email: "U1@acme.example",
            tokenHash: "h9",
            expiresAt: later(),
          }),
        );
        expect(twice._tag).toBe("AlreadyExists");

        expect((yield* invitations.byTokenHash("h1")).id).toBe(a.value.id);
        expect((yield* Effect.flip(invitations.byTokenHash("nope")))._tag).toBe("NotFound");

        const accepted = yield* invitations.accept(a.value.id, 1, "Zed Renamed");
        expect(accepted.value.status).toBe("accepted");
        expect((yield* (yield* Users).get("u1")).name).toBe("Zed Renamed");
        const again = yield* Effect.flip(invitations.accept(a.value.id, 2));
        expect(again._tag === "InvalidChange" && again.reason).toBe("invitation already used");

        const b = yield* invitations.create({
          ...base,
          userId: "u2",
          email: "u2@acme.example",
          tokenHash: "h2",
          expiresAt: later(),
        });
        expect((yield* Effect.flip(invitations.revoke(b.value.id, 7)))._tag).toBe("VersionConflict");
        expect((yield* invitations.revoke(b.value.id, 1)).value.status).toBe("revoked");
        expect((yield* Effect.flip(invitations.resend(b.value.id, 2, "h2b", later())))._tag).toBe(
          "InvalidChange",
        );

        const c = yield* invitations.create({
          ...base,
          userId: "u3",
          email: "u3@acme.example",
          tokenHash: "h3",
          expiresAt: later(),
        });
        yield* sql`update invitations set expires_at = now() - interval '1 second' where id = ${c.value.id}`;
        expect((yield* invitations.get(c.value.id)).status).toBe("expired");
        expect((yield* invitations.list("acme", "expired")).map((i) => i.id)).toEqual([c.value.id]);
        expect((yield* invitations.list("acme", "pending")).map((i) => i.id)).toEqual([]);
        expect((yield* Effect.flip(invitations.accept(c.value.id, 1)))._tag).toBe("InvalidChange");
        expect((yield* Effect.flip(invitations.revoke(c.value.id, 1)))._tag).toBe("InvalidChange");
        const resent = yield* invitations.resend(c.value.id, 1, "h3b", later());
        expect(resent.value).toMatchObject({ status: "pending", resendCount: 1, version: 2 });
        expect(resent.value.resentAt).not.toBeNull();
        expect((yield* Effect.flip(invitations.byTokenHash("h3")))._tag).toBe("NotFound");
        expect((yield* invitations.byTokenHash("h3b")).id).toBe(c.value.id);
        expect((yield* invitations.list("acme")).length).toBe(3);
      }).pipe(Effect.provide(StoreLive)),
    );

    it.effect("directory pages by email with a cursor, search (literal %) and scope", () =>
      Effect.gen(function* () {
        yield* world;
        const directory = yield* UserDirectory;
        const first = yield* directory.page({ org: "acme", limit: 2 });
        expect(first.map((u) => u.id)).toEqual(["u1", "u2"]);
        const second = yield* directory.page({
          org: "acme",
          limit: 2,
          after: { key: "u2@acme.example", email: "u2@acme.example" },
        });
        expect(second.map((u) => u.id)).toEqual(["u3", "u4"]);
        const last = yield* directory.page({
          org: "acme",
          limit: 2,
          after: { key: "u4@acme.example", email: "u4@acme.example" },
        });
        expect(last.map((u) => u.id)).toEqual(["u5"]);
        expect((yield* directory.page({ org: "acme", limit: 9, search: "AMY" })).map((u) => u.id)).toEqual([
          "u2",
        ]);
        expect((yield* directory.page({ org: "acme", limit: 9, search: "0%" })).map((u) => u.id)).toEqual([
          "u1",
        ]);
        expect((yield* directory.page({ org: "acme", limit: 9, search: "_" })).map((u) => u.id)).toEqual([]);
        yield* (yield* Grants).create({
          subject: { kind: "user", id: "u4" },
          role: "cms:content-editors",
          scope: cms,
        });
        const inSite = yield* directory.page({
          org: "acme",
          limit: 9,
          scope: { product: "cms", instance: "site" },
        });
        expect(inSite.map((u) => u.id)).toEqual(["u4"]);
        expect((yield* directory.page({ org: "acme", limit: 9, scope: { instance: "other" } })).length).toBe(
          0,
        );
      }).pipe(Effect.provide(StoreLive)),
    );
  },
  { setup },
);
