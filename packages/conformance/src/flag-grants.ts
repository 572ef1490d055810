// A case's world may describe a flag role stored per environment ({…environment, flag}), as Gatehouse stored it
// before issue 13: it is read as the flag's one role in every environment, the most restrictive kept (migration 14).
import { featureRoles, type Scope } from "@gatehouse/domain";
import type { ConformanceCase } from "./case-schema.ts";

type CaseGrant = ConformanceCase["subject"]["grants"][number];

/** Flag roles widest first: a later one is more restrictive. */
const restriction = (role: string): number => featureRoles.flagRoles.indexOf(role);

/** The flag scope {…project, flag} of a per-environment scope. */
const flagScope = ({ environment: _environment, ...scope }: Scope): Scope => scope;

/**
 * The grants with every flag role given in one environment moved to its flag scope; where several name one flag
 * (per environment or at the flag), the most restrictive stays. Every other grant is kept as it is, in order.
 */
export const flagRolesAtFlags = (grants: ReadonlyArray<CaseGrant>): ReadonlyArray<CaseGrant> => {
  const isFlagRole = (g: CaseGrant) => "role" in g && restriction(g.role) >= 0 && g.scope.flag !== undefined;
  if (!grants.some((g) => isFlagRole(g) && g.scope.environment !== undefined)) return grants;
  const kept = new Map<string, CaseGrant>();
  const out: CaseGrant[] = [];
  for (const g of grants) {
    if (!isFlagRole(g) || !("role" in g)) {
      out.push(g);
      continue;
    }
    const moved = { ...g, scope: flagScope(g.scope) };
    const key = JSON.stringify(moved.scope);
    const held = kept.get(key);
    if (held === undefined) out.push(moved);
    if (held === undefined || ("role" in held && restriction(g.role) > restriction(held.role)))
      kept.set(key, moved);
  }
  return out.map((g) => (isFlagRole(g) ? (kept.get(JSON.stringify(g.scope)) ?? g) : g));
};
