// Incremental updates, as a property: any sequence of grant additions, replacements, removals and membership
// changes on one engine answers exactly like a fresh engine built from the resulting world.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { GrantInput } from "../../src/index.ts";
import {
  build,
  grantArb,
  NOW,
  probesFor,
  RUNS,
  subjectsOf,
  userIds,
  type WorldSpec,
  worldArb,
} from "../support/arbitraries.ts";

type Op =
  | { readonly kind: "add"; readonly grant: GrantInput }
  | { readonly kind: "remove"; readonly id: string }
  | { readonly kind: "join" | "leave"; readonly group: string; readonly user: string };

const opArb = (spec: WorldSpec): fc.Arbitrary<Op> => {
  const ids = [...spec.grants.map((g) => g.id), "k1", "k2", "k3"];
  const ops: Array<fc.Arbitrary<Op>> = [
    fc
      .constantFrom(...ids)
      .chain((id) => grantArb(subjectsOf(spec), id).map((grant) => ({ kind: "add", grant }) as const)),
    fc.constantFrom(...ids).map((id) => ({ kind: "remove", id }) as const),
  ];
  if (spec.groups.length > 0)
    ops.push(
      fc
        .record({
          kind: fc.constantFrom("join" as const, "leave" as const),
          group: fc.constantFrom(...spec.groups.map((g) => g.id)),
          user: fc.constantFrom(...userIds(spec)),
        })
        .map((o) => o),
    );
  return fc.oneof(...ops);
};

const scenario = worldArb.chain((spec) =>
  fc.tuple(fc.constant(spec), fc.array(opArb(spec), { maxLength: 12 })),
);

/** The world after the operations, computed without the engine. */
const apply = (spec: WorldSpec, ops: ReadonlyArray<Op>): WorldSpec => {
  const grants = new Map(spec.grants.map((g) => [g.id, g]));
  const members = new Map(spec.groups.map((g) => [g.id, new Set(g.members)]));
  for (const op of ops) {
    if (op.kind === "add") {
      grants.delete(op.grant.id);
      grants.set(op.grant.id, op.grant);
    } else if (op.kind === "remove") grants.delete(op.id);
    else if (op.kind === "join") members.get(op.group)?.add(op.user);
    else members.get(op.group)?.delete(op.user);
  }
  return {
    ...spec,
    groups: spec.groups.map((g) => ({ ...g, members: [...(members.get(g.id) ?? [])] })),
    grants: [...grants.values()],
  };
};

describe("property: incremental updates", () => {
  it("an engine updated step by step decides like one built from scratch", () => {
    fc.assert(
      fc.property(
        scenario.chain(([spec, ops]) => {
          const after = apply(spec, ops);
          return probesFor(after, 8).map((probes) => [spec, ops, after, probes] as const);
        }),
        ([spec, ops, after, probes]) => {
          const live = build(spec);
          const snap = live.snapshot;
          for (const op of ops) {
            if (op.kind === "add") snap.addGrant(op.grant);
            else if (op.kind === "remove") snap.removeGrant(op.id);
            else if (op.kind === "join") snap.addMember(op.group, op.user);
            else snap.removeMember(op.group, op.user);
          }
          const fresh = build(after);
          for (const [resource, action] of probes) {
            expect(live.whoCan(action, resource, NOW)).toEqual(fresh.whoCan(action, resource, NOW));
            for (const u of userIds(spec))
              expect(live.check(u, action, resource, NOW)).toBe(fresh.check(u, action, resource, NOW));
          }
        },
      ),
      RUNS,
    );
  });
});
