// Browser test of the collaborators app's invite on a server without SMTP_URL: after sending, the dialog says for
// each collaborator that the email waits in the Admin Center's Outbox and shows the accept link, which opens the
// accept page in the chosen language.
import { browserSuite, screenshot, signIn } from "@gatehouse/e2e";
import type { Page } from "playwright-core";
import { beforeEach, describe, expect, it } from "vitest";

const suite = browserSuite();
let page: Page;

beforeEach(async () => {
  page = await suite.newPage({ width: 1400, height: 900 });
});

const collaborators = (project: string) =>
  `${suite.origin}/fx-collaborators/projects/${project}/collaborators`;

/** Picks `option` in the Mantine select labelled `label` (inside `scope`). */
const pick = async (scope: ReturnType<Page["getByRole"]>, label: string, option: string) => {
  const select = scope.getByRole("combobox", { name: label });
  await select.click({ force: true });
  await page.getByRole("option", { name: option, exact: true }).click();
  // The choice is made and its list closed before anything below it is clicked (a slow machine leaves it open).
  await expect.poll(() => select.inputValue()).toBe(option);
  await page.getByRole("listbox").waitFor({ state: "hidden" });
};

describe("inviting a collaborator by email", () => {
  it("shows that the email is in the Outbox and the link, which opens the invitee's Swedish accept page", async () => {
    await signIn(page, `${suite.origin}/fx-collaborators/`, "exp-administrator@acme.example");
    await page.goto(collaborators("acme-checkout"));
    await page.getByRole("button", { name: "Invite a collaborator" }).click();
    const dialog = page.getByRole("dialog", { name: "Invite a collaborator" });
    await dialog.getByLabel("Email 1").fill("lena.lind@acme.example");
    await pick(dialog, "Language", "Svenska");
    await dialog.getByRole("button", { name: "Send invitations" }).click();

    await dialog
      .getByText(
        "No mail server is set up (SMTP_URL): the invitation email to lena.lind@acme.example is in the Admin Center's Outbox.",
      )
      .waitFor();
    const link = (await dialog.getByLabel("Accept link for lena.lind@acme.example").textContent()) ?? "";
    expect(link.startsWith(`${suite.origin}/admin-center/accept?token=`)).toBe(true);
    await screenshot(page, "fx-invitation-mail-sent");
    await dialog.getByRole("button", { name: "Done" }).click();
    await dialog.waitFor({ state: "detached" });

    const invitee = await suite.newPage();
    await invitee.goto(link);
    await invitee.getByRole("heading", { name: "Acceptera din inbjudan" }).waitFor();
    await screenshot(invitee, "fx-invitation-mail-accept-sv");
  });
});
