// Browser tests of Settings › Collaborators (real headless Chromium against the `pnpm start` server): inviting two
// collaborators to two projects at once, an editor refused with why, an administrator changing and removing, and
// inviting an existing account (its project role added at once, and said so); an administrator seen from a project.
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
const pick = async (scope: ReturnType<Page["getByRole"]> | Page, label: string, option: string) => {
  // A multi-select's input sits under its pills box, which takes the click and opens the list.
  await scope.getByRole("combobox", { name: label }).click({ force: true });
  await page.getByRole("option", { name: option, exact: true }).click();
};

/** Waits for running transitions (a modal opening) so a screenshot shows the settled page; a cancelled one is done. */
const settled = () =>
  page.evaluate(() =>
    Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => undefined))),
  );

/** A new Feature project of Acme Experimentation, made through the API with the page's session. */
const featureProject = async (name: string) =>
  (await callApi(
    page,
    suite.origin,
    "projects.create",
    { org: "acme", instance: "acme-exp", name, platform: "feature" },
    "POST",
  )) as { id: string };

/** The table row of the collaborator with `email`. */
const row = (email: string) => page.getByRole("row").filter({ hasText: email });

describe("Settings › Collaborators", () => {
  it("invites two collaborators to two projects in one go", async () => {
    await signIn(page, app(), "exp-administrator@acme.example");
    const mobile = await featureProject("Acme Mobile");
    await page.goto(`${app()}projects`);
    await page.getByRole("cell", { name: "Acme Mobile", exact: true }).waitFor();
    // one app for Feature and Web projects
    await page.getByText("Gatehouse · Experimentation", { exact: true }).waitFor();
    await page.getByRole("heading", { name: "Your Experimentation projects", level: 1 }).waitFor();
    await screenshot(page, "fx-projects");

    await page.goto(collaborators("acme-checkout"));
    await page.getByRole("button", { name: "Invite a collaborator" }).click();
    const dialog = page.getByRole("dialog", { name: "Invite a collaborator" });
    await dialog.getByLabel("Email 1").fill("nora.new@acme.example");
    await dialog.getByRole("button", { name: "Add another collaborator" }).click();
    await dialog.getByLabel("Email 2").fill("omar.new@acme.example");
    await pick(dialog, "Permission level", "Publisher");
    await pick(dialog, "Language", "Deutsch");
    await pick(dialog, "Projects", "Acme Mobile (Acme Experimentation)");
    await page.keyboard.press("Escape");
    await settled();
    await screenshot(page, "fx-invite-form");
    await dialog.getByRole("button", { name: "Send invitations" }).click();
    await page.getByText("Invited nora.new@acme.example, omar.new@acme.example").waitFor();

    for (const project of ["acme-checkout", mobile.id]) {
      await page.goto(collaborators(project));
      await page.getByLabel("Search collaborators").fill(".new@");
      for (const email of ["nora.new@acme.example", "omar.new@acme.example"]) {
        // The search answers from the server: wait for the row rather than counting what has arrived so far.
        await row(email).getByText("invited").waitFor();
        await expect(
          row(email)
            .getByRole("combobox", { name: `Project role of ${email}` })
            .inputValue(),
        ).resolves.toBe("Publisher");
      }
    }
    await screenshot(page, "fx-invited");
  });

  it("an editor sees Invite disabled and why it cannot see the list; the API refuses it", async () => {
    await signIn(page, app(), "exp-editor@acme.example");
    await page.goto(collaborators("acme-checkout"));
    await page.getByText("You don't manage this project's collaborators").waitFor();
    const invite = page.getByRole("button", { name: "Invite a collaborator" });
    await expect.poll(() => page.getByRole("button", { name: "Why?" }).count()).toBe(2);
    await expect(invite.isDisabled()).resolves.toBe(true);
    await page.getByRole("button", { name: "Why?" }).last().click();
    await page.getByText("Not allowed", { exact: true }).waitFor();
    await screenshot(page, "fx-collaborators-editor");
    await expect(
      callApi(
        page,
        suite.origin,
        "users.list",
        {
          org: "acme",
          scope: { product: "experimentation", instance: "acme-exp", project: "acme-checkout" },
        },
        "GET",
      ),
    ).rejects.toThrow(/admin-center:user.view/);
  });

  it("a project owner manages collaborators but is offered only the roles it may give", async () => {
    await signIn(page, app(), "exp-project-owner@acme.example");
    await page.goto(collaborators("acme-checkout"));
    await expect
      .poll(() => page.getByRole("button", { name: "Invite a collaborator" }).isEnabled())
      .toBe(true);
    const editor = "exp-editor@acme.example";
    await row(editor)
      .getByRole("combobox", { name: `Project role of ${editor}` })
      .click();
    const disabled = (role: string) =>
      page.getByRole("option", { name: role, exact: true }).getAttribute("data-combobox-disabled");
    await expect.poll(() => disabled("Publisher")).toBe("true");
    await expect(disabled("Project Owner")).resolves.toBe("true");
    await expect(disabled("Viewer")).resolves.toBeNull();
    await screenshot(page, "fx-collaborators-owner");
  });

  it("a project owner sees the instance's administrator as one, in the list and on its page", async () => {
    await signIn(page, app(), "exp-project-owner@acme.example");
    await page.goto(collaborators("acme-checkout"));
    const administrator = row("exp-administrator@acme.example");
    await administrator.getByText("Administrator (instance Acme Experimentation)").waitFor();
    await expect(administrator.textContent()).resolves.not.toContain("No project role");
    await administrator.getByRole("link", { name: "Exp administrator" }).click();
    await page
      .getByTestId("granular-roles")
      .getByText("their environment and flag roles cannot be changed")
      .waitFor();
    await expect(page.getByText("No project role").count()).resolves.toBe(0);
    await screenshot(page, "fx-collaborators-owner-sees-administrator");
  });

  it("an administrator changes a role and removes a collaborator, each after confirming", async () => {
    await signIn(page, app(), "exp-administrator@acme.example");
    await page.goto(collaborators("acme-checkout"));
    const viewer = "exp-viewer@acme.example";
    const role = row(viewer).getByRole("combobox", { name: `Project role of ${viewer}` });
    await expect(role.inputValue()).resolves.toBe("Viewer");
    await role.click();
    await page.getByRole("option", { name: "Editor", exact: true }).click();
    const change = page.getByRole("dialog", { name: "Change Exp viewer's role?" });
    await settled();
    await screenshot(page, "fx-change-role-confirm");
    await change.getByRole("button", { name: "Change role" }).click();
    await page.getByText("Exp viewer is now Editor in Checkout").waitFor();
    await expect.poll(() => role.inputValue()).toBe("Editor");

    const publisher = "exp-publisher@acme.example";
    await page.getByRole("button", { name: `Remove ${publisher} from project` }).click();
    const remove = page.getByRole("dialog", { name: /Remove Exp publisher from/ });
    await settled();
    await screenshot(page, "fx-remove-confirm");
    await remove.getByRole("button", { name: "Remove from project" }).click();
    await page.getByText(/Removed Exp publisher from/).waitFor();
    await row(publisher).waitFor({ state: "detached" });
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, "fx-collaborators-admin");
  });

  it("an administrator removes a collaborator from all projects; the account stays", async () => {
    await signIn(page, app(), "exp-administrator@acme.example");
    await page.goto(collaborators("acme-checkout"));
    const editor = "exp-editor@acme.example";
    await page.getByRole("button", { name: `Remove ${editor} from all projects` }).click();
    const confirm = page.getByRole("dialog", { name: "Remove Exp editor from all projects?" });
    await confirm.getByText("The account stays").waitFor();
    await confirm.getByRole("button", { name: "Remove from all projects" }).click();
    await page.getByText(/^Removed Exp editor from Checkout \(Editor/).waitFor();
    await row(editor).waitFor({ state: "detached" });
    // The account stays: it still signs in (unlike the Admin Center's Remove from account).
    const login = await fetch(`${suite.origin}/trpc/auth.login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: editor, password: "gatehouse-demo" }),
    });
    expect(login.status).toBe(200);
  });

  it("inviting an existing account adds the project role and says so; the list shows it with that role", async () => {
    await signIn(page, app(), "exp-administrator@acme.example");
    const project = await featureProject("Acme Kiosk");
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
