// An invitation's grants give each invitee at most one role per environment and per flag (domain
// rules/entity-roles.ts): two on one entity are refused before anything is written, by name.
import { type Engine, type Scope, twoRolesAtOneEntity } from "@gatehouse/domain";
import { Environments, Flags } from "@gatehouse/store";
import { Effect } from "effect";
import type { Store } from "../authorize.ts";
import { badRequest } from "../refusals.ts";

/** BAD_REQUEST naming both roles and the entity where `grants` give two roles on one environment or flag. */
export const refuseTwoEntityRoles = async (
  store: Store,
  engine: Engine,
  grants: ReadonlyArray<{ readonly role: string; readonly scope: Scope }>,
): Promise<void> => {
  const two = twoRolesAtOneEntity(grants);
  if (two === undefined) return;
  const id = two.second.scope[two.entity] ?? "";
  const name = await store.run(
    two.entity === "flag"
      ? Effect.map(
          Flags.use((f) => f.get(id)),
          (f) => f.name,
        )
      : Effect.map(
          Environments.use((e) => e.get(id)),
          (e) => e.name,
        ),
  );
  const role = (r: string) => engine.roleName(r) ?? r;
  throw badRequest(
    `grants: ${role(two.first.role)} and ${role(two.second.role)} are both given on ${name}: a person holds one role per ${two.entity}; give one of them`,
  );
};
