// The invitation machine as a decision table over every status × event: the status it leads to, or the refusal a
// person reads (the API's answers: "invitation already used", "invitation expired", …), and who makes each event.
import { describe, expect, it } from "vitest";
import {
  type InvitationEvent,
  type InvitationStatus,
  invitationEvents,
  invitationMovers,
  invitationSources,
  invitationStatuses,
  nextInvitation,
} from "../../src/index.ts";
import { expectMove } from "../support/transitions.ts";

type Expected = InvitationStatus | { readonly refused: string };

const table: Readonly<Record<InvitationStatus, Readonly<Record<InvitationEvent, Expected>>>> = {
  pending: {
    resend: "pending",
    revoke: "revoked",
    accept: "accepted",
    replace: { refused: "the account has a pending invitation: resend it instead" },
    orphan: "revoked",
  },
  expired: {
    resend: "pending",
    revoke: { refused: "the invitation is expired: only a pending invitation can be revoked" },
    accept: { refused: "invitation expired" },
    replace: "revoked",
    orphan: "revoked",
  },
  accepted: {
    resend: { refused: "the invitation is accepted: only a pending or expired invitation can be resent" },
    revoke: { refused: "the invitation is accepted: only a pending invitation can be revoked" },
    accept: { refused: "invitation already used" },
    replace: "accepted",
    orphan: {
      refused:
        "the invitation is accepted: only an open (pending or expired) invitation is revoked with its places",
    },
  },
  revoked: {
    resend: { refused: "the invitation is revoked: only a pending or expired invitation can be resent" },
    revoke: { refused: "the invitation is revoked: only a pending invitation can be revoked" },
    accept: { refused: "invitation revoked" },
    replace: "revoked",
    orphan: {
      refused:
        "the invitation is revoked: only an open (pending or expired) invitation is revoked with its places",
    },
  },
};

describe("invitation: status × event", () => {
  it("the table covers every status and event", () => {
    expect(Object.keys(table).sort()).toEqual([...invitationStatuses].sort());
    for (const status of invitationStatuses)
      expect(Object.keys(table[status]).sort()).toEqual([...invitationEvents].sort());
  });

  for (const status of invitationStatuses)
    for (const event of invitationEvents) {
      const expected = table[status][event];
      it(`${status} · ${event} → ${typeof expected === "string" ? expected : `refused "${expected.refused}"`}`, () => {
        const refusal =
          typeof expected === "string"
            ? expected
            : { reason: "status" as const, machine: "invitation", status, event, message: expected.refused };
        expectMove(nextInvitation(status, event), refusal);
      });
    }

  it("a write's guard is the statuses each event may happen in", () => {
    expect(invitationSources("resend")).toEqual(["pending", "expired"]);
    expect(invitationSources("revoke")).toEqual(["pending"]);
    expect(invitationSources("accept")).toEqual(["pending"]);
    expect(invitationSources("orphan")).toEqual(["pending", "expired"]);
  });
});

describe("invitation: who makes each event", () => {
  it.each([
    ["resend", "claimant"],
    ["revoke", "grantor"],
    ["accept", "token-holder"],
    ["replace", "claimant"],
    ["orphan", "cascade"],
  ] as const)("%s is made by the %s", (event, mover) => {
    expect(invitationMovers[event]).toBe(mover);
  });
});
