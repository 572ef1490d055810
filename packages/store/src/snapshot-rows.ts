// Stored custom roles as snapshot rows: the one mapping from a roles row (with its permissions) to what the engine
// loads, shared by the whole-database loader (load-engine.ts) and one organization's snapshot (org-snapshot.ts).
import type { SnapshotRow } from "@gatehouse/domain";

/** A custom role as the loaders select it: its columns and its permissions aggregated. */
export interface RoleRow {
  readonly id: string;
  readonly product: string;
  readonly name: string;
  readonly description: string;
  readonly org: string | null;
  readonly instance: string | null;
  readonly permissions: ReadonlyArray<string>;
}

export const roleRow = (role: RoleRow): SnapshotRow => ({
  type: "role",
  role: {
    id: role.id,
    product: role.product,
    ...(role.org === null ? {} : { org: role.org }),
    ...(role.instance === null ? {} : { instance: role.instance }),
    label: role.name,
    description: role.description,
    permissions: role.permissions,
  },
});
