// The partner access request machine as a decision table over every path × status × event: the status it leads
// to (and what reaching it does), or the refusal the API answers, and who makes each event.
import { Result } from "effect";
import { describe, expect, it } from "vitest";
import {
  type AccessRequestEvent,
  type AccessRequestPath,
  type AccessRequestStatus,
  accessRequestEffects,
  accessRequestEvents,
  accessRequestMovers,
  accessRequestPaths,
  accessRequestStatuses,
  grantedRole,
  nextAccessRequest,
} from "../../src/index.ts";
import { expectMove } from "../support/transitions.ts";

type Expected = AccessRequestStatus | { readonly refused: "status" | "path" };

const notPending = { refused: "status" } as const;
const notOnPath = { refused: "path" } as const;

/** Every status of both paths (a direct request is never customer-approved or completed: the database agrees). */
const table: Readonly<
  Record<
    AccessRequestPath,
    Readonly<Record<AccessRequestStatus, Readonly<Record<AccessRequestEvent, Expected>>>>
  >
> = {
  direct: {
    pending: {
      approve: "approved",
      deny: "denied",
      complete: notOnPath,
      reject: notOnPath,
      cancel: "cancelled",
    },
    approved: {
      approve: notPending,
      deny: notPending,
      complete: notOnPath,
      reject: notOnPath,
      cancel: notPending,
    },
    denied: {
      approve: notPending,
      deny: notPending,
      complete: notOnPath,
      reject: notOnPath,
      cancel: notPending,
    },
    "customer-approved": {
      approve: notPending,
      deny: notPending,
      complete: notOnPath,
      reject: notOnPath,
      cancel: notPending,
    },
    completed: {
      approve: notPending,
      deny: notPending,
      complete: notOnPath,
      reject: notOnPath,
      cancel: notPending,
    },
    cancelled: {
      approve: notPending,
      deny: notPending,
      complete: notOnPath,
      reject: notOnPath,
      cancel: notPending,
    },
  },
  "support-ticket": {
    pending: {
      approve: "customer-approved",
      deny: "denied",
      complete: notPending,
      reject: notPending,
      cancel: "cancelled",
    },
    approved: {
      approve: notPending,
      deny: notPending,
      complete: notPending,
      reject: notPending,
      cancel: notPending,
    },
    denied: {
      approve: notPending,
      deny: notPending,
      complete: notPending,
      reject: notPending,
      cancel: notPending,
    },
    "customer-approved": {
      approve: notPending,
      // The customer withdraws its approval while the ticket waits for the operator.
      deny: "denied",
      complete: "completed",
      reject: "denied",
      cancel: notPending,
    },
    completed: {
      approve: notPending,
      deny: notPending,
      complete: notPending,
      reject: notPending,
      cancel: notPending,
    },
    cancelled: {
      approve: notPending,
      deny: notPending,
      complete: notPending,
      reject: notPending,
      cancel: notPending,
    },
  },
};

const id = "acr_1";
const refusals: Readonly<Record<AccessRequestEvent, (status: AccessRequestStatus) => string>> = {
  approve: (status) =>
    status === "customer-approved"
      ? "This access request is already approved: it waits for the operator (deny it to withdraw the approval)"
      : `This access request is already ${status}: only a pending request is approved`,
  deny: (status) =>
    `This access request is already ${status}: only a pending request, or an approval waiting for the operator, is denied`,
  complete: () => "This access request is not a customer-approved support ticket",
  reject: () => "This access request is not a customer-approved support ticket",
  cancel: (status) => `This access request is ${status}: only a pending request can be cancelled`,
};

describe("access request: path × status × event", () => {
  it("the table covers every path, status and event", () => {
    expect(Object.keys(table).sort()).toEqual([...accessRequestPaths].sort());
    for (const path of accessRequestPaths) {
      expect(Object.keys(table[path]).sort()).toEqual([...accessRequestStatuses].sort());
      for (const status of accessRequestStatuses)
        expect(Object.keys(table[path][status]).sort()).toEqual([...accessRequestEvents].sort());
    }
  });

  for (const path of accessRequestPaths)
    for (const status of accessRequestStatuses)
      for (const event of accessRequestEvents) {
        const expected = table[path][status][event];
        const shown = typeof expected === "string" ? expected : `refused (${expected.refused})`;
        it(`${path} · ${status} · ${event} → ${shown}`, () => {
          const move = nextAccessRequest({ id, path, status }, event);
          if (typeof expected === "string") return expectMove(move, expected);
          const message = refusals[event](status);
          expectMove(move, { reason: expected.refused, machine: "access request", status, event, message });
        });
      }
});

describe("access request: what reaching a status does, and who makes each event", () => {
  it("a direct approval and a completed ticket grant; a customer-approved ticket opens a ticket", () => {
    expect(accessRequestEffects).toEqual({
      pending: "none",
      approved: "grant",
      denied: "none",
      "customer-approved": "ticket",
      completed: "grant",
      cancelled: "none",
    });
  });

  it.each([
    ["approve", "grantor"],
    ["deny", "grantor"],
    ["complete", "operator"],
    ["reject", "operator"],
    ["cancel", "requester"],
  ] as const)("%s is made by the %s", (event, mover) => {
    expect(accessRequestMovers[event]).toBe(mover);
  });

  it("the customer chooses another role on the direct path only", () => {
    const asked = "mission-control:partnerUser";
    const other = "mission-control:partnerAdmin";
    const direct = { id, path: "direct", status: "pending", requestedRole: asked } as const;
    const ticket = { ...direct, path: "support-ticket" } as const;
    expect(Result.getOrThrow(grantedRole(direct, undefined))).toBe(asked);
    expect(Result.getOrThrow(grantedRole(direct, other))).toBe(other);
    expect(Result.getOrThrow(grantedRole(ticket, asked))).toBe(asked);
    const refused = grantedRole(ticket, other);
    expect(Result.isFailure(refused) && refused.failure.message).toBe(
      "role: a support-ticket request is completed with the role it asked for",
    );
  });
});
