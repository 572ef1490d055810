// missionControl.partnerHolders over a demo database: the partner users holding Mission Control roles or single
// permissions in the customer's environments, for its people viewers only, marked when deactivated; another
// organization is like a made-up one; revoking ends it. The holders, customers and instances agree.
import { EngineSync, Mutations, Users } from "@gatehouse/store";
import { Effect } from "effect";
import { describe, expect, it } from "vitest";
import { alike } from "./support/alike-answers.ts";
import { demoApi } from "./support/demo-api.ts";

const { send, signIn, auditCount, runtime } = demoApi();

interface Holder {
  readonly grant: string;
  readonly version: number;
  readonly user: { readonly name: string; readonly email: string };
  readonly partner: { readonly id: string; readonly name: string };
  readonly role: { readonly id: string; readonly name: string; readonly single: boolean };
  readonly deactivated: boolean;
  readonly removed: boolean;
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

  it("shows single Mission Control permissions wherever roles show, by their catalog labels, and marks a deactivated holder", async () => {
    const admin = await signIn("admin@acme.example");
    const partner = await signIn("partneruser@agency.example");
    const subject = { kind: "user", id: "demo-partneruser" };
    const held = await send("GET", "grants.list", { org: "acme", subject }, admin);
    for (const grant of held.data as ReadonlyArray<{ id: string; version: number }>)
      expect(
        (await send("POST", "grants.remove", { id: grant.id, version: grant.version }, admin)).status,
      ).toBe(200);
    const reached = async () =>
      (
        (await send("GET", "missionControl.customers", undefined, partner)).data as ReadonlyArray<{
          org: string;
          roles: ReadonlyArray<{ roleName: string; single: boolean }>;
        }>
      ).find((c) => c.org === "acme");
    expect(await reached()).toBeUndefined();

    const sandbox = { org: "acme", product: "mission-control", instance: "acme-mc-sandbox" };
    for (const permission of ["mission-control:site.view", "mission-control:site.restart"])
      expect(
        (await send("POST", "grants.create", { subject, permission, scope: sandbox }, admin)).status,
      ).toBe(200);
    const labels = ["Restart site", "View the site and its environment"];
    const partnerRows = async () =>
      (
        (await send("GET", "missionControl.partnerHolders", { customer: "acme" }, admin)).data as Holder[]
      ).filter((h) => h.user.email === "partneruser@agency.example");
    expect((await partnerRows()).map((h) => [h.role.name, h.role.single, h.environment?.id]).sort()).toEqual(
      labels.map((label) => [label, true, "acme-mc-sandbox"]),
    );
    const holders = async () =>
      (
        (
          await send(
            "GET",
            "missionControl.holders",
            { customer: "acme", instance: "acme-mc-sandbox" },
            admin,
          )
        ).data as ReadonlyArray<{ user: string; roleName: string; single: boolean; deactivated: boolean }>
      ).filter((h) => h.user === "demo-partneruser");
    expect((await holders()).map((h) => [h.roleName, h.single]).sort()).toEqual(labels.map((l) => [l, true]));
    // The partner reaches acme with what it holds, by name, and sees the environment it may act on.
    expect((await reached())?.roles.map((r) => [r.roleName, r.single]).sort()).toEqual(
      labels.map((l) => [l, true]),
    );
    const instances = await send("GET", "missionControl.instances", { customer: "acme" }, partner);
    expect((instances.data as ReadonlyArray<{ id: string }>).map((i) => i.id)).toEqual(["acme-mc-sandbox"]);

    // Its organization deactivates it: the customer sees it marked, on both pages, with Revoke still there.
    await runtime.runPromise(
      Effect.gen(function* () {
        const user = yield* (yield* Users).get("demo-partneruser");
        const mutated = yield* (yield* Mutations).mutate({
          actor: { kind: "operator", id: "test-operator" },
          org: "agency",
          action: "user.deactivate",
          target: { kind: "user", id: user.id },
          run: Effect.orDie((yield* Users).deactivate(user.id, user.version, "test-operator")),
        });
        yield* (yield* EngineSync).awaitApplied(mutated.auditId);
      }),
    );
    expect((await partnerRows()).map((h) => [h.deactivated, h.removed])).toEqual([
      [true, false],
      [true, false],
    ]);
    expect((await holders()).map((h) => h.deactivated)).toEqual([true, true]);
  });
});
