// A user's own grants as the users router reads, shows and removes them: every grant held directly, each grant's
// view (with its version), and removing several as one audited change.
import { type GrantRecord, Grants, type Written } from "@gatehouse/store";
import { Effect } from "effect";
import type { Store } from "../authorize.ts";

/** A grant as the API shows it: role or permission, scope, expiry, version. */
export const grantView = (grant: GrantRecord) => ({
  id: grant.id,
  role: grant.role,
  permission: grant.permission,
  scope: grant.scope,
  expiresAt: grant.expiresAt === null ? null : new Date(grant.expiresAt).toISOString(),
  version: grant.version,
});

/** Every grant the user holds directly. */
export const userGrants = (store: Store, userId: string) =>
  store.run(Grants.use((grants) => grants.list({ subject: { kind: "user", id: userId } })));

/** Removes `grants`, each at the version read (a changed one is a CONFLICT). */
export const removeAll = (grants: ReadonlyArray<GrantRecord>) =>
  Effect.gen(function* () {
    const repo = yield* Grants;
    const changes: Array<Written<GrantRecord>["changes"][number]> = [];
    for (const grant of grants) changes.push(...(yield* repo.remove(grant.id, grant.version)).changes);
    const removed = grants.map(grantView);
    return { value: removed, before: removed, after: null, changes } satisfies Written<typeof removed>;
  });
