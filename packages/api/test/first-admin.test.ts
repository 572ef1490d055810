// The operator gives a newly provisioned organization its first super admin (audited as the operator, the link
// once); nobody else may, and not while the organization has a super admin (nothing written then).
import { EngineSync } from "@gatehouse/store";
import { Effect } from "effect";
import { describe, expect, it } from "vitest";
import { demoApi } from "./support/demo-api.ts";

const { send, signIn, rows, auditCount, runtime } = demoApi();

const boss = { org: "globex", email: "boss@globex.example", name: "Gloria Boss" };

describe("organizations.inviteFirstAdmin", () => {
  it("the operator invites the first super admin of a new organization, once", async () => {
    const operator = await signIn("operator@gatehouse.example");
    const globex = { id: "globex", name: "Globex", kind: "customer", products: ["cms"] };
    expect((await send("POST", "organizations.create", globex, operator)).status).toBe(200);

    const admin = await signIn("admin@acme.example");
    const audits = await auditCount();
    const refused = await send("POST", "organizations.inviteFirstAdmin", boss, admin);
    expect(refused.status).toBe(403);
    const taken = await send(
      "POST",
      "organizations.inviteFirstAdmin",
      { org: "acme", email: "second@acme.example", name: "Second" },
      operator,
    );
    expect(taken.status).toBe(409);
    const missing = await send(
      "POST",
      "organizations.inviteFirstAdmin",
      { ...boss, org: "nowhere" },
      operator,
    );
    expect(missing.status).toBe(404);
    expect(await auditCount()).toBe(audits);
    expect(
      await rows("select id from users where email in ('boss@globex.example', 'second@acme.example')"),
    ).toEqual([]);

    const invited = await send("POST", "organizations.inviteFirstAdmin", boss, operator);
    expect(invited.status).toBe(200);
    const { acceptUrl, user } = invited.data as { acceptUrl: string; user: { id: string; org: string } };
    expect(user.org).toBe("globex");
    expect(
      await rows(
        "select actor_kind, actor_id, action from audit_log where org = 'globex' and action = 'user.invite'",
      ),
    ).toEqual([{ actor_kind: "operator", actor_id: "op-demo", action: "user.invite" }]);
    // While that invitation is pending, a second one is refused.
    const again = await send(
      "POST",
      "organizations.inviteFirstAdmin",
      { org: "globex", email: "other@globex.example", name: "Other" },
      operator,
    );
    expect(again.status).toBe(409);

    const token = new URL(acceptUrl, "http://localhost").searchParams.get("token");
    const accepted = await send("POST", "invitations.accept", { token, password: "a-long-password-1" }, {});
    expect(accepted.status).toBe(200);
    const login = await send("POST", "auth.login", { email: boss.email, password: "a-long-password-1" }, {});
    expect(login.status).toBe(200);
    const engine = (await runtime.runPromise(Effect.service(EngineSync))).engine;
    expect(engine.allows(user.id, "admin-center:group.manage", { org: "globex" })).toBe(true);
    expect(engine.allows(user.id, "admin-center:group.manage", { org: "acme" })).toBe(false);
  });
});
