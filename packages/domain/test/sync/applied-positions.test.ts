// The applied positions behind consistency tokens, without a database: remembered ids, the floor a load and
// forgetting raise, waiters answered by their notice or by the floor, and the cap on waiters with a token.
import { describe, expect, it } from "vitest";
import { AppliedPositions } from "../../src/sync/applied-positions.ts";

/** Registers a waiter and records when it is answered. */
const waiter = (positions: AppliedPositions, position: string, capped = true) => {
  const seen = { answered: false };
  const waiting = positions.wait(
    position,
    () => {
      seen.answered = true;
    },
    capped,
  );
  return { seen, waiting };
};

describe("applied positions", () => {
  it("position 0, before any change, is reached from the start; position 1 waits for its change", () => {
    const positions = new AppliedPositions(10, 10);
    expect(positions.reached("0")).toBe(true);
    expect(positions.reached("1")).toBe(false);
    positions.loaded([], true);
    expect([positions.reached("0"), positions.reached("1")]).toEqual([true, false]);
  });

  it("a complete load remembers its ids and nothing below them: a gap among them and a later id wait", () => {
    const positions = new AppliedPositions(10, 10);
    positions.loaded(["3", "4", "6"], true);
    expect(["3", "4", "6"].map((p) => positions.reached(p))).toEqual([true, true, true]);
    // 1 and 2 may be rolled back or still committing; 5 is a gap; 7 is not committed yet.
    expect(["1", "2", "5", "7"].map((p) => positions.reached(p))).toEqual([false, false, false, false]);
  });

  it("a load that read only the newest ids counts every older id as applied", () => {
    const positions = new AppliedPositions(3, 10);
    positions.loaded(["10", "12", "13"], false);
    expect(positions.reached("9")).toBe(true);
    expect(positions.reached("1")).toBe(true);
    expect(positions.reached("10")).toBe(true);
    expect(positions.reached("11")).toBe(false);
    expect(positions.reached("14")).toBe(false);
  });

  it("a notice answers its waiters; forgetting the oldest id raises the floor past it and answers those below", () => {
    const positions = new AppliedPositions(2, 10);
    positions.loaded([], true);
    const gap = waiter(positions, "1");
    const later = waiter(positions, "3");
    positions.mark("2");
    expect([gap.seen.answered, later.seen.answered]).toEqual([false, false]);
    positions.mark("3");
    expect(later.seen.answered).toBe(true);
    expect(gap.seen.answered).toBe(false);
    // Remembering 4 forgets 2 (the oldest remembered): every id up to 2 now counts as applied, the gap 1 too.
    positions.mark("4");
    expect(gap.seen.answered).toBe(true);
    expect(positions.reached("2")).toBe(true);
    expect(positions.reached("5")).toBe(false);
  });

  it("caps the waiters that carry a token; a cancelled or answered one frees its place; internal waits are not capped", () => {
    const positions = new AppliedPositions(10, 2);
    const first = waiter(positions, "100");
    const second = waiter(positions, "101");
    expect(waiter(positions, "102").waiting).toBe("crowded");
    // The server's own waits (a write waiting for its change) are never refused.
    expect(waiter(positions, "103", false).waiting).not.toBe("crowded");
    if (first.waiting === "crowded") throw new Error("the first waiter was refused");
    first.waiting.cancel();
    expect(waiter(positions, "104").waiting).not.toBe("crowded");
    positions.mark("101");
    expect(second.seen.answered).toBe(true);
    expect(waiter(positions, "105").waiting).not.toBe("crowded");
    expect(first.seen.answered).toBe(false);
  });

  it("present() answers the waiters present when it was taken, not those that came after", () => {
    const positions = new AppliedPositions(10, 10);
    const before = waiter(positions, "50");
    const answer = positions.present();
    const after = waiter(positions, "51");
    answer();
    expect(before.seen.answered).toBe(true);
    expect(after.seen.answered).toBe(false);
  });
});
