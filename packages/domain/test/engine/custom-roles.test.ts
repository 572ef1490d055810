// Custom roles (spec sections 1 and 6): a named set of one product's actions; rejected for configured-commerce
// and experimentation and for system role ids; updates and removal take effect on holders at once.
import { describe, expect, it } from "vitest";
import { RoleDefinitionRejected, UnknownRole } from "../../src/index.ts";
import { path, res } from "../support/scopes.ts";
import { NOW, world } from "../support/world.ts";

const M = "mission-control";
const prod = path("acme", M, "production");
const qa = { id: "custom:acme/qa", product: M, permissions: [`${M}:site.restart`] };
const build = () =>
  world()
    .users("acme", "tess", "super")
    .grant("super", "admin-center:super-admin", path("acme"))
    .customRole(qa)
    .grant("tess", qa.id, prod, { id: "tess-qa" });

const rejected = (f: () => unknown): RoleDefinitionRejected => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(RoleDefinitionRejected);
    if (e instanceof RoleDefinitionRejected) return e;
  }
  throw new Error("expected RoleDefinitionRejected");
};

describe("custom roles", () => {
  it("a Mission Control custom role with site.restart allows exactly that", () => {
    const { engine } = build();
    expect(engine.check("tess", `${M}:site.restart`, res(prod), NOW)).toBe("allow");
    expect(engine.check("tess", `${M}:site.view`, res(prod), NOW)).toBe("deny");
    expect(engine.check("tess", `${M}:database.backup`, res(prod), NOW)).toBe("deny");
    expect(engine.check("tess", `${M}:site.restart`, res(path("acme", M, "sandbox")), NOW)).toBe("deny");
  });

  it("is rejected for configured-commerce and for experimentation", () => {
    const w = world();
    const cc = rejected(() =>
      w.snapshot.upsertCustomRole({
        id: "custom:acme/cc",
        product: "configured-commerce",
        permissions: ["configured-commerce:content.edit"],
      }),
    );
    expect(cc.role).toBe("custom:acme/cc");
    const x = rejected(() =>
      w.snapshot.upsertCustomRole({
        id: "custom:acme/x",
        product: "experimentation",
        permissions: ["experimentation:flag.view"],
      }),
    );
    expect(x.role).toBe("custom:acme/x");
    // and, not being defined, neither can be granted
    expect(() =>
      w.user("u", "acme").grant("u", "custom:acme/cc", path("acme", "configured-commerce")),
    ).toThrow(UnknownRole);
  });

  it("is rejected when it names another product's action or changes a system role", () => {
    const w = world();
    rejected(() =>
      w.snapshot.upsertCustomRole({ id: "custom:acme/mix", product: M, permissions: ["cms:content.edit"] }),
    );
    rejected(() =>
      w.snapshot.upsertCustomRole({ id: `${M}:customerUser`, product: M, permissions: [`${M}:code.deploy`] }),
    );
    rejected(() => w.snapshot.removeCustomRole(`${M}:customerUser`));
    // the system role is unchanged
    w.user("u", "acme").grant("u", `${M}:customerUser`, prod);
    expect(w.engine.check("u", `${M}:code.deploy`, res(prod), NOW)).toBe("deny");
    expect(w.engine.check("u", `${M}:site.view`, res(prod), NOW)).toBe("allow");
  });

  it("updating a custom role changes its holders' rights at once", () => {
    const w = build();
    w.customRole({ ...qa, permissions: [`${M}:database.backup`] });
    expect(w.engine.check("tess", `${M}:database.backup`, res(prod), NOW)).toBe("allow");
    expect(w.engine.check("tess", `${M}:site.restart`, res(prod), NOW)).toBe("deny");
    expect(w.engine.whoCan(`${M}:database.backup`, res(prod), NOW)).toEqual(["tess"]);
  });

  it("removeCustomRole removes the role and every grant of it", () => {
    const w = build().user("uma", "acme").grant("uma", qa.id, path("acme", M));
    expect(w.snapshot.removeCustomRole(qa.id)).toBe(2);
    expect(w.engine.check("tess", `${M}:site.restart`, res(prod), NOW)).toBe("deny");
    expect(w.engine.check("uma", `${M}:site.restart`, res(prod), NOW)).toBe("deny");
    expect(w.snapshot.grants.has("tess-qa")).toBe(false);
    expect(() => w.grant("tess", qa.id, prod)).toThrow(UnknownRole);
  });

  it("can be assigned by an administrator of its product, only at a scope of its product", () => {
    const { engine } = build();
    expect(engine.assign("super", { role: qa.id, scope: prod, targetOrg: "acme" }, NOW).decision).toBe(
      "allow",
    );
    expect(
      engine.assign("super", { role: qa.id, scope: path("acme", "cms", "s1"), targetOrg: "acme" }, NOW)
        .decision,
    ).toBe("invalid");
  });
});
