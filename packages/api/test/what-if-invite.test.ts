// The invite form's what-if (whatIf.invite) through app.request over a demo database (PGlite): what a new person
// or an existing account would gain from an invitation's grants, each gain once; asked as users.invite asks.
import { describe, expect, it } from "vitest";
import { type Call, demoApi } from "./support/demo-api.ts";

const { send, signIn, auditCount } = demoApi();

const cms = { org: "acme", product: "cms", instance: "acme-cms" };
const checkout = { org: "acme", product: "experimentation", instance: "acme-exp", project: "acme-checkout" };
const EDITOR = "cms:content-editors";

interface Preview {
  readonly outcome: "invited" | "added";
  readonly scopes: ReadonlyArray<{
    readonly scope: Record<string, string>;
    readonly gained: ReadonlyArray<{ readonly id: string; readonly label: string }>;
    readonly lost: ReadonlyArray<unknown>;
  }>;
}

const preview = async (
  call: Call,
  email: string,
  grants: ReadonlyArray<{ role: string; scope: object }>,
  org = "acme",
) => {
  const answer = await send("GET", "whatIf.invite", { org, email, grants }, call);
  return { status: answer.status, message: answer.error?.message, data: answer.data as Preview };
};
const ids = (p: Preview) =>
  p.scopes.map((s) => [
    s.scope.environment ?? s.scope.project ?? s.scope.instance,
    s.gained.map((a) => a.id),
  ]);

describe("whatIf.invite", () => {
  it("a new person gains everything the grants give, each gain once per scope; nothing is written", async () => {
    const admin = await signIn("admin@acme.example");
    const before = await auditCount();
    const fresh = await preview(admin, "someone.new@acme.example", [
      { role: "experimentation:editor", scope: checkout },
    ]);
    expect(fresh.status).toBe(200);
    expect(fresh.data.outcome).toBe("invited");
    const told = fresh.data.scopes.flatMap((s) => s.gained.map((a) => a.id));
    expect(told).toContain("experimentation:flag.create");
    expect(told).toContain("experimentation:flag.toggle");
    expect(new Set(told).size).toBe(told.length);
    expect(await auditCount()).toBe(before);
  });

  it("an existing account gains only what it lacks, and the invite would add (not invite) it", async () => {
    const admin = await signIn("admin@acme.example");
    const editor = await preview(admin, "exp-editor@acme.example", [
      { role: "experimentation:editor", scope: checkout },
      { role: EDITOR, scope: cms },
    ]);
    expect(editor.status).toBe(200);
    expect(editor.data.outcome).toBe("added");
    // It edits Checkout already: only the CMS role is news.
    expect(ids(editor.data).filter(([, gained]) => (gained as unknown[]).length > 0)).toEqual([
      ["acme-cms", ["cms:edit-view.access"]],
    ]);
    // Another organization's email is no account here: previewed as a new person, as before authorization.
    const partner = await preview(admin, "partneruser@agency.example", [{ role: EDITOR, scope: cms }]);
    expect(partner.data.outcome).toBe("invited");
  });

  it("refuses who may not make the invitation, another organization and bad input, as users.invite does", async () => {
    const ian = await signIn("instance-admin@acme.example");
    const refused = await preview(ian, "exp-editor@acme.example", [
      { role: "admin-center:instance-admin", scope: cms },
    ]);
    const invite = await send(
      "POST",
      "users.invite",
      {
        org: "acme",
        emails: ["exp-editor@acme.example"],
        language: "en",
        grants: [{ role: "admin-center:instance-admin", scope: cms }],
      },
      ian,
    );
    expect([refused.status, refused.message]).toEqual([invite.status, invite.error?.message]);
    expect(refused.status).toBe(403);
    const globex = { org: "globex", product: "cms", instance: "globex-cms" };
    const foreign = await preview(ian, "a@globex.example", [{ role: EDITOR, scope: globex }], "globex");
    const madeUp = await preview(
      ian,
      "a@nowhere.example",
      [{ role: EDITOR, scope: { ...globex, org: "no-such-org" } }],
      "no-such-org",
    );
    expect(foreign.status).toBe(404);
    expect(foreign.message).toBe(madeUp.message?.replace("no-such-org", "globex"));
    const badEmail = await preview(ian, "not-an-email", [{ role: EDITOR, scope: cms }]);
    expect(badEmail.status).toBe(400);
    expect(badEmail.message).toContain("email");
    const elsewhere = await preview(ian, "x@acme.example", [
      { role: EDITOR, scope: { ...cms, org: "globex" } },
    ]);
    expect([elsewhere.status, elsewhere.message]).toEqual([400, "grants.scope.org: must be org"]);
  });
});
