// A grant the engine holds, read back as the input that made it (what it gives, to whom, where, until when):
// what callers are shown of a stored grant, and what a what-if overlay copies.
import { SINGLE_PREFIX } from "./compiled-catalog.ts";
import type { Grant } from "./grant-entry.ts";
import type { GrantInput, Snapshot } from "./snapshot.ts";

/** The input `grant` was made from: its role, or the one action of a single-permission grant. */
export const inputOf = (snap: Snapshot, grant: Grant): GrantInput => {
  const base = {
    id: grant.id,
    subject: grant.subject.id,
    scope: snap.tree.scopeOf(grant.node),
    ...(grant.expiresAt === 0 ? {} : { expiresAt: grant.expiresAt }),
  };
  return grant.role.single
    ? { ...base, permission: grant.role.id.slice(SINGLE_PREFIX.length) }
    : { ...base, role: grant.role.id };
};
