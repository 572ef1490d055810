// Inputs of the what-if previews: `whatIf.preview`, a user and one grant change (a grant's new role, a new grant, or
// a removed grant), and `whatIf.invite`, an invitation's email and grants; the API and the forms decode them.
import { Schema } from "effect";
import { Email, Id } from "./fields.ts";
import { GrantScope as ScopePath } from "./scope.ts";
import { InviteInput } from "./users.ts";

export const WhatIfChange = Schema.Union([
  Schema.Struct({ kind: Schema.Literal("update"), grant: Id, role: Id }),
  Schema.Struct({ kind: Schema.Literal("create"), role: Id, scope: ScopePath }),
  Schema.Struct({ kind: Schema.Literal("remove"), grant: Id }),
]);
export type WhatIfChange = typeof WhatIfChange.Type;

export const WhatIfInput = Schema.Struct({ subject: Id, change: WhatIfChange });
export type WhatIfInput = typeof WhatIfInput.Type;

/** The preview of an invitation: what the person with `email` would gain from `grants` (the invite's own fields). */
export const WhatIfInviteInput = Schema.Struct({
  org: InviteInput.fields.org,
  email: Email,
  grants: InviteInput.fields.grants,
});
export type WhatIfInviteInput = typeof WhatIfInviteInput.Type;
