// An invitee's name and email are refused unless they read as a person's (400 naming the field, nothing written):
// a name is trimmed and needs a character other than space; an email has one @, no spaces or markup, a dotted domain.
import { describe, expect, it } from "vitest";
import { type Call, demoApi } from "./support/demo-api.ts";

const { send, signIn, rows, auditCount } = demoApi();

const cms = { org: "acme", product: "cms", instance: "acme-cms" };
const grants = [{ role: "cms:content-editors", scope: cms }];
const EMAIL = "must be an email address such as name@example.com";

const invite = (call: Call, emails: ReadonlyArray<string>, name?: string) =>
  send(
    "POST",
    "users.invite",
    { org: "acme", emails, language: "en", grants, ...(name === undefined ? {} : { name }) },
    call,
  );

/** Rows a refused invitation must leave as they were. */
const written = async () => [
  await auditCount(),
  await rows("select count(*) as n from users"),
  await rows("select count(*) as n from invitations"),
];

describe("an invitee's name and email", () => {
  it("refuses a name of spaces only, or empty, naming the field; writes nothing", async () => {
    const admin = await signIn("admin@acme.example");
    const before = await written();
    for (const name of ["   ", "", "\t \n"]) {
      const answer = await invite(admin, ["blank.name@acme.example"], name);
      expect(answer.status, JSON.stringify(name)).toBe(400);
      expect(answer.error?.message).toBe("name: must not be blank");
    }
    expect(await written()).toEqual(before);
  });

  it("stores a name trimmed, and the invitee's own on accepting: trimmed, never blank", async () => {
    const admin = await signIn("admin@acme.example");
    const answer = await invite(admin, ["trimmed.name@acme.example"], "  Ann Example  ");
    expect(answer.status).toBe(200);
    const named = () => rows("select name, status from users where email = 'trimmed.name@acme.example'");
    expect(await named()).toEqual([{ name: "Ann Example", status: "invited" }]);
    const { acceptUrl } = (answer.data as { invited: Array<{ acceptUrl: string }> }).invited[0] as {
      acceptUrl: string;
    };
    const token = new URL(acceptUrl, "http://localhost").searchParams.get("token");
    const accept = (name: string) =>
      send("POST", "invitations.accept", { token, password: "gatehouse-demo", name }, {});
    const blank = await accept("   ");
    expect(blank.status).toBe(400);
    expect(blank.error?.message).toBe("name: must not be blank");
    expect(await named()).toEqual([{ name: "Ann Example", status: "invited" }]);
    expect((await accept("  Ann E.  ")).status).toBe(200);
    expect(await named()).toEqual([{ name: "Ann E.", status: "active" }]);
  });

  it("refuses emails that are no address, in the invitation, its what-if and the first admin's, writing nothing", async () => {
    const admin = await signIn("admin@acme.example");
    const operator = await signIn("operator@gatehouse.example");
    const before = await written();
    const local = "a".repeat(65);
    for (const email of [
      "<script>@x",
      "<script>@x.example",
      "no-domain-dot@example",
      "two@@acme.example",
      "a@b@acme.example",
      "with space@acme.example",
      "dots@acme..example",
      "trailing@acme.example.",
      "@acme.example",
      "nobody@",
      "\u0001x@acme.example",
      '"quoted"@acme.example',
      `${local}@acme.example`,
      `x@${"d".repeat(250)}.example`,
    ]) {
      const invited = await invite(admin, ["fine@acme.example", email]);
      expect(invited.status, email).toBe(400);
      expect(invited.error?.message, email).toMatch(/^emails\.1: /);
      const preview = await send("GET", "whatIf.invite", { org: "acme", email, grants }, admin);
      expect(preview.status, email).toBe(400);
      expect(preview.error?.message, email).toMatch(/^email: /);
      const first = await send(
        "POST",
        "organizations.inviteFirstAdmin",
        { org: "acme", email, name: "Boss" },
        operator,
      );
      expect(first.status, email).toBe(400);
      expect(first.error?.message, email).toMatch(/^email: /);
    }
    const shape = await invite(admin, ["<script>@x"]);
    expect(shape.error?.message).toBe(`emails.0: ${EMAIL}`);
    expect(await written()).toEqual(before);
  });

  it("takes ordinary addresses: subaddresses, apostrophes, subdomains, upper case", async () => {
    const admin = await signIn("admin@acme.example");
    const emails = ["ann+cms@acme.example", "o'brien@mail.acme.example", "Upper.Case@Acme.Example"];
    const answer = await invite(admin, emails);
    expect(answer.status).toBe(200);
    expect((answer.data as { invited: unknown[] }).invited).toHaveLength(3);
  });
});
