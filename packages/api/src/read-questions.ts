// What reading each kind of an organization's data takes: the engine question its list and get procedures ask,
// and the one the change stream asks of each change before sending it (event-visibility.ts). One rule, two uses.
import type { Engine, Scope } from "@gatehouse/domain";
import type { Ask } from "./authorize.ts";

/** A question that asks the engine to check one action on one resource. */
export type CheckQuestion = Extract<Ask, { readonly check: unknown }>;

/**
 * Who is who and holds what at `scope`: users, groups and their members, and grants (users.list and get,
 * groups.list and get at the organization, grants.list at the scope asked about).
 */
export const viewPeopleAt = (scope: Scope): CheckQuestion => ({
  check: { action: "admin-center:user.view", resource: scope },
});

/** Whether the engine allows `subject` what `question` asks. */
export const allowed = (engine: Engine, subject: string, question: CheckQuestion): boolean =>
  engine.allows(subject, question.check.action, question.check.resource);
