// Delegation (spec sections 5 and 6): assign(actor, {role, scope, targetOrg}) is invalid when no actor could
// make it, deny when the actor lacks the authority, allow when an admin level covering the scope permits it.
import { describe, expect, it } from "vitest";
import type { Assignment, ResourceAttributes, Scope } from "../../src/index.ts";
import { path } from "../support/scopes.ts";
import { NOW, world } from "../support/world.ts";

const A = "admin-center";
const X = "experimentation";
const M = "mission-control";
const acme = path("acme");
const cms = path("acme", "cms");
const s1 = path("acme", "cms", "s1");
const s2 = path("acme", "cms", "s2");
const o1 = path("acme", "odp", "o1");
const c1 = path("acme", "collaboration", "c1");
const e1 = path("acme", X, "e1");
const e2p1 = path("acme", X, "e2", "p1");
const p1 = path("acme", X, "e1", "p1");
const p2 = path("acme", X, "e1", "p2");
const w1 = path("acme", X, "e1", "w1");
const p1prod = path("acme", X, "e1", "p1", "production");
const p1dev = path("acme", X, "e1", "p1", "development");
const p1flag = path("acme", X, "e1", "p1", undefined, "checkout");
const p1prodFlag = path("acme", X, "e1", "p1", "production", "checkout");
const mcProd = path("acme", M, "production");
const feature: ResourceAttributes = { platform: "feature" };
const web: ResourceAttributes = { platform: "web" };

type Extra = Omit<Partial<Assignment>, "role" | "permission" | "scope" | "target"> & {
  readonly target?: ResourceAttributes;
};
const give = (role: string, scope: Scope, extra: Extra = {}): Assignment => ({
  role,
  scope,
  targetOrg: scope.org,
  ...extra,
});

const grantPermission = (permission: string, scope: Scope, extra: Extra = {}): Assignment => ({
  permission,
  scope,
  targetOrg: scope.org,
  ...extra,
});

const w = world()
  .org("acme", "customer")
  .org("agency", "partner", [M])
  .org("agency-off", "partner", ["cms"])
  .users(
    "acme",
    "super",
    "group-super",
    "pa-cms",
    "pa-mc",
    "ia",
    "exp-admin",
    "exp-owner",
    "ac-owner",
    "roles-admin",
    "nobody",
    "tgt-admin",
    "tgt-owner",
    "tgt-editor",
    "flag-boss",
    "flag-reader",
    "env-boss",
    "env-reader",
    "env-orphan",
  )
  .users("agency", "agency-super")
  .group("supers", "acme")
  .member("supers", "group-super")
  .grant("super", `${A}:super-admin`, acme)
  .grant("supers", `${A}:super-admin`, acme)
  .grant("pa-cms", `${A}:product-admin`, cms)
  .grant("pa-mc", `${A}:product-admin`, path("acme", M))
  .grant("ia", `${A}:instance-admin`, s1)
  .grant("ia", `${A}:instance-admin`, e1)
  .grant("exp-admin", `${X}:administrator`, e1)
  .grant("exp-owner", `${X}:project-owner`, p1)
  .grant("exp-owner", `${X}:project-owner`, w1)
  .grant("ac-owner", `${A}:project-owner`, p1)
  .grant("flag-boss", `${X}:editor`, p1)
  .grant("flag-boss", `${X}:flag-admin`, p1flag)
  .grant("flag-reader", `${X}:editor`, p1)
  .grant("flag-reader", `${X}:flag-viewer`, p1flag)
  .grant("env-boss", `${X}:editor`, p1)
  .grant("env-boss", `${X}:env-admin`, p1prod)
  .grant("env-reader", `${X}:editor`, p1)
  .grant("env-reader", `${X}:env-viewer`, p1prod)
  .grant("env-orphan", `${X}:env-admin`, p1prod)
  .grant("roles-admin", `${A}:roles-admin`, acme)
  .grant("tgt-admin", `${X}:administrator`, e1)
  .grant("tgt-owner", `${X}:project-owner`, p1)
  .grant("tgt-editor", `${X}:editor`, p1)
  .grant("agency-super", `${A}:super-admin`, path("agency"))
  // a partner with every product enabled whose super admin also holds a (world-only) super admin grant in acme
  .org("open", "partner")
  .users("open", "open-super")
  .grant("open-super", `${A}:super-admin`, path("open"))
  .grant("open-super", `${A}:super-admin`, acme);

type AssignRow = readonly [actor: string, assignment: Assignment, expected: "allow" | "deny" | "invalid"];

