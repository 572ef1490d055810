// Browser tests of Web Experimentation collaborators (seed 004, real headless Chromium against the `pnpm start`
// server): an administrator invites to two Web projects as Restricted Editor in German, reads the role table's
// footnote, removes the person from all projects; a project owner is not offered Administrator, and told why.
import { browserSuite, callApi, screenshot, signIn } from "@gatehouse/e2e";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";

const suite = browserSuite();
const app = () => `${suite.origin}/fx-collaborators/`;
const collaborators = (project: string) => `${app()}web/${project}/collaborators`;

const signedIn = async (email: string): Promise<Page> => {
  const page = await suite.newPage({ width: 1400, height: 900 });
  await signIn(page, app(), email);
  return page;
};

/** Picks `option` in the Mantine select or multi-select labelled `label` (inside `scope`). */
const pick = async (page: Page, scope: ReturnType<Page["getByRole"]>, label: string, option: string) => {
  await scope.getByRole("combobox", { name: label }).click({ force: true });
  await page.getByRole("option", { name: option, exact: true }).click();
};

/** Waits for running transitions (a modal opening) so a screenshot shows the settled page. */
const settled = (page: Page) =>
  page.evaluate(() => Promise.all(document.getAnimations().map((animation) => animation.finished)));

const row = (page: Page, email: string) => page.getByRole("row").filter({ hasText: email });

describe("Web project collaborators", () => {
  it("an administrator invites to two Web projects as Restricted Editor, reads the table, removes from all", async () => {
    const page = await signedIn("exp-administrator@acme.example");
    const landing = (await callApi(
      page,
      suite.origin,
      "projects.create",
      { org: "acme", instance: "acme-exp", name: "Landing", platform: "web" },
      "POST",
    )) as { id: string };
    await page.goto(`${app()}projects`);
    const web = page.getByRole("table", { name: "Web projects" });
    await web.getByRole("cell", { name: "Landing", exact: true }).waitFor();
    await screenshot(page, "web-projects");
    await web.getByRole("link", { name: "Collaborators of Homepage" }).click();
    await page.getByRole("heading", { name: "Collaborators", level: 1 }).waitFor();

    await page.getByRole("button", { name: "Invite collaborators" }).click();
    const dialog = page.getByRole("dialog", { name: "Invite collaborators" });
    const email = "rita.web@acme.example";
    await dialog.getByLabel("Email 1").fill(email);
    await pick(page, dialog, "Role", "Restricted Editor");
    await pick(page, dialog, "Language", "Deutsch");
    await pick(page, dialog, "Invite to projects", "Landing (Acme Experimentation)");
    await page.keyboard.press("Escape");
    await settled(page);
    await screenshot(page, "web-invite-form");
    await dialog.getByRole("button", { name: "Invite", exact: true }).click();
    await page.getByText(`Invited ${email}.`).waitFor();
    await dialog.getByRole("button", { name: "Done" }).click();

    for (const project of [landing.id, "acme-homepage"]) {
      await page.goto(collaborators(project));
      await page.getByLabel("Search collaborators").fill("rita.web");
      await row(page, email).getByText("invited").waitFor();
      await expect
        .poll(() =>
          row(page, email)
            .getByRole("combobox", { name: `Role of ${email}` })
            .inputValue(),
        )
        .toBe("Restricted Editor");
    }
    await screenshot(page, "web-invited");

    await page.getByRole("link", { name: "Web roles" }).click();
    const table = page.getByRole("table", { name: "Access by collaborator role" });
    const edit = table.getByRole("row", { name: "Experiments and campaigns: Edit" });
    const restricted = edit.getByRole("cell", { name: /^Restricted Editor: / });
    await expect(restricted.getAttribute("aria-label")).resolves.toBe(
      "Restricted Editor: yes, extensions only, drafts only",
    );
    await expect(restricted.textContent()).resolves.toBe("X* **");
    await expect(edit.getByRole("cell", { name: /^Viewer: / }).textContent()).resolves.toBe("");
    await page
      .getByText("* Can only make changes within a variation using extensions (extensions only)")
      .waitFor();
    await screenshot(page, "web-role-matrix");

    await page.goto(collaborators("acme-homepage"));
    await page.getByLabel("Search collaborators").fill("rita.web");
    await page.getByRole("button", { name: `Remove ${email} from all projects` }).click();
    const confirm = page.getByRole("dialog", { name: /from all projects\?$/ });
    await settled(page);
    await screenshot(page, "web-remove-all-confirm");
    await confirm.getByRole("button", { name: "Remove from all projects" }).click();
    await page.getByText(/from Homepage \(Restricted Editor\), Landing \(Restricted Editor\)\./).waitFor();
    await row(page, email).waitFor({ state: "detached" });
    await screenshot(page, "web-removed-all");
    await page.goto(collaborators(landing.id));
    await page.getByLabel("Search collaborators").fill("rita.web");
    await page.getByText('No collaborator matches "rita.web"').waitFor();
    await page.context().close();
  });

  it("a project owner of a Web project is not offered Administrator, and reads why", async () => {
    const admin = await signedIn("exp-administrator@acme.example");
    await callApi(
      admin,
      suite.origin,
      "grants.create",
      {
        subject: { kind: "user", id: "demo-exp-project-owner" },
        role: "experimentation:project-owner",
        scope: { org: "acme", product: "experimentation", instance: "acme-exp", project: "acme-homepage" },
      },
      "POST",
    );
    await admin.context().close();
    const page = await signedIn("exp-project-owner@acme.example");
    await page.goto(collaborators("acme-homepage"));
    const invite = page.getByRole("button", { name: "Invite collaborators" });
    await expect.poll(() => invite.isEnabled()).toBe(true);
    const restricted = "exp-restricted-editor@acme.example";
    const role = row(page, restricted).getByRole("combobox", { name: `Role of ${restricted}` });
    await expect.poll(() => role.inputValue()).toBe("Restricted Editor");
    await screenshot(page, "web-owner-collaborators");
    await invite.click();
    const dialog = page.getByRole("dialog", { name: "Invite collaborators" });
    await dialog.getByText("Roles you may not give here:").waitFor();
    await settled(page);
    await screenshot(page, "web-owner-invite-reasons");
    await dialog.getByText("Administrator: You hold no admin level covering").waitFor();
    await dialog.getByRole("combobox", { name: "Role" }).click();
    const disabled = (role: string) =>
      page.getByRole("option", { name: role, exact: true }).getAttribute("data-combobox-disabled");
    await expect.poll(() => disabled("Administrator")).toBe("true");
    await expect(disabled("Restricted Editor")).resolves.toBe("true");
    await expect(disabled("Editor")).resolves.toBeNull();
    await expect(disabled("Viewer")).resolves.toBeNull();
    await screenshot(page, "web-owner-invite");
    await page.context().close();
  });
});
