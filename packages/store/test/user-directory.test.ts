// The user directory's sorts on PGlite and PostgreSQL: by email, name or status, each way, ties broken by email,
// and keyset pages that continue each sort from a position without gaps or repeats.
import { expect } from "@effect/vitest";
import { describeBothBackends } from "@gatehouse/db/testing";
import { Effect } from "effect";
import { SqlClient } from "effect/sql";
import { StoreLive } from "../src/layer.ts";
import { Organizations } from "../src/organizations.ts";
import { UserDirectory, type UserPageQuery, type UserSort } from "../src/user-directory.ts";
import { Users } from "../src/users.ts";
import { seedRoles, setup } from "./support/store.ts";

/** Names, statuses and emails chosen so that sorting by each gives a different order, with ties. */
const people = [
  { id: "u1", email: "Dora@acme.example", name: "bob", status: "invited" },
  { id: "u2", email: "alice@acme.example", name: "Carl", status: "active" },
  { id: "u3", email: "carl@acme.example", name: "Bob", status: "invited" },
  { id: "u4", email: "bob@acme.example", name: "amy", status: "active" },
  { id: "u5", email: "eve@acme.example", name: "Dan", status: "invited" },
] as const;

const world = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient;
  yield* seedRoles;
  yield* (yield* Organizations).create({ id: "acme", name: "Acme", kind: "customer", products: ["cms"] });
  const users = yield* Users;
  for (const { id, email, name } of people) yield* users.create({ id, org: "acme", email, name });
  // Active accounts need a password: set both in SQL, the directory only reads them.
  yield* sql`update users set status = 'active', password_hash = 'x' where id in ('u2', 'u4')`;
});

/** Every page of `query` in turn, `size` at a time, each continuing from the previous page's last position. */
const allPages = (query: Omit<UserPageQuery, "limit" | "after">, size: number) =>
  Effect.gen(function* () {
    const directory = yield* UserDirectory;
    const pages: Array<ReadonlyArray<string>> = [];
    let page = yield* directory.page({ ...query, limit: size });
    while (page.length > 0) {
      pages.push(page.map((u) => u.id));
      const last = page.at(-1);
      if (last === undefined || page.length < size) break;
      page = yield* directory.page({ ...query, limit: size, after: last.position });
    }
    return pages;
  });

const sorted = (sort: UserSort) => allPages({ org: "acme", sort }, 2);

describeBothBackends(
  "the user directory's sorts",
  (_getSql, it) => {
    it.effect("sorts by email, name and status either way, ties by email, in keyset pages", () =>
      Effect.gen(function* () {
        yield* world;
        // Email is case-insensitive: Dora sorts between carl and eve.
        expect(yield* sorted({ by: "email", direction: "asc" })).toEqual([
          ["u2", "u4"],
          ["u3", "u1"],
          ["u5"],
        ]);
        expect(yield* sorted({ by: "email", direction: "desc" })).toEqual([
          ["u5", "u1"],
          ["u3", "u4"],
          ["u2"],
        ]);
        // bob and Bob tie on the name: carl@ (u3) before Dora@ (u1) ascending, after it descending.
        expect(yield* sorted({ by: "name", direction: "asc" })).toEqual([["u4", "u3"], ["u1", "u2"], ["u5"]]);
        expect(yield* sorted({ by: "name", direction: "desc" })).toEqual([
          ["u5", "u2"],
          ["u1", "u3"],
          ["u4"],
        ]);
        // active before invited, each by email.
        expect(yield* sorted({ by: "status", direction: "asc" })).toEqual([
          ["u2", "u4"],
          ["u3", "u1"],
          ["u5"],
        ]);
        expect(yield* sorted({ by: "status", direction: "desc" })).toEqual([
          ["u5", "u1"],
          ["u3", "u4"],
          ["u2"],
        ]);
      }).pipe(Effect.provide(StoreLive)),
    );

    it.effect("a page carries the position the next page continues from, with search and scope", () =>
      Effect.gen(function* () {
        yield* world;
        const directory = yield* UserDirectory;
        const first = yield* directory.page({
          org: "acme",
          sort: { by: "name", direction: "asc" },
          limit: 1,
        });
        expect(first.map((u) => u.position)).toEqual([{ key: "amy", email: "bob@acme.example" }]);
        const status = yield* directory.page({
          org: "acme",
          sort: { by: "status", direction: "desc" },
          limit: 1,
        });
        expect(status.map((u) => u.position)).toEqual([{ key: "invited", email: "eve@acme.example" }]);
        // Search narrows the sorted pages: "bo" matches the two Bobs and bob@ (amy).
        expect(
          yield* allPages({ org: "acme", search: "bo", sort: { by: "name", direction: "desc" } }, 2),
        ).toEqual([["u1", "u3"], ["u4"]]);
        // A scope with nobody in it is empty in every sort.
        expect(
          yield* allPages(
            { org: "acme", scope: { instance: "none" }, sort: { by: "status", direction: "asc" } },
            2,
          ),
        ).toEqual([]);
      }).pipe(Effect.provide(StoreLive)),
    );
  },
  { setup },
);
