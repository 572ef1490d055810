// Groups (spec section 1, grants): a group's members inherit its grants; membership changes take effect
// at once, and a grant through a group is explained as held via that group.
import { describe, expect, it } from "vitest";
import { path, res } from "../support/scopes.ts";
import { NOW, world } from "../support/world.ts";

const s1 = path("acme", "cms", "s1");
const edit = "cms:content.edit";
const build = () =>
  world()
    .users("acme", "ann", "bob", "cat")
    .group("admins", "acme")
    .group("viewers", "acme")
    .member("admins", "ann")
    .member("viewers", "bob")
    .grant("admins", "cms:commerce-admins", s1, { id: "admins-grant" })
    .grant("viewers", "cms:content-editors", s1, { id: "viewers-grant" });

describe("groups", () => {
  it("a member inherits the group's grants; a non-member does not", () => {
    const { engine } = build();
    expect(engine.check("ann", edit, res(s1), NOW)).toBe("allow");
    expect(engine.check("bob", edit, res(s1), NOW)).toBe("deny");
    expect(engine.check("bob", "cms:edit-view.access", res(s1), NOW)).toBe("allow");
    expect(engine.check("cat", "cms:edit-view.access", res(s1), NOW)).toBe("deny");
  });

  it("the group's scope still bounds what members inherit", () => {
    const { engine } = build();
    expect(engine.check("ann", edit, res(path("acme", "cms", "s2")), NOW)).toBe("deny");
  });

  it("removing the membership removes the right", () => {
    const w = build();
    w.snapshot.removeMember("admins", "ann");
    expect(w.engine.check("ann", edit, res(s1), NOW)).toBe("deny");
  });

  it("adding a member after the grant gives the right at once", () => {
    const w = build();
    w.member("admins", "cat");
    expect(w.engine.check("cat", edit, res(s1), NOW)).toBe("allow");
  });

  it("a user in two groups holds the union of their rights", () => {
    const w = build().member("viewers", "ann");
    w.snapshot.removeMember("admins", "ann");
    expect(w.engine.check("ann", "cms:edit-view.access", res(s1), NOW)).toBe("allow");
    expect(w.engine.check("ann", edit, res(s1), NOW)).toBe("deny");
  });

  it("removing the group's grant or the group itself removes the members' right", () => {
    const a = build();
    a.snapshot.removeGrant("admins-grant");
    expect(a.engine.check("ann", edit, res(s1), NOW)).toBe("deny");
    const b = build();
    b.snapshot.removeSubject("admins");
    expect(b.engine.check("ann", edit, res(s1), NOW)).toBe("deny");
  });

  it("whoCan lists the group's members, not the group", () => {
    const { engine } = build();
    expect(engine.whoCan(edit, res(s1), NOW)).toEqual(["ann"]);
    expect(engine.whoCan("cms:edit-view.access", res(s1), NOW)).toEqual(["ann", "bob"]);
  });

  it("explain names the group a deciding grant comes through", () => {
    const { engine } = build();
    const why = engine.explain("ann", edit, res(s1), NOW);
    expect(why.decision).toBe("allow");
    expect(why.deciding.map((g) => [g.id, g.holder, g.via])).toEqual([["admins-grant", "admins", "admins"]]);
  });
});
