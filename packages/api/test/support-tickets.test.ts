// The operator's support-ticket queue and its answers through app.request over a demo database: the queue shows
// each customer-approved ticket with the names of who asked, where, for what and who approved; the operator
// completes or rejects one (and `may` says so beforehand); anyone else is refused and nothing changes.
import { describe, expect, it } from "vitest";
import { type Call, demoApi } from "./support/demo-api.ts";

const { send, signIn, rows, auditCount } = demoApi();

interface Ticket {
  readonly id: string;
  readonly status: string;
  readonly ticket: string | null;
  readonly partner: { readonly name: string };
  readonly customer: { readonly name: string };
  readonly requester: { readonly name: string; readonly email: string | null };
  readonly role: { readonly name: string };
  readonly instance: { readonly name: string } | null;
  readonly reason: string | null;
  readonly approvedBy: { readonly name: string; readonly email: string | null } | null;
  readonly approvedAt: string | null;
  readonly answeredBy: { readonly name: string } | null;
}

/** `user` of agency asks acme on the support-ticket path, and acme's super admin approves: a ticket. */
const approvedTicket = async (user: string, note: string, instance?: string) => {
  const partner = await signIn(`${user}@agency.example`);
  const admin = await signIn("admin@acme.example");
  const asked = await send(
    "POST",
    "accessRequests.request",
    {
      customerOrg: "acme",
      role: "mission-control:partnerDev",
      path: "support-ticket",
      note,
      ...(instance === undefined ? {} : { instance }),
    },
    partner,
  );
  expect(asked.status).toBe(200);
  const id = (asked.data as { id: string }).id;
  expect((await send("POST", "accessRequests.decide", { id, approve: true }, admin)).status).toBe(200);
  return id;
};

const queue = (call: Call, status?: string) =>
  send("GET", "accessRequests.queue", status === undefined ? {} : { status }, call);

const ticketsOf = async (call: Call, status?: string) => {
  const answer = await queue(call, status);
  expect(answer.status).toBe(200);
  return answer.data as ReadonlyArray<Ticket>;
};

describe("the operator's support-ticket queue", () => {
  it("shows a customer-approved ticket with the names of who asked, where, for what, and the approval", async () => {
    const id = await approvedTicket("partneruser", "Ticket 4711: the deploy is stuck", "acme-mc-sandbox");
    const operator = await signIn("operator@gatehouse.example");
    const [ticket] = (await ticketsOf(operator)).filter((t) => t.id === id);
    expect(ticket).toMatchObject({
      status: "customer-approved",
      partner: { name: "Agency" },
      customer: { name: "Acme" },
      requester: { name: "Agency partnerUser", email: "partneruser@agency.example" },
      role: { name: expect.stringMatching(/partner/i) },
      reason: "Ticket 4711: the deploy is stuck",
      approvedBy: { name: "Ada Admin", email: "admin@acme.example" },
      answeredBy: null,
    });
    expect(ticket?.instance?.name).not.toBe("acme-mc-sandbox");
    expect(ticket?.ticket).toMatch(/^GH-/);
    expect(Number.isNaN(Date.parse(ticket?.approvedAt ?? ""))).toBe(false);
  });

  it("the operator completes one and rejects another; each leaves the queue for its answered list", async () => {
    const completeId = await approvedTicket("partnerdev", "needs a deploy", "acme-mc-sandbox");
    const rejectId = await approvedTicket("partneradmin", "just curious");
    const operator = await signIn("operator@gatehouse.example");
    const mayCall = async (procedure: string, id: string) =>
      (await send("GET", "may", { procedure, input: { id } }, operator)).data;
    expect(await mayCall("accessRequests.complete", completeId)).toEqual({ allowed: true });
    expect(await mayCall("accessRequests.reject", rejectId)).toEqual({ allowed: true });

    const completed = await send("POST", "accessRequests.complete", { id: completeId }, operator);
    expect(completed.data, completed.error?.message).toMatchObject({ status: "completed" });
    const rejected = await send("POST", "accessRequests.reject", { id: rejectId }, operator);
    expect(rejected.status).toBe(200);
    expect(rejected.data).toMatchObject({ status: "denied", grantId: null });

    const waiting = (await ticketsOf(operator)).map((t) => t.id);
    expect(waiting).not.toContain(completeId);
    expect(waiting).not.toContain(rejectId);
    const denied = (await ticketsOf(operator, "denied")).find((t) => t.id === rejectId);
    // The customer's approval stays recorded beside the operator's answer.
    expect(denied).toMatchObject({
      approvedBy: { name: "Ada Admin" },
      answeredBy: { name: expect.any(String) },
    });
    expect((await ticketsOf(operator, "completed")).map((t) => t.id)).toContain(completeId);
    expect(
      await rows(`select action, actor_kind from audit_log where target_id = '${rejectId}' order by id`),
    ).toEqual([
      { action: "access-request.create", actor_kind: "user" },
      { action: "access-request.approve", actor_kind: "user" },
      { action: "access-request.reject", actor_kind: "operator" },
    ]);
    // An answered ticket cannot be answered again.
    const again = await send("POST", "accessRequests.reject", { id: rejectId }, operator);
    expect(again.status).toBe(400);
    expect(again.error?.message).toContain("not a customer-approved support ticket");
  });

  it("refuses the customer's admins and the partner (403, nothing changed), and bad input names the field", async () => {
    const id = await approvedTicket("partneruser", "please");
    const admin = await signIn("admin@acme.example");
    const partner = await signIn("partneradmin@agency.example");
    const operator = await signIn("operator@gatehouse.example");
    const before = await auditCount();
    for (const call of [admin, partner]) {
      expect((await queue(call)).status).toBe(403);
      const reject = await send("POST", "accessRequests.reject", { id }, call);
      expect(reject.status).toBe(403);
      expect(reject.error?.message).toContain("Only the platform operator");
      const asked = await send("GET", "may", { procedure: "accessRequests.reject", input: { id } }, call);
      expect(asked.data).toEqual({ allowed: false, code: "FORBIDDEN", reason: reject.error?.message });
    }
    const bad = await send("POST", "accessRequests.reject", { id: 7 }, operator);
    expect(bad.status).toBe(400);
    expect(bad.error?.message).toMatch(/^id: /);
    const badStatus = await queue(operator, "pending");
    expect(badStatus.status).toBe(400);
    expect(badStatus.error?.message).toMatch(/^status: /);
    expect((await send("POST", "accessRequests.reject", { id: "acr_made_up" }, operator)).status).toBe(404);
    expect(await auditCount()).toBe(before);
    expect(await rows(`select status from access_requests where id = '${id}'`)).toEqual([
      { status: "customer-approved" },
    ]);
  });
});
