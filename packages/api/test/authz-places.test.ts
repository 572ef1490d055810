// Asking about others where one administers: a project owner may explain and preview its collaborators'
// decisions inside its project, not in another project; an organization's super admin everywhere in it.
import { describe, expect, it } from "vitest";
import { demoApi } from "./support/demo-api.ts";

const { send, signIn } = demoApi();

const checkout = { org: "acme", product: "experimentation", instance: "acme-exp", project: "acme-checkout" };
const homepage = { ...checkout, project: "acme-homepage" };
const about = (resource: object) => ({
  subject: "demo-exp-editor",
  action: "experimentation:flag.view",
  resource,
});

describe("asking about others where one administers", () => {
  it("a project owner asks inside its project only; the super admin anywhere in its organization", async () => {
    const owner = await signIn("project-owner@acme.example");
    const inside = await send("GET", "authz.explain", about(checkout), owner);
    expect(inside.status).toBe(200);
    expect((inside.data as { subject: string }).subject).toBe("demo-exp-editor");
    const elsewhere = await send("GET", "authz.explain", about(homepage), owner);
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.error?.message).toContain("acme-homepage");
    const mixed = await send(
      "POST",
      "authz.checkMany",
      { subject: "demo-exp-editor", checks: [about(checkout), about(homepage)] },
      owner,
    );
    expect(mixed.status).toBe(403);

    const admin = await signIn("admin@acme.example");
    expect((await send("GET", "authz.explain", about(homepage), admin)).status).toBe(200);
  });
});
