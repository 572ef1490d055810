// Experimentation role order (spec section 3): "each role includes the one below it" (viewer < editor <
// publisher < project-owner, administrator); by the Web table, restricted roles sit below their full roles.
import { describe, expect, it } from "vitest";
import type { Resource, ResourceAttributes } from "../../src/index.ts";
import { path, res } from "../support/scopes.ts";
import { NOW, world } from "../support/world.ts";

const X = "experimentation";
const roles = [
  "viewer",
  "restricted-editor",
  "editor",
  "restricted-publisher",
  "publisher",
  "project-owner",
  "administrator",
];
const w = world().users("acme", ...roles);
for (const r of roles) w.grant(r, `${X}:${r}`, path("acme", X, "e1"));

const actions = [...w.snapshot.catalog.actions.keys()].filter((a) => a.startsWith(`${X}:`));

const featureResources: ReadonlyArray<Resource> = ["production", "development"].flatMap((env) =>
  [true, false].flatMap((rulesetPublished) =>
    (["draft", "running", "paused"] as const).flatMap((flagStatus) =>
      [false, undefined].map((flagHasExperiment) => {
        const attrs: ResourceAttributes = {
          platform: "feature",
          production: env === "production",
          rulesetPublished,
          flagStatus,
          ...(flagHasExperiment === undefined ? {} : { flagHasExperiment }),
        };
        return res(path("acme", X, "e1", "p1", env, "checkout"), attrs);
      }),
    ),
  ),
);
const webResources: ReadonlyArray<Resource> = (["visual-editor", "code-editor", "extension"] as const).map(
  (changeKind) => res(path("acme", X, "e1", "w1"), { platform: "web", changeKind }),
);
const resources = [
  ...featureResources,
  res(path("acme", X, "e1", "p1"), { platform: "feature" }),
  ...webResources,
];

const included = (
  lower: string,
  higher: string,
  on: ReadonlyArray<Resource>,
): { missing: string[]; extra: number } => {
  const missing: string[] = [];
  let extra = 0;
  for (const r of on)
    for (const a of actions) {
      const lo = w.engine.check(lower, a, r, NOW) === "allow";
      const hi = w.engine.check(higher, a, r, NOW) === "allow";
      if (lo && !hi) missing.push(`${a} on ${JSON.stringify(r.attrs)}`);
      if (hi && !lo) extra += 1;
    }
  return { missing, extra };
};

describe("experimentation role order", () => {
  it.each([
    ["viewer", "editor", "every"],
    ["editor", "publisher", "every"],
    ["publisher", "project-owner", "every"],
    ["project-owner", "administrator", "every"],
    ["restricted-editor", "editor", "every"],
    ["restricted-editor", "restricted-publisher", "every"],
    ["restricted-publisher", "publisher", "every"],
    // restricted roles exist only on Web projects, so a Feature viewer's views are not theirs
    ["viewer", "restricted-editor", "web"],
  ])(
    "%s ⊂ %s on %s project: everything the first may do, the second may do, and more",
    (lower, higher, on) => {
      const { missing, extra } = included(lower, higher, on === "web" ? webResources : resources);
      expect(missing).toEqual([]);
      expect(extra).toBeGreaterThan(0);
    },
  );
});
