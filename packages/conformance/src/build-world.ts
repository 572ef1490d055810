// Builds the world a case describes through the domain package: organizations, custom roles,
// and one subject holding the case's grants. The same Engine the API uses answers it.
import { Engine } from "@gatehouse/domain";
import type { ConformanceCase } from "./case-schema.ts";
import { flagRolesAtFlags } from "./flag-grants.ts";

export const SUBJECT = "subject";

/** Epoch milliseconds of a case moment (number or ISO date). */
export const toMillis = (m: number | string): number => (typeof m === "number" ? m : Date.parse(m));

export const buildWorld = (c: ConformanceCase): Engine => {
  const engine = new Engine();
  const snap = engine.snapshot;
  for (const [id, org] of Object.entries(c.orgs ?? {}))
    snap.setOrg(id, {
      kind: org.kind,
      products: org.products === undefined ? undefined : new Set(org.products),
    });
  for (const role of c.customRoles ?? [])
    snap.upsertCustomRole({
      id: role.id,
      product: role.product,
      permissions: role.permissions,
      ...(role.name === undefined ? {} : { label: role.name }),
      ...(role.description === undefined ? {} : { description: role.description }),
    });
  snap.addUser(SUBJECT, c.subject.org);
  flagRolesAtFlags(c.subject.grants).forEach((g, i) => {
    const base = {
      id: `g${i}`,
      subject: SUBJECT,
      scope: g.scope,
      ...(g.expiresAt === undefined ? {} : { expiresAt: toMillis(g.expiresAt) }),
    };
    snap.addGrant("role" in g ? { ...base, role: g.role } : { ...base, permission: g.permission });
  });
  return engine;
};
