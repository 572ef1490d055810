// What a partner access request's grant stands on, on PGlite and PostgreSQL: the operator completes a support
// ticket only while the grant is valid and the customer's approval stands (withdrawn, or its approver's authority
// gone, it is refused, `may` answering as the call); whoever may decide requests reads them.
import { describe, expect, it } from "vitest";
import { type Call, demoApi } from "./support/demo-api.ts";

interface RequestView {
  readonly id: string;
  readonly status: string;
  readonly grantId: string | null;
}
interface GrantView {
  readonly id: string;
  readonly version: number;
}
interface Organization {
  readonly id: string;
  readonly version: number;
  readonly products: ReadonlyArray<string>;
}

const PARTNER_DISABLED =
  "partner agency must enable Mission Control before its users hold Mission Control roles";

for (const backend of ["pglite", "postgres"] as const) {
  describe(`partner access requests' standing, on ${backend}`, () => {
    const { send, signIn, rows } = demoApi(backend);

    const removeGrants = async (admin: Call, user: string) => {
      const listed = await send(
        "GET",
        "grants.list",
        { org: "acme", subject: { kind: "user", id: user } },
        admin,
      );
      for (const grant of listed.data as ReadonlyArray<GrantView>)
        expect(
          (await send("POST", "grants.remove", { id: grant.id, version: grant.version }, admin)).status,
        ).toBe(200);
    };

    /** A support ticket of `name` (an agency user with no grant left in acme) for `role` on the sandbox. */
    const ticket = async (admin: Call, name: string, role: string) => {
      await removeGrants(admin, `demo-${name}`);
      const partner = await signIn(`${name}@agency.example`);
      const asked = await send(
        "POST",
        "accessRequests.request",
        { customerOrg: "acme", role, instance: "acme-mc-sandbox", path: "support-ticket" },
        partner,
      );
      expect(asked.status).toBe(200);
      return (asked.data as RequestView).id;
    };

    const decide = (call: Call, id: string, approve: boolean) =>
      send("POST", "accessRequests.decide", { id, approve }, call);
    const may = (call: Call, procedure: string, input: object) =>
      send("GET", "may", { procedure, input }, call);

    const setPartnerProducts = async (operator: Call, products: (had: ReadonlyArray<string>) => string[]) => {
      const orgs = (await send("GET", "organizations.list", undefined, operator))
        .data as ReadonlyArray<Organization>;
      const agency = orgs.find((o) => o.id === "agency");
      if (agency === undefined) throw new Error("no agency");
      const set = await send(
        "POST",
        "organizations.setProducts",
        { id: "agency", version: agency.version, products: products(agency.products) },
        operator,
      );
      expect(set.status).toBe(200);
    };

    const grantsOf = (user: string) =>
      rows(`select id from grants where subject_user = '${user}' and org = 'acme'`);

    it("the operator completes no ticket whose grant the engine calls invalid (a partner without Mission Control), in grants.create's words", async () => {
      const admin = await signIn("admin@acme.example");
      const operator = await signIn("operator@gatehouse.example");
      const id = await ticket(admin, "partneruser", "mission-control:partnerUser");
      expect((await decide(admin, id, true)).data).toMatchObject({ status: "customer-approved" });

      await setPartnerProducts(operator, (had) => had.filter((p) => p !== "mission-control"));
      // What the customer's admin is told giving the same role itself.
      const direct = await send(
        "POST",
        "grants.create",
        {
          subject: { kind: "user", id: "demo-partneruser" },
          role: "mission-control:partnerUser",
          scope: { org: "acme", product: "mission-control", instance: "acme-mc-sandbox" },
        },
        admin,
      );
      expect(direct.status).toBe(400);
      expect(direct.error?.message).toBe(PARTNER_DISABLED);

      const rehearsed = await may(operator, "accessRequests.complete", { id });
      expect(rehearsed.data).toMatchObject({ allowed: false, code: "BAD_REQUEST", reason: PARTNER_DISABLED });
      const completed = await send("POST", "accessRequests.complete", { id }, operator);
      expect(completed.status).toBe(400);
      expect(completed.error?.message).toBe(PARTNER_DISABLED);
      expect(await grantsOf("demo-partneruser")).toEqual([]);

      // Mission Control enabled again, the same ticket is completed.
      await setPartnerProducts(operator, (had) => [...had, "mission-control"]);
      expect((await may(operator, "accessRequests.complete", { id })).data).toMatchObject({ allowed: true });
      const done = await send("POST", "accessRequests.complete", { id }, operator);
      expect(done.status).toBe(200);
      expect(done.data).toMatchObject({ status: "completed" });
      expect(await grantsOf("demo-partneruser")).toHaveLength(1);
    });

    it("a direct approval of a partner without Mission Control is refused alike; denying it is not", async () => {
      const admin = await signIn("admin@acme.example");
      const operator = await signIn("operator@gatehouse.example");
      await removeGrants(admin, "demo-partnerdev");
      const partner = await signIn("partnerdev@agency.example");
      const asked = await send(
        "POST",
        "accessRequests.request",
        { customerOrg: "acme", role: "mission-control:partnerDev", path: "direct" },
        partner,
      );
      const id = (asked.data as RequestView).id;
      await setPartnerProducts(operator, (had) => had.filter((p) => p !== "mission-control"));
      const approved = await decide(admin, id, true);
      expect(approved.status).toBe(400);
      expect(approved.error?.message).toBe(PARTNER_DISABLED);
      expect(await grantsOf("demo-partnerdev")).toEqual([]);
      // Denying gives nothing: the customer still answers it (asked, like the call, of its authority alone);
      // someone without the authority to give the role is still refused.
      const customerUser = await signIn("customeruser@acme.example");
      expect((await decide(customerUser, id, false)).status).toBe(403);
      expect((await may(admin, "accessRequests.decide", { id, approve: false })).data).toMatchObject({
        allowed: true,
      });
      expect((await decide(admin, id, false)).data).toMatchObject({ status: "denied" });
      await setPartnerProducts(operator, (had) => [...had, "mission-control"]);
    });

    it("the customer withdraws its approval while the ticket waits; may and the call agree, and the operator can no longer complete it", async () => {
      const admin = await signIn("admin@acme.example");
      const operator = await signIn("operator@gatehouse.example");
      const id = await ticket(admin, "partneradmin", "mission-control:partnerAdmin");
      expect((await decide(admin, id, true)).status).toBe(200);

      // Approving again: refused by may as by the call, in words that say what to do.
      const again = await may(admin, "accessRequests.decide", { id, approve: true });
      expect(again.data).toMatchObject({ allowed: false, code: "BAD_REQUEST" });
      const approvedTwice = await decide(admin, id, true);
      expect(approvedTwice.status).toBe(400);
      expect(approvedTwice.error?.message).toContain("withdraw the approval");

      expect((await may(admin, "accessRequests.decide", { id, approve: false })).data).toMatchObject({
        allowed: true,
      });
      const withdrawn = await decide(admin, id, false);
      expect(withdrawn.status).toBe(200);
      expect(withdrawn.data).toMatchObject({ status: "denied", grantId: null });
      expect((await may(operator, "accessRequests.complete", { id })).data).toMatchObject({
        allowed: false,
        code: "BAD_REQUEST",
      });
      expect((await send("POST", "accessRequests.complete", { id }, operator)).status).toBe(400);
      expect(await grantsOf("demo-partneradmin")).toEqual([]);
      // The operator's queue tells it ended without the operator.
      const denied = await send("GET", "accessRequests.queue", { status: "denied" }, operator);
      expect(
        (denied.data as ReadonlyArray<{ id: string; answeredBy: unknown }>).find((t) => t.id === id),
      ).toMatchObject({ answeredBy: null });
    });

    it("a Mission Control instance admin reads only the requests for its environment, and decides those", async () => {
      const admin = await signIn("admin@acme.example");
      const partner = await signIn("partneradmin@agency.example");
      const ask = async (instance?: string) => {
        const asked = await send(
          "POST",
          "accessRequests.request",
          {
            customerOrg: "acme",
            role: "mission-control:partnerUser",
            path: "direct",
            ...(instance === undefined ? {} : { instance }),
          },
          partner,
        );
        expect(asked.status).toBe(200);
        return (asked.data as RequestView).id;
      };
      const onSandbox = await ask("acme-mc-sandbox");
      const onProduction = await ask("acme-mc-production");
      const everywhere = await ask();
      const made = await send(
        "POST",
        "grants.create",
        {
          subject: { kind: "user", id: "demo-customerdev" },
          role: "admin-center:instance-admin",
          scope: { org: "acme", product: "mission-control", instance: "acme-mc-sandbox" },
        },
        admin,
      );
      expect(made.status).toBe(200);
      const sandboxAdmin = await signIn("customerdev@acme.example");
      const listed = await send(
        "GET",
        "accessRequests.list",
        { org: "acme", status: "pending" },
        sandboxAdmin,
      );
      expect(listed.status).toBe(200);
      const ids = (listed.data as ReadonlyArray<RequestView>).map((r) => r.id);
      expect(ids).toContain(onSandbox);
      expect(ids).not.toContain(onProduction);
      expect(ids).not.toContain(everywhere);
      expect((await decide(sandboxAdmin, onProduction, false)).status).toBe(403);
      expect((await decide(sandboxAdmin, onSandbox, false)).data).toMatchObject({ status: "denied" });
      for (const id of [onProduction, everywhere]) expect((await decide(admin, id, false)).status).toBe(200);
      const grant = made.data as GrantView;
      await send("POST", "grants.remove", { id: grant.id, version: grant.version }, admin);
    });

    it("a Mission Control product admin lists the requests it may decide, sees the section, and its approval stands only while it may still give the role", async () => {
      const admin = await signIn("admin@acme.example");
      const operator = await signIn("operator@gatehouse.example");
      const id = await ticket(admin, "partnerdev", "mission-control:partnerDev");
      const mcAdmin = await signIn("customeruser@acme.example");
      // A Mission Control user decides nothing, and reads no request.
      expect((await send("GET", "accessRequests.list", { org: "acme" }, mcAdmin)).status).toBe(403);

      const made = await send(
        "POST",
        "grants.create",
        {
          subject: { kind: "user", id: "demo-customeruser" },
          role: "admin-center:product-admin",
          scope: { org: "acme", product: "mission-control" },
        },
        admin,
      );
      expect(made.status).toBe(200);
      const me = await send("GET", "auth.me", undefined, mcAdmin);
      expect((me.data as { sections: ReadonlyArray<string> }).sections).toContain("access-requests");
      const listed = await send("GET", "accessRequests.list", { org: "acme", status: "pending" }, mcAdmin);
      expect(listed.status).toBe(200);
      expect((listed.data as ReadonlyArray<RequestView>).map((r) => r.id)).toContain(id);
      // Another organization's requests answer as a made-up organization's.
      const foreign = await send("GET", "accessRequests.list", { org: "globex" }, mcAdmin);
      const madeUp = await send("GET", "accessRequests.list", { org: "nosuchorg" }, mcAdmin);
      expect(foreign.status).toBe(404);
      expect(foreign.error?.message.replace("globex", "X")).toBe(
        madeUp.error?.message.replace("nosuchorg", "X"),
      );

      expect((await decide(mcAdmin, id, true)).data).toMatchObject({ status: "customer-approved" });
      // Its product admin role removed, its approval no longer stands.
      const grant = made.data as GrantView;
      expect(
        (await send("POST", "grants.remove", { id: grant.id, version: grant.version }, admin)).status,
      ).toBe(200);
      const rehearsed = await may(operator, "accessRequests.complete", { id });
      expect(rehearsed.data).toMatchObject({ allowed: false, code: "BAD_REQUEST" });
      const completed = await send("POST", "accessRequests.complete", { id }, operator);
      expect(completed.status).toBe(400);
      expect(completed.error?.message).toContain("approval no longer stands");
      expect(await grantsOf("demo-partnerdev")).toEqual([]);
      expect((await send("POST", "accessRequests.reject", { id }, operator)).data).toMatchObject({
        status: "denied",
      });
    });
  });
}
