// Input of the what-if preview (`whatIf.preview`): a user and one grant change (a grant's new role, a new
// grant, or a removed grant); the API decodes with it and the role editor builds its question with it.
import { Schema } from "effect";

const Id = Schema.String.pipe(Schema.check(Schema.isMinLength(1)));

/** A scope path, as the API's Scope: org first, then product, instance, project, environment, flag. */
const ScopePath = Schema.Struct({
  org: Id,
  product: Schema.optional(Id),
  instance: Schema.optional(Id),
  project: Schema.optional(Id),
  environment: Schema.optional(Id),
  flag: Schema.optional(Id),
});

export const WhatIfChange = Schema.Union([
  Schema.Struct({ kind: Schema.Literal("update"), grant: Id, role: Id }),
  Schema.Struct({ kind: Schema.Literal("create"), role: Id, scope: ScopePath }),
  Schema.Struct({ kind: Schema.Literal("remove"), grant: Id }),
]);
export type WhatIfChange = typeof WhatIfChange.Type;

export const WhatIfInput = Schema.Struct({ subject: Id, change: WhatIfChange });
export type WhatIfInput = typeof WhatIfInput.Type;
