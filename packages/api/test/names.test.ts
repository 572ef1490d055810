// Names served next to ids (issue 12, item 9): audit actors and targets, who ran an operation, an invitation's
// role and place, the Why? explanation's roles, action and places (flags too); another organization's people
// stay unnamed.
import { describe, expect, it } from "vitest";
import { SimulatedExecutor, setOperationExecutor } from "../src/mission-control/executor.ts";
import { demoApi } from "./support/demo-api.ts";

setOperationExecutor(new SimulatedExecutor({ timeScale: 0.001, failureRate: 0 }));
const { send, signIn } = demoApi();

interface Person {
  readonly id: string;
  readonly name: string | null;
}
interface AuditItem {
  readonly action: string;
  readonly actionName: string;
  readonly actor: Person & { readonly kind: string };
  readonly target: { readonly kind: string; readonly id: string | null; readonly name: string | null };
}
interface Operation {
  readonly id: string;
  readonly requestedBy: string;
  readonly actionName: string;
  readonly requester: Person;
  readonly events?: ReadonlyArray<{ readonly status: string; readonly actor: Person | null }>;
}

const cms = { org: "acme", product: "cms", instance: "acme-cms" };

describe("names served next to ids", () => {
  it("the audit log names its actors and targets (the id stays alongside)", async () => {
    const admin = await signIn("admin@acme.example");
    const created = await send(
      "POST",
      "users.invite",
      {
        org: "acme",
        emails: ["named.one@acme.example"],
        language: "en",
        grants: [{ role: "cms:content-editors", scope: cms }],
      },
      admin,
    );
    expect(created.status).toBe(200);
    const log = await send("GET", "audit.list", { org: "acme", action: "user.invite", limit: 5 }, admin);
    expect(log.status).toBe(200);
    const [entry] = (log.data as { items: AuditItem[] }).items;
    expect(entry?.actor).toMatchObject({ kind: "user", id: "demo-admin", name: "Ada Admin" });
    // The action by its label, the code alongside.
    expect(entry).toMatchObject({ action: "user.invite", actionName: "User invited" });
    // A sign-in's target is the user: named too.
    await signIn("partnerdev@agency.example");
    const logins = await send("GET", "audit.list", { org: "acme", action: "auth.login", limit: 50 }, admin);
    const targets = (logins.data as { items: AuditItem[] }).items.map((i) => i.target);
    expect(targets).toContainEqual({ kind: "user", id: "demo-admin", name: "Ada Admin" });
    const loginNames = (logins.data as { items: AuditItem[] }).items.map((i) => i.actionName);
    expect(new Set(loginNames)).toEqual(new Set(["Signed in"]));
    // Another organization's log is not acme's to read, and neither are the names in it.
    const foreign = await send("GET", "audit.list", { org: "agency", limit: 50 }, admin);
    expect(foreign.status).toBe(404);
  });

  it("Mission Control names who ran an operation, and the operation by the catalog's label", async () => {
    const dev = await signIn("customerdev@acme.example");
    const partner = await signIn("partnerdev@agency.example");
    const mine = await send(
      "POST",
      "operations.run",
      { instance: "acme-mc-sandbox", action: "database.backup" },
      dev,
    );
    expect(mine.status).toBe(200);
    const theirs = await send(
      "POST",
      "operations.run",
      { instance: "acme-mc-sandbox", action: "site.restart" },
      partner,
    );
    expect(theirs.status).toBe(200);
    const ids = [mine, theirs].map((a) => (a.data as { operation: Operation }).operation.id);

    const seenByCustomer = await send("GET", "operations.history", { org: "acme", limit: 20 }, dev);
    const items = (seenByCustomer.data as { items: Operation[] }).items;
    const byId = new Map(items.map((op) => [op.id, op]));
    expect(byId.get(ids[0] ?? "")).toMatchObject({
      actionName: "Database backup",
      requester: { name: "Acme customerDev" },
    });
    // A partner user holding roles in acme is someone acme's people may see.
    expect(byId.get(ids[1] ?? "")?.requester).toEqual({
      id: "demo-partnerdev",
      name: "Agency partnerDev",
      email: "partnerdev@agency.example",
    });

    // The partner reads acme's history, but acme's people are not its to see: the name stays unsaid, the
    // organization (the one it reads) is said.
    const seenByPartner = await send("GET", "operations.history", { org: "acme", limit: 20 }, partner);
    const partnerItems = new Map(
      (seenByPartner.data as { items: Operation[] }).items.map((op) => [op.id, op]),
    );
    expect(partnerItems.get(ids[0] ?? "")?.requester).toEqual({
      id: "demo-customerdev",
      name: null,
      email: null,
      of: "Acme",
    });
    expect(partnerItems.get(ids[1] ?? "")?.requester.name).toBe("Agency partnerDev");

    const one = await send("GET", "operations.get", { id: ids[0] }, dev);
    const events = (one.data as Operation).events ?? [];
    expect(events[0]).toMatchObject({ status: "submitted", actor: { name: "Acme customerDev" } });

    const facts = await send("GET", "missionControl.instances", { customer: "acme" }, dev);
    expect(JSON.stringify(facts.data)).toContain('"Last operation":"');
    expect(JSON.stringify(facts.data)).not.toMatch(/"Last operation":"(database|site)\./);
  });

  it("invitations name their role and place", async () => {
    const admin = await signIn("admin@acme.example");
    const scope = { org: "acme", product: "experimentation", instance: "acme-exp", project: "acme-checkout" };
    const invited = await send(
      "POST",
      "users.invite",
      {
        org: "acme",
        emails: ["named.two@acme.example"],
        language: "en",
        grants: [{ role: "experimentation:editor", scope }],
      },
      admin,
    );
    expect(invited.status).toBe(200);
    const list = await send("GET", "invitations.list", { org: "acme", status: "pending" }, admin);
    const invitation = (
      list.data as ReadonlyArray<{ email: string; grants: unknown[]; invitedByPerson: Person }>
    ).find((i) => i.email === "named.two@acme.example");
    expect(invitation?.grants).toEqual([
      {
        role: "experimentation:editor",
        scope,
        roleName: "Editor",
        where: "Experimentation › Acme Experimentation › Checkout",
      },
    ]);
    expect(invitation?.invitedByPerson).toMatchObject({ id: "demo-admin", name: "Ada Admin" });
  });

  it("an invitation's grant at an instance since removed reads 'instance not found', never the instance's id", async () => {
    const admin = await signIn("admin@acme.example");
    const made = await send(
      "POST",
      "instances.create",
      { org: "acme", product: "cms", name: "Short-lived" },
      admin,
    );
    const instance = made.data as { id: string; version: number };
    const scope = { org: "acme", product: "cms", instance: instance.id };
    const invited = await send(
      "POST",
      "users.invite",
      {
        org: "acme",
        emails: ["named.gone@acme.example"],
        language: "en",
        grants: [{ role: "cms:content-editors", scope }],
      },
      admin,
    );
    expect(invited.status).toBe(200);
    expect(
      (await send("POST", "instances.remove", { id: instance.id, version: instance.version }, admin)).status,
    ).toBe(200);
    const list = await send("GET", "invitations.list", { org: "acme" }, admin);
    const invitation = (list.data as ReadonlyArray<{ email: string; grants: Array<{ where: string }> }>).find(
      (i) => i.email === "named.gone@acme.example",
    );
    expect(invitation?.grants.map((g) => g.where)).toEqual(["CMS › instance not found"]);
    expect(JSON.stringify(invitation?.grants.map((g) => g.where))).not.toContain(instance.id);
  });

  it("Why? names the action, the roles and the places", async () => {
    const user = await signIn("customeruser@acme.example");
    const why = await send(
      "GET",
      "authz.explain",
      {
        action: "mission-control:code.deploy",
        resource: { org: "acme", product: "mission-control", instance: "acme-mc-sandbox" },
      },
      user,
    );
    expect(why.status).toBe(200);
    const explanation = why.data as {
      actionName: string;
      reason: string;
      nearest: { role: string; roleName: string; where: string };
    };
    expect(explanation.actionName).toBe("Base code deploy");
    expect(explanation.reason).toBe("customerUser does not include Base code deploy");
    expect(explanation.nearest).toMatchObject({
      role: "mission-control:customerUser",
      roleName: "customerUser",
      where: "Acme › Mission Control",
    });
  });

  it("a flag role's place names the flag, in Why? and in the user list (the id stays in the scope)", async () => {
    const admin = await signIn("admin@acme.example");
    const checkout = {
      org: "acme",
      product: "experimentation",
      instance: "acme-exp",
      project: "acme-checkout",
    };
    const why = await send(
      "GET",
      "authz.explain",
      {
        action: "experimentation:flag.view",
        resource: {
          ...checkout,
          environment: "acme-checkout-production",
          flag: "acme-new-cart",
          attrs: { platform: "feature", production: true, flagStatus: "running", rulesetPublished: true },
        },
        subject: "demo-exp-flag-none",
      },
      admin,
    );
    expect(why.status).toBe(200);
    const considered = (
      why.data as { considered: ReadonlyArray<{ grant: { scope: { flag?: string }; where: string } }> }
    ).considered.map((c) => c.grant);
    const atFlag = considered.find((g) => g.scope.flag === "acme-new-cart");
    expect(atFlag?.where).toBe("Acme › Experimentation › Acme Experimentation › Checkout › flag New cart");
    const list = await send(
      "GET",
      "users.list",
      { org: "acme", scope: { product: "experimentation", instance: "acme-exp" }, search: "exp flag-none" },
      admin,
    );
    expect(list.status).toBe(200);
    const [user] = (list.data as { items: ReadonlyArray<{ access: ReadonlyArray<{ where: string }> }> })
      .items;
    expect(user?.access.map((a) => a.where)).toContain("flag New cart in every environment");
  });
});
