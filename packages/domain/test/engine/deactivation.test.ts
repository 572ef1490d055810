// Deactivated subjects (docs/decisions.md#users): every decision about a deactivated user denies with a reason
// naming the deactivation, directly, through groups and whatever the expiry; its grants stay and count again after.
import { describe, expect, it } from "vitest";
import { path, res } from "../support/scopes.ts";
import { decisionTable } from "../support/table.ts";
import { FUTURE, NOW, PAST, world } from "../support/world.ts";

const A = "admin-center";
const acme = path("acme");
const s1 = path("acme", "cms", "s1");
const edit = "cms:content.edit";
const build = () =>
  world()
    .users("acme", "ann", "bob", "cat", "dan", "eve", "super")
    .group("editors", "acme")
    .member("editors", "bob")
    .member("editors", "ann")
    .grant("ann", "cms:commerce-admins", s1, { id: "ann-direct" })
    .grant("editors", "cms:content-editors", s1, { id: "editors-grant" })
    .grant("cat", "cms:commerce-admins", s1, { id: "cat-until", expiresAt: FUTURE })
    .grant("dan", "cms:commerce-admins", s1, { id: "dan-expired", expiresAt: PAST })
    .grant("ann", `${A}:instance-admin`, s1, { id: "ann-admin" })
    .grant("eve", "cms:commerce-admins", s1)
    .grant("super", `${A}:super-admin`, acme);

const deactivated = () => {
  const w = build();
  for (const user of ["ann", "bob", "cat", "dan"]) w.snapshot.setDeactivated(user, true);
  return w;
};

describe("a deactivated user's decisions", () => {
  describe("before deactivation", () => {
    decisionTable(build().engine, [
      ["ann", edit, res(s1), "allow"],
      ["bob", "cms:edit-view.access", res(s1), "allow"],
      ["cat", edit, res(s1), "allow"],
      ["dan", edit, res(s1), "deny"],
    ]);
  });

  describe("deactivated: direct, through a group, until a future expiry, expired", () => {
    decisionTable(deactivated().engine, [
      ["ann", edit, res(s1), "deny"],
      ["ann", `${A}:user.view`, res(s1), "deny"],
      ["bob", "cms:edit-view.access", res(s1), "deny"],
      ["cat", edit, res(s1), "deny"],
      ["dan", edit, res(s1), "deny"],
      ["eve", edit, res(s1), "allow"],
      ["super", `${A}:user.view`, res(s1), "allow"],
    ]);
  });

  it("explain names the deactivation and sets every grant aside as deactivated", () => {
    const why = deactivated().engine.explain("ann", edit, res(s1), NOW);
    expect(why.decision).toBe("deny");
    expect(why.reason).toBe(
      "the account is deactivated or removed from its organization: its grants count for nothing",
    );
    expect(why.nearest).toBeUndefined();
    expect(why.considered.map((c) => [c.grant.id, c.status])).toEqual([
      ["ann-direct", "deactivated"],
      ["ann-admin", "deactivated"],
      ["editors-grant", "deactivated"],
    ]);
  });

  it("whatCan answers nothing and whoCan leaves the user out, group members included", () => {
    const { engine } = deactivated();
    expect(engine.whatCan("ann", res(s1), NOW)).toEqual([]);
    expect(engine.whoCan(edit, res(s1), NOW)).toEqual(["eve"]);
    expect(build().engine.whoCan(edit, res(s1), NOW)).toEqual(["ann", "cat", "eve"]);
  });

  it("its grants confer no authority to give anything, and lands it nowhere", () => {
    const { engine } = deactivated();
    const given = { role: "cms:content-editors", scope: s1, targetOrg: "acme" };
    expect(build().engine.assign("ann", given, NOW).decision).toBe("allow");
    expect(engine.assign("ann", given, NOW)).toEqual({
      decision: "deny",
      reason: "the account is deactivated or removed from its organization: its grants count for nothing",
    });
    expect(engine.landing("ann", NOW)).toBe("none");
  });

  it("does nothing to others' delegation: another admin gives and decides as before", () => {
    const { engine } = deactivated();
    expect(
      engine.assign("super", { role: "cms:content-editors", scope: s1, targetOrg: "acme" }, NOW).decision,
    ).toBe("allow");
    expect(engine.check("super", `${A}:user.deactivate`, res(acme), NOW)).toBe("allow");
  });

  it("a what-if for a deactivated user gains nothing", () => {
    const { engine } = deactivated();
    const answer = engine.whatIf(
      "bob",
      { kind: "create", role: "cms:commerce-admins", scope: s1 },
      [res(s1)],
      NOW,
    );
    expect(answer.resources[0]?.gained).toEqual([]);
  });

  it("reactivation restores every grant as it was, expiry included", () => {
    const w = deactivated();
    for (const user of ["ann", "bob", "cat", "dan"]) w.snapshot.setDeactivated(user, false);
    expect(w.engine.check("ann", edit, res(s1), NOW)).toBe("allow");
    expect(w.engine.check("bob", "cms:edit-view.access", res(s1), NOW)).toBe("allow");
    expect(w.engine.check("cat", edit, res(s1), NOW)).toBe("allow");
    expect(w.engine.check("cat", edit, res(s1), FUTURE + 1)).toBe("deny");
    expect(w.engine.check("dan", edit, res(s1), NOW)).toBe("deny");
  });

  it("stays in force through later changes: a new grant, a new group, a bulk load and a grown index", () => {
    const w = deactivated().group("admins", "acme").member("admins", "eve").member("admins", "dan");
    w.grant("ann", "cms:commerce-admins", path("acme", "cms", "s2"), { id: "ann-later" });
    w.grant("admins", "cms:commerce-admins", s1, { id: "admins-grant" });
    w.snapshot.batch(() => {
      for (let i = 0; i < 2000; i++) w.snapshot.addUser(`filler${i}`, "acme");
      w.grant("cat", "cms:commerce-admins", path("acme", "cms", "s2"), { id: "cat-later" });
    });
    expect(w.engine.check("ann", edit, res(path("acme", "cms", "s2")), NOW)).toBe("deny");
    expect(w.engine.check("cat", edit, res(path("acme", "cms", "s2")), NOW)).toBe("deny");
    expect(w.engine.check("dan", edit, res(s1), NOW)).toBe("deny");
    expect(w.engine.check("eve", edit, res(s1), NOW)).toBe("allow");
    w.snapshot.setDeactivated("ann", false);
    expect(w.engine.check("ann", edit, res(path("acme", "cms", "s2")), NOW)).toBe("allow");
  });

  it("only super admin holds the deactivation action, at the organization", () => {
    const { engine } = build();
    expect(engine.check("super", `${A}:user.deactivate`, res(acme), NOW)).toBe("allow");
    expect(engine.check("ann", `${A}:user.deactivate`, res(s1), NOW)).toBe("deny");
    expect(engine.check("ann", `${A}:user.deactivate`, res(acme), NOW)).toBe("deny");
  });
});
