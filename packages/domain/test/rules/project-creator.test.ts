// Where creating a project is asked and what its creator is given (seed 004: project owners create projects): the
// instance for an administrator, an owned project of the same platform for an owner, the instance's refusal else.
import { describe, expect, it } from "vitest";
import type { Resource } from "../../src/index.ts";
import { PROJECT_CREATE, projectCreationPlace, projectCreatorGrant } from "../../src/index.ts";

const instance: Resource = { org: "acme", product: "experimentation", instance: "e1" };
const project = (id: string, platform: "web" | "feature"): Resource => ({
  ...instance,
  project: id,
  attrs: { platform },
});
const web1 = project("w1", "web");
const web2 = project("w2", "web");
const feature1 = project("f1", "feature");

/** Allows project.create only at the resources listed (by project id, or the instance as "instance"). */
const allowsAt =
  (...places: ReadonlyArray<string>) =>
  (action: string, resource: Resource) =>
    action === PROJECT_CREATE && places.includes(resource.project ?? "instance");

describe("projectCreationPlace", () => {
  it("asks at the instance whoever holds the right there", () => {
    expect(projectCreationPlace(allowsAt("instance", "w2"), instance, [web1, web2], "web")).toBe(instance);
  });

  it("asks at a project of the same platform where the creator holds it", () => {
    expect(projectCreationPlace(allowsAt("w2"), instance, [feature1, web1, web2], "web")).toBe(web2);
  });

  it("asks at the instance, to be refused there, when no project of that platform allows it", () => {
    expect(projectCreationPlace(allowsAt("w2"), instance, [feature1, web2], "feature")).toBe(instance);
    expect(projectCreationPlace(allowsAt(), instance, [web1], "web")).toBe(instance);
  });
});

describe("projectCreatorGrant", () => {
  const scope = { org: "acme", product: "experimentation", instance: "e1", project: "new" };
  const owner = (expiresAt?: number) => ({ role: "experimentation:project-owner", expiresAt });

  it("makes an owner who created a project that project's owner, for good when its ownership does not end", () => {
    expect(projectCreatorGrant(allowsAt("w1"), instance, scope, [owner(5), owner()])).toEqual({
      role: "experimentation:project-owner",
      scope,
    });
  });

  it("lasts as long as the ownership that let it create: until its latest expiry", () => {
    expect(projectCreatorGrant(allowsAt("w1"), instance, scope, [owner(5), owner(9)])).toEqual({
      role: "experimentation:project-owner",
      scope,
      expiresAt: 9,
    });
  });

  it("gives nothing for a single permission, another role, or to an administrator of the instance", () => {
    const single = { role: "experimentation:project.create", expiresAt: undefined };
    expect(projectCreatorGrant(allowsAt("w1"), instance, scope, [single])).toBeUndefined();
    expect(projectCreatorGrant(allowsAt("instance"), instance, scope, [owner()])).toBeUndefined();
  });
});
