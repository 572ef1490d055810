// Unknown vocabulary (spec section 2, "no silent defaults"): an unknown action, role or subject is a typed
// error (UnknownAction / UnknownRole / UnknownSubject), never a deny.
import { describe, expect, it } from "vitest";
import { UnknownAction, UnknownRole, UnknownSubject } from "../../src/index.ts";
import { path, res } from "../support/scopes.ts";
import { NOW, world } from "../support/world.ts";

const s1 = path("acme", "cms", "s1");
const w = world().user("u", "acme").grant("u", "cms:commerce-admins", s1);
const e = w.engine;
const assignment = { role: "cms:content-editors", scope: s1, targetOrg: "acme" };

const thrown = (f: () => unknown): unknown => {
  try {
    f();
  } catch (err) {
    return err;
  }
  return undefined;
};

describe("unknown vocabulary is an error, not a deny", () => {
  it("an unknown action throws UnknownAction from every question that names one", () => {
    for (const ask of [
      () => e.check("u", "cms:content.teleport", res(s1), NOW),
      () => e.allows("u", "cms:content.teleport", res(s1), NOW),
      () => e.explain("u", "cms:content.teleport", res(s1), NOW),
      () => e.whoCan("cms:content.teleport", res(s1), NOW),
    ]) {
      const err = thrown(ask);
      expect(err).toBeInstanceOf(UnknownAction);
      if (err instanceof UnknownAction) {
        expect(err._tag).toBe("UnknownAction");
        expect(err.action).toBe("cms:content.teleport");
      }
    }
  });

  it("an unknown permission in a grant throws UnknownAction", () => {
    expect(() => w.snapshot.addGrant({ id: "x", subject: "u", permission: "cms:nope", scope: s1 })).toThrow(
      UnknownAction,
    );
  });

  it("an unknown permission in an assignment throws UnknownAction", () => {
    const a = { permission: "cms:nope", scope: s1, targetOrg: "acme" };
    expect(() => e.assign("u", a, NOW)).toThrow(UnknownAction);
  });

  it("an unknown role throws UnknownRole when granted or assigned", () => {
    const err = thrown(() => w.snapshot.addGrant({ id: "x", subject: "u", role: "cms:wizard", scope: s1 }));
    expect(err).toBeInstanceOf(UnknownRole);
    if (err instanceof UnknownRole) expect(err.role).toBe("cms:wizard");
    expect(() => e.assign("u", { ...assignment, role: "cms:wizard" }, NOW)).toThrow(UnknownRole);
  });

  it("an unknown subject throws UnknownSubject from every question about a subject", () => {
    for (const ask of [
      () => e.check("ghost", "cms:content.edit", res(s1), NOW),
      () => e.explain("ghost", "cms:content.edit", res(s1), NOW),
      () => e.whatCan("ghost", res(s1), NOW),
      () => e.assign("ghost", assignment, NOW),
      () => e.landing("ghost", NOW),
      () => w.snapshot.addGrant({ id: "x", subject: "ghost", role: "cms:commerce-admins", scope: s1 }),
    ]) {
      const err = thrown(ask);
      expect(err).toBeInstanceOf(UnknownSubject);
      if (err instanceof UnknownSubject) expect(err.subject).toBe("ghost");
    }
  });

  it("a known action of another product is a deny, not an error", () => {
    expect(e.check("u", "odp:report.view", res(s1), NOW)).toBe("deny");
  });
});
