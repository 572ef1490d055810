// What-if, as properties: on random worlds and random grant changes, engine.whatIf answers exactly the difference
// between the live engine and a fresh one built with the change made (each action told once, at the widest
// resource asked about that has it), and no live answer ever changes; a change no actor could make is refused.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type GrantChange, type GrantInput, ImpossibleGrant, type Resource } from "../../src/index.ts";
import {
  build,
  grantArb,
  probesFor,
  RUNS,
  subjectsOf,
  type WorldSpec,
  worldArb,
} from "../support/arbitraries.ts";
import { covers } from "../support/scopes.ts";
import { untouched } from "../support/untouched.ts";
import { NOW } from "../support/world.ts";

const NEW = "what-if-new";

/** A change of `subject`'s grants: a new grant, or (when it holds any) an edit of some fields or a removal. */
const changeArb = (spec: WorldSpec, subject: { readonly id: string; readonly org: string }) => {
  const held = spec.grants.filter((g) => g.subject === subject.id);
  const body = grantArb([subject], NEW);
  const create = body.map((g): GrantChange => {
    const gives = "role" in g ? { role: g.role } : { permission: g.permission };
    return {
      kind: "create",
      scope: g.scope,
      ...gives,
      ...(g.expiresAt === undefined ? {} : { expiresAt: g.expiresAt }),
    };
  });
  if (held.length === 0) return create;
  const update = fc
    .tuple(fc.constantFrom(...held), body, fc.boolean(), fc.boolean(), fc.boolean())
    .map(([stored, g, gives, scope, expiry]): GrantChange => {
      const what = gives ? ("role" in g ? { role: g.role } : { permission: g.permission }) : {};
      return {
        kind: "update",
        grant: stored.id,
        ...what,
        ...(scope ? { scope: g.scope } : {}),
        ...(expiry ? { expiresAt: g.expiresAt ?? null } : {}),
      };
    });
  const remove = fc.constantFrom(...held).map((g): GrantChange => ({ kind: "remove", grant: g.id }));
  return fc.oneof(create, update, remove);
};

/** The world's grants with `change` made to `subject`'s, computed without the engine. */
const changed = (spec: WorldSpec, subject: string, change: GrantChange): ReadonlyArray<GrantInput> => {
  if (change.kind === "remove") return spec.grants.filter((g) => g.id !== change.grant);
  if (change.kind === "create") {
    const { kind: _kind, ...made } = change;
    return [...spec.grants, { id: NEW, subject, ...made } as GrantInput];
  }
  return spec.grants.map((g) => {
    if (g.id !== change.grant) return g;
    const { kind: _kind, grant: _grant, role, permission, expiresAt, ...rest } = change;
    const {
      role: _r,
      permission: _p,
      expiresAt: was,
      ...kept
    } = g as GrantInput & {
      role?: string;
      permission?: string;
    };
    const gives =
      role !== undefined
        ? { role }
        : permission !== undefined
          ? { permission }
          : "role" in g
            ? { role: g.role }
            : { permission: g.permission };
    const until = expiresAt === undefined ? was : (expiresAt ?? undefined);
    return { ...kept, ...rest, ...gives, ...(until === undefined ? {} : { expiresAt: until }) } as GrantInput;
  });
};

const scenario = worldArb
  .filter((spec) => subjectsOf(spec).length > 0)
  .chain((spec) =>
    fc.constantFrom(...subjectsOf(spec)).chain((subject) =>
      changeArb(spec, subject).chain((change) => {
        const after = { ...spec, grants: changed(spec, subject.id, change) };
        return probesFor(after, 4).map((probes) => [spec, subject.id, change, after, probes] as const);
      }),
    ),
  );

const minus = (a: ReadonlyArray<string>, b: ReadonlyArray<string>) => a.filter((x) => !b.includes(x));

interface Diff {
  readonly resource: Resource;
  readonly gained: ReadonlyArray<string>;
  readonly lost: ReadonlyArray<string>;
}

/** Each action once: a resource strictly within another asked about leaves out what that one already tells. */
const toldOnce = (diffs: ReadonlyArray<Diff>): ReadonlyArray<Diff> =>
  diffs.map((d) => {
    const wider = diffs.filter((w) => covers(w.resource, d.resource) && !covers(d.resource, w.resource));
    return {
      resource: d.resource,
      gained: minus(
        d.gained,
        wider.flatMap((w) => w.gained),
      ),
      lost: minus(
        d.lost,
        wider.flatMap((w) => w.lost),
      ),
    };
  });

describe("property: whatIf", () => {
  it("answers what a fresh engine with the change made gains and loses, and never changes a live answer", () => {
    let changes = 0;
    fc.assert(
      fc.property(scenario, ([spec, subject, change, after, probes]) => {
        const live = build(spec);
        const fresh = build(after);
        const resources: ReadonlyArray<Resource> = probes.map(([r]) => r);
        const allows = () =>
          probes.flatMap(([r, action]) => [
            ...spec.users.map((u) => live.allows(u.id, action, r, NOW)),
            live.whoCan(action, r, NOW),
          ]);
        const allowedBefore = allows();
        const made = change.kind === "create" ? NEW : change.kind === "update" ? change.grant : undefined;
        const impossible = made === undefined ? undefined : fresh.snapshot.setAside.get(made)?.reason;
        if (impossible !== undefined) {
          // A grant no actor could make is refused with the reason the fresh engine set it aside for.
          untouched(live, resources, NOW, () =>
            expect(() => live.whatIf(subject, change, resources, NOW)).toThrow(
              new ImpossibleGrant({ reason: impossible }),
            ),
          );
          expect(allows()).toEqual(allowedBefore);
          return;
        }
        const answer = untouched(live, resources, NOW, () => live.whatIf(subject, change, resources, NOW));
        expect(allows()).toEqual(allowedBefore);

        const expected = (id: string) => ({
          subject: id,
          resources: toldOnce(
            resources.map((r) => {
              const was = live.whatCan(id, r, NOW);
              const will = fresh.whatCan(id, r, NOW);
              return { resource: r, gained: minus(will, was), lost: minus(was, will) };
            }),
          ),
        });
        const group = spec.groups.find((g) => g.id === subject);
        const members = spec.users
          .filter((u) => group?.org === u.org && group.members.includes(u.id))
          .map((u) => u.id)
          .sort();
        expect(answer).toEqual({ ...expected(subject), members: members.map(expected) });
        if (answer.resources.some((r) => r.gained.length + r.lost.length > 0)) changes += 1;
      }),
      RUNS,
    );
    expect(changes).toBeGreaterThan(0);
  });
});
