// Which positions a decision point counts as applied (positions.ts): everything up to its snapshot's, each one
// heard since, and a waiter woken once its position arrives or told false after its timeout.
import { describe, expect, it } from "vitest";
import { AppliedPositions } from "../src/positions.ts";

describe("applied positions", () => {
  it("covers the snapshot's position and below, and each position heard since, not the gaps between", () => {
    const positions = new AppliedPositions();
    positions.loaded("10");
    expect(positions.covers("3")).toBe(true);
    expect(positions.covers("10")).toBe(true);
    expect(positions.covers("11")).toBe(false);
    positions.applied("12");
    expect(positions.covers("12")).toBe(true);
    // 11 may still be on its way (committed after 12): not applied yet.
    expect(positions.covers("11")).toBe(false);
    expect(positions.position).toBe("12");
    positions.loaded("15");
    expect(positions.covers("11")).toBe(true);
    expect(positions.position).toBe("15");
  });

  it("wakes a waiter when its position is applied, and answers false to one that waits too long", async () => {
    const positions = new AppliedPositions();
    positions.loaded("1");
    const waiting = positions.waitFor("5", 60_000);
    positions.applied("5");
    expect(await waiting).toBe(true);
    expect(await positions.waitFor("6", 10)).toBe(false);
  });
});
