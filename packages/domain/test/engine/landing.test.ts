// Landing pages (spec section 3, admin-center): the widest admin level decides; a product admin of one product
// lands on its instances, an instance admin of one instance and a project owner of one project on its users;
// no admin level lands nowhere.
import { describe, expect, it } from "vitest";
import { path } from "../support/scopes.ts";
import { NOW, world } from "../support/world.ts";

const A = "admin-center";
const X = "experimentation";
const p = (instance: string, project: string) => path("acme", X, instance, project);

const w = world()
  .users(
    "acme",
    "super",
    "pa-one",
    "pa-two",
    "ia-one",
    "ia-two",
    "po-one",
    "po-two",
    "po-same-id",
    "exp-admin",
    "exp-owner",
    "roles-only",
    "plain",
    "none",
    "group-super",
  )
  .user("agency-pa", "agency")
  .group("supers", "acme")
  .member("supers", "group-super")
  .grant("super", `${A}:super-admin`, path("acme"))
  .grant("super", `${A}:product-admin`, path("acme", "cms"))
  .grant("pa-one", `${A}:product-admin`, path("acme", "cms"))
  .grant("pa-two", `${A}:product-admin`, path("acme", "cms"))
  .grant("pa-two", `${A}:product-admin`, path("acme", "odp"))
  .grant("ia-one", `${A}:instance-admin`, path("acme", "odp", "o1"))
  .grant("ia-two", `${A}:instance-admin`, path("acme", "odp", "o1"))
  .grant("ia-two", `${A}:instance-admin`, path("acme", "odp", "o2"))
  .grant("po-one", `${A}:project-owner`, p("e1", "p1"))
  .grant("po-two", `${A}:project-owner`, p("e1", "p1"))
  .grant("po-two", `${A}:project-owner`, p("e1", "p2"))
  .grant("po-same-id", `${A}:project-owner`, p("e1", "p1"))
  .grant("po-same-id", `${A}:project-owner`, p("e2", "p1"))
  .grant("exp-admin", `${X}:administrator`, path("acme", X, "e1"))
  .grant("exp-owner", `${X}:project-owner`, p("e1", "p3"))
  .grant("roles-only", `${A}:roles-admin`, path("acme"))
  .grant("plain", "cms:commerce-admins", path("acme", "cms"))
  .grant("supers", `${A}:super-admin`, path("acme"))
  .grant("agency-pa", `${A}:product-admin`, path("agency", "mission-control"));

describe("landing", () => {
  it.each([
    ["super", "products"],
    ["group-super", "products"],
    ["pa-one", "instances:cms"],
    ["pa-two", "products"],
    ["ia-one", "users:instance:odp/o1"],
    ["ia-two", "instances:odp"],
    ["po-one", "users:project:p1"],
    ["po-two", "projects"],
    ["exp-admin", "users:instance:experimentation/e1"],
    ["exp-owner", "users:project:p3"],
    ["roles-only", "none"],
    ["plain", "none"],
    ["none", "none"],
    ["agency-pa", "instances:mission-control"],
  ])("%s lands on %s", (who, page) => {
    expect(w.engine.landing(who, NOW)).toBe(page);
  });

  it("a project owner of two projects that share an id in two instances lands on projects", () => {
    // "users:project:<project> when it has one project": p1 of e1 and p1 of e2 are two projects
    expect(w.engine.landing("po-same-id", NOW)).toBe("projects");
  });

  it("a landing follows the grants as they change", () => {
    const v = world().user("u", "acme").grant("u", `${A}:project-owner`, p("e1", "p1"), { id: "one" });
    expect(v.engine.landing("u", NOW)).toBe("users:project:p1");
    v.grant("u", `${A}:product-admin`, path("acme", X), { id: "two" });
    expect(v.engine.landing("u", NOW)).toBe("instances:experimentation");
    v.snapshot.removeGrant("two");
    v.snapshot.removeGrant("one");
    expect(v.engine.landing("u", NOW)).toBe("none");
  });
});
