// missionControl.* through app.request over a demo database: the customers a user reaches (own, partner), the
// instances it may view with their facts, NOT_FOUND for unreachable customers, and the holders for admins only.
import { describe, expect, it } from "vitest";
import { demoApi } from "./support/demo-api.ts";

const { send, signIn } = demoApi();

interface Customer {
  readonly org: string;
  readonly relation: string;
  readonly roles: ReadonlyArray<{ readonly role: string; readonly instance: string | null }>;
}
interface Instance {
  readonly id: string;
  readonly production: boolean;
  readonly environment: string;
  readonly facts: Record<string, string>;
}
interface Holder {
  readonly user: string;
  readonly role: string;
  readonly partner: boolean;
}

describe("missionControl", () => {
  it("a customer user reaches its own organization with its role, and sees sandbox and production", async () => {
    const user = await signIn("customeruser@acme.example");
    const customers = await send("GET", "missionControl.customers", undefined, user);
    expect(customers.status).toBe(200);
    expect(customers.data).toEqual([
      {
        org: "acme",
        name: expect.any(String),
        relation: "own",
        roles: [
          {
            role: "mission-control:customerUser",
            single: false,
            roleName: "customerUser",
            instance: null,
            instanceName: null,
            expiresAt: null,
          },
        ],
      },
    ]);
    const instances = await send("GET", "missionControl.instances", { customer: "acme" }, user);
    expect(instances.status).toBe(200);
    const rows = instances.data as ReadonlyArray<Instance>;
    expect(rows.map((i) => [i.id, i.production, i.environment]).sort()).toEqual([
      ["acme-mc-production", true, "production"],
      ["acme-mc-sandbox", false, "sandbox"],
    ]);
    expect(rows[0]?.facts).toMatchObject({ Platform: "Configured Commerce", "Last operation": "None yet" });
  });

  it("a partner user reaches acme through its grant; the customer's users list answers FORBIDDEN to it", async () => {
    const partner = await signIn("partneruser@agency.example");
    const customers = (await send("GET", "missionControl.customers", undefined, partner)).data as Customer[];
    const acme = customers.find((c) => c.org === "acme");
    expect(acme).toMatchObject({ relation: "partner", roles: [{ role: "mission-control:partnerUser" }] });
    const instances = await send("GET", "missionControl.instances", { customer: "acme" }, partner);
    expect((instances.data as Instance[]).length).toBe(2);
    const holders = await send(
      "GET",
      "missionControl.holders",
      { customer: "acme", instance: "acme-mc-sandbox" },
      partner,
    );
    expect(holders.status).toBe(403);
  });

  it("a customer user asking for another organization gets NOT_FOUND", async () => {
    const user = await signIn("customerdev@acme.example");
    const answer = await send("GET", "missionControl.instances", { customer: "agency" }, user);
    expect(answer.status).toBe(404);
    const unknown = await send("GET", "missionControl.instances", { customer: "nowhere" }, user);
    expect(unknown.status).toBe(404);
  });

  it("the super admin sees the holders, partners marked; after revoking, the partner sees nothing of acme", async () => {
    const admin = await signIn("admin@acme.example");
    const seen = await send("GET", "missionControl.instances", { customer: "acme" }, admin);
    expect((seen.data as Instance[]).length).toBe(2);
    const answer = await send(
      "GET",
      "missionControl.holders",
      { customer: "acme", instance: "acme-mc-production" },
      admin,
    );
    expect(answer.status).toBe(200);
    const holders = answer.data as ReadonlyArray<Holder>;
    expect(holders).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          user: "demo-customeruser",
          role: "mission-control:customerUser",
          partner: false,
        }),
        expect.objectContaining({
          user: "demo-partneruser",
          role: "mission-control:partnerUser",
          partner: true,
        }),
      ]),
    );
    expect(holders.some((h) => h.user === "demo-admin")).toBe(false);

    const grants = await send(
      "GET",
      "grants.list",
      { org: "acme", subject: { kind: "user", id: "demo-partneruser" } },
      admin,
    );
    const [grant] = grants.data as ReadonlyArray<{ id: string; version: number }>;
    if (grant === undefined) throw new Error("partneruser has no grant in acme");
    const removed = await send("POST", "grants.remove", { id: grant.id, version: grant.version }, admin);
    expect(removed.status).toBe(200);

    const partner = await signIn("partneruser@agency.example");
    const customers = (await send("GET", "missionControl.customers", undefined, partner)).data as Customer[];
    expect(customers.map((c) => c.org)).toEqual(["agency"]);
    const instances = await send("GET", "missionControl.instances", { customer: "acme" }, partner);
    expect(instances.status).toBe(404);
    const history = await send("GET", "operations.history", { org: "acme", limit: 10 }, partner);
    expect(history.status).toBe(404);
  });
});
