// Who creates Experimentation projects (seed 004: "Project owners can also create new projects"; spec Web table:
// project.create for A and O): where creation is asked, and the owner grant a project's creator is given.
import type { Resource } from "../model/resource.ts";
import type { Scope } from "../model/scope.ts";
import type { Allows } from "./flag-visibility.ts";

/** The action creating a project. */
export const PROJECT_CREATE = "experimentation:project.create";
/** The role a project's creator is given there when only its ownership of another project let it create one. */
export const PROJECT_CREATOR_ROLE = "experimentation:project-owner";

/**
 * Where creating a `platform` project in `instance` is asked: the instance itself for whoever holds the right there
 * (an administrator); otherwise one of the instance's `projects` of that platform where the creator holds it (a
 * project owner, as its role's table says); otherwise the instance, whose refusal names what is missing.
 */
export const projectCreationPlace = (
  allows: Allows,
  instance: Resource,
  projects: ReadonlyArray<Resource>,
  platform: string,
): Resource => {
  if (allows(PROJECT_CREATE, instance)) return instance;
  const owned = projects.find((p) => p.attrs?.platform === platform && allows(PROJECT_CREATE, p));
  return owned ?? instance;
};

/** A grant of the creator's that counts where creation was asked: its role and expiry (epoch ms; none: never). */
export interface CountingGrant {
  readonly role: string;
  readonly expiresAt: number | undefined;
}

/**
 * The grant making the creator of `project` (its new scope) its owner, or undefined: for a creator holding the right
 * at the instance (an administrator, who reaches every project there), and for one whose right there comes from no
 * Project Owner role (a single permission makes nobody an owner). Otherwise owner of the new project for as long as
 * its ownership lasts (`counting`: its grants counting where creation was asked): for good when one never expires,
 * else until the latest expiry. Without it, an owner who created a project could not open it.
 */
export const projectCreatorGrant = (
  allows: Allows,
  instance: Resource,
  project: Scope,
  counting: ReadonlyArray<CountingGrant>,
): { readonly role: string; readonly scope: Scope; readonly expiresAt?: number } | undefined => {
  if (allows(PROJECT_CREATE, instance)) return undefined;
  const owning = counting.filter((g) => g.role === PROJECT_CREATOR_ROLE);
  if (owning.length === 0) return undefined;
  if (owning.some((g) => g.expiresAt === undefined)) return { role: PROJECT_CREATOR_ROLE, scope: project };
  const until = Math.max(...owning.map((g) => g.expiresAt ?? 0));
  return { role: PROJECT_CREATOR_ROLE, scope: project, expiresAt: until };
};
