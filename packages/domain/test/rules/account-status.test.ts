// The account status rule as a table: which event moves which status, and the refusals no right overrides.
import { Result } from "effect";
import { describe, expect, it } from "vitest";
import { type AccountEvent, type AccountStatus, nextAccountStatus, selfRefusal } from "../../src/index.ts";

const rows: ReadonlyArray<readonly [AccountStatus, AccountEvent, AccountStatus | string]> = [
  ["active", "deactivate", "deactivated"],
  ["deactivated", "reactivate", "active"],
  ["deactivated", "deactivate", "ann is deactivated already"],
  ["active", "reactivate", "ann is active already"],
  ["invited", "deactivate", "ann has not accepted its invitation yet: revoke the invitation instead"],
  ["disabled", "reactivate", "ann was removed from the account: invite it again instead"],
];

describe("nextAccountStatus", () => {
  for (const [from, event, expected] of rows)
    it(`${from} · ${event} → ${expected}`, () => {
      const next = nextAccountStatus(from, event, "ann");
      if (Result.isSuccess(next)) expect(next.success).toBe(expected);
      else expect(next.failure.message).toBe(expected);
    });

  it("refuses one's own account and nobody else's", () => {
    expect(selfRefusal("ann", "ann", "deactivate")).toBe(
      "You cannot deactivate your own account: another super admin of the organization can",
    );
    expect(selfRefusal("ann", "bob", "deactivate")).toBeUndefined();
  });
});
