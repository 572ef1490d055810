// Incremental updates (snapshot): adding or removing one grant changes decisions at once on the same engine,
// without a rebuild; a grant id given twice replaces the first grant.
import { describe, expect, it } from "vitest";
import { path, res } from "../support/scopes.ts";
import { NOW, world } from "../support/world.ts";

const s1 = path("acme", "cms", "s1");
const edit = "cms:content.edit";

describe("incremental updates", () => {
  it("adding then removing a grant flips the decision on the same engine", () => {
    const w = world().users("acme", "u", "v");
    const { engine } = w;
    expect(engine.check("u", edit, res(s1), NOW)).toBe("deny");
    w.grant("u", "cms:commerce-admins", s1, { id: "g" });
    expect(engine.check("u", edit, res(s1), NOW)).toBe("allow");
    expect(engine.check("v", edit, res(s1), NOW)).toBe("deny");
    expect(w.snapshot.removeGrant("g")).toBe(true);
    expect(engine.check("u", edit, res(s1), NOW)).toBe("deny");
    expect(engine.whoCan(edit, res(s1), NOW)).toEqual([]);
  });

  it("removing an unknown grant id reports false and changes nothing", () => {
    const w = world().user("u", "acme").grant("u", "cms:commerce-admins", s1, { id: "g" });
    expect(w.snapshot.removeGrant("nope")).toBe(false);
    expect(w.engine.check("u", edit, res(s1), NOW)).toBe("allow");
  });

  it("a grant id given again replaces the earlier grant", () => {
    const w = world().user("u", "acme").grant("u", "cms:commerce-admins", s1, { id: "g" });
    w.grant("u", "cms:content-editors", s1, { id: "g" });
    expect(w.engine.check("u", edit, res(s1), NOW)).toBe("deny");
    expect(w.engine.check("u", "cms:edit-view.access", res(s1), NOW)).toBe("allow");
    expect(w.snapshot.grants.size).toBe(1);
  });

  it("removing one of two grants at the same scope keeps the other in force", () => {
    const w = world()
      .users("acme", "u", "v", "x")
      .grant("u", "cms:commerce-admins", s1, { id: "gu" })
      .grant("v", "cms:commerce-admins", s1, { id: "gv" })
      .grant("x", "cms:commerce-admins", s1, { id: "gx" });
    w.snapshot.removeGrant("gu");
    expect(w.engine.whoCan(edit, res(s1), NOW)).toEqual(["v", "x"]);
    w.snapshot.removeGrant("gx");
    expect(w.engine.whoCan(edit, res(s1), NOW)).toEqual(["v"]);
  });

  it("granular roles follow the change: an added env-viewer replaces, its removal restores, the default", () => {
    const env = path("acme", "experimentation", "e1", "p1", "development");
    const flag = res(path("acme", "experimentation", "e1", "p1", "development", "f"), {
      platform: "feature",
      production: false,
      flagStatus: "draft",
    });
    const w = world()
      .user("ed", "acme")
      .grant("ed", "experimentation:editor", path("acme", "experimentation", "e1", "p1"));
    expect(w.engine.check("ed", "experimentation:flag.toggle", flag, NOW)).toBe("allow");
    w.grant("ed", "experimentation:env-viewer", env, { id: "env" });
    expect(w.engine.check("ed", "experimentation:flag.toggle", flag, NOW)).toBe("deny");
    w.snapshot.removeGrant("env");
    expect(w.engine.check("ed", "experimentation:flag.toggle", flag, NOW)).toBe("allow");
  });

  it("removing a subject removes its grants", () => {
    const w = world()
      .users("acme", "u", "v")
      .grant("u", "cms:commerce-admins", s1)
      .grant("v", "cms:commerce-admins", s1);
    w.snapshot.removeSubject("u");
    expect(w.engine.whoCan(edit, res(s1), NOW)).toEqual(["v"]);
  });
});
