// Loads a fixture into a Gatehouse engine and answers the benchmark's queries with it.
// Inputs (users by org, grants with their ids) are prepared untimed; loading them is the timed build.
import { Engine, type GrantInput } from "@gatehouse/domain";
import type { Fixture, FixtureGrant, Org } from "./fixture.ts";
import type { Query } from "./queries.ts";

export interface GatehouseInput {
  readonly users: ReadonlyArray<readonly [id: string, org: string]>;
  readonly grants: ReadonlyArray<GrantInput>;
}

const grantInput = (fx: Fixture, g: FixtureGrant, i: number): GrantInput => {
  const id = `grant${i}`;
  const subject = fx.users[g.user] as string;
  return "role" in g
    ? { id, subject, scope: g.scope, role: g.role }
    : { id, subject, scope: g.scope, permission: g.permission };
};

/** What a store would hand the engine: every user with its organization, every grant with an id. */
export const gatehouseInput = (fx: Fixture): GatehouseInput => ({
  users: fx.users.map((id, u) => [id, (fx.orgs[fx.userOrg[u] as number] as Org).id] as const),
  grants: fx.grants.map((g, i) => grantInput(fx, g, i)),
});

/** Loads `input` into `engine` (a new one by default; `compare.ts` passes another checkout's). */
export const buildGatehouse = (input: GatehouseInput, engine: Engine = new Engine()): Engine => {
  const snap = engine.snapshot;
  snap.batch(() => {
    for (const [id, org] of input.users) snap.addUser(id, org);
    for (const g of input.grants) snap.addGrant(g);
  });
  return engine;
};

/** One check of query `i`, as the measurement loops call it. */
export const gatehouseCheck =
  (engine: Engine, queries: ReadonlyArray<Query>) =>
  (i: number): boolean => {
    const q = queries[i] as Query;
    return engine.allows(q.user, q.action, q.resource);
  };
