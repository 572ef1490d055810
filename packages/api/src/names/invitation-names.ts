// An invitation's grants as people read them: the role's display name and the place's name ("Editor at Acme ›
// Experimentation › Checkout"), served next to the ids so that no app guesses names from what it may list.
import type { Engine, Scope } from "@gatehouse/domain";
import type { Store } from "../authorize.ts";
import { placeNamer } from "./place-names.ts";

interface Granted {
  readonly role: string;
  readonly scope: Scope;
}

/** Names every grant of `invitations` of `org` (the organization whose boundary the reader passed). */
export const grantNamer = async (
  store: Store,
  engine: Engine,
  org: string,
  invitations: ReadonlyArray<{ readonly grants: ReadonlyArray<Granted> }>,
) => {
  const { where } = await placeNamer(
    store,
    invitations.flatMap((i) => i.grants.map((g) => g.scope)),
    org,
  );
  return <G extends Granted>(grant: G) => ({
    ...grant,
    roleName: engine.roleName(grant.role) ?? grant.role,
    where: where(grant.scope),
  });
};
