// When an instance may be removed: never while operations are underway on it (each named with its state) or
// partner requests for it wait (counted), so nothing vanishes unfinished or unanswered.
import { describe, expect, it } from "vitest";
import { instanceRemovalRefusal } from "../../src/index.ts";

const backup = { actionName: "Database backup", running: true, scheduledFor: null };
const deploy = {
  actionName: "Code deployment",
  running: false,
  scheduledFor: new Date("2026-12-04T10:00:00Z"),
};
const restart = { actionName: "Restart site", running: false, scheduledFor: null };

describe("instance removal", () => {
  it("is allowed with nothing underway and no request waiting", () => {
    expect(instanceRemovalRefusal("sandbox", [], 0)).toBeUndefined();
  });

  it("names every operation underway with its state, before any waiting request", () => {
    expect(instanceRemovalRefusal("sandbox", [backup, deploy, restart], 2)).toBe(
      "sandbox cannot be removed while operations are underway on it: Database backup (running), Code deployment (scheduled), Restart site (waiting to start). Cancel the waiting ones and let the running ones finish, then remove it",
    );
  });

  it("counts the partner requests still waiting for an answer", () => {
    expect(instanceRemovalRefusal("sandbox", [], 1)).toBe(
      "sandbox cannot be removed while a partner access request waits for it: deny it (or withdraw your approval) in Partner access first, so the partners learn the outcome",
    );
    expect(instanceRemovalRefusal("sandbox", [], 3)).toContain(
      "3 partner access requests wait for it: deny them",
    );
  });
});
