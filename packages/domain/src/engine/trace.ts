// What an evaluation records when asked to explain itself; the check path passes no trace and records nothing.
// One evaluator with an optional trace is what keeps `check` and `explain` from ever disagreeing.
import type { Grant } from "./grant-entry.ts";

/**
 * How close a near miss came: a failed condition beats a role lacking the action, which beats no grant; a
 * deactivated subject is decided before any grant is read, so nothing else is recorded.
 */
export const Closeness = { NoGrant: 0, LacksAction: 1, ConditionFailed: 2, Deactivated: 3 } as const;
export type Closeness = (typeof Closeness)[keyof typeof Closeness];

export class Trace {
  /** The grants that together produced the allow. */
  deciding: Grant[] = [];
  /** Grants a condition relied on (an extra permission), added to `deciding` when the decision allows. */
  private supporting: Grant[] = [];
  /** For a deny: the grant that came closest, and why it fell short. */
  nearest: Grant | undefined;
  failedCondition: string | undefined;
  missingAttribute: string | undefined;
  reason = "";
  private closeness = -1;

  support(grant: Grant): void {
    if (!this.supporting.includes(grant)) this.supporting.push(grant);
  }

  /** Records the grants behind an allow, with every grant a condition relied on. */
  decide(grants: ReadonlyArray<Grant>): void {
    this.deciding = [...grants, ...this.supporting.filter((g) => !grants.includes(g))];
  }

  /** Rewords the near miss when `grant` is its grant: a rule that knows better why that grant fell short. */
  reword(grant: Grant, reason: string): void {
    if (this.nearest === grant) this.reason = reason;
  }

  /** Records a near miss, keeping the closest (and, among equals, the first). */
  miss(
    grant: Grant | undefined,
    reason: string,
    detail: { condition?: string; attribute?: string } = {},
    closeness: Closeness = Closeness.ConditionFailed,
  ): void {
    if (closeness <= this.closeness) return;
    this.closeness = closeness;
    this.nearest = grant;
    this.reason = reason;
    this.failedCondition = detail.condition;
    this.missingAttribute = detail.attribute;
  }
}
