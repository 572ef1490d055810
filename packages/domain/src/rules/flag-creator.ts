// Whoever creates a flag becomes its flag-admin (spec, granular roles): the grant flag creation also writes, at the
// new flag's scope, unless the creator's project role already makes it the flag's admin (locked there).
import type { Resource } from "../model/resource.ts";
import type { Scope } from "../model/scope.ts";
import type { Allows } from "./flag-visibility.ts";

/** The flag role a flag's creator is given. */
export const FLAG_CREATOR_ROLE = "experimentation:flag-admin";
/** What flag-admin holds and the default flag roles of publishers, editors and viewers do not. */
const MANAGE_FLAG = "experimentation:flag.permissions.manage";

/**
 * The grant that makes the creator of the flag `flag` (its resource `{…project, flag}`) that flag's admin, or
 * undefined when the creator's project role gives it already (administrators and project owners, whose entity
 * roles are locked at flag-admin: an explicit one would be invalid). `allows` is the creator's own question.
 */
export const flagCreatorGrant = (
  allows: Allows,
  flag: Resource,
): { readonly role: string; readonly scope: Scope } | undefined => {
  if (allows(MANAGE_FLAG, flag)) return undefined;
  const { org, product, instance, project } = flag;
  return { role: FLAG_CREATOR_ROLE, scope: { org, product, instance, project, flag: flag.flag } };
};
