// One row of an engine snapshot as it is loaded: the server's loader (store's load-engine.ts) and the SDK (which
// reads them from GET /v1/snapshot) build their engines with this one code, organizations first, grants last.
import type { CustomRoleInput, GrantInput, Snapshot } from "../engine/snapshot.ts";

/** A row, in the order a snapshot is loaded: orgs, users, groups, members, roles, grants. */
export type SnapshotRow =
  | {
      readonly type: "org";
      readonly id: string;
      readonly kind: "customer" | "partner";
      readonly products: ReadonlyArray<string>;
    }
  | { readonly type: "user"; readonly id: string; readonly org: string; readonly deactivated: boolean }
  | { readonly type: "group"; readonly id: string; readonly org: string }
  | { readonly type: "member"; readonly group: string; readonly user: string }
  | { readonly type: "role"; readonly role: CustomRoleInput }
  | { readonly type: "grant"; readonly grant: GrantInput };

/** Adds `row` to `snapshot`; call it inside `snapshot.batch` so each subject is indexed once. */
export const loadRow = (snapshot: Snapshot, row: SnapshotRow): void => {
  switch (row.type) {
    case "org":
      snapshot.setOrg(row.id, { kind: row.kind, products: new Set(row.products) });
      return;
    case "user":
      snapshot.addUser(row.id, row.org);
      snapshot.setDeactivated(row.id, row.deactivated);
      return;
    case "group":
      snapshot.addGroup(row.id, row.org);
      return;
    case "member":
      snapshot.addMember(row.group, row.user);
      return;
    case "role":
      snapshot.upsertCustomRole(row.role);
      return;
    case "grant":
      snapshot.addGrant(row.grant);
      return;
  }
};
