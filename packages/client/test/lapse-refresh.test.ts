// When an open app reads its answers again for a role's lapse: measured from when auth.me's answer arrived (so the
// page's clock never matters), just after the lapse, at once for one already past, and within setTimeout's range.
import { describe, expect, it } from "vitest";
import { lapseRefreshDelay } from "../src/lapse-refresh.ts";

describe("lapseRefreshDelay", () => {
  it("waits from the answer's arrival until just after the lapse", () => {
    expect(lapseRefreshDelay(10_000, 1_000, 1_000)).toBe(10_500);
    expect(lapseRefreshDelay(10_000, 1_000, 4_000)).toBe(7_500);
  });

  it("reads again almost at once for a lapse already past on arrival or since", () => {
    expect(lapseRefreshDelay(0, 1_000, 1_000)).toBe(500);
    expect(lapseRefreshDelay(2_000, 1_000, 9_000)).toBe(500);
  });

  it("never asks setTimeout for more than it can wait (a later lapse is named again then)", () => {
    expect(lapseRefreshDelay(90 * 86_400_000, 0, 0)).toBe(2 ** 31 - 1);
  });
});
