// Launching a flag: turning it on publishes its ruleset for good; turning it on in production starts a draft or
// paused flag; nothing else changes the status (seed 003, rules/flag-launch.ts).
import { describe, expect, it } from "vitest";
import { statusAfterToggle, toggledState } from "../../src/index.ts";

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

describe("statusAfterToggle", () => {
  it("starts a draft or paused flag turned on in production", () => {
    expect(statusAfterToggle("draft", true, true)).toBe("running");
    expect(statusAfterToggle("paused", true, true)).toBe("running");
  });

  it("leaves the status alone otherwise", () => {
    expect(statusAfterToggle("draft", true, false)).toBe("draft");
    expect(statusAfterToggle("running", false, true)).toBe("running");
    expect(statusAfterToggle("paused", false, true)).toBe("paused");
  });
});
