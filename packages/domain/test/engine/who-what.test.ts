// whoCan and whatCan: whoCan(action, resource) lists exactly the users check allows, sorted;
// whatCan(subject, resource) lists exactly the actions check allows for the subject there.
import { describe, expect, it } from "vitest";
import { path, res } from "../support/scopes.ts";
import { NOW, world } from "../support/world.ts";

const M = "mission-control";
const X = "experimentation";
const prod = res(path("acme", M, "production"), { production: true });
const prodScope = path("acme", M, "production");

const w = world()
  .org("agency", "partner", [M])
  .org("lazy", "partner", ["cms"])
  .users("acme", "zed", "amy", "dev", "far")
  .user("partner", "agency")
  .user("lazy-partner", "lazy")
  .user("globex-admin", "globex")
  .grant("zed", `${M}:customerUser`, prodScope)
  .grant("amy", `${M}:customerAdmin`, path("acme", M))
  .grant("dev", `${M}:customerDev`, path("acme", M, "sandbox"))
  .grant("far", "cms:commerce-admins", path("acme", "cms"))
  .grant("partner", `${M}:partnerUser`, prodScope)
  .grant("lazy-partner", `${M}:partnerAdmin`, prodScope)
  .grant("globex-admin", `${M}:customerAdmin`, path("globex", M));

const userActions = [`${M}:site.view`, `${M}:site.restart`, `${M}:database.backup`];
const devActions = [
  `${M}:database.credentials`,
  `${M}:database.sync`,
  `${M}:userfiles.sync`,
  `${M}:code.deploy`,
  `${M}:extension.deploy`,
];

describe("whoCan", () => {
  it("lists exactly the users allowed, sorted, including a partner user whose partner enabled the product", () => {
    expect(w.engine.whoCan(`${M}:site.restart`, prod, NOW)).toEqual(["amy", "partner", "zed"]);
    expect(w.engine.whoCan(`${M}:code.deploy`, prod, NOW)).toEqual(["amy"]);
  });

  it("agrees with check for every user and every Mission Control action", () => {
    const users = ["zed", "amy", "dev", "far", "partner", "lazy-partner", "globex-admin"];
    for (const action of [...userActions, ...devActions]) {
      const allowed = users.filter((u) => w.engine.check(u, action, prod, NOW) === "allow").sort();
      expect(w.engine.whoCan(action, prod, NOW)).toEqual(allowed);
    }
  });

  it("is empty on a resource of an unknown organization", () => {
    expect(w.engine.whoCan(`${M}:site.view`, res(path("nowhere", M, "production")), NOW)).toEqual([]);
  });
});

describe("whatCan", () => {
  it("a User role: view, restart and back up, nothing else", () => {
    expect([...w.engine.whatCan("zed", prod, NOW)].sort()).toEqual([...userActions].sort());
  });

  it("an Admin role: every Mission Control action", () => {
    expect([...w.engine.whatCan("amy", prod, NOW)].sort()).toEqual([...userActions, ...devActions].sort());
  });

  it("nothing outside the subject's scopes", () => {
    expect(w.engine.whatCan("dev", prod, NOW)).toEqual([]);
    expect(w.engine.whatCan("far", prod, NOW)).toEqual([]);
    expect(w.engine.whatCan("lazy-partner", prod, NOW)).toEqual([]);
  });

  it("a Feature viewer on a flag: view the project, the flag and the results", () => {
    const v = world()
      .user("v", "acme")
      .grant("v", `${X}:viewer`, path("acme", X, "e1", "p1"));
    const flag = res(path("acme", X, "e1", "p1", "production", "f"), {
      platform: "feature",
      production: true,
      flagStatus: "running",
      rulesetPublished: true,
    });
    expect([...v.engine.whatCan("v", flag, NOW)].sort()).toEqual(
      [`${X}:flag.view`, `${X}:project.view`, `${X}:results.view`].sort(),
    );
  });

  it("a Web viewer on a Web project: the six views", () => {
    const v = world()
      .user("v", "acme")
      .grant("v", `${X}:viewer`, path("acme", X, "e1", "w1"));
    const views = [
      "experiment.view",
      "page.view",
      "event.view",
      "audience.view",
      "results.view",
      "account.view",
    ];
    expect(
      [...v.engine.whatCan("v", res(path("acme", X, "e1", "w1"), { platform: "web" }), NOW)].sort(),
    ).toEqual(views.map((a) => `${X}:${a}`).sort());
  });

  it("includes the Admin Center actions an admin level gives on that scope", () => {
    const v = world()
      .user("ia", "acme")
      .grant("ia", "admin-center:instance-admin", path("acme", "cms", "s1"));
    const can = v.engine.whatCan("ia", res(path("acme", "cms", "s1")), NOW);
    for (const a of [
      "instance.view",
      "user.invite",
      "user.view",
      "user.edit-role",
      "user.remove-access",
      "user.delete",
    ])
      expect(can).toContain(`admin-center:${a}`);
    for (const a of ["product.view", "group.manage", "custom-role.create", "custom-role.delete"])
      expect(can).not.toContain(`admin-center:${a}`);
    expect(can.filter((a) => a.startsWith("cms:"))).toEqual([]);
  });
});
