// A partner's user its own organization removes from the account counts for nothing anywhere, on both backends:
// its customer grants go with it (audited there), no decision allows it (engine, /v1, snapshot), its scheduled
// operations never run, removing never undoes a deactivation, and its organization can invite it again.
import { EngineSync, Grants, hashPassword, Mutations, type OperationRecord, Users } from "@gatehouse/store";
import { Effect } from "effect";
import { beforeAll, describe, expect, it } from "vitest";
import { type RunStore, SimulatedExecutor, setOperationExecutor } from "../src/mission-control/executor.ts";
import { HELD_ELSEWHERE } from "../src/routers/invitation-rights.ts";
import { type Call, demoApi } from "./support/demo-api.ts";
import { v1Request } from "./support/v1-request.ts";

/** The simulated executor, except that while `holding` it keeps what it is given until the test releases it. */
class HoldingExecutor extends SimulatedExecutor {
  holding = false;
  private readonly held: Array<readonly [OperationRecord, RunStore]> = [];
  override submit(operation: OperationRecord, run: RunStore): void {
    if (this.holding) this.held.push([operation, run]);
    else super.submit(operation, run);
  }
  release(): void {
    for (const [operation, run] of this.held.splice(0)) super.submit(operation, run);
  }
}

const executor = new HoldingExecutor({ timeScale: 0.001, failureRate: 0 });
setOperationExecutor(executor);

const MC = "mission-control";
const sandbox = { org: "acme", product: MC, instance: "acme-mc-sandbox" };
const SYNC = `${MC}:database.sync`;
const atAgency = { role: `${MC}:partnerUser`, scope: { org: "agency", product: MC } };

