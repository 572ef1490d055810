// The custom groups a user belongs to, and the questions that handing over or ending those memberships asks:
// `admin-center:group.manage` at the organization, who decides who is in them (Everyone and product groups follow grants).
import type { Scope } from "@gatehouse/domain";
import { Groups } from "@gatehouse/store";
import type { Ask, Store } from "../authorize.ts";

export const GROUP_MANAGE = "admin-center:group.manage";

/** Deciding who is in the custom groups at `scope`. */
export const manageGroups = (scope: Scope): Ask => ({ check: { action: GROUP_MANAGE, resource: scope } });

/** The organization's custom groups `userId` belongs to. */
export const customGroupsOf = async (store: Store, org: string, userId: string) =>
  (await store.run(Groups.use((groups) => groups.list(org)))).filter(
    (group) => group.kind === "custom" && group.members.includes(userId),
  );
