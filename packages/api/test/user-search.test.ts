// The header's user search (users.search) over a demo database: every admin level finds the users it may view,
// partner users holding roles here included, each with a place to open them from; nothing of another organization.
import { describe, expect, it } from "vitest";
import { demoApi } from "./support/demo-api.ts";

const { send, signIn } = demoApi();

interface Found {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly partnerOf: string | null;
  readonly place: { readonly product?: string; readonly instance?: string; readonly project?: string };
}

const search = async (who: string, query: string, org = "acme") => {
  const answer = await send("GET", "users.search", { org, search: query }, await signIn(who));
  return { ...answer, found: (answer.data ?? []) as ReadonlyArray<Found> };
};

describe("users.search", () => {
  it("finds the organization's users and partner users holding roles here for the super admin", async () => {
    const byName = await search("admin@acme.example", "pat product");
    expect(byName.status).toBe(200);
    expect(byName.found.map((u) => [u.email, u.partnerOf, u.place])).toEqual([
      ["product-admin@acme.example", null, {}],
    ]);
    const partners = await search("admin@acme.example", "agency");
    expect(partners.found.map((u) => [u.email, u.partnerOf])).toEqual([
      ["partneradmin@agency.example", "Agency"],
      ["partnerdev@agency.example", "Agency"],
      ["partneruser@agency.example", "Agency"],
    ]);
  });

  it("a product admin finds only users it may view, opened at the place it views them from", async () => {
    const own = await search("product-admin@acme.example", "instance");
    expect(own.status).toBe(200);
    expect(own.found.map((u) => [u.email, u.place])).toEqual([
      ["instance-admin@acme.example", { product: "cms", instance: "acme-cms" }],
    ]);
    // Partner users hold Mission Control roles, which a CMS product admin does not see.
    expect((await search("product-admin@acme.example", "agency")).found).toEqual([]);
    // Nor the super admin, whose grant sits at the organization.
    expect((await search("product-admin@acme.example", "ada")).found).toEqual([]);
  });

  it("a project owner finds its project's users, not the rest of the organization", async () => {
    const found = await search("project-owner@acme.example", "exp ");
    expect(found.status).toBe(200);
    expect(found.found.length).toBeGreaterThan(0);
    for (const user of found.found) expect(user.place.project).toBe("acme-checkout");
    expect((await search("project-owner@acme.example", "customer")).found).toEqual([]);
  });

  it("refuses a user with no admin level (403), another organization like a made-up one (404), bad input (400)", async () => {
    const refused = await search("customeruser@acme.example", "ada");
    expect(refused.status).toBe(403);
    expect(refused.error?.message).toContain("admin-center:user.view");
    const foreign = await search("admin@acme.example", "agency", "agency");
    const madeUp = await search("admin@acme.example", "agency", "no-such-org");
    expect(foreign.status).toBe(404);
    expect(foreign.error?.message).toBe(madeUp.error?.message?.replace("no-such-org", "agency"));
    const empty = await search("admin@acme.example", "");
    expect(empty.status).toBe(400);
    expect(empty.error?.message).toContain("search");
  });
});
