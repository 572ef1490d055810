// Invitation emails through a real SMTP server started in-process: users.invite, invitations.resend and the first
// super admin's invite send one each, in the invitee's language, with a link that accepts; a refused send leaves
// the invitation standing, is recorded, and tells the admin what to do.
import { afterAll, describe, expect, it } from "vitest";
import { type Call, demoApi, testMail, testOrigin } from "./support/demo-api.ts";
import { startSmtp } from "./support/smtp-server.ts";

const smtp = await startSmtp();
afterAll(() => smtp.stop());
const { send, signIn, rows } = demoApi("pglite", testMail(smtp.url));

const cms = { org: "acme", product: "cms", instance: "acme-cms" };
const anonymous: Call = {};

interface Delivery {
  readonly status: string;
  readonly message: string;
}
interface Invited {
  readonly invitationId: string;
  readonly delivery: Delivery;
  readonly acceptUrl: string;
}

const invite = (call: Call, email: string, language: string) =>
  send(
    "POST",
    "users.invite",
    {
      org: "acme",
      emails: [email],
      name: "Greta Gast",
      language,
      grants: [{ role: "cms:content-editors", scope: cms }],
    },
    call,
  );
const invitedOf = (answer: { readonly data: unknown }): Invited => {
  const [one] = (answer.data as { invited: Invited[] }).invited;
  if (one === undefined) throw new Error("nobody invited");
  return one;
};

/** The message sent to `to` last. */
const lastTo = async (to: string) => {
  const all = (await smtp.received()).filter((m) => m.to !== undefined && JSON.stringify(m.to).includes(to));
  const last = all.at(-1);
  if (last === undefined) throw new Error(`no message to ${to}`);
  return last;
};

/** The accept link in a message's text: absolute, on the server's public origin. */
const linkIn = (text: string | undefined): string => {
  const link = /https?:\/\/\S+/.exec(text ?? "")?.[0];
  if (link === undefined) throw new Error(`no link in ${text}`);
  return link;
};
const tokenOf = (link: string) => new URL(link).searchParams.get("token") ?? "";

