// Another organization's ids answer exactly like made-up ones (issue 10, findings 7 and 9): asking about globex's
// users, grants, instances and operations from acme tells nothing that a made-up id would not. PGlite and PostgreSQL.
import { beforeAll, describe, expect, it } from "vitest";
import { type Answer, type Call, demoApi } from "./support/demo-api.ts";
import { type Globex, provisionGlobex } from "./support/second-org.ts";

const MC = "mission-control";
const PARTNER = "demo-partneruser";

type Swaps = ReadonlyArray<readonly [string, string]>;

/** Everything a caller sees of an answer, each real id written as its made-up counterpart. */
const seen = (answer: Answer, swaps: Swaps) => {
  const swap = (text: string | undefined) =>
    swaps.reduce((t, [id, madeUp]) => t?.replaceAll(id, madeUp), text);
  return {
    status: answer.status,
    code: answer.error?.data.code,
    message: swap(answer.error?.message),
    data: swap(JSON.stringify(answer.data)),
  };
};

/** A refusal about a real foreign id equals the one about a made-up id, the ids substituted. */
const alike = (foreign: Answer, madeUp: Answer, swaps: Swaps) => {
  expect(seen(foreign, swaps)).toEqual(seen(madeUp, []));
  expect(foreign.status).toBeGreaterThanOrEqual(400);
};

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
});
