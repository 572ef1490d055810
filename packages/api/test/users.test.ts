// The users router through app.request over a demo database (PGlite): keyset pages and search, a user's
// grants seen from a context, removing access from one instance and removing from the account.
import { describe, expect, it } from "vitest";
import { type Call, demoApi } from "./support/demo-api.ts";

const { send, signIn, rows, auditCount } = demoApi();

const cms = { org: "acme", product: "cms", instance: "acme-cms" };
const checkout = { org: "acme", product: "experimentation", instance: "acme-exp", project: "acme-checkout" };

interface UserView {
  readonly id: string;
  readonly email: string;
}
interface Page {
  readonly items: ReadonlyArray<UserView>;
  readonly nextCursor: string | null;
}
interface Entitlements {
  readonly user: UserView;
  readonly grants: ReadonlyArray<{
    readonly id: string;
    readonly role: string;
    readonly scope: Record<string, string>;
    readonly expiresAt: string | null;
  }>;
}

const list = async (call: Call, input: Record<string, unknown>) => {
  const answer = await send("GET", "users.list", { org: "acme", ...input }, call);
  expect(answer.status).toBe(200);
  return answer.data as Page;
};

describe("users", () => {
  it("lists with keyset pages (disjoint, complete), search and scope; view rights are asked", async () => {
    const admin = await signIn("admin@acme.example");
    const all = await list(admin, { limit: 200 });
    expect(all.nextCursor).toBeNull();
    expect(all.items.length).toBeGreaterThan(10);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Page = await list(admin, { limit: 4, ...(cursor === null ? {} : { cursor }) });
      expect(page.items.length).toBeLessThanOrEqual(4);
      for (const user of page.items) expect(seen).not.toContain(user.id);
      seen.push(...page.items.map((u) => u.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor !== null && pages < 100);
    expect(seen).toEqual(all.items.map((u) => u.id));
    expect(pages).toBe(Math.ceil(all.items.length / 4));

    const found = await list(admin, { search: "INSTANCE" });
    expect(found.items.map((u) => u.email)).toEqual(["instance-admin@acme.example"]);
    const byName = await list(admin, { search: "olga" });
    expect(byName.items.map((u) => u.email)).toEqual(["project-owner@acme.example"]);
    expect((await list(admin, { search: "%" })).items).toEqual([]);

    const inCheckout = await list(admin, {
      scope: { product: "experimentation", instance: "acme-exp", project: "acme-checkout" },
    });
    const emails = inCheckout.items.map((u) => u.email);
    expect(emails).toContain("exp-editor@acme.example");
    expect(emails).toContain("project-owner@acme.example");
    expect(emails).not.toContain("instance-admin@acme.example");
    expect(emails).not.toContain("exp-restricted-editor@acme.example");

    const ian = await signIn("instance-admin@acme.example");
    expect((await send("GET", "users.list", { org: "acme" }, ian)).status).toBe(403);
    const mine = await list(ian, { scope: { product: "cms", instance: "acme-cms" } });
    expect(mine.items.map((u) => u.email)).toContain("instance-admin@acme.example");
    const bad = await send("GET", "users.list", { org: "acme", limit: 201 }, admin);
    expect(bad.status).toBe(400);
  });

  it("get shows the grants within the context; removeAccess removes only those inside the scope", async () => {
    const admin = await signIn("admin@acme.example");
    const invited = await send(
      "POST",
      "users.invite",
      {
        org: "acme",
        emails: ["two.places@acme.example"],
        language: "de",
        grants: [
          { role: "cms:content-editors", scope: cms },
          { role: "experimentation:viewer", scope: checkout },
        ],
      },
      admin,
    );
    expect(invited.status).toBe(200);
    const first = (invited.data as { invited: { user: UserView; expiresAt: string }[] }).invited[0];
    const userId = first?.user.id ?? "";

    const get = async (context: Record<string, string>) => {
      const answer = await send("GET", "users.get", { id: userId, context }, admin);
      expect(answer.status).toBe(200);
      return answer.data as Entitlements;
    };
    const inProject = await get(checkout);
    expect(inProject.grants.map((g) => g.role)).toEqual(["experimentation:viewer"]);
    // Until the invitation is accepted, its grants last only as long as it does.
    expect(inProject.grants[0]?.expiresAt).toBe(first?.expiresAt);
    expect((await get(cms)).grants.map((g) => g.role)).toEqual(["cms:content-editors"]);
    expect((await get({ org: "acme" })).grants.map((g) => g.role).sort()).toEqual([
      "cms:content-editors",
      "experimentation:viewer",
    ]);

    const ian = await signIn("instance-admin@acme.example");
    const audits = await auditCount();
    const outside = await send("POST", "users.removeAccess", { userId, scope: checkout }, ian);
    expect(outside.status).toBe(403);
    expect(await auditCount()).toBe(audits);

    const removed = await send("POST", "users.removeAccess", { userId, scope: cms }, ian);
    expect(removed.status).toBe(200);
    expect(await auditCount()).toBe(audits + 1);
    expect((await get({ org: "acme" })).grants.map((g) => g.role)).toEqual(["experimentation:viewer"]);

    const gone = await send("POST", "users.removeFromAccount", { userId }, admin);
    expect(gone.status).toBe(200);
    expect((await get({ org: "acme" })).grants).toEqual([]);
    expect(await rows(`select action from audit_log where target_id = '${userId}' order by id`)).toEqual([
      { action: "user.remove-access" },
      { action: "user.remove-from-account" },
    ]);
  });
});
