// Property (b), adding a grant: a grant added at scope S never removes a right on a resource outside S's
// subtree, and a grant of a non-entity role (not env-*/flag-*) never removes a right anywhere.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  build,
  grantArb,
  isEntityRole,
  NOW,
  probesFor,
  RUNS,
  subjectsOf,
  userIds,
  worldArb,
} from "../support/arbitraries.ts";
import { covers } from "../support/scopes.ts";

const scenario = worldArb.chain((spec) => {
  const added = grantArb(subjectsOf(spec), "added");
  // probes aimed at the new grant's scope as well as at the world's own grants
  return added.chain((g) =>
    fc.tuple(fc.constant(spec), fc.constant(g), probesFor({ ...spec, grants: [...spec.grants, g] }, 6)),
  );
});

describe("property: adding a grant", () => {
  it("never removes a right outside the new grant's subtree; a non-entity role never removes one at all", () => {
    let rightsChecked = 0;
    fc.assert(
      fc.property(scenario, ([spec, added, probes]) => {
        const before = build(spec);
        const after = build(spec, [...spec.grants, added]);
        for (const [resource, action] of probes) {
          // Inside S's subtree an explicit granular env/flag role may legitimately replace the project role's
          // default ("the most specific role wins"), so only outside it, or for other roles, must rights stay.
          if (covers(added.scope, resource) && isEntityRole(added)) continue;
          for (const u of userIds(spec)) {
            if (before.check(u, action, resource, NOW) !== "allow") continue;
            rightsChecked += 1;
            expect(after.check(u, action, resource, NOW)).toBe("allow");
          }
        }
      }),
      RUNS,
    );
    expect(rightsChecked).toBeGreaterThan(0);
  });
});
