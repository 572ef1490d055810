// Test support: asserts that running something leaves an engine's live snapshot exactly as it was: no mutator is
// called on it, and every subject's grants, the grant table and every answer about the given resources are alike.
import { expect, vi } from "vitest";
import type { Engine, Resource } from "../../src/index.ts";

const MUTATORS = [
  "setOrg",
  "addUser",
  "addGroup",
  "removeSubject",
  "addMember",
  "removeMember",
  "addGrant",
  "removeGrant",
  "upsertCustomRole",
  "admitCustomRole",
  "removeCustomRole",
  "batch",
] as const;

/** Everything a caller can observe of the engine about `resources`, plus the snapshot's grant bookkeeping. */
const observe = (engine: Engine, resources: ReadonlyArray<Resource>, now: number) => {
  const snap = engine.snapshot;
  const subjects = [...snap.subjects.values()];
  return {
    grants: subjects.map((s) => [s.id, s.slot, s.grants.map((g) => [g.id, g.ordinal, g.atNode])]),
    members: subjects.map((s) => [s.id, s.groups.map((g) => g.id), [...s.members].map((m) => m.id)]),
    table: snap.grantTable.map((g) => g?.id),
    segments: [...snap.grantSegments],
    answers: subjects.map((s) => resources.map((r) => engine.whatCan(s.id, r, now))),
  };
};

/** Runs `run` and expects the live snapshot untouched by it; returns what `run` returned. */
export const untouched = <A>(
  engine: Engine,
  resources: ReadonlyArray<Resource>,
  now: number,
  run: () => A,
): A => {
  const before = observe(engine, resources, now);
  const spies = MUTATORS.map((m) => vi.spyOn(engine.snapshot, m));
  try {
    return run();
  } finally {
    for (const spy of spies) {
      expect(spy, `live snapshot.${spy.getMockName()} was called`).not.toHaveBeenCalled();
      spy.mockRestore();
    }
    expect(observe(engine, resources, now)).toEqual(before);
  }
};
