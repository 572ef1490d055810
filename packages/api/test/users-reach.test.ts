// users.list of a place over a demo database: everyone whose grants reach it (at it, above it with the place's
// product's roles, below it, through groups, partners included), each grant saying where it sits; still keyset.
import { describe, expect, it } from "vitest";
import { type Call, demoApi } from "./support/demo-api.ts";

const { send, signIn } = demoApi();

const org = { org: "acme" };
const sandbox = { product: "mission-control", instance: "acme-mc-sandbox" };

interface Access {
  readonly role: string | null;
  readonly roleName: string;
  readonly where: string;
  readonly via: { readonly id: string; readonly name: string } | null;
}
interface Row {
  readonly id: string;
  readonly email: string;
  readonly access: ReadonlyArray<Access>;
}
interface Page {
  readonly items: ReadonlyArray<Row>;
  readonly nextCursor: string | null;
}

const list = async (call: Call, scope: Record<string, string>, more: Record<string, unknown> = {}) => {
  const answer = await send("GET", "users.list", { ...org, scope, limit: 200, ...more }, call);
  expect(answer.status).toBe(200);
  return answer.data as Page;
};

/** Each listed user's grants as "role name @ where (via group)", by email. */
const reachOf = (page: Page) =>
  Object.fromEntries(
    page.items.map((u) => [
      u.email,
      u.access.map((a) => `${a.roleName} @ ${a.where}${a.via === null ? "" : ` via ${a.via.name}`}`),
    ]),
  );

const post = async (call: Call, path: string, input: unknown) => {
  const answer = await send("POST", path, input, call);
  expect(answer.status, JSON.stringify(answer.error)).toBe(200);
  return answer.data as { readonly id: string };
};

describe("users.list reach", () => {
  it("lists the users whose grants reach an instance: product-wide, at it and through a group", async () => {
    const admin = await signIn("admin@acme.example");
    const before = reachOf(await list(admin, sandbox));
    // The demo's six product-wide Mission Control grants, partners (agency) included; no Admin Center admins.
    expect(before).toEqual({
      "customeradmin@acme.example": ["customerAdmin @ all environments"],
      "customerdev@acme.example": ["customerDev @ all environments"],
      "customeruser@acme.example": ["customerUser @ all environments"],
      "partneradmin@agency.example": ["partnerAdmin @ all environments"],
      "partnerdev@agency.example": ["partnerDev @ all environments"],
      "partneruser@agency.example": ["partnerUser @ all environments"],
    });

    await post(admin, "grants.create", {
      subject: { kind: "user", id: "demo-exp-viewer" },
      role: "mission-control:customerUser",
      scope: { ...org, ...sandbox },
    });
    const group = await post(admin, "groups.create", { ...org, name: "Release crew" });
    await post(admin, "groups.addMember", { groupId: group.id, userId: "demo-exp-editor" });
    await post(admin, "groups.addMember", { groupId: group.id, userId: "demo-customeruser" });
    await post(admin, "grants.create", {
      subject: { kind: "group", id: group.id },
      role: "mission-control:customerDev",
      scope: { ...org, ...sandbox },
    });

    const after = reachOf(await list(admin, sandbox));
    expect(after["exp-viewer@acme.example"]).toEqual(["customerUser @ this instance"]);
    expect(after["exp-editor@acme.example"]).toEqual(["customerDev @ this instance via Release crew"]);
    expect(after["customeruser@acme.example"]).toEqual([
      "customerUser @ all environments",
      "customerDev @ this instance via Release crew",
    ]);
    // The other environment's list has neither.
    const production = reachOf(await list(admin, { ...sandbox, instance: "acme-mc-production" }));
    expect(production["exp-viewer@acme.example"]).toBeUndefined();
    expect(production["exp-editor@acme.example"]).toBeUndefined();
  });

  it("counts above a place only the place's product's roles, and below it every grant", async () => {
    const admin = await signIn("admin@acme.example");
    const cms = reachOf(await list(admin, { product: "cms", instance: "acme-cms" }));
    expect(cms["instance-admin@acme.example"]).toEqual(["Instance Admin @ this instance"]);
    expect(cms["product-admin@acme.example"]).toBeUndefined();
    expect(cms["admin@acme.example"]).toBeUndefined();

    const checkout = reachOf(
      await list(admin, { product: "experimentation", instance: "acme-exp", project: "acme-checkout" }),
    );
    expect(checkout["exp-administrator@acme.example"]).toEqual([
      "Administrator @ instance Acme Experimentation",
    ]);
    expect(checkout["exp-viewer@acme.example"]).toEqual(["Viewer @ this project"]);
    expect(checkout["exp-env-admin@acme.example"]).toContain("Environment Admin @ environment Production");
    expect(checkout["exp-restricted-editor@acme.example"]).toBeUndefined();
    // A project given without its instance is a place with a gap: refused, naming it.
    const bare = await send(
      "GET",
      "users.list",
      { ...org, scope: { product: "experimentation", project: "acme-checkout" } },
      admin,
    );
    expect(bare.status).toBe(400);
    expect(bare.error?.message).toContain("no such place exists");
  });

  it("users.get from a place answers the same reaching rows as the list; a user reached by none stays unknown", async () => {
    const admin = await signIn("admin@acme.example");
    const details = async (id: string, context: Record<string, string>) =>
      send("GET", "users.get", { id, context: { ...org, ...context } }, admin);
    /** users.get's answer as a list row: the user with its access. */
    const asRow = (data: unknown) => {
      const { user, access } = data as { user: Row; access: Row["access"] };
      return { ...user, access };
    };
    const listed = reachOf(await list(admin, sandbox));
    for (const [id, email] of [
      ["demo-customeruser", "customeruser@acme.example"],
      ["demo-exp-editor", "exp-editor@acme.example"],
      ["demo-partneradmin", "partneradmin@agency.example"],
    ] as const) {
      const answer = await details(id, sandbox);
      expect(answer.status).toBe(200);
      expect(reachOf({ items: [asRow(answer.data)], nextCursor: null })[email]).toEqual(listed[email]);
    }
    const partner = (await details("demo-partneradmin", sandbox)).data as { grants: unknown[] };
    expect(partner.grants).toEqual([]);
    expect(asRow(partner).access.map((a) => a.where)).toEqual(["all environments"]);
    // The partner's user reaches no CMS instance of acme: as unknown there as a made-up id.
    expect((await details("demo-partneradmin", { product: "cms", instance: "acme-cms" })).status).toBe(404);
  });

  it("pages the reached users by keyset in every sort; view rights are still asked", async () => {
    const admin = await signIn("admin@acme.example");
    for (const sort of [
      { by: "email", direction: "asc" },
      { by: "name", direction: "desc" },
    ]) {
      const all = await list(admin, sandbox, { sort });
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Page = await list(admin, sandbox, {
          sort,
          limit: 2,
          ...(cursor === null ? {} : { cursor }),
        });
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.items.map((u) => u.id));
        cursor = page.nextCursor;
      } while (cursor !== null);
      expect(seen).toEqual(all.items.map((u) => u.id));
      expect(new Set(seen).size).toBe(seen.length);
    }

    const ian = await signIn("instance-admin@acme.example");
    const refused = await send("GET", "users.list", { ...org, scope: sandbox }, ian);
    expect(refused.status).toBe(403);
    // A partner's user is no viewer of acme's people: acme is as unknown to it as a made-up organization.
    const partner = await signIn("partneradmin@agency.example");
    expect((await send("GET", "users.list", { ...org, scope: sandbox }, partner)).status).toBe(404);
  });
});
