// Launching a flag in an environment (seed 003, spec Feature table): turning it on publishes its ruleset there for
// good, so an editor no longer changes it in production; the flag's status is set on its own (flags.setStatus).

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