const suite = (backend: "pglite" | "postgres") =>
  describe(`a partner user removed from its account (${backend})`, () => {
    const api = demoApi(backend);
    const { send, signIn, rows, runtime } = api;
    const engine = async () => (await runtime.runPromise(Effect.service(EngineSync))).engine;
    let boss: Call;
    let admin: Call;
    let key: Call;

    // agency's super admin, provisioned as the operator would (one audited write the engine applied).
    beforeAll(async () => {
      const passwordHash = await runtime.runPromise(hashPassword("gatehouse-demo"));
      await runtime.runPromise(
        Effect.gen(function* () {
          const mutated = yield* (yield* Mutations).mutate({
            actor: { kind: "operator", id: "test-operator" },
            org: "agency",
            action: "test.first-admin",
            target: { kind: "organization", id: "agency" },
            run: Effect.gen(function* () {
              const user = yield* (yield* Users).create({
                id: "agency-boss",
                org: "agency",
                email: "boss@agency.example",
                name: "Agency Boss",
                status: "active",
                passwordHash,
              });
              const grant = yield* (yield* Grants).create({
                subject: { kind: "user", id: user.value.id },
                role: "admin-center:super-admin",
                scope: { org: "agency" },
              });
              return { ...grant, changes: [...user.changes, ...grant.changes] };
            }),
          });
          yield* (yield* EngineSync).awaitApplied(mutated.auditId);
        }),
      );
      boss = await signIn("boss@agency.example");
      admin = await signIn("admin@acme.example");
      const created = await send("POST", "apiKeys.create", { name: "Acme backend" }, admin);
      expect(created.status).toBe(200);
      key = { bearer: (created.data as { key: string }).key };
    }, 120_000);

    /** boss@agency invites `email` (partnerUser at agency), it accepts, and acme gives it partnerDev on the sandbox. */
    const partnerInAcme = async (email: string) => {
      const invited = await send(
        "POST",
        "users.invite",
        { org: "agency", emails: [email], language: "en", grants: [atAgency] },
        boss,
      );
      expect(invited.status).toBe(200);
      const [one] = (invited.data as { invited: Array<{ acceptUrl: string; user: { id: string } }> }).invited;
      const token = new URL(one?.acceptUrl ?? "", "http://localhost").searchParams.get("token");
      const accepted = await send("POST", "invitations.accept", { token, password: "gatehouse-demo" }, {});
      expect(accepted.status).toBe(200);
      const id = one?.user.id ?? "";
      await giveInAcme(id, 200);
      return id;
    };

    /** admin@acme gives `id` partnerDev on the sandbox; answers `status`. */
    const giveInAcme = async (id: string, status: number) => {
      const given = await send(
        "POST",
        "grants.create",
        { subject: { kind: "user", id }, role: `${MC}:partnerDev`, scope: sandbox },
        admin,
      );
      expect(given.status).toBe(status);
    };

    const checkAsAcme = async (id: string) =>
      (await send("GET", "authz.check", { subject: id, action: SYNC, resource: sandbox }, admin)).data;
    const v1Check = async (id: string) =>
      (await v1Request(api.app(), "/v1/check", { subject: id, action: SYNC, resource: sandbox }, key)).body;
    /** The user row acme's decision point is sent for `id`, if any. */
    const snapshotRow = async (id: string) => {
      const res = await api
        .app()
        .request("http://localhost/v1/snapshot", { headers: { authorization: `Bearer ${key.bearer}` } });
      expect(res.status).toBe(200);
      const text = await res.text();
      const rowsSent = text.match(/\{"type":"user"[^{}]*\}/g) ?? [];
      return rowsSent
        .map((r) => JSON.parse(r) as { id: string; deactivated: boolean })
        .find((r) => r.id === id);
    };
    const remove = (id: string) => send("POST", "users.removeFromAccount", { userId: id }, boss);

    it("its customer grants go with it, audited in the customer, named to nobody else; nothing allows it", async () => {
      const id = await partnerInAcme("pz@agency.example");
      expect([await checkAsAcme(id), await v1Check(id)]).toEqual(["allow", { decision: "allow" }]);

      const removed = await remove(id);
      expect(removed.status).toBe(200);
      expect(JSON.stringify(removed.data)).not.toContain("acme");
      expect(await rows(`select id from grants where subject_user = '${id}'`)).toEqual([]);
      expect(
        await rows(`select org, action, actor_id from audit_log where target_id = '${id}' and org = 'acme'
                    and action like 'user.%'`),
      ).toEqual([{ org: "acme", action: "user.removed-by-home", actor_id: "agency-boss" }]);
      // Acme's audit tells it what went, and why.
      const audit = await send(
        "GET",
        "audit.list",
        { org: "acme", action: "user.removed-by-home", targetId: id },
        admin,
      );
      expect(
        (audit.data as { items: Array<{ actionName: string; before: unknown }> }).items.map((e) => [
          e.actionName,
          (e.before as Array<{ role: string }>).map((g) => g.role),
        ]),
      ).toEqual([["Removed by its own organization, with its roles here", [`${MC}:partnerDev`]]]);
      expect((await engine()).allows(id, SYNC, sandbox)).toBe(false);
      // Holding nothing in acme any more, it is unknown there, as a made-up subject is.
      const unknown = `Unknown subject "${id}"`;
      const trpc = await send("GET", "authz.check", { subject: id, action: SYNC, resource: sandbox }, admin);
      expect([trpc.status, trpc.error?.message]).toEqual([400, unknown]);
      expect(await v1Check(id)).toEqual({ error: { code: "BAD_REQUEST", message: unknown } });
      const holders = await send("GET", "missionControl.partnerHolders", { customer: "acme" }, admin);
      expect((holders.data as Array<{ user: { id: string } }>).map((h) => h.user.id)).not.toContain(id);
    });

    it("a customer may give it no role afterwards, and it counts for nothing, there and in the snapshot; a deactivation is never undone", async () => {
      const removedFirst = await partnerInAcme("py@agency.example");
      expect((await remove(removedFirst)).status).toBe(200);
      const deactivatedFirst = await partnerInAcme("pw@agency.example");
      expect((await send("POST", "users.deactivate", { userId: deactivatedFirst }, boss)).status).toBe(200);
      expect(await checkAsAcme(deactivatedFirst)).toBe("deny");
      expect((await remove(deactivatedFirst)).status).toBe(200);

      for (const id of [removedFirst, deactivatedFirst]) {
        await giveInAcme(id, 409);
        expect((await engine()).allows(id, SYNC, sandbox), id).toBe(false);
        // Holding nothing in acme now, it is no one acme may ask about: as a made-up id.
        expect(await checkAsAcme(id), id).toBeUndefined();
        expect(await snapshotRow(id), id).toBeUndefined();
        const why = (await engine()).explain(id, SYNC, sandbox);
        expect(why.reason).toContain("removed from its organization");
      }
      // The customer no longer lists it among the partners holding access.
      const holders = await send("GET", "missionControl.partnerHolders", { customer: "acme" }, admin);
      expect(
        (holders.data as Array<{ user: { id: string }; removed: boolean }>).filter(
          (h) => h.user.id === removedFirst,
        ),
      ).toEqual([]);
    });

    it("its scheduled operation never runs, as a deactivated requester's", async () => {
      const id = await partnerInAcme("pv@agency.example");
      const partner = await signIn("pv@agency.example");
      executor.holding = true;
      const ran = await send(
        "POST",
        "operations.run",
        {
          instance: "acme-mc-sandbox",
          action: "site.restart",
          scheduledFor: new Date(Date.now() + 3000).toISOString(),
        },
        partner,
      );
      executor.holding = false;
      expect(ran.status).toBe(200);
      const op = (ran.data as { operation: { id: string } }).operation.id;
      expect((await remove(id)).status).toBe(200);
      executor.release();
      let status = "";
      for (let i = 0; i < 400 && !["completed", "failed", "cancelled"].includes(status); i++) {
        await new Promise((resolve) => setTimeout(resolve, 25));
        status =
          (await rows<{ status: string }>(`select status from operations where id = '${op}'`))[0]?.status ??
          "";
      }
      expect(status).toBe("cancelled");
      expect(await rows(`select started_at from operations where id = '${op}'`)).toEqual([
        { started_at: null },
      ]);
    });

    it("its organization invites it again; held roles elsewhere refuse a resend in words naming no organization, may alike", async () => {
      const id = await partnerInAcme("pu@agency.example");
      expect((await remove(id)).status).toBe(200);
      const input = { org: "agency", emails: ["pu@agency.example"], language: "en", grants: [atAgency] };
      const preview = { org: "agency", email: "pu@agency.example", grants: [atAgency] };
      const whatIf = await send("GET", "whatIf.invite", preview, boss);
      expect([whatIf.status, (whatIf.data as { outcome: string }).outcome]).toEqual([200, "invited"]);
      const again = await send("POST", "users.invite", input, boss);
      expect(again.status).toBe(200);
      expect(await rows(`select status from users where id = '${id}'`)).toEqual([{ status: "invited" }]);

      // Given a customer role before it accepts: resending its invitation is refused, naming nothing of acme.
      await giveInAcme(id, 200);
      const invitation = (again.data as { invited: Array<{ invitationId: string }> }).invited[0]
        ?.invitationId;
      const [row] = await rows<{ version: number }>(
        `select version from invitations where id = '${invitation}'`,
      );
      const resend = { id: invitation, version: row?.version };
      const refused = await send("POST", "invitations.resend", resend, boss);
      expect([refused.status, refused.error?.message]).toEqual([409, HELD_ELSEWHERE]);
      const may = await send("GET", "may", { procedure: "invitations.resend", input: resend }, boss);
      expect(may.data).toMatchObject({ allowed: false });
      expect(JSON.stringify([refused.error, may.data])).not.toContain("acme");
      // Taken out again, it takes no role from the customer meanwhile.
      expect((await remove(id)).status).toBe(200);
      await giveInAcme(id, 409);
    });
  });

suite("pglite");
suite("postgres");
