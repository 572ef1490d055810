// Partner access requests through app.request over a demo database (PGlite): a partner user without a grant in
// acme asks, acme's super admin approves (direct) or the operator completes a customer-approved support ticket.
import { describe, expect, it } from "vitest";
import { SimulatedExecutor, setOperationExecutor } from "../src/mission-control/executor.ts";
import { seen } from "./support/alike-answers.ts";
import { type Call, demoApi } from "./support/demo-api.ts";
import { provisionGlobex } from "./support/second-org.ts";

setOperationExecutor(new SimulatedExecutor({ timeScale: 0.001, failureRate: 0 }));
const api = demoApi();
const { send, signIn, rows, auditCount } = api;

interface RequestView {
  readonly id: string;
  readonly status: string;
  readonly path: string;
  readonly grantId: string | null;
  readonly ticket: string | null;
}
interface GrantView {
  readonly id: string;
  readonly role: string | null;
  readonly version: number;
}

const run = (call: Call, action: string) =>
  send("POST", "operations.run", { instance: "acme-mc-sandbox", action }, call);

/** Removes every grant `user` holds in acme, as acme's super admin. */
const removeGrants = async (admin: Call, user: string) => {
  const listed = await send(
    "GET",
    "grants.list",
    { org: "acme", subject: { kind: "user", id: user } },
    admin,
  );
  expect(listed.status).toBe(200);
  for (const grant of listed.data as ReadonlyArray<GrantView>) {
    const removed = await send("POST", "grants.remove", { id: grant.id, version: grant.version }, admin);
    expect(removed.status).toBe(200);
  }
};

/** Acme's super admin, and agency's partner user `name` with every grant in acme removed: an outsider there. */
const partnerOutsideAcme = async (name: string) => {
  const admin = await signIn("admin@acme.example");
  const partner = await signIn(`${name}@agency.example`);
  await removeGrants(admin, `demo-${name}`);
  return { admin, partner };
};

/** `call` asks acme for partner access. */
const requestAccess = (
  call: Call,
  request: {
    readonly role: string;
    readonly path: string;
    readonly instance?: string;
    readonly note?: string;
  },
) => send("POST", "accessRequests.request", { customerOrg: "acme", ...request }, call);

