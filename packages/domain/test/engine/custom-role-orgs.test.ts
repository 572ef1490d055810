// A custom role belongs to one organization: elsewhere the engine knows it no more than a made-up role id, so
// assigning another organization's custom role fails exactly as an unknown role does and reveals nothing.
import { describe, expect, it } from "vitest";
import { path } from "../support/scopes.ts";
import { NOW, world } from "../support/world.ts";

const acmeSite = path("acme", "cms", "acme-site");
const globexSite = path("globex", "cms", "globex-site");

const build = () =>
  world()
    .users("acme", "acme-super", "ann")
    .users("globex", "globex-super", "gil")
    .grant("acme-super", "admin-center:super-admin", path("acme"))
    .grant("globex-super", "admin-center:super-admin", path("globex"))
    .customRole({ id: "globex-reviewers", org: "globex", product: "cms", permissions: ["cms:content.edit"] })
    .customRole({ id: "unowned-editors", product: "cms", permissions: ["cms:content.edit"] });

const failure = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  return "no error";
};

describe("custom roles belong to their organization", () => {
  it("its own organization assigns it as any role", () => {
    const { engine } = build();
    const given = { role: "globex-reviewers", scope: globexSite, targetOrg: "globex", targetUser: "gil" };
    expect(engine.assign("globex-super", given, NOW).decision).toBe("allow");
  });

  it("another organization is told exactly what a made-up role id gets", () => {
    const { engine } = build();
    const at = { scope: acmeSite, targetOrg: "acme", targetUser: "ann" };
    const foreign = failure(() => engine.assign("acme-super", { role: "globex-reviewers", ...at }, NOW));
    const madeUp = failure(() => engine.assign("acme-super", { role: "globex-reviewerz", ...at }, NOW));
    expect(foreign).toBe('Unknown role "globex-reviewers"');
    expect(madeUp.replace("globex-reviewerz", "globex-reviewers")).toBe(foreign);
  });

  it("a role given no organization (built by hand) is known everywhere", () => {
    const { engine } = build();
    const given = { role: "unowned-editors", scope: acmeSite, targetOrg: "acme", targetUser: "ann" };
    expect(engine.assign("acme-super", given, NOW).decision).toBe("allow");
  });

  it("forgets the owner with the role", () => {
    const w = build();
    w.snapshot.removeCustomRole("globex-reviewers");
    w.customRole({ id: "globex-reviewers", product: "cms", permissions: ["cms:content.edit"] });
    const given = { role: "globex-reviewers", scope: acmeSite, targetOrg: "acme", targetUser: "ann" };
    expect(w.engine.assign("acme-super", given, NOW).decision).toBe("allow");
  });
});
