// users.list sorted by email, name or status, either way, at 10,000 users in one instance: keyset pages follow
// the database's own order without gaps or repeats, a cursor only continues its own sort, and pages stay cheap.
import { describe, expect, it } from "vitest";
import { type Call, demoApi } from "./support/demo-api.ts";

const { send, signIn, rows } = demoApi();

const users = 10_000;
const cms = { product: "cms", instance: "acme-cms" };

interface Page {
  readonly items: ReadonlyArray<{ readonly id: string; readonly name: string; readonly status: string }>;
  readonly nextCursor: string | null;
}

/** The SQL order each sort means (ties by lower-cased email), to compare the API's pages with. */
const orderBy = {
  email: "lower(u.email)",
  name: "lower(u.name) %d, lower(u.email)",
  status: "u.status %d, lower(u.email)",
} as const;

describe("users.list sorted", () => {
  let admin: Call;
  const list = async (input: Record<string, unknown>) => {
    const answer = await send("GET", "users.list", { org: "acme", scope: cms, ...input }, admin);
    expect(answer.error?.message).toBeUndefined();
    return answer.data as Page;
  };
  /** The first `count` user ids of the instance in `by` order, as the database sorts them. */
  const expected = async (by: keyof typeof orderBy, direction: "asc" | "desc", count: number) =>
    (
      await rows<{ id: string }>(`select u.id from users u
        where exists (select 1 from grants g where g.subject_user = u.id and g.org = 'acme' and g.instance = 'acme-cms')
        order by ${orderBy[by].replaceAll("%d", direction)} ${direction} limit ${count}`)
    ).map((r) => r.id);

  it("pages 10,000 users of one instance in every sort, each way, in the database's order", async () => {
    // 1,000 names held by 10 users each (ties), a third of them active.
    await rows(`insert into users (id, org, email, name, status, password_hash)
      select 'bulk-' || n, 'acme', 'bulk' || lpad(n::text, 5, '0') || '@acme.example',
        (array['Zoe', 'adam', 'Mia', 'liam'])[n % 4 + 1] || ' Bulk ' || (n % 1000),
        case when n % 3 = 0 then 'active' else 'invited' end, case when n % 3 = 0 then 'x' end
      from generate_series(1, ${users}) n`);
    await rows(`insert into grants (id, subject_kind, subject_id, role, org, product, instance)
      select 'bulk-grant-' || n, 'user', 'bulk-' || n, 'cms:content-editors', 'acme', 'cms', 'acme-cms'
      from generate_series(1, ${users}) n`);
    // PostgreSQL's autovacuum analyzes a table after such a load; PGlite has none, so do it here.
    await rows("analyze users");
    await rows("analyze grants");
    admin = await signIn("admin@acme.example");

    for (const by of ["email", "name", "status"] as const)
      for (const direction of ["asc", "desc"] as const) {
        const seen: string[] = [];
        let cursor: string | undefined;
        for (let page = 0; page < 4; page += 1) {
          const answer = await list({
            sort: { by, direction },
            limit: 50,
            ...(cursor === undefined ? {} : { cursor }),
          });
          expect(answer.items).toHaveLength(50);
          seen.push(...answer.items.map((u) => u.id));
          cursor = answer.nextCursor ?? undefined;
        }
        expect(seen, `${by} ${direction}`).toEqual(await expected(by, direction, 200));
      }
  }, 180_000);

  it("walks an index in the sort's order, never sorting the instance's or the organization's users", async () => {
    const plan = async (where: string, by: "name" | "status", direction: "asc" | "desc") =>
      (
        await rows<Record<string, string>>(`explain select u.id from users u where ${where}
          and (${by === "name" ? "lower(u.name)" : "u.status"}, lower(u.email)) > ('m', 'm')
          order by ${orderBy[by].replaceAll("%d", direction)} ${direction} limit 51`)
      )
        .map((r) => Object.values(r)[0])
        .join("\n");
    const inInstance = `exists (select 1 from grants g where g.subject_user = u.id and g.org = 'acme'
      and g.product = 'cms' and g.instance = 'acme-cms')`;
    for (const where of [inInstance, "u.org = 'acme'"])
      for (const direction of ["asc", "desc"] as const) {
        const byName = await plan(where, "name", direction);
        expect(byName).toContain("users_name_sort_idx");
        expect(byName).not.toMatch(/\bSort\b/);
        const byStatus = await plan(where, "status", direction);
        expect(byStatus).toContain("users_status_sort_idx");
        expect(byStatus).not.toMatch(/\bSort\b/);
      }
  });

  it("keeps email A to Z as the default and sorts search results", async () => {
    const byDefault = await list({ limit: 20 });
    expect(byDefault.items.map((u) => u.id)).toEqual(await expected("email", "asc", 20));
    const found = await list({ search: "Bulk 42", sort: { by: "name", direction: "desc" }, limit: 200 });
    // "Bulk 42", "Bulk 420".."Bulk 429": 11 names of 10 users each, Zoe/liam/Mia/adam by the name.
    expect(found.items).toHaveLength(110);
    const names = found.items.map((u) => u.name.toLowerCase());
    expect(names).toEqual([...names].sort().reverse());
  });

  it("refuses a cursor made for another sort, or no cursor at all, as BAD_REQUEST", async () => {
    const byName = await list({ sort: { by: "name", direction: "asc" }, limit: 5 });
    expect(byName.nextCursor).not.toBeNull();
    const other = (input: Record<string, unknown>) =>
      send("GET", "users.list", { org: "acme", scope: cms, limit: 5, ...input }, admin);
    for (const sort of [{ by: "name", direction: "desc" }, { by: "status", direction: "asc" }, undefined]) {
      const answer = await other({ cursor: byName.nextCursor, ...(sort === undefined ? {} : { sort }) });
      expect(answer.status).toBe(400);
      expect(answer.error?.message).toContain("cursor");
    }
    for (const cursor of ["not-a-cursor", Buffer.from("[1,2]").toString("base64url")]) {
      const answer = await other({ cursor });
      expect(answer.status).toBe(400);
    }
    expect((await other({ sort: { by: "id", direction: "asc" } })).status).toBe(400);
    expect((await other({ sort: { by: "name", direction: "up" } })).status).toBe(400);
  });
});
