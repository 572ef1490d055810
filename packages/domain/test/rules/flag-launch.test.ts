// Launching a flag: turning it on publishes its ruleset there for good, and turning it off keeps it published
// (seed 003: "After publishing, Editors cannot modify the ruleset"; rules/flag-launch.ts).
import { describe, expect, it } from "vitest";
import { toggledState } from "../../src/index.ts";

describe("toggledState", () => {
  it("publishes the ruleset when turned on, and keeps it published when turned off", () => {
    expect(toggledState(undefined, true)).toEqual({ enabled: true, rulesetPublished: true });
    expect(toggledState(undefined, false)).toEqual({ enabled: false, rulesetPublished: false });
    expect(toggledState({ enabled: true, rulesetPublished: true }, false)).toEqual({
      enabled: false,
      rulesetPublished: true,
    });
  });
});
