// Launching a flag in an environment (seed 003, spec Feature table): turning it on publishes its ruleset there for
// good, and turning it on in a production environment starts a draft or paused flag (its status becomes running).
import type { FlagStatus } from "../model/resource.ts";

/** A flag's state in one environment: on or off, and whether its ruleset there was ever published. */
export interface RulesetState {
  readonly enabled: boolean;
  readonly rulesetPublished: boolean;
}

/**
 * The state after turning the flag `enabled` where it was `before` (none: never set). Turning it on publishes the
 * ruleset, which stays published when it is turned off again: an editor then no longer changes a production
 * ruleset ("After publishing, Editors cannot modify the ruleset").
 */
export const toggledState = (before: RulesetState | undefined, enabled: boolean): RulesetState => ({
  enabled,
  rulesetPublished: (before?.rulesetPublished ?? false) || enabled,
});

/**
 * The flag's status after it is turned `enabled` in an environment that is `production` or not: a flag turned on in
 * production has started ("once the flag is started and updated to Running"), so a draft or paused one is running;
 * anything else leaves the status as it is (pausing is asked for, with flags.setStatus).
 */
export const statusAfterToggle = (status: FlagStatus, enabled: boolean, production: boolean): FlagStatus =>
  enabled && production && status !== "running" ? "running" : status;
