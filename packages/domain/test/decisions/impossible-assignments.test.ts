// Decision table for assignments no actor could make (spec section 6, docs/decisions.md#assignments): each is
// `invalid` with its reason, even for a super admin; a grant of one in the world counts for nothing and says why.
import { describe, expect, it } from "vitest";
import type { Assignment, Scope } from "../../src/index.ts";
import { path, res } from "../support/scopes.ts";
import { NOW, world } from "../support/world.ts";

const X = "experimentation";
const cms = path("acme", "cms", "s1");
const cc = path("acme", "configured-commerce", "cc1");
const exp = path("acme", X, "e1", "p1");
const collab = path("acme", "collaboration", "c1");

const w = world()
  .org("agency", "partner", ["mission-control"])
  .org("initech", "customer", ["odp"])
  .org("solo", "partner", [])
  .user("boss", "acme")
  .user("initech-boss", "initech")
  .grant("boss", "admin-center:super-admin", path("acme"))
  .grant("initech-boss", "admin-center:super-admin", path("initech"));
const snap = w.snapshot;
snap.admitCustomRole({ id: "cc-buyers", product: "configured-commerce", label: "Buyers", permissions: [] });
snap.admitCustomRole({ id: "exp-qa", product: X, label: "QA", permissions: [`${X}:flag.toggle`] });
snap.admitCustomRole({ id: "ac-helpdesk", product: "admin-center", permissions: ["admin-center:user.view"] });
snap.admitCustomRole({ id: "mixed", product: "cms", permissions: ["cms:content.edit", "odp:report.view"] });
snap.admitCustomRole({ id: "cms:content-editors", product: "cms", permissions: [] });
snap.admitCustomRole({ id: "writers", product: "cms", label: "Writers", permissions: ["cms:content.edit"] });

const give = (role: string, scope: Scope, more: Partial<Assignment> = {}): Assignment =>
  ({ role, scope, targetOrg: scope.org, ...more }) as Assignment;

type Row = readonly [what: string, actor: string, assignment: Assignment, reason: string];

const invalid: ReadonlyArray<Row> = [
  [
    "a custom role of Configured Commerce",
    "boss",
    give("cc-buyers", cc),
    "Configured Commerce does not support custom roles",
  ],
  [
    "a custom role of Experimentation",
    "boss",
    give("exp-qa", exp, { target: { platform: "feature" } }),
    "Experimentation does not support custom roles: access is refined with the granular environment and flag roles",
  ],
  [
    "a custom role of the Admin Center",
    "boss",
    give("ac-helpdesk", path("acme")),
    "Opti ID Admin Center does not support custom roles: restricted admin access is given with the admin levels: grant admin-center:instance-admin or admin-center:project-owner where the access should reach",
  ],
  [
    "a custom role holding another product's action",
    "boss",
    give("mixed", cms),
    '"odp:report.view" is not an action of CMS',
  ],
  [
    "a custom role redefining a system role",
    "boss",
    give("cms:content-editors", cms),
    "cms:content-editors is a system role: system roles cannot be changed",
  ],
  [
    "a scope with a gap",
    "boss",
    give("cms:commerce-admins", { org: "acme", product: "cms", project: "p1" }),
    "the scope sets a key below a missing one",
  ],
  [
    "a role at another product's scope",
    "boss",
    give("writers", path("acme", "odp", "o1")),
    "roles of CMS cannot be granted at a scope of Optimizely Data Platform",
  ],
  [
    "a permission at another product's scope",
    "boss",
    { permission: "odp:report.view", scope: cms, targetOrg: "acme" },
    "permissions of Optimizely Data Platform cannot be granted at a scope of CMS",
  ],
  [
    "a product role at the organization",
    "boss",
    give("cms:commerce-admins", path("acme")),
    "roles of CMS cannot be granted at the scope of the whole organization",
  ],
  [
    "a project role at an environment",
    "boss",
    give(`${X}:editor`, path("acme", X, "e1", "p1", "production"), { target: { platform: "feature" } }),
    `${X}:editor is granted at product or instance or project level, not at environment level`,
  ],
  [
    "an environment role at a project",
    "boss",
    give(`${X}:env-publisher`, exp, { target: { platform: "feature" } }),
    `${X}:env-publisher is granted at environment level, not at project level`,
  ],
  [
    "the Admin Center project owner outside Experimentation",
    "boss",
    give("admin-center:project-owner", cms),
    "the Admin Center project owner exists only for Experimentation projects",
  ],
  [
    "a restricted role on a Feature project",
    "boss",
    give(`${X}:restricted-editor`, exp, { target: { platform: "feature" } }),
    `${X}:restricted-editor exists only on Web projects`,
  ],
  [
    "a product the organization has not enabled",
    "initech-boss",
    give("cms:commerce-admins", path("initech", "cms", "s1")),
    "initech has not enabled cms",
  ],
  [
    "a seat beyond the seat limit",
    "boss",
    give("collaboration:admin", collab, { seatsInUse: 20 }),
    "collaboration:admin and collaboration:experimentation-creator together are limited to 20 seats",
  ],
  [
    "a CMS role for a partner's user",
    "boss",
    give("cms:commerce-admins", cms, { targetOrg: "agency" }),
    "only Mission Control roles reach across organizations, and only for partner users",
  ],
  [
    "a Mission Control role for another customer's user",
    "boss",
    give("mission-control:customerUser", path("acme", "mission-control", "prod"), { targetOrg: "globex" }),
    "only Mission Control roles reach across organizations, and only for partner users",
  ],
  [
    "a Mission Control role for a partner without Mission Control",
    "boss",
    give("mission-control:partnerDev", path("acme", "mission-control", "prod"), { targetOrg: "solo" }),
    "partner solo must enable Mission Control before its users hold Mission Control roles",
  ],
];

