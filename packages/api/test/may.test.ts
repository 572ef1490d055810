// `may` answers what calling the mutation would answer, without writing: the button asks the server's question.
// "Remove from account" (users.removeFromAccount) asks the account-wide action, not `user.delete` at a project.
import { EngineSync } from "@gatehouse/store";
import { Effect } from "effect";
import { describe, expect, it } from "vitest";
import { type Call, demoApi } from "./support/demo-api.ts";

const { send, signIn, rows, auditCount, runtime } = demoApi();

const engine = async () => (await runtime.runPromise(Effect.service(EngineSync))).engine;
const may = (call: Call, procedure: string, input: unknown) =>
  send("GET", "may", { procedure, input }, call).then((answer) => answer.data);
const grantsOf = (userId: string) => rows(`select id from grants where subject_user = '${userId}'`);
const checkout = { org: "acme", product: "experimentation", instance: "acme-exp", project: "acme-checkout" };

describe("may", () => {
  it("refuses the project owner's Remove from account as the call does, which user.delete at its project allowed", async () => {
    const owner = await signIn("project-owner@acme.example");
    // The question the app used to ask says yes...
    expect((await engine()).allows("demo-exp-project-owner", "admin-center:user.delete", checkout)).toBe(
      true,
    );
    // ...but the call refuses (an account-wide change is a super admin's), and `may` says so with the call's words.
    const input = { userId: "demo-exp-editor" };
    const answer = await may(owner, "users.removeFromAccount", input);
    const call = await send("POST", "users.removeFromAccount", input, owner);
    expect(call.status).toBe(403);
    expect(answer).toEqual({ allowed: false, code: "FORBIDDEN", reason: call.error?.message });
    // Its own account, to anyone: refused with the same words as the call.
    const admin = await signIn("admin@acme.example");
    const self = await may(admin, "users.removeFromAccount", { userId: "demo-admin" });
    const selfCall = await send("POST", "users.removeFromAccount", { userId: "demo-admin" }, admin);
    expect(self).toEqual({ allowed: false, code: "FORBIDDEN", reason: selfCall.error?.message });
  });

  it("allows what the call allows, and writes nothing", async () => {
    const admin = await signIn("admin@acme.example");
    const owner = await signIn("project-owner@acme.example");
    const audits = await auditCount();
    const before = await grantsOf("demo-exp-editor");
    expect(await may(admin, "users.removeFromAccount", { userId: "demo-exp-editor" })).toEqual({
      allowed: true,
    });
    expect(await may(owner, "users.removeAccess", { userId: "demo-exp-editor", scope: checkout })).toEqual({
      allowed: true,
    });
    expect(await auditCount()).toBe(audits);
    expect(await grantsOf("demo-exp-editor")).toEqual(before);
  });

  it("answers bad input, another organization's ids and made-up ones as the call does", async () => {
    const admin = await signIn("admin@acme.example");
    const badInput = await may(admin, "users.removeFromAccount", { userId: 7 });
    expect(badInput).toMatchObject({ allowed: false, code: "BAD_REQUEST" });
    const foreign = await may(admin, "grants.remove", { id: "made-up-grant", version: 1 });
    const call = await send("POST", "grants.remove", { id: "made-up-grant", version: 1 }, admin);
    expect(foreign).toEqual({ allowed: false, code: call.error?.data.code, reason: call.error?.message });
    expect(call.status).toBe(404);
  });

  it("rehearses mutations only", async () => {
    const admin = await signIn("admin@acme.example");
    const answer = await send("GET", "may", { procedure: "users.list", input: { org: "acme" } }, admin);
    expect(answer.status).toBe(400);
    expect(answer.error?.message).toBe('procedure: "users.list" is no mutation');
    expect((await send("GET", "may", { procedure: "may", input: {} }, admin)).status).toBe(400);
  });
});
