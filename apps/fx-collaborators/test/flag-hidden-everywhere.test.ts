// Browser test of a flag role spanning environments: the administrator hides one flag from a collaborator once
// (No Flag Access), the collaborator misses it in production and development, then in an environment added later.
import { browserSuite, callApi, screenshot } from "@gatehouse/e2e";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { darkModeIn, flagToggle, openAs } from "./support/pages.ts";

const suite = browserSuite();
const app = () => `${suite.origin}/fx-collaborators/`;
const project = "acme-checkout";
const flagsUrl = () => `${app()}projects/${project}/flags`;
const collaboratorUrl = `projects/${project}/collaborators/demo-exp-publisher`;

const open = (email: string, url: string) => openAs(suite, app(), email, url);
const toggle = flagToggle;

/** The collaborator's view of a flag in an environment, asked of the server as the collaborator itself. */
const mayView = (page: Page, environment: string) =>
  callApi(
    page,
    suite.origin,
    "authz.check",
    {
      action: "experimentation:flag.view",
      resource: darkModeIn(environment, environment === "acme-checkout-production"),
    },
    "GET",
  );

/** The preview's row for viewing flags (its decision and the server's reason). */
const viewFlags = (page: Page) =>
  page.getByRole("table", { name: "Effective permissions" }).getByRole("row", { name: /View flags/ });

describe("A flag hidden in every environment, including a new one", () => {
  it("No Flag Access set once hides the flag in production, development and an environment added later", async () => {
    // The administrator sets the publisher's role on Dark mode once: one select per flag, no per-environment copy.
    const admin = await open("exp-administrator@acme.example", `${app()}${collaboratorUrl}`);
    const row = admin.getByTestId("entity-role-Dark mode");
    await expect.poll(() => row.textContent()).toContain("default: Flag Editor");
    expect(await admin.getByRole("combobox", { name: "Dark mode role" }).count()).toBe(1);
    expect(await admin.getByText("Differs per environment").count()).toBe(0);
    await admin.getByRole("combobox", { name: "Dark mode role" }).click();
    await admin.getByRole("option", { name: "No Flag Access", exact: true }).click();
    await admin.getByText("Dark mode: No Flag Access").waitFor();
    await expect.poll(() => row.textContent()).toContain("overrides Flag Editor");
    await expect.poll(() => admin.getByTestId("entity-role-New cart").textContent()).toContain("default:");

    // The preview, about Dark mode: hidden in both environments, by the server's answers.
    const preview = admin.getByTestId("effective-preview");
    await preview.getByRole("combobox", { name: "Flag" }).click();
    await admin.getByRole("option", { name: /^Dark mode/ }).click();
    const reach = admin.getByTestId("flag-reach");
    await expect.poll(() => reach.textContent()).toContain("Production: hidden");
    await expect.poll(() => reach.textContent()).toContain("Development: hidden");
    await expect.poll(() => viewFlags(admin).textContent()).toMatch(/Denied.*No Flag Access/);
    await screenshot(admin, "fx-flag-none-set-once");

    // The collaborators list names the one flag role by its role and flag names.
    await admin.goto(`${app()}projects/${project}/collaborators`);
    const listed = admin.getByRole("row", { name: /exp-publisher@acme\.example/ });
    await expect.poll(() => listed.textContent()).toContain("No Flag Access on Dark mode");
    await screenshot(admin, "fx-flag-none-collaborators-list");

    // The publisher: New cart in both environments, Dark mode nowhere.
    const publisher = await open("exp-publisher@acme.example", flagsUrl());
    await toggle(publisher, "New cart", "Production").waitFor();
    await toggle(publisher, "New cart", "Development").waitFor();
    expect(await publisher.getByText("Dark mode").count()).toBe(0);
    expect(await mayView(publisher, "acme-checkout-production")).toBe("deny");
    expect(await mayView(publisher, "acme-checkout-development")).toBe("deny");
    await screenshot(publisher, "fx-flag-none-publisher-two-environments");

    // The administrator adds Staging from the flags page.
    await admin.goto(flagsUrl());
    const add = admin.getByRole("button", { name: "Add environment" });
    await expect.poll(() => add.isDisabled()).toBe(false);
    await add.click();
    const dialog = admin.getByRole("dialog", { name: "Add an environment to Checkout" });
    await dialog.getByRole("textbox", { name: "Name" }).fill("Staging");
    await expect.poll(() => dialog.getByRole("textbox", { name: "Key" }).inputValue()).toBe("staging");
    await screenshot(admin, "fx-add-environment-form");
    const submit = dialog.getByRole("button", { name: "Add environment" });
    await expect.poll(() => submit.isDisabled()).toBe(false);
    await submit.click();
    await admin.getByText("Staging added to Checkout").waitFor();
    await toggle(admin, "Dark mode", "Staging").waitFor();
    await screenshot(admin, "fx-add-environment-added");

    // The publisher's page shows Staging with New cart, and still no Dark mode; the server denies it there.
    await publisher.reload();
    await toggle(publisher, "New cart", "Staging").waitFor();
    expect(await publisher.getByText("Dark mode").count()).toBe(0);
    const environments = (await callApi(
      publisher,
      suite.origin,
      "projects.environments.list",
      { project },
      "GET",
    )) as ReadonlyArray<{ readonly id: string; readonly name: string }>;
    const staging = environments.find((e) => e.name === "Staging")?.id ?? "";
    expect(await mayView(publisher, staging)).toBe("deny");
    await screenshot(publisher, "fx-flag-none-publisher-new-environment");

    // The administrator's preview names the new environment as hidden too.
    await admin.goto(`${app()}${collaboratorUrl}`);
    // The flag roles above the preview are read first, as a person would, before picking in the preview below them.
    await expect
      .poll(() => admin.getByTestId("entity-role-Dark mode").textContent())
      .toContain("overrides Flag Editor");
    await admin.getByTestId("effective-preview").getByRole("combobox", { name: "Flag" }).click();
    await admin.getByRole("option", { name: /^Dark mode/ }).click();
    await expect.poll(() => admin.getByTestId("flag-reach").textContent()).toContain("Staging: hidden");
    await admin.getByTestId("effective-preview").getByRole("combobox", { name: "Environment" }).click();
    await admin.getByRole("option", { name: "Staging" }).click();
    await expect.poll(() => viewFlags(admin).textContent()).toMatch(/Denied.*No Flag Access/);
    await expect.poll(() => admin.getByRole("combobox", { name: "Dark mode role" }).isDisabled()).toBe(false);
    await screenshot(admin, "fx-flag-none-preview-new-environment");
    await publisher.context().close();
    await admin.context().close();
  });
});