describe("assignments no actor could make are invalid, with the reason", () => {
  for (const [what, actor, assignment, reason] of invalid)
    it(`${what} → invalid: ${reason}`, () => {
      expect(w.engine.assign(actor, assignment, NOW)).toEqual({ decision: "invalid", reason });
    });

  it("a valid custom role of CMS is not one of them", () => {
    expect(w.engine.assign("boss", give("writers", cms), NOW).decision).toBe("allow");
  });
});

describe("a grant no actor could have made counts for nothing, and the explanation says why", () => {
  const v = world().org("agency", "partner", ["mission-control"]).users("acme", "u").user("p", "agency");
  v.snapshot.admitCustomRole({
    id: "cc-buyers",
    product: "configured-commerce",
    label: "Buyers",
    permissions: [],
  });
  v.snapshot.admitCustomRole({ id: "exp-qa", product: X, label: "QA", permissions: [`${X}:flag.toggle`] });
  v.grant("u", "cc-buyers", cc)
    .grant("u", "exp-qa", exp)
    .grant("u", "cms:commerce-admins", path("acme"))
    .grant("u", "admin-center:product-admin", cms)
    .grant("p", "cms:commerce-admins", path("acme", "cms"));
  v.snapshot.addGrant({
    id: "gap",
    subject: "u",
    role: "odp:all-access",
    scope: { org: "acme", instance: "o1" },
  });
  const flag = res(path("acme", X, "e1", "p1", "production", "checkout"), {
    platform: "feature",
    production: true,
    flagStatus: "running",
  });

  const rows: ReadonlyArray<readonly [string, string, ReturnType<typeof res>, string]> = [
    [
      "u",
      "configured-commerce:console.access",
      res(cc),
      "Buyers at acme/configured-commerce/cc1 counts for nothing: Configured Commerce does not support custom roles",
    ],
    [
      "u",
      `${X}:flag.toggle`,
      flag,
      "QA at acme/experimentation/e1/p1 counts for nothing: Experimentation does not support custom roles",
    ],
    [
      "u",
      "cms:content.edit",
      res(cms),
      "Commerce Admins at acme counts for nothing: roles of CMS cannot be granted at the scope of the whole organization",
    ],
    [
      "u",
      "admin-center:user.view",
      res(cms),
      "Product Admin at acme/cms/s1 counts for nothing: admin-center:product-admin is granted at product level, not at instance level",
    ],
    [
      "u",
      "odp:report.view",
      res(path("acme", "odp", "o1")),
      "at acme/o1 counts for nothing: the scope sets a key below a missing one",
    ],
    [
      "p",
      "cms:content.edit",
      res(cms),
      "Commerce Admins at acme/cms counts for nothing: only Mission Control roles reach across organizations, and only for partner users",
    ],
  ];
  for (const [who, action, resource, why] of rows)
    it(`${who} · ${action} → deny: ${why}`, () => {
      expect(v.engine.check(who, action, resource, NOW)).toBe("deny");
      const e = v.engine.explain(who, action, resource, NOW);
      expect(e.decision).toBe("deny");
      expect(e.reason).toContain(why);
      expect(e.considered.filter((c) => c.status === "impossible").length).toBeGreaterThan(0);
    });

  it("gives no authority and no landing page", () => {
    expect(v.engine.assign("u", give("cms:content-editors", cms), NOW).decision).toBe("deny");
    expect(v.engine.landing("u", NOW)).toBe("none");
    expect(v.engine.whoCan("cms:content.edit", res(cms), NOW)).toEqual([]);
  });

  it("a resource with a gap is no place: denied with the reason", () => {
    const nowhere = { org: "acme", product: "cms", project: "p1" };
    expect(v.engine.check("u", "cms:content.edit", nowhere, NOW)).toBe("deny");
    expect(v.engine.explain("u", "cms:content.edit", nowhere, NOW).reason).toMatch(
      /^the resource sets a key below a missing one: no such place exists/,
    );
  });
});
