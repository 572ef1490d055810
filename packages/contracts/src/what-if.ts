// Input of the what-if preview (`whatIf.preview`): a user and one grant change (a grant's new role, a new
// grant, or a removed grant); the API decodes with it and the role editor builds its question with it.
import { Schema } from "effect";
import { Id } from "./fields.ts";
import { GrantScope as ScopePath } from "./scope.ts";

export const WhatIfChange = Schema.Union([
  Schema.Struct({ kind: Schema.Literal("update"), grant: Id, role: Id }),
  Schema.Struct({ kind: Schema.Literal("create"), role: Id, scope: ScopePath }),
  Schema.Struct({ kind: Schema.Literal("remove"), grant: Id }),
]);
export type WhatIfChange = typeof WhatIfChange.Type;

export const WhatIfInput = Schema.Struct({ subject: Id, change: WhatIfChange });
export type WhatIfInput = typeof WhatIfInput.Type;