describe("access requests", () => {
  it("a partner user without a grant asks; acme's super admin approves directly; the partner restarts", async () => {
    const { admin, partner } = await partnerOutsideAcme("partneruser");
    // Without a grant in acme the partner is an outsider: acme's instance answers like a made-up one.
    expect((await run(partner, "site.restart")).status).toBe(404);

    const before = await auditCount();
    const asked = await requestAccess(partner, {
      role: "mission-control:partnerUser",
      path: "direct",
      note: "weekly restarts",
    });
    expect(asked.status).toBe(200);
    const request = asked.data as RequestView;
    expect(request.status).toBe("pending");
    expect(await auditCount()).toBe(before + 1);
    expect(
      await rows(
        `select action from audit_log where target_kind = 'access-request' and target_id = '${request.id}'`,
      ),
    ).toEqual([{ action: "access-request.create" }]);
    const duplicate = await requestAccess(partner, { role: "mission-control:partnerUser", path: "direct" });
    expect(duplicate.status).toBe(409);

    const mine = await send("GET", "accessRequests.mine", undefined, partner);
    expect((mine.data as ReadonlyArray<RequestView>).map((r) => r.id)).toEqual([request.id]);
    const pending = await send("GET", "accessRequests.list", { org: "acme", status: "pending" }, admin);
    expect((pending.data as ReadonlyArray<RequestView>).map((r) => r.id)).toEqual([request.id]);

    // Only the customer's super admin decides: a Mission Control user of acme may not, the partner neither.
    const customerUser = await signIn("customeruser@acme.example");
    expect(
      (await send("POST", "accessRequests.decide", { id: request.id, approve: true }, customerUser)).status,
    ).toBe(403);
    expect(
      (await send("POST", "accessRequests.decide", { id: request.id, approve: true }, partner)).status,
    ).toBe(404);

    const approved = await send("POST", "accessRequests.decide", { id: request.id, approve: true }, admin);
    expect(approved.status).toBe(200);
    expect(approved.data).toMatchObject({ status: "approved" });
    const grantId = (approved.data as RequestView).grantId;
    expect(grantId).not.toBeNull();
    const grants = await rows<{ role: string; org: string; subject_id: string }>(
      `select role, org, subject_id from grants where id = '${grantId}'`,
    );
    expect(grants).toEqual([
      { role: "mission-control:partnerUser", org: "acme", subject_id: "demo-partneruser" },
    ]);

    expect((await run(partner, "site.restart")).status).toBe(200);
    expect((await run(partner, "code.deploy")).status).toBe(403);
  });

  it("requests are served with names: the customer and instance (to those who know the customer), the role and the requester", async () => {
    const { admin, partner } = await partnerOutsideAcme("partneradmin");
    const asked = await requestAccess(partner, {
      role: "mission-control:partnerUser",
      path: "direct",
      instance: "acme-mc-production",
    });
    expect(asked.status).toBe(200);
    const named = {
      customerName: "Acme",
      partnerName: "Agency",
      instanceName: "production",
      roleName: "partnerUser",
      requester: {
        id: "demo-partneradmin",
        name: "Agency partnerAdmin",
        email: "partneradmin@agency.example",
      },
    };
    // The partner holds no role in acme yet: its own request names nothing of the customer it only asked.
    const mine = await send("GET", "accessRequests.mine", undefined, partner);
    expect(mine.data).toEqual([
      expect.objectContaining({ ...named, customerName: null, instanceName: null }),
    ]);
    const listed = await send("GET", "accessRequests.list", { org: "acme", status: "pending" }, admin);
    expect(listed.data).toEqual([expect.objectContaining(named)]);
  });

  it("approving a request for a role the partner holds there already answers it with that grant", async () => {
    const admin = await signIn("admin@acme.example");
    const partner = await signIn("partnerdev@agency.example");
    const held = await rows<{ id: string }>(
      "select id from grants where subject_user = 'demo-partnerdev' and role = 'mission-control:partnerDev'",
    );
    expect(held).toHaveLength(1);
    const asked = await requestAccess(partner, { role: "mission-control:partnerDev", path: "direct" });
    expect(asked.status).toBe(200);
    const approved = await send(
      "POST",
      "accessRequests.decide",
      { id: (asked.data as RequestView).id, approve: true },
      admin,
    );
    expect(approved.status).toBe(200);
    expect(approved.data).toMatchObject({ status: "approved", grantId: held[0]?.id });
    expect(
      await rows(
        "select id from grants where subject_user = 'demo-partnerdev' and role = 'mission-control:partnerDev'",
      ),
    ).toEqual(held);
  });

  it("approving a direct request with another partner role grants that role, in one audited write", async () => {
    const { admin, partner } = await partnerOutsideAcme("partneradmin");
    const asked = await requestAccess(partner, {
      role: "mission-control:partnerDev",
      instance: "acme-mc-sandbox",
      path: "direct",
    });
    const request = asked.data as RequestView;
    const audits = await auditCount();
    const chosen = { id: request.id, approve: true, role: "mission-control:partnerUser" };
    const approved = await send("POST", "accessRequests.decide", chosen, admin);
    expect(approved.status).toBe(200);
    const grants = await rows<{ role: string; instance: string }>(
      `select role, instance from grants where id = '${(approved.data as RequestView).grantId}'`,
    );
    expect(grants).toEqual([{ role: "mission-control:partnerUser", instance: "acme-mc-sandbox" }]);
    expect(await auditCount()).toBe(audits + 1);
    expect((await run(partner, "site.restart")).status).toBe(200);
    expect((await run(partner, "code.deploy")).status).toBe(403);
    // The partner's own list says what it asked for and what it was given.
    const mine = (await send("GET", "accessRequests.mine", undefined, partner)).data as ReadonlyArray<
      RequestView & { roleName: string; grantedRoleName: string | null }
    >;
    expect(mine.find((r) => r.id === request.id)).toMatchObject({
      roleName: "partnerDev",
      grantedRoleName: "partnerUser",
    });
  });

  it("the support-ticket path: customer-approved, then the operator completes it and the grant exists", async () => {
    const { admin, partner } = await partnerOutsideAcme("partnerdev");
    expect((await run(partner, "code.deploy")).status).toBe(404);

    const asked = await requestAccess(partner, {
      role: "mission-control:partnerDev",
      instance: "acme-mc-sandbox",
      path: "support-ticket",
    });
    expect(asked.status).toBe(200);
    const request = asked.data as RequestView;

    const operator = await signIn("operator@gatehouse.example");
    expect((await send("POST", "accessRequests.complete", { id: request.id }, operator)).status).toBe(400);

    // A support ticket is completed with the role it asked for: choosing another is refused.
    const otherRole = { id: request.id, approve: true, role: "mission-control:partnerAdmin" };
    expect((await send("POST", "accessRequests.decide", otherRole, admin)).status).toBe(400);
    const approved = await send("POST", "accessRequests.decide", { id: request.id, approve: true }, admin);
    expect(approved.data).toMatchObject({ status: "customer-approved", grantId: null });
    expect((approved.data as RequestView).ticket).not.toBeNull();
    expect((await run(partner, "code.deploy")).status).toBe(404);

    expect((await send("POST", "accessRequests.complete", { id: request.id }, admin)).status).toBe(403);
    const completed = await send("POST", "accessRequests.complete", { id: request.id }, operator);
    expect(completed.status).toBe(200);
    expect(completed.data).toMatchObject({ status: "completed" });
    const grantId = (completed.data as RequestView).grantId;
    const grants = await rows<{ role: string; instance: string }>(
      `select role, instance from grants where id = '${grantId}'`,
    );
    expect(grants).toEqual([{ role: "mission-control:partnerDev", instance: "acme-mc-sandbox" }]);
    expect((await run(partner, "code.deploy")).status).toBe(200);
    const audited = await rows<{ action: string; actor_kind: string }>(
      `select action, actor_kind from audit_log where target_id = '${request.id}' order by id`,
    );
    expect(audited).toEqual([
      { action: "access-request.create", actor_kind: "user" },
      { action: "access-request.approve", actor_kind: "user" },
      { action: "access-request.complete", actor_kind: "operator" },
    ]);
  });

  it("denied requests give nothing; customers and partners without Mission Control may not request", async () => {
    const admin = await signIn("admin@acme.example");
    const partner = await signIn("partneradmin@agency.example");
    const asked = await requestAccess(partner, { role: "mission-control:partnerAdmin", path: "direct" });
    expect(asked.status).toBe(200);
    const request = asked.data as RequestView;
    const denied = await send("POST", "accessRequests.decide", { id: request.id, approve: false }, admin);
    expect(denied.data).toMatchObject({ status: "denied", grantId: null });
    expect(
      (await send("POST", "accessRequests.decide", { id: request.id, approve: true }, admin)).status,
    ).toBe(400);

    const customer = await signIn("customeruser@acme.example");
    const fromCustomer = await requestAccess(customer, {
      role: "mission-control:partnerUser",
      path: "direct",
    });
    expect(fromCustomer.status).toBe(403);
    const badRole = await requestAccess(partner, { role: "admin-center:super-admin", path: "direct" });
    expect(badRole.status).toBe(400);
  });

  it("a partner user cancels its own pending request, audited; not another's, not a decided one", async () => {
    const admin = await signIn("admin@acme.example");
    const asker = await signIn("partneruser@agency.example");
    const colleague = await signIn("partnerdev@agency.example");
    const ask = () => requestAccess(asker, { role: "mission-control:partnerUser", path: "support-ticket" });
    const request = (await ask()).data as RequestView;
    const cancel = (id: string, call: Call) => send("POST", "accessRequests.cancel", { id }, call);
    const before = await auditCount();

    const byColleague = await cancel(request.id, colleague);
    expect(byColleague.status).toBe(403);
    expect(byColleague.error?.message).toContain("who asked");
    const byCustomerAdmin = await cancel(request.id, admin);
    expect(byCustomerAdmin.status).toBe(403);
    expect((await cancel("acr_nope", asker)).status).toBe(404);
    expect((await send("POST", "accessRequests.cancel", {}, asker)).error?.message).toContain("id");
    expect(await auditCount()).toBe(before);

    const cancelled = await cancel(request.id, asker);
    expect(cancelled.status).toBe(200);
    expect(cancelled.data).toMatchObject({ id: request.id, status: "cancelled", grantId: null });
    expect(
      await rows(
        `select action, actor_id, org from audit_log where target_kind = 'access-request' and target_id = '${request.id}' order by id`,
      ),
    ).toEqual([
      { action: "access-request.create", actor_id: "demo-partneruser", org: "acme" },
      { action: "access-request.cancel", actor_id: "demo-partneruser", org: "acme" },
    ]);
    const again = await cancel(request.id, asker);
    expect(again.status).toBe(409);
    expect(again.error?.message).toContain("is cancelled");
    // A cancelled request can no longer be decided, and the partner can ask anew.
    expect(
      (await send("POST", "accessRequests.decide", { id: request.id, approve: true }, admin)).status,
    ).toBe(400);
    const decided = (await ask()).data as RequestView;
    expect(
      (await send("POST", "accessRequests.decide", { id: decided.id, approve: false }, admin)).status,
    ).toBe(200);
    const late = await cancel(decided.id, asker);
    expect(late.status).toBe(409);
    expect(late.error?.message).toContain("is denied");
  });

  it("what no request could name answers as a made-up id, asked or rehearsed: not a customer, no Mission Control, another's instance", async () => {
    const operator = await signIn("operator@gatehouse.example");
    const provision = async (id: string, kind: string, products: ReadonlyArray<string>) =>
      expect(
        (await send("POST", "organizations.create", { id, name: id, kind, products }, operator)).status,
      ).toBe(200);
    // A customer without Mission Control, and another partner.
    await provision("hooli", "customer", ["admin-center", "cms"]);
    await provision("partnerco", "partner", ["admin-center", "mission-control"]);
    const globex = await provisionGlobex(api, "demo-partneruser");
    const partner = await signIn("partnerdev@agency.example");
    const ask = { role: "mission-control:partnerUser", path: "direct" };
    const request = (input: object) => send("POST", "accessRequests.request", { ...ask, ...input }, partner);
    const rehearse = (input: object) =>
      send("GET", "may", { procedure: "accessRequests.request", input: { ...ask, ...input } }, partner);
    const before = await auditCount();
    const probes: ReadonlyArray<readonly [object, object, readonly [string, string]]> = [
      // An organization that cannot be asked: a customer without Mission Control, a partner, the asker's own.
      [{ customerOrg: "hooli" }, { customerOrg: "nosuchorg" }, ["hooli", "nosuchorg"]],
      [{ customerOrg: "partnerco" }, { customerOrg: "nosuchorg" }, ["partnerco", "nosuchorg"]],
      [{ customerOrg: "agency" }, { customerOrg: "nosuchorg" }, ["agency", "nosuchorg"]],
      // An instance that is not one of the customer's Mission Control instances: another customer's, another product's.
      [
        { customerOrg: "globex", instance: "acme-mc-sandbox" },
        { customerOrg: "globex", instance: "ins-made-up" },
        ["acme-mc-sandbox", "ins-made-up"],
      ],
      [
        { customerOrg: "acme", instance: globex.instance },
        { customerOrg: "acme", instance: "ins-made-up" },
        [globex.instance, "ins-made-up"],
      ],
      [
        { customerOrg: "acme", instance: "acme-cms" },
        { customerOrg: "acme", instance: "ins-made-up" },
        ["acme-cms", "ins-made-up"],
      ],
    ];
    for (const [real, madeUp, swap] of probes) {
      const answer = await request(real);
      expect(answer.status, JSON.stringify(real)).toBe(404);
      expect(seen(answer, [swap])).toEqual(seen(await request(madeUp), []));
      const rehearsed = await rehearse(real);
      expect(rehearsed.data).toMatchObject({ allowed: false, code: "NOT_FOUND" });
      expect(seen(rehearsed, [swap])).toEqual(seen(await rehearse(madeUp), []));
    }
    expect(await auditCount()).toBe(before);
    // A customer with Mission Control, and one of its instances, can be asked.
    expect((await rehearse({ customerOrg: "globex", instance: globex.instance })).data).toMatchObject({
      allowed: true,
    });
  });
});
