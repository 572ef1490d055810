// A node holding a partition of the organizations (here acme only) answers about them as a full node does, the
// partner users reaching them included; questions about another organization are refused 421 naming it (alike
// whether it exists), its objects NOT_FOUND as made-up ones; /events, /v1/check and /v1/snapshot likewise.
import { describe, expect, it } from "vitest";
import { demoApi, testMail } from "./support/demo-api.ts";
import { v1Request } from "./support/v1-request.ts";

const production = { org: "acme", product: "mission-control", instance: "acme-mc-production" };
const notServed = (org: string) =>
  `This node does not serve organization "${org}": send requests about it to the node holding its partition`;

describe.each(["pglite", "postgres"] as const)("a node holding acme only, on %s", (backend) => {
  const { send, signIn, app, rows } = demoApi(backend, testMail(), {
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
    // The OpenAPI document lists the refusal, with the error body every refusal has.
    const document = (await (await app().request("http://localhost/v1/openapi.json")).json()) as {
      paths: Record<string, { post: { responses: Record<string, unknown> } }>;
    };
    expect(document.paths["/v1/check"]?.post.responses["421"]).toMatchObject({
      content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
    });
    expect(refused.body).toEqual({ error: { code: "PRECONDITION_FAILED", message: notServed("agency") } });
  });

  it("answers another organization's objects as missing ones, for queries and mutations, and its questions 421", async () => {
    const admin = await signIn("admin@acme.example");
    const agency = await send("GET", "groups.list", { org: "agency" }, admin);
    const madeUp = await send("GET", "groups.list", { org: "no-such-org" }, admin);
    expect([agency.status, madeUp.status]).toEqual([404, 404]);
    expect(agency.error?.message).toBe(madeUp.error?.message.replace("no-such-org", "agency"));
    // An object named by its id alone: another organization's, read from the database, is a made-up one here too.
    const [everyone] = await rows<{ id: string }>(
      "select id from groups where org = 'agency' and kind = 'everyone'",
    );
    const foreign = await send("GET", "groups.get", { id: everyone?.id ?? "" }, admin);
    const missing = await send("GET", "groups.get", { id: "grp_no_such_group" }, admin);
    expect([foreign.status, missing.status]).toEqual([404, 404]);
    expect(foreign.error?.message).toBe(
      missing.error?.message.replace("grp_no_such_group", everyone?.id ?? ""),
    );
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
    expect(grant.status).toBe(404);
    // A question names its organization: asked here about one this node does not hold, it is misdirected.
    const check = { action: "mission-control:site.view", resource: { org: "agency" } };
    const asked = await send("GET", "authz.check", check, admin);
    const askedMadeUp = await send(
      "GET",
      "authz.check",
      { ...check, resource: { org: "no-such-org" } },
      admin,
    );
    expect([asked.status, askedMadeUp.status]).toEqual([421, 421]);
    expect(asked.error?.message).toBe(notServed("agency"));
    expect(askedMadeUp.error?.message).toBe(notServed("no-such-org"));
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
    // Every HTTP surface words the refusal alike: tRPC's code for it and the same message.
    const refusal = { error: { code: "PRECONDITION_FAILED", message: notServed("agency") } };
    expect(await events.json()).toEqual(refusal);
    const snapshot = await app().request("http://localhost/v1/snapshot", {
      headers: { cookie: partner.cookie ?? "" },
    });
    expect(snapshot.status).toBe(421);
    expect(await snapshot.json()).toEqual(refusal);
  });
});
