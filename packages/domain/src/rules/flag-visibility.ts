// Who sees a Feature flag at all: flag-none hides a flag entirely (spec, granular roles), so to a reader who may
// not view it the flag is no flag; every answer about it reads as about a made-up id, and none names it.
import type { AudienceUse, Resource } from "../model/resource.ts";

/** Viewing the flag, decided by the flag role (flag-none has no `flag.view`). */
const FLAG_VIEW = "experimentation:flag.view";
/** Viewing the project's people: whoever manages its collaborators (and so their flag roles) sees every flag. */
const USER_VIEW = "admin-center:user.view";

/** The reader's own question to the engine: may it do `action` on `resource`? */
export type Allows = (action: string, resource: Resource) => boolean;

/**
 * Whether the reader sees the flag `flag` (its resource `{…project, flag}`): it may view the flag, or it may view
 * the people of the flag's project. A flag it does not see answers as a made-up id does.
 */
export const seesFlag = (allows: Allows, flag: Resource): boolean => {
  const { org, product, instance, project } = flag;
  return allows(FLAG_VIEW, flag) || allows(USER_VIEW, { org, product, instance, project });
};

/**
 * An audience's use as a reader who does not see its flag may read it: the flag kept for the decision (flag-none
 * still lowers the audience role) but unnamed, so explanations call it "a flag hidden from you".
 */
export const hiddenUse = (use: AudienceUse): AudienceUse => {
  const { flagName: _name, ...rest } = use;
  return { ...rest, hidden: true };
};
