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

describe("group membership never crosses organizations", () => {
  const M = "mission-control";
  const cmsOf = (org: string) => path(org, "cms", "s1");
  const mc = path("acme", M, "production");
  // acme's group holds a CMS role, an Admin Center level and Experimentation's administrator; agency's partner
  // user and acme's own user are both offered as members.
  const crossing = () => {
    const w = world()
      .org("acme", "customer")
      .org("agency", "partner", [M, "admin-center", "cms", "experimentation"])
      .user("own", "acme")
      .user("partner", "agency")
      .group("crew", "acme")
      .grant("crew", "cms:commerce-admins", cmsOf("acme"), { id: "crew-cms" })
      .grant("crew", "admin-center:product-admin", path("acme", "experimentation"), { id: "crew-admin" })
      .grant("partner", `${M}:partnerAdmin`, mc, { id: "partner-direct" });
    const joined = {
      own: w.snapshot.addMember("crew", "own"),
      partner: w.snapshot.addMember("crew", "partner"),
    };
    return { w, joined };
  };
  const publish = res(cmsOf("acme"));
  const editor = {
    role: "experimentation:editor",
    scope: path("acme", "experimentation", "e1", "p1"),
    targetOrg: "acme",
  };

  type Row = readonly [question: string, member: "own" | "partner", expected: unknown];
  const rows: ReadonlyArray<Row> = [
    ["joins", "own", true],
    ["joins", "partner", false],
    ["check cms:content.publish", "own", "allow"],
    ["check cms:content.publish", "partner", "deny"],
    ["explain considers the group's grants", "own", true],
    ["explain considers the group's grants", "partner", false],
    ["whoCan cms:content.publish lists it", "own", true],
    ["whoCan cms:content.publish lists it", "partner", false],
    ["assign experimentation:editor through the group's admin level", "own", "allow"],
    ["assign experimentation:editor through the group's admin level", "partner", "deny"],
    ["lands on", "own", "instances:experimentation"],
    ["lands on", "partner", "none"],
  ];
  const ask = (question: string, member: "own" | "partner"): unknown => {
    const { w, joined } = crossing();
    const engine = w.engine;
    switch (question) {
      case "joins":
        return joined[member];
      case "check cms:content.publish":
        return engine.check(member, "cms:content.publish", publish, NOW);
      case "explain considers the group's grants":
        return engine
          .explain(member, "cms:content.publish", publish, NOW)
          .considered.some((c) => c.grant.via === "crew");
      case "whoCan cms:content.publish lists it":
        return engine.whoCan("cms:content.publish", publish, NOW).includes(member);
      case "assign experimentation:editor through the group's admin level":
        return engine.assign(member, editor, NOW).decision;
      default:
        return engine.landing(member, NOW);
    }
  };
  for (const [question, member, expected] of rows)
    it(`${question}: ${member === "own" ? "acme's user" : "agency's partner"} → ${String(expected)}`, () => {
      expect(ask(question, member)).toEqual(expected);
    });

  it("the partner keeps the Mission Control role given to it directly in acme", () => {
    const { engine } = crossing().w;
    expect(engine.check("partner", `${M}:site.view`, res(mc, { production: true }), NOW)).toBe("allow");
  });

  it("removing a membership that never counted changes nothing", () => {
    const { w } = crossing();
    w.snapshot.removeMember("crew", "partner");
    expect(w.engine.check("own", "cms:content.publish", publish, NOW)).toBe("allow");
    expect(w.engine.check("partner", "cms:content.publish", publish, NOW)).toBe("deny");
  });
});