describe("invitation emails over SMTP", () => {
  it("users.invite sends the invitee an email in its language whose link opens a German accept page and accepts", async () => {
    const admin = await signIn("admin@acme.example");
    const answer = await invite(admin, "greta@acme.example", "de");
    expect(answer.status).toBe(200);
    const invited = invitedOf(answer);
    expect(invited.delivery).toEqual({
      status: "sent",
      message: "An invitation email was sent to greta@acme.example.",
    });

    const mail = await lastTo("greta@acme.example");
    expect(mail.subject).toBe("Einladung zu Acme in Gatehouse");
    expect(mail.headers.get("content-language")).toBe("de");
    expect(mail.from?.value).toEqual([{ name: "Gatehouse", address: "no-reply@gatehouse.test" }]);
    expect(mail.text).toContain("Hallo Greta Gast,");
    expect(mail.text).toContain("Ada Admin hat Sie zu Acme in Gatehouse eingeladen.");
    const link = linkIn(mail.text);
    expect(link.startsWith(`${testOrigin}/admin-center/accept?token=`)).toBe(true);
    expect(new URL(link).pathname + new URL(link).search).toBe(invited.acceptUrl);

    const opening = await send("GET", "invitations.opening", { token: tokenOf(link) }, anonymous);
    expect(opening.data).toEqual({ language: "de", name: "Greta Gast", status: "pending" });
    const accepted = await send(
      "POST",
      "invitations.accept",
      { token: tokenOf(link), password: "a-long-password-1" },
      anonymous,
    );
    expect(accepted.status).toBe(200);
    const login = await send(
      "POST",
      "auth.login",
      { email: "greta@acme.example", password: "a-long-password-1" },
      anonymous,
    );
    expect(login.status).toBe(200);
    expect(
      await rows(
        "select transport, status, body, error from invitation_mail where recipient = 'greta@acme.example'",
      ),
    ).toEqual([{ transport: "smtp", status: "sent", body: null, error: null }]);
  });

  it("invitations.resend emails a new link in the invitation's language; the old link no longer works", async () => {
    const admin = await signIn("admin@acme.example");
    const first = invitedOf(await invite(admin, "sven@acme.example", "sv"));
    const firstLink = linkIn((await lastTo("sven@acme.example")).text);
    const resent = await send("POST", "invitations.resend", { id: first.invitationId }, admin);
    expect(resent.status).toBe(200);
    expect((resent.data as { delivery: Delivery }).delivery.status).toBe("sent");
    const mail = await lastTo("sven@acme.example");
    expect(mail.subject).toBe("Inbjudan till Acme i Gatehouse");
    const secondLink = linkIn(mail.text);
    expect(secondLink).not.toBe(firstLink);
    expect((await send("GET", "invitations.opening", { token: tokenOf(firstLink) }, anonymous)).status).toBe(
      400,
    );
    expect(
      (await send("GET", "invitations.opening", { token: tokenOf(secondLink) }, anonymous)).data,
    ).toMatchObject({
      language: "sv",
    });
  });

  it("the operator's first super admin invite is emailed without an inviter's name", async () => {
    const operator = await signIn("operator@gatehouse.example");
    const globex = { id: "globex", name: "Globex", kind: "customer", products: ["cms"] };
    expect((await send("POST", "organizations.create", globex, operator)).status).toBe(200);
    const invited = await send(
      "POST",
      "organizations.inviteFirstAdmin",
      { org: "globex", email: "boss@globex.example", name: "Gloria Boss", language: "fr" },
      operator,
    );
    expect(invited.status).toBe(200);
    expect((invited.data as { delivery: Delivery }).delivery.status).toBe("sent");
    const mail = await lastTo("boss@globex.example");
    expect(mail.subject).toBe("Invitation à Globex sur Gatehouse");
    expect(mail.text).toContain("Vous êtes invité à administrer Globex sur Gatehouse.");
  });

  it("a send the mail server refuses leaves the invitation, records why and tells the admin to copy the link or resend", async () => {
    const admin = await signIn("admin@acme.example");
    smtp.refuse("nobody@acme.example");
    const answer = await invite(admin, "nobody@acme.example", "es");
    expect(answer.status).toBe(200);
    const invited = invitedOf(answer);
    expect(invited.delivery).toEqual({
      status: "failed",
      message:
        "The invitation was created but the email to nobody@acme.example could not be sent: the mail server refused the recipient's address. Copy the link or resend the invitation.",
    });
    expect(await rows(`select status from invitations where id = '${invited.invitationId}'`)).toEqual([
      { status: "pending" },
    ]);
    expect(
      await rows(
        "select transport, status, error from invitation_mail where recipient = 'nobody@acme.example'",
      ),
    ).toEqual([
      { transport: "smtp", status: "failed", error: "the mail server refused the recipient's address" },
    ]);
    // The link shown instead still accepts.
    const token = new URL(invited.acceptUrl, testOrigin).searchParams.get("token") ?? "";
    const accepted = await send(
      "POST",
      "invitations.accept",
      { token, password: "a-long-password-1" },
      anonymous,
    );
    expect(accepted.status).toBe(200);
  });

  it("a server that runs with SMTP has no outbox", async () => {
    const admin = await signIn("admin@acme.example");
    expect((await send("GET", "outbox.list", { org: "acme" }, admin)).data).toEqual({
      transport: "smtp",
      messages: [],
    });
  });

  it("refuses a language without a catalog, naming the field and the choices, and invites nobody", async () => {
    const admin = await signIn("admin@acme.example");
    const answer = await invite(admin, "nihongo@acme.example", "ja");
    expect(answer.status).toBe(400);
    expect(answer.error?.message).toContain("language: one of en, de, es, fr, sv");
    expect(await rows("select id from users where email = 'nihongo@acme.example'")).toEqual([]);
  });
});
