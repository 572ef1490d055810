// Browser test of invitation email on a server without SMTP_URL (the dev outbox): an admin invites someone in
// German, reads that the email is in the Outbox, opens it there, and the invitee follows its link to a German
// accept page, accepts and is signed in.
import { browserSuite, callApi, screenshot, signIn } from "@gatehouse/e2e";
import type { Page } from "playwright-core";
import { beforeEach, describe, expect, it } from "vitest";

const suite = browserSuite();
let page: Page;

beforeEach(async () => {
  page = await suite.newPage();
});

const app = (path = "") => `${suite.origin}/admin-center/${path}`;

/** A screenshot from the top of the page (the shell's header is fixed, so a scrolled page would hide the title). */
const shoot = async (on: Page, name: string) => {
  await on.evaluate(() => window.scrollTo(0, 0));
  await screenshot(on, name);
};

describe("invitation email", () => {
  it("invites in German; the Outbox holds the German email whose link opens a German accept page", async () => {
    await signIn(page, app("invite?product=cms&instance=acme-cms"), "admin@acme.example");
    await page.getByRole("radio", { name: "Content Editors" }).check();
    await page.getByLabel("Name").fill("Greta Gast");
    await page.getByLabel("Email").fill("greta.gast@acme.example");
    await page.getByRole("combobox", { name: "Language" }).click();
    await page.getByRole("option", { name: "Deutsch" }).click();
    await page.getByRole("button", { name: "Send invite" }).click();
    await page
      .getByText(
        "No mail server is set up (SMTP_URL): the invitation email to greta.gast@acme.example is in the Admin Center's Outbox.",
      )
      .waitFor();
    await shoot(page, "invitation-mail-sent");

    await page.getByRole("link", { name: "Open the Outbox" }).click();
    await page.getByRole("heading", { name: "Outbox" }).waitFor();
    const email = page.getByRole("article", { name: "Email to greta.gast@acme.example" });
    await email.getByText("Einladung zu Acme in Gatehouse").waitFor();
    await email.getByText("Ada Admin hat Sie zu Acme in Gatehouse eingeladen.").waitFor();
    await expect(email.getByText("Deutsch", { exact: true }).isVisible()).resolves.toBe(true);
    await shoot(page, "invitation-mail-outbox");

    // The invitee follows the link in a browser of its own.
    const link = email.getByRole("link", { name: /\/admin-center\/accept\?token=/ });
    const href = (await link.getAttribute("href")) ?? "";
    expect(href.startsWith(`${suite.origin}/admin-center/accept?token=`)).toBe(true);
    const visitor = await suite.browser.newContext();
    const invitee = await visitor.newPage();
    await invitee.goto(href);
    await invitee.getByRole("heading", { name: "Einladung annehmen" }).waitFor();
    await invitee.getByLabel("Passwort", { exact: true }).fill("kurz");
    await invitee.getByRole("button", { name: "Annehmen und anmelden" }).click();
    await invitee.getByText("Verwenden Sie mindestens 12 Zeichen").waitFor();
    await invitee.getByLabel("Passwort", { exact: true }).fill("ein-langes-passwort-1");
    await invitee.getByLabel("Passwort bestätigen").fill("ein-langes-passwort-1");
    await shoot(invitee, "invitation-mail-accept-de");
    await invitee.getByRole("button", { name: "Annehmen und anmelden" }).click();
    await expect(invitee.getByTestId("signed-in-as").textContent()).resolves.toContain(
      "greta.gast@acme.example",
    );

    // Used up: the same link now says so in German.
    await invitee.goto(href);
    await invitee
      .getByText("Diese Einladung wurde bereits verwendet. Melden Sie sich mit Ihrem Passwort an.")
      .waitFor();
    await shoot(invitee, "invitation-mail-accept-used-de");
    await visitor.close();
  });

  it("an instance admin's Outbox holds only the emails of invitations it may see", async () => {
    const admin = await suite.newPage();
    await signIn(admin, app(), "admin@acme.example");
    const elsewhere = { org: "acme", product: "experimentation", instance: "acme-exp" };
    await callApi(
      admin,
      suite.origin,
      "users.invite",
      {
        org: "acme",
        emails: ["exp.only@acme.example"],
        language: "fr",
        grants: [{ role: "experimentation:viewer", scope: elsewhere }],
      },
      "POST",
    );
    await admin.goto(app("outbox"));
    await admin.getByRole("article", { name: "Email to exp.only@acme.example" }).waitFor();

    await signIn(page, app("outbox"), "instance-admin@acme.example");
    await page.getByRole("heading", { name: "Outbox" }).waitFor();
    await page.getByText("No mail server is set up (SMTP_URL)", { exact: false }).waitFor();
    await page.getByRole("article", { name: "Email to greta.gast@acme.example" }).waitFor();
    await expect(page.getByRole("article").count()).resolves.toBe(1);
    await shoot(page, "invitation-mail-outbox-instance-admin");
  });
});
