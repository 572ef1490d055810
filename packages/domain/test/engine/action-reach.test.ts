// The subject's reach (action-reach.ts), which denies a check before its resource is read: it follows grants,
// group membership, a group's grants and custom role edits at once, and covers every rule's way to allow.
import { describe, expect, it } from "vitest";
import type { Engine } from "../../src/index.ts";
import { path, res } from "../support/scopes.ts";
import { NOW, world } from "../support/world.ts";

const M = "mission-control";
const prod = path("acme", M, "production");
const odpScope = path("acme", "odp", "main");
const report = "odp:report.view";
const manageUsers = "odp:users.manage";

/** Whether the reach of `subject` (its own slot only) includes `action`'s group. */
const reaches = (engine: Engine, subject: string, action: string): boolean => {
  const snap = engine.snapshot;
  const ref = snap.catalog.action(action);
  return (snap.index.reach(snap.subject(subject).slot, ref.reachAt) & ref.reach) !== 0;
};

describe("a subject's reach", () => {
  it("grows with a grant and shrinks with its removal", () => {
    const w = world().users("acme", "ann").grant("ann", `${M}:customerUser`, prod);
    expect(reaches(w.engine, "ann", report)).toBe(false);
    expect(w.engine.check("ann", report, res(odpScope), NOW)).toBe("deny");
    w.grant("ann", "odp:analyst", odpScope, { id: "ann-odp" });
    expect(w.engine.check("ann", report, res(odpScope), NOW)).toBe("allow");
    w.snapshot.removeGrant("ann-odp");
    expect(reaches(w.engine, "ann", report)).toBe(false);
    expect(w.engine.check("ann", report, res(odpScope), NOW)).toBe("deny");
  });

  it("includes a single permission's action", () => {
    const w = world().users("acme", "ann").permission("ann", report, odpScope);
    expect(w.engine.check("ann", report, res(odpScope), NOW)).toBe("allow");
  });

  it("takes in a group's grants, whenever they or the membership change", () => {
    const w = world().users("acme", "ann").group("analysts", "acme").member("analysts", "ann");
    expect(w.engine.check("ann", report, res(odpScope), NOW)).toBe("deny");
    w.grant("analysts", "odp:analyst", odpScope, { id: "group-odp" });
    expect(reaches(w.engine, "ann", report)).toBe(false);
    expect(w.engine.check("ann", report, res(odpScope), NOW)).toBe("allow");
    w.snapshot.removeMember("analysts", "ann");
    expect(w.engine.check("ann", report, res(odpScope), NOW)).toBe("deny");
    w.member("analysts", "ann");
    expect(w.engine.check("ann", report, res(odpScope), NOW)).toBe("allow");
    w.snapshot.removeGrant("group-odp");
    expect(w.engine.check("ann", report, res(odpScope), NOW)).toBe("deny");
  });

  it("follows a custom role's new definition", () => {
    const role = { id: "custom:acme/reports", product: "odp", permissions: [report] };
    const w = world().users("acme", "ann").customRole(role).grant("ann", role.id, odpScope);
    expect(reaches(w.engine, "ann", manageUsers)).toBe(false);
    expect(w.engine.check("ann", manageUsers, res(odpScope), NOW)).toBe("deny");
    w.snapshot.upsertCustomRole({ ...role, permissions: [report, manageUsers] });
    expect(w.engine.check("ann", manageUsers, res(odpScope), NOW)).toBe("allow");
    w.snapshot.upsertCustomRole({ ...role, permissions: [report] });
    expect(w.engine.check("ann", manageUsers, res(odpScope), NOW)).toBe("deny");
  });

  it("reaches every action a role holds, its product's Feature layers, and the conjunctions it is a term of", () => {
    const { catalog } = world().engine.snapshot;
    for (const role of catalog.roleList) {
      if (role === undefined) continue;
      for (const ref of catalog.actions.values())
        for (const e of catalog.variants(ref)) {
          const layered = e.layer !== undefined && e.product === role.product;
          const term = e.conjunctions.some((c) => c.some((t) => [...t].some((r) => role.countsAs.has(r))));
          if (catalog.roleHolds(role.index, e.bit) || layered || term)
            expect(catalog.roleReach(role.index, ref.reachAt) & ref.reach).not.toBe(0);
        }
    }
    const markPii = catalog.action("odp:field.mark-pii");
    expect(catalog.roleReach(catalog.role("odp:pii-viewer").index, markPii.reachAt) & markPii.reach).not.toBe(
      0,
    );
  });
});
