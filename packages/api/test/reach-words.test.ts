// Where a grant reaching a place's user list sits, in the list's words: a flag role sits at the flag and applies
// in every environment; an environment role (and an older per-environment place) names its environment.
import type { ReachingGrant } from "@gatehouse/store";
import { describe, expect, it } from "vitest";
import { whereItSits } from "../src/routers/reach-words.ts";

const at = (scope: Partial<ReachingGrant["scope"]>): ReachingGrant => ({
  user: "u",
  grant: "g",
  role: "experimentation:flag-none",
  roleName: "No Flag Access",
  permission: null,
  scope: { product: null, instance: null, project: null, environment: null, flag: null, ...scope },
  names: {
    instance: "Acme Experimentation",
    project: "Checkout",
    environment: "Production",
    flag: "Dark mode",
  },
  group: null,
  expiresAt: null,
});
const place = { product: "experimentation", instance: "acme-exp" };
const project = { product: "experimentation", instance: "acme-exp", project: "acme-checkout" };

describe("whereItSits", () => {
  it("names a flag role at the flag by the flag's name, as applying in every environment", () => {
    const grant = at({ ...project, flag: "acme-dark-mode" });
    expect(whereItSits(place, grant)).toBe("flag Dark mode in every environment");
  });

  it("names an environment role by its environment", () => {
    const grant = at({ ...project, environment: "acme-checkout-production" });
    expect(whereItSits(place, grant)).toBe("environment Production");
  });

  it("names the project a project role sits at, and the place itself", () => {
    expect(whereItSits(place, at(project))).toBe("project Checkout");
    expect(whereItSits(project, at(project))).toBe("this project");
  });
});
