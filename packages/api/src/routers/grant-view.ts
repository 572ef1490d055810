// A grant as clients see it (grants.list, a group's roles in groups.grants): its subject, role or permission,
// place, expiry as an ISO instant, who gave it and the version a change names.
import type { GrantRecord } from "@gatehouse/store";

export const grantView = (grant: GrantRecord) => ({
  id: grant.id,
  subject: grant.subject,
  role: grant.role,
  permission: grant.permission,
  scope: grant.scope,
  expiresAt: grant.expiresAt === null ? null : new Date(grant.expiresAt).toISOString(),
  grantedBy: grant.grantedBy,
  version: grant.version,
});
