// The User Manager's queries at the scale the Admin Center must handle: 10,000 users in one instance, listed
// in keyset pages and searched on the server, never loaded whole. Users are inserted in bulk with SQL.
import { describe, expect, it } from "vitest";
import { demoApi } from "./support/demo-api.ts";

const { send, signIn, rows } = demoApi();

const users = 10_000;
const cms = { product: "cms", instance: "acme-cms" };

interface Page {
  readonly items: ReadonlyArray<{ readonly id: string; readonly email: string }>;
  readonly nextCursor: string | null;
}

describe("users at scale", () => {
  it("pages and searches 10,000 users of one instance on the server", async () => {
    await rows(`insert into users (id, org, email, name, status)
      select 'bulk-' || n, 'acme', 'bulk' || lpad(n::text, 5, '0') || '@acme.example', 'Bulk User ' || n, 'invited'
      from generate_series(1, ${users}) n`);
    await rows(`insert into grants (id, subject_kind, subject_id, role, org, product, instance)
      select 'bulk-grant-' || n, 'user', 'bulk-' || n, 'cms:content-editors', 'acme', 'cms', 'acme-cms'
      from generate_series(1, ${users}) n`);
    const admin = await signIn("admin@acme.example");
    const list = async (input: Record<string, unknown>) => {
      const answer = await send("GET", "users.list", { org: "acme", scope: cms, ...input }, admin);
      expect(answer.status).toBe(200);
      return answer.data as Page;
    };

    // Four pages of 50 follow each other without gaps or repeats, in email order.
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 4; page += 1) {
      const answer = await list({ limit: 50, ...(cursor === undefined ? {} : { cursor }) });
      expect(answer.items).toHaveLength(50);
      expect(answer.nextCursor).not.toBeNull();
      seen.push(...answer.items.map((u) => u.email));
      cursor = answer.nextCursor ?? undefined;
    }
    expect(new Set(seen).size).toBe(200);
    expect(seen).toEqual([...seen].sort());

    // Search finds one user among the 10,000 (and the instance's other members do not match).
    const found = await list({ search: "bulk04242" });
    expect(found.items.map((u) => u.email)).toEqual(["bulk04242@acme.example"]);
    expect(found.nextCursor).toBeNull();

    // A page is bounded whatever the caller asks.
    const tooMany = await send("GET", "users.list", { org: "acme", scope: cms, limit: 100_000 }, admin);
    expect(tooMany.status).toBe(400);
  }, 120_000);
});