const assignTable = (rows: ReadonlyArray<AssignRow>): void => {
  for (const [actor, a, expected] of rows) {
    const what = "role" in a ? a.role : `permission ${a.permission}`;
    const to = a.targetUser ?? `a user of ${a.targetOrg}`;
    const attrs = a.target === undefined ? "" : ` ${JSON.stringify(a.target)}`;
    const seats = a.seatsInUse === undefined ? "" : ` (${a.seatsInUse} seats in use)`;
    it(`${actor} gives ${what} at ${Object.values(a.scope).join("/")}${attrs} to ${to}${seats} → ${expected}`, () => {
      expect(w.engine.assign(actor, a, NOW).decision).toBe(expected);
    });
  }
};

describe("assign", () => {
  describe("section 6: invalid whoever makes it (even a super admin)", () => {
    assignTable([
      // a role of one product at a scope of another; Admin Center roles excepted
      ["super", give("cms:content-editors", o1), "invalid"],
      ["super", give("odp:analyst", s1), "invalid"],
      ["super", give(`${M}:customerUser`, s1), "invalid"],
      ["super", give(`${A}:instance-admin`, s1), "allow"],
      ["super", give(`${A}:product-admin`, path("acme", "odp")), "allow"],
      // project roles below the project; entity roles anywhere but an environment or a flag
      ["super", give(`${X}:viewer`, p1prod), "invalid"],
      ["super", give(`${X}:project-owner`, p1flag), "invalid"],
      ["super", give(`${X}:project-owner`, p1prodFlag), "invalid"],
      ["super", give(`${X}:editor`, p1, { target: feature }), "allow"],
      ["super", give(`${X}:env-editor`, p1), "invalid"],
      ["super", give(`${X}:flag-viewer`, e1), "invalid"],
      ["super", give(`${X}:env-editor`, p1prod), "allow"],
      ["super", give(`${X}:flag-editor`, p1flag), "allow"],
      // a flag role is one role for the flag in every environment: never at a flag in one environment
      ["super", give(`${X}:flag-editor`, p1prodFlag), "invalid"],
      ["super", give(`${X}:flag-none`, p1prodFlag, { targetUser: "tgt-editor" }), "invalid"],
      ["super", give(`${X}:env-editor`, p1flag), "invalid"],
      ["super", give(`${X}:env-editor`, p1prodFlag), "invalid"],
      // a flag with no project is a gap like any other
      ["super", give(`${X}:flag-editor`, path("acme", X, "e1", undefined, undefined, "checkout")), "invalid"],
      // administrator below the instance
      ["super", give(`${X}:administrator`, p1), "invalid"],
      ["super", give(`${X}:administrator`, e1), "allow"],
      // restricted roles on a feature project
      ["super", give(`${X}:restricted-editor`, p1, { target: feature }), "invalid"],
      ["super", give(`${X}:restricted-publisher`, p1, { target: feature }), "invalid"],
      ["super", give(`${X}:restricted-editor`, w1, { target: web }), "allow"],
      // odp:user-admin below the account
      ["super", give("odp:user-admin", path("acme", "odp", "o1", "x")), "invalid"],
      ["super", give("odp:user-admin", o1), "allow"],
      // a 21st admin or experimentation-creator seat; guests are unlimited
      ["super", give("collaboration:admin", c1, { seatsInUse: 20 }), "invalid"],
      ["super", give("collaboration:experimentation-creator", c1, { seatsInUse: 20 }), "invalid"],
      ["super", give("collaboration:admin", c1, { seatsInUse: 19 }), "allow"],
      ["super", give("collaboration:guest", c1, { seatsInUse: 20 }), "allow"],
      ["super", give("collaboration:guest", c1, { seatsInUse: 500 }), "allow"],
      // Mission Control roles for partner users: only when the partner enabled Mission Control
      ["super", give(`${M}:partnerUser`, mcProd, { targetOrg: "agency-off" }), "invalid"],
      ["super", give(`${M}:partnerUser`, mcProd, { targetOrg: "agency" }), "allow"],
      // across organizations only Mission Control roles, and only for partner users
      ["super", give("cms:content-editors", s1, { targetOrg: "agency" }), "invalid"],
      ["super", give(`${M}:customerUser`, mcProd, { targetOrg: "globex" }), "invalid"],
      // entity roles of administrators and project owners cannot be changed
      ["super", give(`${X}:env-viewer`, p1prod, { targetUser: "tgt-admin" }), "invalid"],
      ["super", give(`${X}:flag-none`, p1flag, { targetUser: "tgt-admin" }), "invalid"],
      ["super", give(`${X}:flag-none`, p1flag, { targetUser: "tgt-owner" }), "invalid"],
      ["super", give(`${X}:flag-none`, p1flag, { targetUser: "tgt-editor" }), "allow"],
      ["super", give(`${X}:env-viewer`, p1prod, { targetUser: "tgt-editor" }), "allow"],
      // invalid stays invalid for an actor without authority
      ["nobody", give(`${X}:administrator`, p1), "invalid"],
      ["exp-owner", give(`${X}:restricted-editor`, p1, { target: feature }), "invalid"],
    ]);
  });

  describe("section 5: super admin", () => {
    assignTable([
      ["super", give("cms:content-editors", s1), "allow"],
      ["super", give(`${A}:super-admin`, acme), "allow"],
      ["super", give(`${X}:project-owner`, p2), "allow"],
      ["group-super", give("cms:content-editors", s1), "allow"],
      // never outside its own organization
      ["super", give("cms:content-editors", path("globex", "cms", "s1")), "deny"],
      ["agency-super", give(`${M}:partnerUser`, mcProd, { targetOrg: "agency" }), "deny"],
      ["agency-super", give(`${M}:partnerDev`, path("agency", M, "prod")), "allow"],
    ]);
  });

  describe("section 5: product admin", () => {
    assignTable([
      ["pa-cms", give("cms:commerce-admins", s1), "allow"],
      ["pa-cms", give("cms:content-editors", cms), "allow"],
      ["pa-cms", give("odp:analyst", o1), "deny"],
      ["pa-cms", give(`${A}:instance-admin`, s1), "deny"],
      ["pa-cms", give(`${A}:roles-admin`, cms), "deny"],
      // the customer's admin assigns a partner user a Mission Control role in the customer organization
      ["pa-mc", give(`${M}:partnerUser`, mcProd, { targetOrg: "agency" }), "allow"],
      ["pa-mc", give(`${M}:customerDev`, mcProd), "allow"],
      ["pa-mc", give(`${M}:partnerUser`, mcProd, { targetOrg: "agency-off" }), "invalid"],
    ]);
  });

  describe("section 5: instance admin", () => {
    assignTable([
      ["ia", give("cms:content-admins", s1), "allow"],
      ["ia", give("cms:content-admins", s2), "deny"],
      ["ia", give("cms:content-admins", cms), "deny"],
      // never any Admin Center role, even inside its instances
      ["ia", give(`${A}:instance-admin`, s1), "deny"],
      ["ia", give(`${A}:roles-admin`, s1), "deny"],
      ["ia", give(`${A}:instance-admin`, e1), "deny"],
      ["ia", give(`${A}:project-owner`, p1), "deny"],
      ["ia", give(`${A}:roles-admin`, p1), "deny"],
      // a plain instance admin of an Experimentation instance cannot make administrators or owners
      ["ia", give(`${X}:publisher`, p1, { target: feature }), "allow"],
      ["ia", give(`${X}:administrator`, e1), "deny"],
      ["ia", give(`${X}:project-owner`, p1), "deny"],
      ["ia", give(`${X}:editor`, e2p1), "deny"],
    ]);
  });

  describe("section 5: Experimentation administrator", () => {
    assignTable([
      ["exp-admin", give(`${X}:administrator`, e1), "allow"],
      ["exp-admin", give(`${X}:project-owner`, p1), "allow"],
      ["exp-admin", give(`${X}:restricted-editor`, w1, { target: web }), "allow"],
      ["exp-admin", give(`${X}:env-editor`, p1prod), "allow"],
      ["exp-admin", give(`${X}:editor`, e2p1), "deny"],
      ["exp-admin", give(`${A}:instance-admin`, e1), "deny"],
      ["exp-admin", give("cms:content-editors", s1), "deny"],
    ]);
  });

  describe("section 5: project owners add only editors and viewers, to projects they own", () => {
    assignTable([
      ["exp-owner", give(`${X}:editor`, p1), "allow"],
      ["exp-owner", give(`${X}:viewer`, p1), "allow"],
      ["exp-owner", give(`${X}:viewer`, w1, { target: web }), "allow"],
      ["exp-owner", give(`${X}:publisher`, p1), "deny"],
      ["exp-owner", give(`${X}:project-owner`, p1), "deny"],
      ["exp-owner", give(`${X}:restricted-editor`, w1, { target: web }), "deny"],
      ["exp-owner", give(`${X}:administrator`, e1), "deny"],
      ["exp-owner", give(`${X}:editor`, p2), "deny"],
      ["exp-owner", give(`${X}:editor`, e1), "deny"],
      ["exp-owner", give(`${A}:project-owner`, p1), "deny"],
      ["ac-owner", give(`${X}:editor`, p1), "allow"],
      ["ac-owner", give(`${X}:publisher`, p1), "deny"],
      ["ac-owner", give(`${X}:viewer`, p2), "deny"],
    ]);
  });

  describe("a flag admin manages its flag's permissions: the flag's roles at its flag, nothing else", () => {
    const other = path("acme", X, "e1", "p1", undefined, "banner");
    assignTable([
      ["flag-boss", give(`${X}:flag-none`, p1flag, { targetUser: "tgt-editor" }), "allow"],
      ["flag-boss", give(`${X}:flag-admin`, p1flag, { targetUser: "tgt-editor" }), "allow"],
      ["flag-boss", give(`${X}:flag-editor`, other), "deny"],
      ["flag-boss", give(`${X}:env-viewer`, p1prod), "deny"],
      ["flag-boss", give(`${X}:viewer`, p1), "deny"],
      ["flag-boss", give(`${X}:flag-none`, p1flag, { targetUser: "tgt-owner" }), "invalid"],
      ["flag-reader", give(`${X}:flag-none`, p1flag), "deny"],
      ["tgt-editor", give(`${X}:flag-none`, p1flag), "deny"],
    ]);
  });

  describe("an environment admin manages its environment's permissions: its roles there, nothing else", () => {
    const p2prod = path("acme", X, "e1", "p2", "production");
    assignTable([
      ["env-boss", give(`${X}:env-viewer`, p1prod, { targetUser: "tgt-editor" }), "allow"],
      ["env-boss", give(`${X}:env-admin`, p1prod, { targetUser: "tgt-editor" }), "allow"],
      ["env-boss", give(`${X}:env-editor`, p1prod), "allow"],
      ["env-boss", give(`${X}:env-viewer`, p1dev, { targetUser: "tgt-editor" }), "deny"],
      ["env-boss", give(`${X}:env-viewer`, p2prod), "deny"],
      ["env-boss", give(`${X}:flag-viewer`, p1flag, { targetUser: "tgt-editor" }), "deny"],
      ["env-boss", give(`${X}:viewer`, p1), "deny"],
      ["env-boss", give(`${X}:editor`, p1), "deny"],
      ["env-boss", grantPermission(`${X}:flag.toggle`, p1prod), "deny"],
      // the entity roles of administrators and project owners stay locked, whoever gives them
      ["env-boss", give(`${X}:env-viewer`, p1prod, { targetUser: "tgt-owner" }), "invalid"],
      ["env-boss", give(`${X}:env-viewer`, p1prod, { targetUser: "tgt-admin" }), "invalid"],
      ["env-reader", give(`${X}:env-viewer`, p1prod), "deny"],
      // granular roles need a project role: an env-admin grant alone manages nothing
      ["env-orphan", give(`${X}:env-viewer`, p1prod), "deny"],
      ["flag-boss", give(`${X}:env-viewer`, p1prod), "deny"],
      ["tgt-editor", give(`${X}:env-viewer`, p1prod), "deny"],
    ]);
    it("says why an environment admin may give the environment's roles", () => {
      expect(w.engine.assign("env-boss", give(`${X}:env-viewer`, p1prod), NOW).reason).toContain(
        "environment admin",
      );
    });
  });

  describe("delegation of single permissions: only what the actor could itself hold or delegate there", () => {
    const pay = `${X}:billing.pay`;
    const multi = `${X}:flags_multiple_experiments`;
    assignTable([
      // a super admin gives any permission in its organization, Admin Center ones included
      ["super", grantPermission(pay, w1), "allow"],
      ["super", grantPermission(`${A}:user.invite`, acme), "allow"],
      ["super", grantPermission(pay, path("globex", X, "e1", "w1")), "deny"],
      // a product admin any permission of its product
      ["pa-cms", grantPermission("cms:settings.manage", cms), "allow"],
      ["pa-cms", grantPermission("odp:report.view", o1), "deny"],
      ["pa-cms", grantPermission(`${A}:user.invite`, cms), "deny"],
      // an Experimentation administrator any Experimentation permission in its instance
      ["exp-admin", grantPermission(pay, w1), "allow"],
      ["exp-admin", grantPermission(multi, p1flag), "allow"],
      ["exp-admin", grantPermission(pay, e2p1), "deny"],
      // a plain instance admin only what a role it may give holds (never an administrator's or owner's own)
      ["ia", grantPermission("cms:content.publish", s1), "allow"],
      ["ia", grantPermission("cms:content.publish", s2), "deny"],
      ["ia", grantPermission(`${X}:flag.toggle`, e1), "allow"],
      ["ia", grantPermission(pay, e1), "deny"],
      ["ia", grantPermission(`${X}:collaborator.add`, w1), "deny"],
      ["ia", grantPermission(multi, p1), "deny"],
      ["ia", grantPermission(`${A}:user.invite`, s1), "deny"],
      // finding 4: a project owner never gives billing.pay, which only administrators hold
      ["exp-owner", grantPermission(pay, w1), "deny"],
      ["exp-owner", grantPermission(pay, p1), "deny"],
      ["exp-owner", grantPermission(`${X}:billing.view`, w1), "deny"],
      ["exp-owner", grantPermission(multi, p1), "deny"],
      // …but what it holds itself, or what an editor, viewer or entity role it adds holds, on projects it owns
      ["exp-owner", grantPermission(`${X}:collaborator.add`, w1), "allow"],
      ["exp-owner", grantPermission(`${X}:results.reset`, p1), "allow"],
      ["exp-owner", grantPermission(`${X}:flag.create`, p1flag), "allow"],
      ["exp-owner", grantPermission(`${X}:flag.create`, p2), "deny"],
      ["ac-owner", grantPermission(`${X}:flag.create`, p1), "allow"],
      ["ac-owner", grantPermission(`${X}:environment.permissions.manage`, p1prod), "allow"],
      ["ac-owner", grantPermission(`${X}:results.reset`, p1), "deny"],
      ["ac-owner", grantPermission(pay, p1), "deny"],
      ["ac-owner", grantPermission(`${A}:user.view`, p1), "deny"],
      // holding a permission is no authority without an admin level
      ["tgt-editor", grantPermission(`${X}:flag.create`, p1), "deny"],
      ["nobody", grantPermission("cms:content.edit", s1), "deny"],
    ]);
  });

  describe("authority comes from the actor's home organization only", () => {
    assignTable([
      // a grant in another organization than the actor's home never lets it give anything there
      ["open-super", give("cms:content-editors", s1), "deny"],
      ["open-super", grantPermission("cms:content.edit", s1), "deny"],
      ["open-super", give("cms:content-editors", path("open", "cms", "s1")), "allow"],
    ]);
  });

  describe("section 5: no admin level, no authority", () => {
    assignTable([
      ["roles-admin", give("cms:content-editors", s1), "deny"],
      ["nobody", give("cms:content-editors", s1), "deny"],
      ["tgt-editor", give(`${X}:viewer`, p1), "deny"],
    ]);
  });

  it("seats are counted from the snapshot when the assignment does not say how many are in use", () => {
    const v = world().user("super", "acme").grant("super", `${A}:super-admin`, acme);
    for (let i = 1; i <= 20; i++) {
      v.user(`seat${i}`, "acme").grant(
        `seat${i}`,
        i % 2 === 0 ? "collaboration:admin" : "collaboration:experimentation-creator",
        c1,
        { id: `seat${i}` },
      );
    }
    v.user("elsewhere", "acme").grant(
      "elsewhere",
      "collaboration:admin",
      path("acme", "collaboration", "c2"),
    );
    expect(v.engine.assign("super", give("collaboration:admin", c1), NOW).decision).toBe("invalid");
    expect(v.engine.assign("super", give("collaboration:guest", c1), NOW).decision).toBe("allow");
    expect(
      v.engine.assign("super", give("collaboration:admin", path("acme", "collaboration", "c2")), NOW)
        .decision,
    ).toBe("allow");
    v.snapshot.removeGrant("seat20");
    expect(v.engine.assign("super", give("collaboration:experimentation-creator", c1), NOW).decision).toBe(
      "allow",
    );
  });

  it("an extra permission at a flag scope for an administrator is not a change of its entity roles", () => {
    // Spec: "The entity roles of administrators and project owners cannot be changed" locks env-*/flag-* roles only;
    // an administrator needs flags_multiple_experiments for a second experiment, and a flag is where it applies.
    const a: Assignment = {
      permission: `${X}:flags_multiple_experiments`,
      scope: p1flag,
      targetOrg: "acme",
      targetUser: "tgt-admin",
    };
    expect(w.engine.assign("super", a, NOW).decision).toBe("allow");
  });
});
