// Deactivating and reactivating an account (users.deactivate / users.reactivate) on both backends: who may, what
// is refused (nothing changed), and what deactivation ends at once: sign-in, sessions, API keys and every right.
import { ApiKeys, EngineSync, Mutations, Users } from "@gatehouse/store";
import { Effect } from "effect";
import { describe, expect, it } from "vitest";
import { type Call, demoApi } from "./support/demo-api.ts";

const cms = { org: "acme", product: "cms", instance: "acme-cms" };
const USER_VIEW = "admin-center:user.view";
const DEACTIVATED = "This account is deactivated: ask an administrator of your organization to reactivate it";

const suite = (backend: "pglite" | "postgres") =>
  describe(`users.deactivate and users.reactivate (${backend})`, () => {
    const { send, signIn, rows, auditCount, runtime } = demoApi(backend);
    const engine = async () => (await runtime.runPromise(Effect.service(EngineSync))).engine;
    const me = (call: Call) => send("GET", "auth.me", undefined, call);
    const login = (email: string, password = "gatehouse-demo") =>
      send("POST", "auth.login", { email, password }, {});
    const status = async (id: string) =>
      (await rows<{ status: string }>(`select status from users where id = '${id}'`))[0]?.status;
    const until = async (condition: () => Promise<boolean>) => {
      for (let i = 0; i < 100 && !(await condition()); i++) await new Promise((r) => setTimeout(r, 20));
      return condition();
    };

    it("a super admin deactivates: sign-in refused, session and rights end at once; reactivating restores them", async () => {
      const admin = await signIn("admin@acme.example");
      const user = await signIn("instance-admin@acme.example");
      expect((await engine()).allows("demo-instance-admin", USER_VIEW, cms)).toBe(true);
      const grants = await rows(
        `select id from grants where subject_user = 'demo-instance-admin' order by id`,
      );

      const done = await send("POST", "users.deactivate", { userId: "demo-instance-admin" }, admin);
      expect(done.status).toBe(200);
      expect(done.data).toMatchObject({ user: { id: "demo-instance-admin", status: "deactivated" } });
      expect((await me(user)).status).toBe(401);
      const why = (await engine()).explain("demo-instance-admin", USER_VIEW, cms);
      expect(why.decision).toBe("deny");
      expect(why.reason).toContain("deactivated");
      // The right password is told the account is deactivated; a wrong one what any wrong password is told.
      const refused = await login("instance-admin@acme.example");
      expect([refused.status, refused.error?.message]).toEqual([401, DEACTIVATED]);
      const wrong = await login("instance-admin@acme.example", "not-the-password");
      expect([wrong.status, wrong.error?.message]).toEqual([401, "Wrong email or password"]);
      expect(
        await rows(`select id from grants where subject_user = 'demo-instance-admin' order by id`),
      ).toEqual(grants);
      const details = await send(
        "GET",
        "users.get",
        { id: "demo-instance-admin", context: { org: "acme" } },
        admin,
      );
      expect(details.data).toMatchObject({
        user: { status: "deactivated" },
        deactivation: { by: { id: "demo-admin", name: "Ada Admin" } },
      });

      const again = await send("POST", "users.reactivate", { userId: "demo-instance-admin" }, admin);
      expect(again.status).toBe(200);
      expect((await engine()).allows("demo-instance-admin", USER_VIEW, cms)).toBe(true);
      expect((await login("instance-admin@acme.example")).status).toBe(200);
      const audit = await rows<{ action: string }>(
        `select action from audit_log where target_id = 'demo-instance-admin' and action like 'user.%' order by id`,
      );
      expect(audit.map((a) => a.action)).toEqual(["user.deactivate", "user.reactivate"]);
    });

    it("ends the API keys the account created, here at once and elsewhere by notice, until it is reactivated", async () => {
      const admin = await signIn("admin@acme.example");
      const superAdmin = {
        subject: { kind: "user", id: "demo-customeradmin" },
        role: "admin-center:super-admin",
      };
      expect(
        (await send("POST", "grants.create", { ...superAdmin, scope: { org: "acme" } }, admin)).status,
      ).toBe(200);
      const creator = await signIn("customeradmin@acme.example");
      const made = await send("POST", "apiKeys.create", { name: "Creator's backend" }, creator);
      const { key } = made.data as { key: string };
      const bearer = { bearer: key };
      expect((await me(bearer)).status).toBe(200);
      expect((await send("POST", "users.deactivate", { userId: "demo-customeradmin" }, admin)).status).toBe(
        200,
      );
      expect((await me(bearer)).status).toBe(401);
      expect((await send("POST", "users.reactivate", { userId: "demo-customeradmin" }, admin)).status).toBe(
        200,
      );
      expect((await me(bearer)).status).toBe(200);

      // What another API process does: the audited store write; this process hears of it by notice.
      await runtime.runPromise(
        Effect.gen(function* () {
          const user = yield* (yield* Users).get("demo-customeradmin");
          yield* (yield* Mutations).mutate({
            actor: { kind: "user", id: "demo-admin" },
            org: "acme",
            action: "user.deactivate",
            target: { kind: "user", id: user.id },
            run: Effect.gen(function* () {
              const written = yield* (yield* Users).deactivate(user.id, user.version, "demo-admin");
              yield* (yield* ApiKeys).forgetCreatedBy(user.id);
              return written;
            }),
          });
        }),
      );
      expect(await until(async () => (await me(bearer)).status === 401)).toBe(true);
      expect(await until(async () => (await engine()).isDeactivated("demo-customeradmin"))).toBe(true);
    });

    it("refuses other admins, oneself, another organization's user like a made-up one, and bad input; nothing changes", async () => {
      const admin = await signIn("admin@acme.example");
      const productAdmin = await signIn("product-admin@acme.example");
      const audits = await auditCount();
      const refused = await send("POST", "users.deactivate", { userId: "demo-exp-editor" }, productAdmin);
      expect(refused.status).toBe(403);
      expect(refused.error?.message).toContain("admin-center:user.deactivate");
      const self = await send("POST", "users.deactivate", { userId: "demo-admin" }, admin);
      expect([self.status, self.error?.message]).toEqual([
        403,
        "You cannot deactivate your own account: another super admin of the organization can",
      ]);
      const partner = await send("POST", "users.deactivate", { userId: "demo-partneruser" }, admin);
      const madeUp = await send("POST", "users.deactivate", { userId: "demo-nobody" }, admin);
      expect(partner.status).toBe(404);
      expect(partner.error?.message).toBe(madeUp.error?.message.replace("demo-nobody", "demo-partneruser"));
      const bad = await send("POST", "users.deactivate", { userId: "" }, admin);
      expect(bad.status).toBe(400);
      expect(bad.error?.message).toContain("userId");
      const active = await send("POST", "users.reactivate", { userId: "demo-exp-editor" }, admin);
      expect([active.status, active.error?.message]).toEqual([
        409,
        "exp-editor@acme.example is active already",
      ]);
      expect(await auditCount()).toBe(audits);
      expect(await status("demo-exp-editor")).toBe("active");
      expect(await status("demo-partneruser")).toBe("active");
      expect((await me(admin)).status).toBe(200);
    });

    it("shows a deactivated account as such in the user list and among Mission Control's holders", async () => {
      const admin = await signIn("admin@acme.example");
      expect((await send("POST", "users.deactivate", { userId: "demo-customeruser" }, admin)).status).toBe(
        200,
      );
      const list = await send("GET", "users.list", { org: "acme", search: "customeruser" }, admin);
      expect((list.data as { items: Array<{ status: string }> }).items.map((u) => u.status)).toEqual([
        "deactivated",
      ]);
      const holders = await send(
        "GET",
        "missionControl.holders",
        { customer: "acme", instance: "acme-mc-production" },
        admin,
      );
      expect(holders.data).toEqual(
        expect.arrayContaining([expect.objectContaining({ user: "demo-customeruser", deactivated: true })]),
      );
    });

    it("removes a deactivated account from the account like any other, never undoing its deactivation", async () => {
      const admin = await signIn("admin@acme.example");
      expect((await send("POST", "users.deactivate", { userId: "demo-exp-flag-none" }, admin)).status).toBe(
        200,
      );
      expect(
        (await send("POST", "users.removeFromAccount", { userId: "demo-exp-flag-none" }, admin)).status,
      ).toBe(200);
      expect(await status("demo-exp-flag-none")).toBe("disabled");
      // A removed account counts for nothing, as a deactivated one does: removing it never turns its grants back on.
      expect((await engine()).isDeactivated("demo-exp-flag-none")).toBe(true);
      const again = await send("POST", "users.reactivate", { userId: "demo-exp-flag-none" }, admin);
      expect([again.status, again.error?.message]).toEqual([
        409,
        "exp-flag-none@acme.example was removed from the account: invite it again instead",
      ]);
    });

    it("a request that began before the deactivation may finish; none after its answer is served", async () => {
      const admin = await signIn("admin@acme.example");
      const user = await signIn("exp-viewer@acme.example");
      const during = Array.from({ length: 8 }, () => me(user));
      const done = send("POST", "users.deactivate", { userId: "demo-exp-viewer" }, admin);
      const racing = Array.from({ length: 8 }, () => me(user));
      const answers = await Promise.all([...during, ...racing]);
      for (const answer of answers) expect([200, 401]).toContain(answer.status);
      expect((await done).status).toBe(200);
      const after = await Promise.all(Array.from({ length: 8 }, () => me(user)));
      expect(after.map((a) => a.status)).toEqual(Array(8).fill(401));
      expect(
        (await engine()).whatCan("demo-exp-viewer", { org: "acme", product: "experimentation" }),
      ).toEqual([]);
    });
  });

suite("pglite");
suite("postgres");
