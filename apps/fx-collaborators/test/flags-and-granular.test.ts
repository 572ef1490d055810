// Browser tests of the flags page and the granular roles panel (headless Chromium against the `pnpm start` server):
// production toggles for editors, env-publisher and flag-none overrides, locked project owners, the preview.
import { browserSuite, callApi, screenshot } from "@gatehouse/e2e";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { darkModeIn, flagToggle, openAs } from "./support/pages.ts";

const suite = browserSuite();
const app = () => `${suite.origin}/fx-collaborators/`;
const project = "acme-checkout";
const flagsUrl = () => `${app()}projects/${project}/flags`;
const collaboratorUrl = (user: string) => `${app()}projects/${project}/collaborators/${user}`;
const production = "acme-checkout-production";
const development = "acme-checkout-development";

const open = (email: string, url: string) => openAs(suite, app(), email, url);
const toggle = flagToggle;

/** Picks `role` in the entity role select labelled `label` and waits for the change to be saved. */
const pickRole = async (page: Page, label: string, role: string) => {
  await page.getByRole("combobox", { name: `${label} role` }).click();
  await page.getByRole("option", { name: role, exact: true }).click();
  await page.getByText(`${label}: ${role}`).waitFor();
};

const refused = (page: Page, path: string, input: unknown) =>
  callApi(page, suite.origin, path, input, "POST").then(
    () => "allowed",
    (error: Error) => error.message,
  );

