// Applies one change to an engine, incrementally: the server's engine sync and the SDK use this one code. Every
// change is idempotent, so a change heard again (or already in a freshly loaded snapshot) leaves the engine as it was.
import type { Engine } from "../engine/engine.ts";
import type { Change } from "./change.ts";

/** Applies `change`; returns false for `resync`, which the caller answers by reloading. */
export const applyChange = (engine: Engine, change: Change): boolean => {
  const snapshot = engine.snapshot;
  switch (change.type) {
    case "org.set":
      snapshot.setOrg(change.org, { kind: change.kind, products: new Set(change.products) });
      return true;
    case "user.added":
      snapshot.addUser(change.user, change.org);
      return true;
    case "user.deactivated":
    case "user.reactivated":
      if (snapshot.subjects.has(change.user))
        snapshot.setDeactivated(change.user, change.type === "user.deactivated");
      return true;
    case "group.added":
      snapshot.addGroup(change.group, change.org);
      return true;
    case "subject.removed":
      snapshot.removeSubject(change.subject);
      return true;
    case "member.added":
      snapshot.addMember(change.group, change.user);
      return true;
    case "member.removed":
      if (snapshot.subjects.has(change.group) && snapshot.subjects.has(change.user))
        snapshot.removeMember(change.group, change.user);
      return true;
    case "grant.added":
      snapshot.addGrant(change.grant);
      return true;
    case "grant.removed":
      snapshot.removeGrant(change.grant);
      return true;
    case "role.set":
      snapshot.upsertCustomRole({
        id: change.role,
        product: change.product,
        ...(change.org === undefined ? {} : { org: change.org }),
        ...(change.instance === undefined ? {} : { instance: change.instance }),
        label: change.label,
        permissions: change.permissions,
      });
      return true;
    case "role.removed":
      if (snapshot.catalog.roles.has(change.role)) snapshot.removeCustomRole(change.role);
      return true;
    case "resync":
      return false;
  }
};
