// The dev outbox (a server without SMTP_URL): users.invite keeps each invitation email there and says so, and
// outbox.list shows a message only to a signed-in admin who may see its invitation, never across organizations.
import { Effect } from "effect";
import { describe, expect, it } from "vitest";
import { Mailer } from "../src/mail/mailer.ts";
import { alike } from "./support/alike-answers.ts";
import { type Call, demoApi, testMail, testOrigin } from "./support/demo-api.ts";
import { startSmtp } from "./support/smtp-server.ts";

const { send, signIn } = demoApi();

interface OutboxMessage {
  readonly invitationId: string;
  readonly to: string;
  readonly language: string;
  readonly subject: string;
  readonly body: string;
}
interface Outbox {
  readonly transport: string;
  readonly messages: ReadonlyArray<OutboxMessage>;
}

const cms = { org: "acme", product: "cms", instance: "acme-cms" };
const exp = { org: "acme", product: "experimentation", instance: "acme-exp" };

const invite = (call: Call, email: string, language: string, grant: { role: string; scope: object }) =>
  send("POST", "users.invite", { org: "acme", emails: [email], language, grants: [grant] }, call);
const outbox = async (call: Call, org = "acme") => send("GET", "outbox.list", { org }, call);
const messagesOf = (answer: { readonly data: unknown }) => (answer.data as Outbox).messages;

describe("the dev outbox", () => {
  it("keeps the invitation email, says so, and shows it to the admin with a link that opens the invitation", async () => {
    const admin = await signIn("admin@acme.example");
    const answer = await invite(admin, "greta@acme.example", "de", {
      role: "cms:content-editors",
      scope: cms,
    });
    expect(answer.status).toBe(200);
    const [invited] = (answer.data as { invited: Array<{ invitationId: string; delivery: unknown }> })
      .invited;
    expect(invited?.delivery).toEqual({
      status: "outbox",
      message:
        "No mail server is set up (SMTP_URL): the invitation email to greta@acme.example is in the Admin Center's Outbox.",
    });
    const listed = await outbox(admin);
    expect(listed.status).toBe(200);
    expect((listed.data as Outbox).transport).toBe("outbox");
    const message = messagesOf(listed).find((m) => m.to === "greta@acme.example");
    expect(message).toMatchObject({
      invitationId: invited?.invitationId,
      language: "de",
      subject: "Einladung zu Acme in Gatehouse",
    });
    const link = /https?:\/\/\S+/.exec(message?.body ?? "")?.[0] ?? "";
    expect(link.startsWith(`${testOrigin}/admin-center/accept?token=`)).toBe(true);
    const token = new URL(link).searchParams.get("token");
    const opening = await send("GET", "invitations.opening", { token }, {});
    expect(opening.data).toMatchObject({ language: "de", status: "pending" });
  });

  it("shows a message only to those who may see its invitation", async () => {
    const admin = await signIn("admin@acme.example");
    await invite(admin, "exp.person@acme.example", "fr", { role: "experimentation:viewer", scope: exp });
    const instanceAdmin = await signIn("instance-admin@acme.example");
    await invite(instanceAdmin, "cms.person@acme.example", "sv", { role: "cms:content-editors", scope: cms });
    const seen = messagesOf(await outbox(instanceAdmin)).map((m) => m.to);
    expect(seen).toContain("cms.person@acme.example");
    expect(seen).toContain("greta@acme.example");
    expect(seen).not.toContain("exp.person@acme.example");
    expect(messagesOf(await outbox(admin)).map((m) => m.to)).toContain("exp.person@acme.example");
  });

  it("refuses API keys and the operator: the messages hold sign-in links", async () => {
    const admin = await signIn("admin@acme.example");
    const created = await send("POST", "apiKeys.create", { name: "outbox reader" }, admin);
    const { key } = created.data as { key: string };
    const byKey = await outbox({ bearer: key });
    expect(byKey.status).toBe(403);
    expect(byKey.error?.message).toContain("only a signed-in administrator reads it");
    const operator = await signIn("operator@gatehouse.example");
    expect((await outbox(operator)).status).toBe(403);
  });

  it("answers about another organization's outbox exactly as about a made-up one", async () => {
    const operator = await signIn("operator@gatehouse.example");
    const globex = { id: "globex", name: "Globex", kind: "customer", products: ["cms"] };
    expect((await send("POST", "organizations.create", globex, operator)).status).toBe(200);
    const first = { org: "globex", email: "boss@globex.example", name: "Gloria Boss" };
    expect((await send("POST", "organizations.inviteFirstAdmin", first, operator)).status).toBe(200);
    const admin = await signIn("admin@acme.example");
    alike(await outbox(admin, "globex"), await outbox(admin, "made-up-org"), [["globex", "made-up-org"]]);
  });

  it("refuses bad input naming the field", async () => {
    const admin = await signIn("admin@acme.example");
    const answer = await send("GET", "outbox.list", { org: "" }, admin);
    expect(answer.status).toBe(400);
    expect(answer.error?.message).toMatch(/org/);
  });
});

describe("the Mailer", () => {
  it("fails a send to a mail server that cannot be reached in words an admin can act on", async () => {
    const gone = await startSmtp();
    await gone.stop();
    const message = { to: "x@acme.example", language: "en", subject: "s", text: "t" };
    const failed = await Effect.runPromise(
      Effect.flip(Effect.flatMap(Effect.service(Mailer), (m) => m.send(message))).pipe(
        Effect.provide(testMail(gone.url)),
      ),
    );
    expect(failed.reason).toBe("the mail server could not be reached");
  });
});
