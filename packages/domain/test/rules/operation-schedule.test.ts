// The schedule window of Mission Control operations as a table: a minute's grace in the past, 90 days ahead; and
// the operations are the catalog's Mission Control actions but viewing.
import { describe, expect, it } from "vitest";
import { operationNames, products, scheduleRefusal } from "../../src/index.ts";

const now = Date.parse("2026-06-01T12:00:00.000Z");
const minute = 60_000;
const day = 24 * 60 * minute;

const rows: ReadonlyArray<readonly [string, number, string | undefined]> = [
  ["now", now, undefined],
  ["59 s ago (clock skew)", now - 59_000, undefined],
  ["a minute ago", now - minute, undefined],
  ["61 s ago", now - minute - 1000, "must not lie in the past (leave it out to run now)"],
  ["1970", 0, "must not lie in the past (leave it out to run now)"],
  ["in 90 days", now + 90 * day, undefined],
  ["in 90 days and a second", now + 90 * day + 1000, "must lie within 90 days from now"],
  ["9999", Date.parse("9999-12-31T23:59:59.000Z"), "must lie within 90 days from now"],
];

describe("scheduleRefusal", () => {
  for (const [name, at, expected] of rows)
    it(`${name} → ${expected ?? "accepted"}`, () => {
      expect(scheduleRefusal(new Date(at), now)).toBe(expected);
    });
});

describe("operationNames", () => {
  it("are the catalog's Mission Control actions but viewing", () => {
    const catalog = products.find((p) => p.id === "mission-control")?.actions.map((a) => a.id) ?? [];
    expect(operationNames.map((n) => `mission-control:${n}`)).toEqual(
      catalog.filter((a) => a !== "mission-control:site.view"),
    );
  });
});
