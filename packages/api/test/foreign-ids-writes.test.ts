// Mutations answer another organization's ids exactly like made-up ones, and tell nothing before authorization
// (issue 10, the isolation sweep's findings): custom roles, subjects, emails, group members, instances, customers.
import { beforeAll, describe, expect, it } from "vitest";
import { alike } from "./support/alike-answers.ts";
import { type Call, demoApi } from "./support/demo-api.ts";
import { type Globex, provisionGlobex } from "./support/second-org.ts";

const MC = "mission-control";
const PARTNER = "demo-partneruser";
const ACME_MC = { org: "acme", product: MC, instance: "acme-mc-sandbox" };

describe.each(["pglite", "postgres"] as const)("on %s", (backend) => {
  const api = demoApi(backend);
  const { send, signIn, auditCount } = api;

  let globex: Globex;
  let acmeAdmin: Call;
  /** A custom Mission Control role of globex, and a made-up id of the same shape. */
  let globexRole: string;
  let madeUpRole: string;

  beforeAll(async () => {
    globex = await provisionGlobex(api, PARTNER);
    acmeAdmin = await signIn("admin@acme.example");
    const globexAdmin = await signIn(globex.adminEmail);
    const created = await send(
      "POST",
      "roles.createCustom",
      { product: MC, instance: globex.instance, roleName: "Watchers", permissions: [`${MC}:site.view`] },
      globexAdmin,
    );
    expect(created.status).toBe(200);
    globexRole = (created.data as { readonly id: string }).id;
    madeUpRole = `${globexRole.slice(0, -4)}${globexRole.endsWith("0000") ? "1111" : "0000"}`;
  }, 120_000);

  describe("another organization's custom role is an unknown role", () => {
    it("grants.create, grants.update and users.invite refuse it as a made-up role, naming nothing", async () => {
      const before = await auditCount();
      const give = (role: string) =>
        send(
          "POST",
          "grants.create",
          { subject: { kind: "user", id: "demo-customeruser" }, role, scope: ACME_MC },
          acmeAdmin,
        );
      const foreign = await give(globexRole);
      alike(foreign, await give(madeUpRole), [[globexRole, madeUpRole]]);
      expect(foreign.error?.message).toBe(`Unknown role "${globexRole}"`);

      const given = await give(`${MC}:customerUser`);
      expect(given.status).toBe(200);
      const grant = given.data as { readonly id: string; readonly version: number };
      const change = (role: string) =>
        send("POST", "grants.update", { id: grant.id, version: grant.version, role }, acmeAdmin);
      alike(await change(globexRole), await change(madeUpRole), [[globexRole, madeUpRole]]);

      const invite = (role: string) =>
        send(
          "POST",
          "users.invite",
          {
            org: "acme",
            emails: ["someone-new@acme.example"],
            language: "en",
            grants: [{ role, scope: ACME_MC }],
          },
          acmeAdmin,
        );
      alike(await invite(globexRole), await invite(madeUpRole), [[globexRole, madeUpRole]]);
      // Only the one grant given above was written.
      expect(await auditCount()).toBe(before + 1);
    });

    it("whatIf.preview refuses it as a made-up role", async () => {
      const preview = (role: string) =>
        send(
          "GET",
          "whatIf.preview",
          { subject: "demo-customeruser", change: { kind: "create", role, scope: ACME_MC } },
          acmeAdmin,
        );
      const foreign = await preview(globexRole);
      alike(foreign, await preview(madeUpRole), [[globexRole, madeUpRole]]);
      expect(foreign.status).toBe(400);
    });
  });

  it("grants.create to another organization's user answers as to a made-up one", async () => {
    const give = (id: string, scope: object) =>
      send(
        "POST",
        "grants.create",
        { subject: { kind: "user", id }, role: `${MC}:customerUser`, scope },
        acmeAdmin,
      );
    for (const scope of [ACME_MC, { org: "globex", product: MC, instance: globex.instance }]) {
      const foreign = await give(globex.admin, scope);
      alike(foreign, await give("nobody-at-all", scope), [[globex.admin, "nobody-at-all"]]);
      expect(foreign.error?.message).toBe(`No user "${globex.admin}"`);
    }
  });

  it("users.invite tells an email of another organization only to an inviter allowed every grant", async () => {
    const invite = (email: string, role: string, call: Call) =>
      send(
        "POST",
        "users.invite",
        { org: "acme", emails: [email], language: "en", grants: [{ role, scope: ACME_MC }] },
        call,
      );
    const user = await signIn("customeruser@acme.example");
    const before = await auditCount();
    const role = `${MC}:customerAdmin`;
    alike(await invite(globex.adminEmail, role, user), await invite("nobody@globex.example", role, user), [
      [globex.adminEmail, "nobody@globex.example"],
    ]);
    // Emails are unique across organizations: an inviter allowed the grants learns that the email is taken.
    const allowed = await invite(globex.adminEmail, role, acmeAdmin);
    expect(allowed.status).toBe(409);
    expect(allowed.error?.message).toBe(`${globex.adminEmail} belongs to another organization`);
    expect(await auditCount()).toBe(before);
  });

  it("groups.addMember answers another organization's user as a made-up one, after group.manage", async () => {
    const created = await send("POST", "groups.create", { org: "acme", name: "Foreign probe" }, acmeAdmin);
    expect(created.status).toBe(200);
    const groupId = (created.data as { readonly id: string }).id;
    const add = (userId: string, call: Call) => send("POST", "groups.addMember", { groupId, userId }, call);
    const foreign = await add(globex.admin, acmeAdmin);
    alike(foreign, await add("nobody-at-all", acmeAdmin), [[globex.admin, "nobody-at-all"]]);
    expect(foreign.status).toBe(404);
    const user = await signIn("customeruser@acme.example");
    alike(await add(globex.admin, user), await add("nobody-at-all", user), [[globex.admin, "nobody-at-all"]]);
    expect((await add(globex.admin, user)).status).toBe(403);
  });

  it("operations.run on another organization's instance of another product answers as a made-up one", async () => {
    const globexAdmin = await signIn(globex.adminEmail);
    const run = (instance: string) =>
      send("POST", "operations.run", { instance, action: "site.restart" }, globexAdmin);
    const foreign = await run("acme-cms");
    alike(foreign, await run("made-up-cms"), [["acme-cms", "made-up-cms"]]);
    expect(foreign.status).toBe(404);
  });

  it("accessRequests.request by a customer's user answers a real customer as a made-up one", async () => {
    const user = await signIn("customeruser@acme.example");
    const request = (customerOrg: string) =>
      send(
        "POST",
        "accessRequests.request",
        { customerOrg, role: `${MC}:partnerUser`, path: "direct" },
        user,
      );
    const foreign = await request("globex");
    alike(foreign, await request("nowhere-org"), [["globex", "nowhere-org"]]);
    expect(foreign.status).toBe(403);
  });
});
