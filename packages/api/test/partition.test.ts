// A node holding a partition of the organizations (here acme only) answers about them as a full node does, the
// partner users reaching them included, and refuses every request about another organization with 421 naming it,
// in the same words for an existing organization and a made-up one; /events, /v1/check and /v1/snapshot likewise.
import { describe, expect, it } from "vitest";
import { demoApi, testMail } from "./support/demo-api.ts";
import { v1Request } from "./support/v1-request.ts";

const production = { org: "acme", product: "mission-control", instance: "acme-mc-production" };
const notServed = (org: string) =>
  `This node does not serve organization "${org}": send requests about it to the node holding its partition`;

describe.each(["pglite", "postgres"] as const)("a node holding acme only, on %s", (backend) => {
  const { send, signIn, app } = demoApi(backend, testMail(), {
    partition: { kind: "orgs", orgs: new Set(["acme"]) },
  });

  it("answers about acme, for its users and for the partner users reaching it, in tRPC and /v1", async () => {
    const admin = await signIn("admin@acme.example");
    const partner = await signIn("partneruser@agency.example");
    expect((await send("GET", "groups.list", { org: "acme" }, admin)).status).toBe(200);
    const restart = { action: "mission-control:site.restart", resource: production };
    expect((await send("GET", "authz.check", restart, partner)).data).toBe("allow");
    const deploy = { action: "mission-control:code.deploy", resource: production };
    expect((await send("GET", "authz.check", deploy, partner)).data).toBe("deny");
    // The decision API answers through the same boundary.
    const v1 = await v1Request(app(), "/v1/check", restart, partner);
    expect([v1.status, v1.body]).toEqual([200, { decision: "allow" }]);
    const elsewhere = { action: "mission-control:site.restart", resource: { org: "agency" } };
    const refused = await v1Request(app(), "/v1/check", elsewhere, partner);
    expect(refused.status).toBe(421);
  });

  it("refuses another organization with 421, alike whether it exists or not, for queries and mutations", async () => {
    const admin = await signIn("admin@acme.example");
    const agency = await send("GET", "groups.list", { org: "agency" }, admin);
    const madeUp = await send("GET", "groups.list", { org: "no-such-org" }, admin);
    expect([agency.status, madeUp.status]).toEqual([421, 421]);
    expect(agency.error?.message).toBe(notServed("agency"));
    expect(madeUp.error?.message).toBe(notServed("no-such-org"));
    expect(agency.error?.data.code).toBe(madeUp.error?.data.code);
    const grant = await send(
      "POST",
      "grants.create",
      {
        subject: { kind: "user", id: "demo-admin" },
        role: "admin-center:super-admin",
        scope: { org: "agency" },
      },
      admin,
    );
    expect(grant.status).toBe(421);
    expect(grant.error?.message).toBe(notServed("agency"));
  });

  it("sends a partner user's own account, change stream and snapshot to its organization's node", async () => {
    const partner = await signIn("partneruser@agency.example");
    const me = await send("GET", "auth.me", undefined, partner);
    expect(me.status).toBe(421);
    expect(me.error?.message).toBe(notServed("agency"));
    const events = await app().request("http://localhost/events", {
      headers: { cookie: partner.cookie ?? "" },
    });
    expect(events.status).toBe(421);
    expect(((await events.json()) as { error: { message: string } }).error.message).toBe(notServed("agency"));
    const snapshot = await app().request("http://localhost/v1/snapshot", {
      headers: { cookie: partner.cookie ?? "" },
    });
    expect(snapshot.status).toBe(421);
    expect(((await snapshot.json()) as { error: { message: string } }).error.message).toBe(
      notServed("agency"),
    );
  });
});
