// Browser test of the collaborators app inviting someone who already has an account (real headless Chromium
// against the `pnpm start` server): the project role is added at once, the confirmation says so, and the list shows it.
import { browserSuite, callApi, screenshot, signIn } from "@gatehouse/e2e";
import type { Page } from "playwright-core";
import { beforeEach, describe, expect, it } from "vitest";

const suite = browserSuite();
let page: Page;

beforeEach(async () => {
  page = await suite.newPage({ width: 1400, height: 900 });
});

const app = () => `${suite.origin}/fx-collaborators/`;
const collaborators = (project: string) =>
  `${suite.origin}/fx-collaborators/projects/${project}/collaborators`;

/** Picks `option` in the Mantine select or multi-select labelled `label` (inside `scope`). */
const pick = async (scope: ReturnType<Page["getByRole"]>, label: string, option: string) => {
  await scope.getByRole("combobox", { name: label }).click({ force: true });
  await page.getByRole("option", { name: option, exact: true }).click();
};

const row = (email: string) => page.getByRole("row").filter({ hasText: email });

describe("Settings › Collaborators: inviting an existing account", () => {
  it("adds the project role to the account and says so; the list shows it with that role", async () => {
    await signIn(page, app(), "exp-administrator@acme.example");
    const project = (await callApi(
      page,
      suite.origin,
      "projects.create",
      { org: "acme", instance: "acme-exp", name: "Acme Kiosk", platform: "feature" },
      "POST",
    )) as { id: string };
    await page.goto(collaborators(project.id));
    await page.getByRole("button", { name: "Invite a collaborator" }).click();
    const dialog = page.getByRole("dialog", { name: "Invite a collaborator" });
    await dialog.getByLabel("Email 1").fill("exp-viewer@acme.example");
    await pick(dialog, "Permission level", "Editor");
    await dialog.getByRole("button", { name: "Send invitations" }).click();
    await page.getByText("Added Editor to exp-viewer@acme.example (existing account).").waitFor();
    await screenshot(page, "fx-invite-existing-added");

    await page.getByLabel("Search collaborators").fill("exp-viewer");
    await expect(
      row("exp-viewer@acme.example")
        .getByRole("combobox", { name: "Project role of exp-viewer@acme.example" })
        .inputValue(),
    ).resolves.toBe("Editor");
    await expect(row("exp-viewer@acme.example").textContent()).resolves.not.toContain("invited");
    await screenshot(page, "fx-invite-existing-listed");
  });
});
