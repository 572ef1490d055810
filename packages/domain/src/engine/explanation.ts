// The answer to "why?": every grant the subject holds with what it did for this decision,
// the deciding grants for an allow, or the nearest grant and the failed condition for a deny.
import type { Scope } from "../model/scope.ts";

/** A grant as an explanation shows it: who holds it (and through which group), which role, where, until when. */
export interface ExplainedGrant {
  readonly id: string;
  /** The user or group holding the grant. */
  readonly holder: string;
  /** Set when the grant reaches the subject through a group. */
  readonly via: string | undefined;
  readonly role: string;
  /** The role's display name (the catalog's label, or the custom role's name). */
  readonly roleName: string;
  readonly scope: Scope;
  readonly expiresAt: number | undefined;
}

export interface ConsideredGrant {
  readonly grant: ExplainedGrant;
  /** `counts` when it covers the resource and is in force; otherwise why it was set aside (`impossible`: no actor could have made it). */
  readonly status:
    | "counts"
    | "out-of-scope"
    | "expired"
    | "partner-product-disabled"
    | "deactivated"
    | "impossible";
  readonly note: string;
}

export interface Explanation {
  readonly decision: "allow" | "deny";
  readonly subject: string;
  readonly action: string;
  /** The action's display name from the catalog. */
  readonly actionName: string;
  readonly resource: Scope;
  readonly reason: string;
  readonly considered: ReadonlyArray<ConsideredGrant>;
  /** For an allow: the grants that together decided it (one, or several for a conjunction or granular role). */
  readonly deciding: ReadonlyArray<ExplainedGrant>;
  /** For a deny: the grant that came closest. */
  readonly nearest: ExplainedGrant | undefined;
  readonly failedCondition: string | undefined;
  readonly missingAttribute: string | undefined;
}
