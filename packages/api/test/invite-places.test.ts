// An invitation's places are checked before anything is written: an unknown product, instance or project is a
// BAD_REQUEST naming it and what to do (not the database's foreign-key failure), and `may` says so beforehand.
import { describe, expect, it } from "vitest";
import { type Call, demoApi } from "./support/demo-api.ts";
import { provisionGlobex } from "./support/second-org.ts";

const api = demoApi();
const { send, signIn, auditCount, rows } = api;

const invite = (call: Call, email: string, role: string, scope: object) =>
  send(
    "POST",
    "users.invite",
    { org: "acme", emails: [email], language: "en", grants: [{ role, scope }] },
    call,
  );
const may = (call: Call, email: string, role: string, scope: object) =>
  send(
    "GET",
    "may",
    {
      procedure: "users.invite",
      input: { org: "acme", emails: [email], language: "en", grants: [{ role, scope }] },
    },
    call,
  ).then((answer) => answer.data);
const messageOf = (answer: { readonly error?: unknown }) => (answer.error as { message: string }).message;

describe("invitation places", () => {
  it("an unknown instance, project or product is refused by name, nothing written, and may tells it first", async () => {
    const admin = await signIn("admin@acme.example");
    const cases = [
      {
        scope: { org: "acme", product: "cms", instance: "nope-cms" },
        words: 'grants.scope.instance: no CMS instance "nope-cms" in this organization',
      },
      {
        scope: { org: "acme", product: "experimentation", instance: "acme-exp", project: "nope" },
        words: 'grants.scope.project: no project "nope" in the instance "acme-exp"',
      },
      { scope: { org: "acme", product: "nope" }, words: 'grants.scope.product: no product "nope"' },
    ];
    for (const { scope, words } of cases) {
      const role = scope.product === "experimentation" ? "experimentation:editor" : "cms:content-editors";
      const before = await auditCount();
      const answer = await invite(admin, "placed@acme.example", role, scope);
      expect(answer.status).toBe(400);
      expect(messageOf(answer)).toContain(words);
      expect(await auditCount()).toBe(before);
      await expect(may(admin, "placed@acme.example", role, scope)).resolves.toMatchObject({
        allowed: false,
        code: "BAD_REQUEST",
        reason: expect.stringContaining(words),
      });
    }
    expect(await rows("select id from users where email = 'placed@acme.example'")).toEqual([]);
  });

  it("another organization's instance answers exactly as a made-up one", async () => {
    await provisionGlobex(api, "demo-partnerdev");
    const admin = await signIn("admin@acme.example");
    const foreign = await invite(admin, "placed@acme.example", "mission-control:customerUser", {
      org: "acme",
      product: "mission-control",
      instance: "globex-mc",
    });
    const madeUp = await invite(admin, "placed@acme.example", "mission-control:customerUser", {
      org: "acme",
      product: "mission-control",
      instance: "made-up-mc",
    });
    expect(foreign.status).toBe(400);
    expect(madeUp.status).toBe(400);
    expect(messageOf(foreign).replace("globex-mc", "X")).toBe(messageOf(madeUp).replace("made-up-mc", "X"));
  });
});
