// The Admin Center admin levels as role indices, compiled once with the catalog from the products' declarations,
// and the subject's grants that carry them: landing pages and delegation both start from "which levels, where".
import type { ProductDef } from "../catalog/types.ts";
import type { Grant, Subject } from "./grant-entry.ts";
import { countsAt } from "./grant-entry.ts";
import type { RoleEntry } from "./role-entry.ts";
import type { Snapshot } from "./snapshot.ts";

export interface AdminLevels {
  /** Role indices of the four levels; -1 (which no role counts as) when the catalog has no Admin Center. */
  readonly superAdmin: number;
  readonly productAdmin: number;
  readonly instanceAdmin: number;
  readonly projectOwner: number;
  /** By product: the index of its own administrator role (see `ProductDef.administrator`). */
  readonly administrators: ReadonlyMap<string, number>;
  /** By product: the project roles its project owners add (see `ProductDef.projectOwnersGive`). */
  readonly ownerGives: ReadonlyMap<string, ReadonlySet<string>>;
}

/** Compiles the levels the products declare; `role` resolves a compiled role by id. */
export const compileAdminLevels = (
  products: ReadonlyArray<ProductDef>,
  role: (id: string) => RoleEntry,
): AdminLevels => {
  const declared = products.find((p) => p.adminLevels !== undefined)?.adminLevels;
  const index = (id: string | undefined): number => (id === undefined ? -1 : role(id).index);
  return {
    superAdmin: index(declared?.superAdmin),
    productAdmin: index(declared?.productAdmin),
    instanceAdmin: index(declared?.instanceAdmin),
    projectOwner: index(declared?.projectOwner),
    administrators: new Map(
      products.flatMap((p) => (p.administrator ? [[p.id, index(p.administrator)] as const] : [])),
    ),
    ownerGives: new Map(
      products.flatMap((p) => (p.projectOwnersGive ? [[p.id, new Set(p.projectOwnersGive)] as const] : [])),
    ),
  };
};

/** Whether a role is, or implies, an admin level other than itself. */
export const makesAdmin = (levels: AdminLevels, role: RoleEntry): boolean =>
  [...role.countsAs].some(
    (i) =>
      i !== role.index &&
      (i === levels.superAdmin ||
        i === levels.productAdmin ||
        i === levels.instanceAdmin ||
        i === levels.projectOwner),
  );

/** The subject's grants (direct and through groups) that count at `now`, wherever they are; none when deactivated. */
export const grantsInForce = (snap: Snapshot, subject: Subject, now: number): ReadonlyArray<Grant> => {
  const out: Grant[] = [];
  if (subject.deactivated) return out;
  for (const holder of [subject, ...subject.groups])
    for (const g of holder.grants) if (countsAt(snap, g, now)) out.push(g);
  return out;
};

/** Of `grants`, those whose role counts as the given role index. */
export const countingAs = (grants: ReadonlyArray<Grant>, role: number): ReadonlyArray<Grant> =>
  grants.filter((g) => g.role.countsAs.has(role));
