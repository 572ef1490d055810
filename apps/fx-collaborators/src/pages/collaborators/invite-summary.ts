// What one collaborators invite did, in words for its confirmation: who was invited, and which existing accounts
// were given the permission level at once (or held it already), as users.invite answers per email.
import type { RouterOutputs } from "@gatehouse/client";

type Invited = RouterOutputs["users"]["invite"];

/** "Invited a@x. Added Editor to b@y (existing account). c@z already had Editor." */
export const inviteSummary = (result: Invited, level: string): string =>
  [
    ...(result.invited.length === 0 ? [] : [`Invited ${result.invited.map((i) => i.email).join(", ")}.`]),
    ...result.added.map((a) =>
      a.grants.length > 0
        ? `Added ${level} to ${a.email} (existing account).`
        : `${a.email} already had ${level}.`,
    ),
  ].join(" ");
