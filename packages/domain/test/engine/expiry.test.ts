// Expiry: a grant whose expiresAt has passed never counts, for check, whoCan, landing or assign;
// one that expires later counts. `now` is always passed explicitly, never read from the clock.
import { describe, expect, it } from "vitest";
import { inForce } from "../../src/index.ts";
import { path, res } from "../support/scopes.ts";
import { FUTURE, HOUR, NOW, PAST, world } from "../support/world.ts";

const s1 = path("acme", "cms", "s1");
const edit = "cms:content.edit";

describe("expiry", () => {
  const w = world()
    .users("acme", "expired", "current", "lapsed-admin")
    .grant("expired", "cms:commerce-admins", s1, { expiresAt: PAST })
    .grant("current", "cms:commerce-admins", s1, { expiresAt: FUTURE })
    .grant("lapsed-admin", "admin-center:super-admin", path("acme"), { expiresAt: PAST });

  it("a grant that expired before now never counts", () => {
    expect(w.engine.check("expired", edit, res(s1), NOW)).toBe("deny");
  });

  it("a grant that expires after now counts, and stops counting once that moment has passed", () => {
    expect(w.engine.check("current", edit, res(s1), NOW)).toBe("allow");
    expect(w.engine.check("current", edit, res(s1), FUTURE + HOUR)).toBe("deny");
  });

  it("an expired grant counted before it expired", () => {
    expect(w.engine.check("expired", edit, res(s1), PAST - HOUR)).toBe("allow");
  });

  it("whoCan leaves out holders of expired grants", () => {
    expect(w.engine.whoCan(edit, res(s1), NOW)).toEqual(["current"]);
  });

  it("explain marks an expired grant as considered but expired", () => {
    const why = w.engine.explain("expired", edit, res(s1), NOW);
    expect(why.decision).toBe("deny");
    expect(why.considered.map((c) => c.status)).toEqual(["expired"]);
  });

  it("an expired admin level gives no landing page and no authority to assign", () => {
    expect(w.engine.landing("lapsed-admin", NOW)).toBe("none");
    const assignment = { role: "cms:content-editors", scope: s1, targetOrg: "acme" };
    expect(w.engine.assign("lapsed-admin", assignment, NOW).decision).toBe("deny");
    expect(w.engine.assign("lapsed-admin", assignment, PAST - HOUR).decision).toBe("allow");
  });

  it("an expired explicit environment role gives way to the project role's default again", () => {
    const env = path("acme", "experimentation", "e1", "p1", "development");
    const v = world()
      .user("ed", "acme")
      .grant("ed", "experimentation:editor", path("acme", "experimentation", "e1", "p1"))
      .grant("ed", "experimentation:env-viewer", env, { expiresAt: PAST });
    const flag = res(path("acme", "experimentation", "e1", "p1", "development", "f"), {
      platform: "feature",
      production: false,
      flagStatus: "draft",
    });
    expect(v.engine.check("ed", "experimentation:flag.toggle", flag, NOW)).toBe("allow");
    expect(v.engine.check("ed", "experimentation:flag.toggle", flag, PAST - HOUR)).toBe("deny");
  });
});

describe("inForce, the one expiry rule", () => {
  it("never expires at 0 and counts strictly before its instant", () => {
    expect(inForce(0, NOW)).toBe(true);
    expect(inForce(NOW + 1, NOW)).toBe(true);
    expect(inForce(NOW, NOW)).toBe(false);
    expect(inForce(PAST, NOW)).toBe(false);
  });

  it("reads the clock when now is 0", () => {
    expect(inForce(Date.now() + HOUR, 0)).toBe(true);
    expect(inForce(Date.now() - HOUR, 0)).toBe(false);
  });
});

describe("nextLapse: when an organization's people's rights next change without a write", () => {
  const partnerScope = path("acme", "mission-control", "prod");
  const lapses = () =>
    world()
      .org("agency", "partner", ["mission-control"])
      .users("acme", "a", "b")
      .users("globex", "g")
      .user("p", "agency")
      .grant("a", "cms:commerce-admins", s1, { id: "soon", expiresAt: NOW + HOUR })
      .grant("b", "cms:commerce-admins", s1, { id: "later", expiresAt: NOW + 2 * HOUR })
      .grant("b", "cms:content-editors", s1, { id: "gone", expiresAt: PAST })
      .grant("g", "cms:commerce-admins", path("globex", "cms", "g1"), { expiresAt: NOW + HOUR / 2 })
      .grant("p", "mission-control:partnerUser", partnerScope, { id: "partner", expiresAt: NOW + HOUR / 4 });

  it("is the soonest future expiry of a grant placed in the organization, whoever holds it", () => {
    const w = lapses();
    expect(w.engine.nextLapse("acme", NOW)).toBe(NOW + HOUR / 4);
    w.snapshot.removeGrant("partner");
    expect(w.engine.nextLapse("acme", NOW)).toBe(NOW + HOUR);
    expect(w.engine.nextLapse("acme", NOW + HOUR)).toBe(NOW + 2 * HOUR);
  });

  it("counts a partner's grant in a customer for the partner's own organization too", () => {
    expect(lapses().engine.nextLapse("agency", NOW)).toBe(NOW + HOUR / 4);
  });

  it("follows removed and replaced grants, and is undefined once nothing will lapse", () => {
    const w = lapses();
    w.snapshot.removeGrant("partner");
    w.snapshot.removeGrant("soon");
    w.snapshot.addGrant({ id: "later", subject: "b", role: "cms:commerce-admins", scope: s1 });
    expect(w.engine.nextLapse("acme", NOW)).toBeUndefined();
    expect(w.engine.nextLapse("globex", NOW)).toBe(NOW + HOUR / 2);
    expect(w.engine.nextLapse("initech", NOW)).toBeUndefined();
  });
});