describe("Flags and granular roles", () => {
  it("an editor toggles a flag in development but not in production, and sees why", async () => {
    const page = await open("exp-editor@acme.example", flagsUrl());
    const dev = toggle(page, "New cart", "Development");
    await dev.waitFor();
    expect(await dev.isChecked()).toBe(true);
    await expect.poll(() => dev.isDisabled()).toBe(false);
    const prod = toggle(page, "New cart", "Production");
    await expect.poll(() => prod.isDisabled()).toBe(true);

    await dev.click({ force: true });
    await page.getByText("New cart is off in Development").waitFor();
    await expect.poll(() => dev.isChecked()).toBe(false);

    // "Why?" gives the refusal the toggle itself would get (flags.toggle asked through may).
    await page.getByRole("table", { name: "Flags" }).getByRole("button", { name: "Why?" }).first().click();
    const why = page.getByTestId("why-refused");
    await expect.poll(() => why.textContent()).toMatch(/You may not "Launch: turn a flag on or off/);
    await expect.poll(() => why.textContent()).toMatch(/Environment Editor/);
    // In words: the action's code is the API's, for developers.
    expect(await why.textContent()).not.toMatch(/experimentation:/);
    await screenshot(page, "fx-flags-editor");

    const forced = await refused(page, "flags.toggle", {
      id: "acme-new-cart",
      environment: production,
      enabled: false,
    });
    expect(forced).toMatch(/Environment Editor/);
    await page.context().close();
  });

  it("env-publisher on production, granted by the administrator in the panel, lets the editor toggle there live", async () => {
    const editor = await open("exp-editor@acme.example", flagsUrl());
    const prod = toggle(editor, "New cart", "Production");
    await expect.poll(() => prod.isDisabled()).toBe(true);

    const admin = await open("exp-administrator@acme.example", collaboratorUrl("demo-exp-editor"));
    const row = admin.getByTestId("entity-role-Production");
    await expect.poll(() => row.textContent()).toContain("default: Environment Editor");
    await pickRole(admin, "Production", "Environment Publisher");
    await expect.poll(() => row.textContent()).toContain("overrides Environment Editor");
    // The administrator views the project's users, so it previews the editor's decisions there.
    await admin.getByRole("table", { name: "Effective permissions" }).getByRole("row").nth(1).waitFor();
    await screenshot(admin, "fx-granular-env-publisher");

    // The editor's open page hears the change and enables the production toggle.
    await expect.poll(() => prod.isDisabled(), { timeout: 15_000 }).toBe(false);
    await prod.click({ force: true });
    await editor
      .getByRole("dialog", { name: "Turn New cart off in Production?" })
      .getByRole("button", { name: "Turn off in Production" })
      .click();
    await editor.getByText("New cart is off in Production").waitFor();
    await screenshot(editor, "fx-flags-editor-env-publisher");
    await editor.context().close();
    await admin.context().close();
  });

  it("flag-none, set once on the flag, hides it from the editor in every environment", async () => {
    const admin = await open("exp-administrator@acme.example", collaboratorUrl("demo-exp-editor"));
    await pickRole(admin, "Dark mode", "No Flag Access");
    await expect
      .poll(() => admin.getByTestId("entity-role-Dark mode").textContent())
      .toContain("overrides Flag Editor");
    // One grant at the flag itself (no environment), not one per environment.
    const user = (await callApi(
      admin,
      suite.origin,
      "users.get",
      {
        id: "demo-exp-editor",
        context: { org: "acme", product: "experimentation", instance: "acme-exp", project },
      },
      "GET",
    )) as { grants: ReadonlyArray<{ role: string | null; scope: { environment?: string; flag?: string } }> };
    const darkMode = user.grants.filter((g) => g.scope.flag === "acme-dark-mode");
    expect(darkMode.map((g) => [g.role, g.scope.environment])).toEqual([
      ["experimentation:flag-none", undefined],
    ]);

    const editor = await open("exp-editor@acme.example", flagsUrl());
    await toggle(editor, "New cart", "Development").waitFor();
    expect(await editor.getByText("Dark mode").count()).toBe(0);
    const views = await callApi(
      editor,
      suite.origin,
      "authz.checkMany",
      {
        checks: [production, development].map((environment) => ({
          action: "experimentation:flag.toggle",
          resource: darkModeIn(environment, environment === production),
        })),
      },
      "POST",
    );
    expect(views).toEqual(["deny", "deny"]);
    await screenshot(editor, "fx-flags-flag-none");
    await editor.context().close();
    await admin.context().close();
  });

  it("a project owner's entity roles are locked in the panel and refused by the API", async () => {
    const admin = await open("exp-administrator@acme.example", collaboratorUrl("demo-exp-project-owner"));
    await admin.getByTestId("entity-roles-locked").waitFor();
    expect(await admin.getByRole("combobox", { name: "Production role" }).isDisabled()).toBe(true);
    expect(await admin.getByRole("combobox", { name: "New cart role" }).isDisabled()).toBe(true);
    const forced = await refused(admin, "grants.create", {
      subject: { kind: "user", id: "demo-exp-project-owner" },
      role: "experimentation:env-viewer",
      scope: {
        org: "acme",
        product: "experimentation",
        instance: "acme-exp",
        project,
        environment: production,
      },
    });
    expect(forced).toMatch(/environment and flag roles of a Project owner cannot be changed/i);
    await screenshot(admin, "fx-granular-locked-owner");
    await admin.context().close();
  });

  it("a project owner sees flags_multiple_experiments disabled with the server's reason; the administrator may give it", async () => {
    const owner = await open("exp-project-owner@acme.example", collaboratorUrl("demo-exp-viewer"));
    const multiple = owner.getByRole("switch", { name: /Multiple experiments per flag/ });
    await multiple.waitFor();
    await expect.poll(() => multiple.isDisabled()).toBe(true);
    await owner.getByTestId("multiple-experiments").getByRole("button", { name: "Why?" }).click();
    const why = owner.getByTestId("why-refused");
    await expect.poll(() => why.textContent()).toMatch(/Create more than one experiment on a flag/);
    await screenshot(owner, "fx-granular-multiple-experiments-owner");
    const forced = await refused(owner, "grants.create", {
      subject: { kind: "user", id: "demo-exp-viewer" },
      permission: "experimentation:flags_multiple_experiments",
      scope: { org: "acme", product: "experimentation", instance: "acme-exp", project },
    });
    expect(forced).not.toBe("allowed");
    await owner.context().close();

    const admin = await open("exp-administrator@acme.example", collaboratorUrl("demo-exp-viewer"));
    const enabled = admin.getByRole("switch", { name: /Multiple experiments per flag/ });
    await enabled.waitFor();
    await expect.poll(() => enabled.isDisabled()).toBe(false);
    await admin.context().close();
  });

  it("the super admin previews a viewer's effective permissions", async () => {
    const page = await open("admin@acme.example", collaboratorUrl("demo-exp-viewer"));
    const preview = page.getByTestId("effective-preview");
    await preview
      .getByRole("row", { name: /turn a flag on or off/i })
      .first()
      .waitFor();
    const text = (await preview.textContent()) ?? "";
    expect(text).toMatch(/Denied/);
    expect(text).toMatch(/Allowed/);
    await screenshot(page, "fx-effective-preview");
    await page.context().close();
  });
});
