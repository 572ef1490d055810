// Who reads a customer's partner access requests: whoever may view its people reads them all, and whoever may give
// Mission Control roles somewhere there reads those it may decide. The Admin Center section and the list ask this.
import type { Scope } from "../model/scope.ts";

/** Viewing a customer's people: reading every request addressed to it. */
export const ACCESS_REQUESTS_VIEW = "admin-center:user.view";
/** Giving a product's roles at a place (what every admin level holds where it may): deciding the requests there. */
export const ACCESS_REQUESTS_DECIDE = "admin-center:user.invite";
/** The product partner requests ask for. */
export const ACCESS_REQUESTS_PRODUCT = "mission-control";

/** The engine questions a reader is judged by. */
export interface AccessRequestQuestions {
  /** May the reader do `action` at `scope`? */
  readonly allows: (action: string, scope: Scope) => boolean;
}

/** The reader's questions about a whole organization. */
export interface AccessRequestsQuestions extends AccessRequestQuestions {
  /** May the reader do `action` at `scope` or at some place inside it? */
  readonly allowsWithin: (action: string, scope: Scope) => boolean;
}

/** Does the reader see some of customer `org`'s requests (the Admin Center's section asks the same)? */
export const readsAccessRequests = (questions: AccessRequestsQuestions, org: string): boolean =>
  questions.allows(ACCESS_REQUESTS_VIEW, { org }) ||
  questions.allowsWithin(ACCESS_REQUESTS_DECIDE, { org, product: ACCESS_REQUESTS_PRODUCT });

/** Does the reader see the request of customer `org` at `scope` (Mission Control, or one of its instances)? */
export const readsAccessRequest = (questions: AccessRequestQuestions, org: string, scope: Scope): boolean =>
  questions.allows(ACCESS_REQUESTS_VIEW, { org }) || questions.allows(ACCESS_REQUESTS_DECIDE, scope);
