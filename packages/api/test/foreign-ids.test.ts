// Another organization's ids answer exactly like made-up ones (issue 10, findings 7 and 9): asking about globex's
// users, grants, instances and operations from acme tells nothing that a made-up id would not. PGlite and PostgreSQL.
import { beforeAll, describe, expect, it } from "vitest";
import { alike, seen } from "./support/alike-answers.ts";
import { type Call, demoApi } from "./support/demo-api.ts";
import { type Globex, provisionGlobex } from "./support/second-org.ts";

const MC = "mission-control";
const PARTNER = "demo-partneruser";

describe.each(["pglite", "postgres"] as const)("on %s", (backend) => {
  const api = demoApi(backend);
  const { send, signIn } = api;

  let globex: Globex;
  let acmeAdmin: Call;

  beforeAll(async () => {
    globex = await provisionGlobex(api, PARTNER);
    acmeAdmin = await signIn("admin@acme.example");
  }, 120_000);

  describe("authz about another organization's users (finding 7)", () => {
    const onGlobex = { action: "admin-center:user.view", resource: { org: "globex" } };

    it("answers globex's super admin about acme's demo-admin exactly as about a made-up user", async () => {
      const globexAdmin = await signIn(globex.adminEmail);
      const pairs = [["demo-admin", "demo-nobody"]] as const;
      for (const procedure of ["authz.explain", "authz.check"]) {
        const foreign = await send("GET", procedure, { ...onGlobex, subject: "demo-admin" }, globexAdmin);
        const madeUp = await send("GET", procedure, { ...onGlobex, subject: "demo-nobody" }, globexAdmin);
        alike(foreign, madeUp, pairs);
        expect(JSON.stringify(foreign)).not.toContain("grt_");
      }
      const whatCan = { resource: onGlobex.resource };
      alike(
        await send("GET", "authz.whatCan", { ...whatCan, subject: "demo-admin" }, globexAdmin),
        await send("GET", "authz.whatCan", { ...whatCan, subject: "demo-nobody" }, globexAdmin),
        pairs,
      );
      alike(
        await send("POST", "authz.checkMany", { subject: "demo-admin", checks: [onGlobex] }, globexAdmin),
        await send("POST", "authz.checkMany", { subject: "demo-nobody", checks: [onGlobex] }, globexAdmin),
        pairs,
      );
    });

    it("explains a partner user to each customer with that customer's grants only", async () => {
      const globexAdmin = await signIn(globex.adminEmail);
      const asked = { subject: PARTNER, action: `${MC}:site.view` };
      const toAcme = await send(
        "GET",
        "authz.explain",
        { ...asked, resource: { org: "acme", product: MC, instance: "acme-mc-sandbox" } },
        acmeAdmin,
      );
      const toGlobex = await send(
        "GET",
        "authz.explain",
        { ...asked, resource: { org: "globex", product: MC, instance: globex.instance } },
        globexAdmin,
      );
      for (const [answer, org] of [
        [toAcme, "acme"],
        [toGlobex, "globex"],
      ] as const) {
        expect(answer.status).toBe(200);
        const explanation = answer.data as {
          readonly considered: ReadonlyArray<{
            readonly grant: { readonly scope: { readonly org: string } };
          }>;
          readonly deciding: ReadonlyArray<{ readonly scope: { readonly org: string } }>;
        };
        expect(explanation.considered.length).toBeGreaterThan(0);
        const orgs = [
          ...explanation.considered.map((c) => c.grant.scope.org),
          ...explanation.deciding.map((g) => g.scope.org),
        ];
        expect(new Set(orgs)).toEqual(new Set([org]));
      }
    });
  });

  describe("existence oracles (finding 9)", () => {
    it("an API key's refusal about another organization's user reads as about a made-up user", async () => {
      const created = await send("POST", "apiKeys.create", { name: "oracle" }, acmeAdmin);
      expect(created.status).toBe(200);
      const key = { bearer: (created.data as { readonly key: string }).key };
      const about = (subject: string) => ({
        subject,
        action: `${MC}:site.view`,
        resource: { org: "acme", product: MC, instance: "acme-mc-sandbox" },
      });
      const foreign = await send("GET", "authz.check", about(globex.admin), key);
      alike(foreign, await send("GET", "authz.check", about("nobody-at-all"), key), [
        [globex.admin, "nobody-at-all"],
      ]);
      expect(foreign.error?.message).not.toContain("belongs to");
      const onGlobex = { ...about("demo-customeruser"), resource: { org: "globex" } };
      alike(
        await send("GET", "authz.check", onGlobex, key),
        await send("GET", "authz.check", { ...onGlobex, resource: { org: "nowhere-org" } }, key),
        [["globex", "nowhere-org"]],
      );
    });

    it("whatIf.preview answers a foreign grant, scope or instance like a made-up one", async () => {
      const remove = (subject: string, grant: string) => ({ subject, change: { kind: "remove", grant } });
      for (const subject of [globex.admin, "demo-customeruser"])
        alike(
          await send("GET", "whatIf.preview", remove(subject, globex.grant), acmeAdmin),
          await send("GET", "whatIf.preview", remove(subject, "grt_madeup"), acmeAdmin),
          [[globex.grant, "grt_madeup"]],
        );
      const create = (org: string, instance: string) => ({
        subject: "demo-customeruser",
        change: { kind: "create", role: `${MC}:customerUser`, scope: { org, product: MC, instance } },
      });
      alike(
        await send("GET", "whatIf.preview", create("acme", globex.instance), acmeAdmin),
        await send("GET", "whatIf.preview", create("acme", "made-up-mc"), acmeAdmin),
        [[globex.instance, "made-up-mc"]],
      );
      alike(
        await send("GET", "whatIf.preview", create("globex", globex.instance), acmeAdmin),
        await send("GET", "whatIf.preview", create("nowhere-org", "made-up-mc"), acmeAdmin),
        [
          [globex.instance, "made-up-mc"],
          ["globex", "nowhere-org"],
        ],
      );
    });

    it("operations.cancel, get and run answer a foreign operation or instance like a made-up one", async () => {
      const madeUp = "opr_00000000000000000000000000000000";
      alike(
        await send("POST", "operations.cancel", { id: globex.operation }, acmeAdmin),
        await send("POST", "operations.cancel", { id: madeUp }, acmeAdmin),
        [[globex.operation, madeUp]],
      );
      alike(
        await send("GET", "operations.get", { id: globex.operation }, acmeAdmin),
        await send("GET", "operations.get", { id: madeUp }, acmeAdmin),
        [[globex.operation, madeUp]],
      );
      alike(
        await send(
          "POST",
          "operations.run",
          { instance: globex.instance, action: "site.restart" },
          acmeAdmin,
        ),
        await send("POST", "operations.run", { instance: "made-up-mc", action: "site.restart" }, acmeAdmin),
        [[globex.instance, "made-up-mc"]],
      );
    });

    it("missionControl.holders answers a foreign customer or instance like a made-up one", async () => {
      alike(
        await send(
          "GET",
          "missionControl.holders",
          { customer: "acme", instance: globex.instance },
          acmeAdmin,
        ),
        await send("GET", "missionControl.holders", { customer: "acme", instance: "made-up-mc" }, acmeAdmin),
        [[globex.instance, "made-up-mc"]],
      );
      alike(
        await send(
          "GET",
          "missionControl.holders",
          { customer: "globex", instance: globex.instance },
          acmeAdmin,
        ),
        await send(
          "GET",
          "missionControl.holders",
          { customer: "nowhere-org", instance: "made-up-mc" },
          acmeAdmin,
        ),
        [
          [globex.instance, "made-up-mc"],
          ["globex", "nowhere-org"],
        ],
      );
    });

    it("authz.explain about one's own access tells nothing of an organization one does not reach", async () => {
      const user = await signIn("customeruser@acme.example");
      const asked = (org: string) => ({ action: "odp:report.view", resource: { org, product: "odp" } });
      const foreign = await send("GET", "authz.explain", asked("globex"), user);
      expect(foreign.status).toBe(200);
      expect(JSON.stringify(foreign.data)).not.toContain("has not enabled");
      const madeUp = await send("GET", "authz.explain", asked("nowhere-org"), user);
      expect(seen(foreign, [["globex", "nowhere-org"]])).toEqual(seen(madeUp, []));
      expect(await send("GET", "authz.check", asked("globex"), user)).toMatchObject({ data: "deny" });
    });
  });

  describe("mutations about another organization's objects (the builder's boundary)", () => {
    /** acme's objects of each kind, read (or made) by acme's super admin: what globex's super admin aims at. */
    interface Row {
      readonly id: string;
      readonly version: number;
    }
    const first = async (
      path: string,
      input: unknown,
      pick: (rows: Row[]) => Row | undefined = (r) => r[0],
    ) => {
      const answer = await send("GET", path, input, acmeAdmin);
      expect(answer.status, path).toBe(200);
      const data = answer.data as Row[] | { readonly items: Row[] };
      const row = pick(Array.isArray(data) ? data : data.items);
      expect(row, path).toBeDefined();
      return row as Row;
    };
    const made = async (path: string, input: unknown, call: Call = acmeAdmin) => {
      const answer = await send("POST", path, input, call);
      expect(answer.status, path).toBe(200);
      return answer.data as Row & { readonly invited?: ReadonlyArray<{ readonly invitationId: string }> };
    };

    it("answers every stored-object mutation on acme's ids exactly as on made-up ones, and writes nothing", async () => {
      const attacker = await signIn(globex.adminEmail);
      const grant = await first("grants.list", { org: "acme" });
      const groups = (await send("GET", "groups.list", { org: "acme" }, acmeAdmin)).data as Array<
        Row & { readonly kind: string }
      >;
      const managed = groups.find((g) => g.kind !== "custom") as Row;
      const custom = await made("groups.create", { org: "acme", name: "Foreign target" });
      const role = await made("roles.createCustom", {
        product: "cms",
        instance: "acme-cms",
        roleName: "Foreign target",
        permissions: ["cms:content.edit"],
      });
      const instance = await first("instances.list", { org: "acme", product: "mission-control" });
      const project = await first("projects.list", { org: "acme", instance: "acme-exp" });
      const environment = await first("projects.environments.list", { project: project.id });
      const flag = await first("flags.list", { project: project.id });
      const invited = await made("users.invite", {
        org: "acme",
        emails: ["foreign-target@acme.example"],
        language: "en",
        grants: [
          { role: "cms:content-editors", scope: { org: "acme", product: "cms", instance: "acme-cms" } },
        ],
      });
      const invitation = invited.invited?.[0]?.invitationId ?? "";
      const key = await made("apiKeys.create", { name: "foreign target" });
      const partner = await signIn("partneruser@agency.example");
      const request = await made(
        "accessRequests.request",
        { customerOrg: "acme", role: "mission-control:partnerUser", path: "direct" },
        partner,
      );
      const auditRows = async () =>
        ((await send("GET", "audit.list", { org: "acme", limit: 1 }, acmeAdmin)).data as { items: Row[] })
          .items[0]?.id;
      const lastAudit = await auditRows();

      const byId: ReadonlyArray<readonly [string, (id: string, version: number) => unknown, Row, string]> = [
        ["grants.update", (id, version) => ({ id, version, expiresAt: null }), grant, "grt_madeup"],
        ["grants.remove", (id, version) => ({ id, version }), grant, "grt_madeup"],
        ["groups.rename", (id, version) => ({ id, version, name: "Taken" }), custom, "grp_madeup"],
        ["groups.rename", (id, version) => ({ id, version, name: "Taken" }), managed, "grp_madeup"],
        ["groups.remove", (id, version) => ({ id, version }), managed, "grp_madeup"],
        ["groups.addMember", (groupId) => ({ groupId, userId: globex.admin }), custom, "grp_madeup"],
        ["groups.removeMember", (groupId) => ({ groupId, userId: "demo-admin" }), custom, "grp_madeup"],
        ["roles.updateCustom", (id, version) => ({ id, version, name: "Taken" }), role, "cms:custom_madeup"],
        ["roles.deleteCustom", (id) => ({ id, version: 99 }), role, "cms:custom_madeup"],
        ["instances.rename", (id) => ({ id, version: 99, name: "Taken" }), instance, "ins_madeup"],
        ["instances.remove", (id, version) => ({ id, version }), instance, "ins_madeup"],
        ["projects.rename", (id) => ({ id, version: 99, name: "Taken" }), project, "prj_madeup"],
        ["projects.remove", (id, version) => ({ id, version }), project, "prj_madeup"],
        ["environments.create", (p) => ({ project: p, key: "taken", name: "Taken" }), project, "prj_madeup"],
        ["flags.create", (p) => ({ project: p, key: "taken", name: "Taken" }), project, "prj_madeup"],
        ["environments.update", (id) => ({ id, version: 99, name: "Taken" }), environment, "env_madeup"],
        ["environments.remove", (id, version) => ({ id, version }), environment, "env_madeup"],
        ["flags.setStatus", (id) => ({ id, version: 99, status: "running" }), flag, "flg_madeup"],
        ["flags.toggle", (id) => ({ id, environment: "env_madeup", enabled: true }), flag, "flg_madeup"],
        ["invitations.resend", (id) => ({ id }), { id: invitation, version: 1 }, "inv_madeup"],
        ["invitations.revoke", (id) => ({ id }), { id: invitation, version: 1 }, "inv_madeup"],
        ["apiKeys.revoke", (id) => ({ id }), key, "key_madeup"],
        ["accessRequests.decide", (id) => ({ id, approve: true }), request, "acr_madeup"],
        ["accessRequests.cancel", (id) => ({ id }), request, "acr_madeup"],
      ];
      for (const [path, input, row, madeUp] of byId) {
        const foreign = await send("POST", path, input(row.id, row.version), attacker);
        alike(foreign, await send("POST", path, input(madeUp, 1), attacker), [[row.id, madeUp]]);
        expect(foreign.error?.data.code, path).toBe("NOT_FOUND");
      }

      const inOrg = (org: string) => ({ org, product: "cms", instance: "acme-cms" });
      const byOrg: ReadonlyArray<readonly [string, (org: string) => unknown]> = [
        ["groups.create", (org) => ({ org, name: "Taken" })],
        ["instances.create", (org) => ({ org, product: "cms", name: "Taken" })],
        ["projects.create", (org) => ({ org, instance: "acme-exp", name: "Taken", platform: "web" })],
        [
          "users.invite",
          (org) => ({
            org,
            emails: ["x@globex.example"],
            language: "en",
            grants: [{ role: "cms:content-editors", scope: inOrg(org) }],
          }),
        ],
        ["users.removeAccess", (org) => ({ userId: "demo-customeruser", scope: inOrg(org) })],
      ];
      for (const [path, input] of byOrg) {
        const foreign = await send("POST", path, input("acme"), attacker);
        alike(foreign, await send("POST", path, input("nowhere-org"), attacker), [["acme", "nowhere-org"]]);
        expect(foreign.error?.data.code, path).toBe("NOT_FOUND");
      }
      expect(await auditRows()).toBe(lastAudit);
    }, 120_000);
  });
});
