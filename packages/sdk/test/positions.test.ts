// The decision point's positions (positions.ts over domain's AppliedPositions): the snapshot's newest ids and
// each notice count as applied, ids below a full snapshot's oldest too; a wait is answered or times out false.
import { describe, expect, it } from "vitest";
import { Positions } from "../src/positions.ts";

describe("a decision point's positions", () => {
  it("covers the snapshot's ids and each id heard since, not an id still on its way", () => {
    const positions = new Positions();
    positions.loaded(["8", "10"], true);
    expect(positions.covers("10")).toBe(true);
    // 9 was not committed when the snapshot was read (or was rolled back): it waits for its notice.
    expect(positions.covers("9")).toBe(false);
    positions.mark("12");
    expect(positions.covers("12")).toBe(true);
    expect(positions.covers("11")).toBe(false);
    expect(positions.position).toBe("12");
    positions.mark("9");
    expect(positions.covers("9")).toBe(true);
  });

  it("counts every id below an incomplete snapshot's oldest as applied", () => {
    const positions = new Positions();
    positions.loaded(["500", "501"], false);
    expect(positions.covers("17")).toBe(true);
    expect(positions.covers("502")).toBe(false);
  });

  it("wakes a waiter when its position is applied, and answers false to one that waits too long", async () => {
    const positions = new Positions();
    positions.loaded(["1"], true);
    const waiting = positions.waitFor("5", 60_000);
    positions.mark("5");
    expect(await waiting).toBe(true);
    expect(await positions.waitFor("6", 10)).toBe(false);
  });
});
