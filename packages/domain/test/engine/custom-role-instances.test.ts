// A custom role made for an instance is granted only there or below it: engine.assign asks the domain's placement
// rule (rules/custom-role.ts), so every caller of assign (grants, invitations, previews) gets the same answer.
import { describe, expect, it } from "vitest";
import { path } from "../support/scopes.ts";
import { NOW, world } from "../support/world.ts";

const site = path("acme", "cms", "acme-site");
const blog = path("acme", "cms", "acme-blog");

const build = () =>
  world()
    .users("acme", "super", "ann")
    .grant("super", "admin-center:super-admin", path("acme"))
    .customRole({
      id: "site-editors",
      org: "acme",
      instance: "acme-site",
      label: "CMS-Acme Site-Editors",
      product: "cms",
      permissions: ["cms:content.edit"],
    });

const assign = (w: ReturnType<typeof build>, scope: ReturnType<typeof path>) =>
  w.engine.assign("super", { role: "site-editors", scope, targetOrg: "acme", targetUser: "ann" }, NOW);

describe("custom roles are granted at their instance", () => {
  it("at its instance and below it", () => {
    const w = build();
    expect(assign(w, site).decision).toBe("allow");
    expect(assign(w, { ...site, project: "home" }).decision).toBe("allow");
  });

  it("not at another instance or product-wide, for anyone", () => {
    const w = build();
    for (const scope of [blog, path("acme", "cms")])
      expect(assign(w, scope)).toEqual({
        decision: "invalid",
        reason:
          'role: the custom role "CMS-Acme Site-Editors" belongs to instance acme-site: it can be granted only there or on its projects',
      });
  });

  it("follows the role's definition: made product-wide, it is granted at any instance", () => {
    const w = build();
    w.customRole({ id: "site-editors", org: "acme", product: "cms", permissions: ["cms:content.edit"] });
    expect(assign(w, blog).decision).toBe("allow");
  });
});
