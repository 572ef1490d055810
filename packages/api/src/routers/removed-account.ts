// An account removed from its organization (Remove from account: status disabled) takes no roles and joins no group
// until a super admin invites it again: whatever it were given would come back unseen with that invitation.
import { Users } from "@gatehouse/store";
import type { Store } from "../authorize.ts";
import { conflict } from "../refusals.ts";

/** Refuses (CONFLICT) giving anything to user `id` while it is removed from its organization; asked once allowed. */
export const refuseRemovedAccount = async (store: Store, id: string): Promise<void> => {
  const user = await store.run(Users.use((users) => users.get(id)));
  if (user.status === "disabled")
    throw conflict(
      `${user.name} was removed from the account: a super admin invites them again before they take roles or groups`,
    );
};
