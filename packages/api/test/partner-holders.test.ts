// missionControl.partnerHolders over a demo database: the partner users holding Mission Control roles in the
// customer's environments, for its people viewers only; another organization is like a made-up one; revoking ends it.
import { describe, expect, it } from "vitest";
import { alike } from "./support/alike-answers.ts";
import { demoApi } from "./support/demo-api.ts";

const { send, signIn, auditCount } = demoApi();

interface Holder {
  readonly grant: string;
  readonly version: number;
  readonly user: { readonly name: string; readonly email: string };
  readonly partner: { readonly id: string; readonly name: string };
  readonly role: { readonly id: string; readonly name: string };
  readonly environment: { readonly id: string; readonly name: string } | null;
}

describe("missionControl.partnerHolders", () => {
  it("lists acme's partner holders (who, partner, role, environment) to its admin; Revoke removes one", async () => {
    const admin = await signIn("admin@acme.example");
    const holders = async () => {
      const answer = await send("GET", "missionControl.partnerHolders", { customer: "acme" }, admin);
      expect(answer.status).toBe(200);
      return answer.data as ReadonlyArray<Holder>;
    };
    const before = await holders();
    expect(before.map((h) => [h.user.email, h.partner.name, h.role.name, h.environment])).toEqual([
      ["partneradmin@agency.example", "Agency", "partnerAdmin", null],
      ["partnerdev@agency.example", "Agency", "partnerDev", null],
      ["partneruser@agency.example", "Agency", "partnerUser", null],
    ]);

    // An environment grant names its environment; the customer's own users are no partners.
    const given = await send(
      "POST",
      "grants.create",
      {
        subject: { kind: "user", id: "demo-partneruser" },
        role: "mission-control:partnerDev",
        scope: { org: "acme", product: "mission-control", instance: "acme-mc-sandbox" },
      },
      admin,
    );
    expect(given.status).toBe(200);
    const sandbox = (await holders()).find((h) => h.environment !== null);
    expect(sandbox?.environment).toEqual({ id: "acme-mc-sandbox", name: "sandbox" });

    const dev = before.find((h) => h.role.id === "mission-control:partnerDev");
    const revoked = await send("POST", "grants.remove", { id: dev?.grant, version: dev?.version }, admin);
    expect(revoked.status).toBe(200);
    expect((await holders()).map((h) => h.user.email)).not.toContain("partnerdev@agency.example");
  });

  it("refuses those who may not view acme's people; another organization answers like a made-up one", async () => {
    const customerAdmin = await signIn("customeradmin@acme.example");
    const partner = await signIn("partneradmin@agency.example");
    const audits = await auditCount();
    const refused = await send("GET", "missionControl.partnerHolders", { customer: "acme" }, customerAdmin);
    expect(refused.status).toBe(403);
    expect(refused.error?.message).toContain("may not see who holds Mission Control roles");

    alike(
      await send("GET", "missionControl.partnerHolders", { customer: "acme" }, partner),
      await send("GET", "missionControl.partnerHolders", { customer: "nowhere-org" }, partner),
      [["acme", "nowhere-org"]],
    );
    const bad = await send("GET", "missionControl.partnerHolders", { customer: "" }, partner);
    expect(bad.status).toBe(400);
    expect(bad.error?.message).toContain("customer");
    expect(await auditCount()).toBe(audits);
  });
});
