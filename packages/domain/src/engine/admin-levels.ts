// The Admin Center admin levels as role indices, and the subject's grants that carry them.
// Landing pages and delegation both start from "which admin levels does this subject hold, and where".
import type { CompiledCatalog } from "./compiled-catalog.ts";
import type { Grant, Subject } from "./grant-entry.ts";
import type { Snapshot } from "./snapshot.ts";

export interface AdminLevels {
  readonly superAdmin: number;
  readonly productAdmin: number;
  readonly instanceAdmin: number;
  readonly projectOwner: number;
  readonly experimentationAdministrator: number;
}

const adminLevelsOf = (catalog: CompiledCatalog): AdminLevels => ({
  superAdmin: catalog.role("admin-center:super-admin").index,
  productAdmin: catalog.role("admin-center:product-admin").index,
  instanceAdmin: catalog.role("admin-center:instance-admin").index,
  projectOwner: catalog.role("admin-center:project-owner").index,
  experimentationAdministrator: catalog.role("experimentation:administrator").index,
});

const levelsCache = new WeakMap<Snapshot, AdminLevels>();

/** The admin levels of the snapshot's catalog (system roles: their indices never change). */
export const levelsFor = (snap: Snapshot): AdminLevels => {
  let levels = levelsCache.get(snap);
  if (levels === undefined) {
    levels = adminLevelsOf(snap.catalog);
    levelsCache.set(snap, levels);
  }
  return levels;
};

/** The subject's grants (direct and through groups) that are in force at `now`, wherever they are. */
export const grantsInForce = (snap: Snapshot, subject: Subject, now: number): ReadonlyArray<Grant> => {
  const out: Grant[] = [];
  for (const holder of [subject, ...subject.groups])
    for (const g of holder.grants) {
      if (g.expiresAt !== 0 && g.expiresAt <= (now || Date.now())) continue;
      if (g.crossOrg && !snap.productEnabled(g.subject.org, g.role.product)) continue;
      out.push(g);
    }
  return out;
};

/** Of `grants`, those whose role counts as the given role index. */
export const countingAs = (grants: ReadonlyArray<Grant>, role: number): ReadonlyArray<Grant> =>
  grants.filter((g) => g.role.countsAs.has(role));
