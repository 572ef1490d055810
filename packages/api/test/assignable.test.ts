// assignable.roles through app.request over a demo database: which roles each admin level may give at a scope,
// with the engine's reasons, matching what users.invite then accepts or refuses.
import { describe, expect, it } from "vitest";
import { type Call, demoApi } from "./support/demo-api.ts";

const { send, signIn } = demoApi();

const cms = { org: "acme", product: "cms", instance: "acme-cms" };
const checkout = { org: "acme", product: "experimentation", instance: "acme-exp", project: "acme-checkout" };
const homepage = { ...checkout, project: "acme-homepage" };

interface Offered {
  readonly id: string;
  readonly type: string;
  readonly decision: "allow" | "deny";
  readonly reason: string;
}

const offered = async (call: Call, scopes: ReadonlyArray<object>) => {
  const answer = await send("GET", "assignable.roles", { scopes }, call);
  expect(answer.status).toBe(200);
  const { roles } = answer.data as { roles: Offered[] };
  return new Map(roles.map((r) => [r.id, r]));
};

interface ScopeTree {
  readonly id: string;
  readonly invitable: boolean;
  readonly instances: ReadonlyArray<{
    readonly id: string;
    readonly invitable: boolean;
    readonly projects: ReadonlyArray<{ readonly id: string }>;
  }>;
}

const scopeTree = async (call: Call) => {
  const answer = await send("GET", "assignable.scopes", undefined, call);
  expect(answer.status).toBe(200);
  return answer.data as ScopeTree[];
};

describe("assignable.scopes", () => {
  it("the super admin may invite everywhere but to the Admin Center itself", async () => {
    const tree = await scopeTree(await signIn("admin@acme.example"));
    expect(tree.every((p) => p.invitable)).toBe(true);
    expect(tree.some((p) => p.id === "admin-center")).toBe(false);
    const exp = tree.find((p) => p.id === "experimentation");
    expect(exp?.instances[0]?.projects.map((p) => p.id)).toEqual(["acme-checkout", "acme-homepage"]);
  });

  it("an instance admin gets its instance, a project owner its project (without the instance)", async () => {
    expect(await scopeTree(await signIn("instance-admin@acme.example"))).toEqual([
      expect.objectContaining({
        id: "cms",
        invitable: false,
        instances: [{ id: "acme-cms", name: "Acme Site", invitable: true, projects: [] }],
      }),
    ]);
    expect(await scopeTree(await signIn("project-owner@acme.example"))).toEqual([
      expect.objectContaining({
        id: "experimentation",
        invitable: false,
        instances: [
          expect.objectContaining({
            id: "acme-exp",
            invitable: false,
            projects: [{ id: "acme-checkout", name: "Checkout", platform: "feature" }],
          }),
        ],
      }),
    ]);
  });
});

describe("assignable.roles", () => {
  it("the super admin may give every role valid at the instance, admin roles included", async () => {
    const roles = await offered(await signIn("admin@acme.example"), [cms]);
    expect(roles.get("cms:content-editors")?.decision).toBe("allow");
    expect(roles.get("admin-center:instance-admin")?.decision).toBe("allow");
    // Roles invalid at an instance are not offered at all.
    expect(roles.has("admin-center:super-admin")).toBe(false);
    expect(roles.has("admin-center:product-admin")).toBe(false);
    expect([...roles.keys()].every((id) => id.startsWith("cms:") || id.startsWith("admin-center:"))).toBe(
      true,
    );
  });

  it("offers a custom role only at the instance it was made for (the engine's placement rule)", async () => {
    const admin = await signIn("admin@acme.example");
    const made = await send(
      "POST",
      "roles.createCustom",
      { product: "cms", instance: "acme-cms", roleName: "Offered here", permissions: ["cms:content.edit"] },
      admin,
    );
    expect(made.status).toBe(200);
    const other = await send(
      "POST",
      "instances.create",
      { org: "acme", product: "cms", name: "Other site" },
      admin,
    );
    expect(other.status).toBe(200);
    const role = (made.data as { id: string }).id;
    expect((await offered(admin, [cms])).get(role)?.decision).toBe("allow");
    expect((await offered(admin, [{ ...cms, instance: (other.data as { id: string }).id }])).has(role)).toBe(
      false,
    );
    expect((await offered(admin, [{ org: "acme", product: "cms" }])).has(role)).toBe(false);
  });

  it("an instance admin sees the admin role refused with the engine's reason, and invite refuses it too", async () => {
    const instanceAdmin = await signIn("instance-admin@acme.example");
    const roles = await offered(instanceAdmin, [cms]);
    expect(roles.get("cms:content-editors")?.decision).toBe("allow");
    expect(roles.get("admin-center:instance-admin")).toMatchObject({
      decision: "deny",
      reason: "only a super admin can make a user an Admin Center administrator",
    });
    const invite = await send(
      "POST",
      "users.invite",
      {
        org: "acme",
        emails: ["would-be-admin@acme.example"],
        language: "en",
        grants: [{ role: "admin-center:instance-admin", scope: cms }],
      },
      instanceAdmin,
    );
    expect(invite.status).toBe(403);
  });

  it("a project owner may add editors but not publishers; over several projects one refusal decides", async () => {
    const owner = await signIn("project-owner@acme.example");
    const roles = await offered(owner, [checkout]);
    expect(roles.get("experimentation:editor")?.decision).toBe("allow");
    // Checkout is a Feature project: the Web-only restricted roles are not offered there.
    expect(roles.has("experimentation:restricted-editor")).toBe(false);
    expect(roles.get("experimentation:publisher")).toMatchObject({
      decision: "deny",
      reason: "a project owner adds only editors and viewers",
    });
    // It owns checkout only: on both projects even the editor role is refused.
    const both = await offered(owner, [checkout, homepage]);
    expect(both.get("experimentation:editor")?.decision).toBe("deny");
  });

  it("refuses other organizations, mixed products and callers without a session", async () => {
    const admin = await signIn("admin@acme.example");
    // Another organization's scope answers like a made-up organization's.
    const other = await send("GET", "assignable.roles", { scopes: [{ ...cms, org: "agency" }] }, admin);
    expect(other.status).toBe(404);
    const madeUp = await send("GET", "assignable.roles", { scopes: [{ ...cms, org: "nowhere-org" }] }, admin);
    expect(madeUp.error?.message).toBe(other.error?.message.replace("agency", "nowhere-org"));
    const mixed = await send("GET", "assignable.roles", { scopes: [cms, checkout] }, admin);
    expect(mixed.status).toBe(400);
    const anonymous = await send("GET", "assignable.roles", { scopes: [cms] }, {});
    expect(anonymous.status).toBe(401);
  });
});
