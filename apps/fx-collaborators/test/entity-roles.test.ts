// Browser tests of an environment's and a flag's roles (headless Chromium against the `pnpm start` server): the
// environment admin and the flag admin reach them from the flags page, give, change and remove a role; an editor
// sees no entry point and the server refuses it the page's read; an expired role reads as expired and its holder
// is given a role again; a removed or hidden entity is said by name, never by id; losing its own role is told.
import { browserSuite, callApi, screenshot } from "@gatehouse/e2e";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { openAs } from "./support/pages.ts";

const suite = browserSuite();
const app = () => `${suite.origin}/fx-collaborators/`;
const flagsUrl = () => `${app()}projects/acme-checkout/flags`;

const open = (email: string) => openAs(suite, app(), email, flagsUrl());

/** Picks `option` in the select labelled `label` (its list closed again before the next step). */
const pick = async (page: Page, label: string, option: string) => {
  await page.getByRole("combobox", { name: label, exact: true }).click();
  await page.getByRole("option", { name: option }).click();
  await page.getByRole("listbox").waitFor({ state: "hidden" });
};

/** The row of the roles table naming `email`. */
const rowOf = (page: Page, table: string, email: string) =>
  page.getByRole("table", { name: table }).getByRole("row").filter({ hasText: email });

/**
 * As `email`: opens "Manage <entity>'s roles" from the flags page, gives `person` the role `given`, changes it to
 * `changed`, then removes it; each step checked in the table and in its toast.
 */
const giveChangeRemove = async (
  email: string,
  entity: string,
  person: { readonly name: string; readonly email: string },
  given: string,
  changed: string,
  shot: string,
) => {
  const page = await open(email);
  await page.getByRole("link", { name: `Manage ${entity}'s roles` }).click();
  await page.getByRole("heading", { name: `${entity}'s roles` }).waitFor();
  const table = `${entity}'s roles`;
  expect(await rowOf(page, table, person.email).count()).toBe(0);

  await pick(page, "Collaborator", `${person.name} · ${person.email}`);
  await pick(page, `Role on ${entity}`, given);
  await page.getByRole("button", { name: "Give role" }).click();
  await page.getByText(`${person.name} is ${given} on ${entity}`).waitFor();
  const row = rowOf(page, table, person.email);
  await row.waitFor();
  const select = row.getByRole("combobox", { name: `Role of ${person.name} on ${entity}` });
  await expect.poll(() => select.inputValue()).toBe(given);
  await screenshot(page, `${shot}-given`);

  await expect.poll(() => select.isDisabled()).toBe(false);
  await select.click();
  await page.getByRole("option", { name: changed, exact: true }).click();
  await page.getByText(`${person.name} is ${changed} on ${entity}`).waitFor();
  await expect.poll(() => select.inputValue()).toBe(changed);

  await row.getByRole("button", { name: `Remove ${person.name}'s role on ${entity}` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Remove role" }).click();
  await page.getByText(`${person.name} no longer holds a role on ${entity}`).waitFor();
  await expect.poll(() => rowOf(page, table, person.email).count()).toBe(0);
  await screenshot(page, `${shot}-removed`);
  await page.context().close();
};

describe("An environment's and a flag's roles", () => {
  it.each([
    [
      "the environment admin",
      "exp-env-admin@acme.example",
      "Production",
      { name: "Exp editor", email: "exp-editor@acme.example" },
      "Environment Viewer",
      "Environment Publisher",
      "fx-environment-roles",
    ],
    [
      "the flag admin",
      "exp-flag-admin@acme.example",
      "New cart",
      { name: "Exp viewer", email: "exp-viewer@acme.example" },
      "Flag Editor",
      "No Flag Access",
      "fx-flag-roles",
    ],
  ] as const)(
    "%s (%s) gives, changes and removes a role on %s from the flags page",
    async (_who, email, entity, person, given, changed, shot) => {
      await giveChangeRemove(email, entity, person, given, changed, shot);
    },
  );

  it("lists the holders by name and email, and a project owner's locked roles with the server's reason", async () => {
    const page = await open("exp-env-admin@acme.example");
    await page.getByRole("link", { name: "Manage Production's roles" }).click();
    const table = page.getByRole("table", { name: "Production's roles" });
    await table.getByRole("row").filter({ hasText: "exp-env-viewer@acme.example" }).waitFor();
    const text = (await table.textContent()) ?? "";
    expect(text).toContain("Exp env-admin");
    const viewer = rowOf(page, "Production's roles", "exp-env-viewer@acme.example");
    const role = viewer.getByRole("combobox", { name: "Role of Exp env-viewer on Production" });
    expect(await role.inputValue()).toBe("Environment Viewer");
    expect(text).not.toMatch(/demo-exp|acme-checkout/);
    await page.getByText(/Exp project-owner.*cannot be changed/).waitFor();
    // Only Production: the environment admin manages no other environment and no flag.
    expect(await page.getByRole("link", { name: /^Manage .*'s roles$/ }).count()).toBe(0);
    await page.goto(flagsUrl());
    await page.getByRole("link", { name: "Manage Production's roles" }).waitFor();
    expect(await page.getByRole("link", { name: /^Manage .*'s roles$/ }).count()).toBe(1);
    await screenshot(page, "fx-flags-env-admin");
    await page.context().close();
  });

  it("an editor sees no entry point, and the server refuses it the roles of Production and New cart", async () => {
    const page = await open("exp-editor@acme.example");
    await page.getByRole("switch", { name: "New cart in Development" }).waitFor();
    expect(await page.getByRole("link", { name: /^Manage .*'s roles$/ }).count()).toBe(0);
    for (const [path, id] of [
      ["environments.roles", "acme-checkout-production"],
      ["flags.roles", "acme-new-cart"],
    ] as const) {
      const refused = await callApi(page, suite.origin, path, { id }, "GET").then(
        () => "allowed",
        (error: Error) => error.message,
      );
      expect(refused, path).toMatch(/permissions/i);
    }
    // Typed in by hand, the page says so in words instead of showing anything (no action code, no Try again).
    await page.goto(`${app()}projects/acme-checkout/environments/acme-checkout-production/roles`);
    await page.getByText("You do not manage this environment's roles").waitFor();
    expect(await page.getByRole("table", { name: "Production's roles" }).count()).toBe(0);
    expect((await page.locator("body").textContent()) ?? "").not.toMatch(/experimentation:|Try again/);
    await screenshot(page, "fx-environment-roles-refused");
    await page.context().close();
  });

  it("shows a role's expiry, marks it expired once past, and gives the person a role again from the page", async () => {
    const page = await open("exp-env-admin@acme.example");
    await page.getByRole("link", { name: "Manage Production's roles" }).click();
    const table = "Production's roles";
    const scope = {
      org: "acme",
      product: "experimentation",
      instance: "acme-exp",
      project: "acme-checkout",
      environment: "acme-checkout-production",
    };
    // Given until a moment from now (the Admin Center sets expiries; here the API does).
    await callApi(
      page,
      suite.origin,
      "grants.create",
      {
        subject: { kind: "user", id: "demo-exp-publisher" },
        role: "experimentation:env-viewer",
        scope,
        expiresAt: new Date(Date.now() + 4000).toISOString(),
      },
      "POST",
    );
    const row = rowOf(page, table, "exp-publisher@acme.example");
    await row.getByText(/^Until /).waitFor();
    await screenshot(page, "fx-environment-role-until");
    // Once past: reloading shows it expired, and the person is offered under Give a role.
    await expect
      .poll(
        async () => {
          await page.reload();
          await page.getByRole("heading", { name: table }).waitFor();
          return rowOf(page, table, "exp-publisher@acme.example")
            .getByText("Expired", { exact: true })
            .count();
        },
        { timeout: 15_000, interval: 1000 },
      )
      .toBe(1);
    await row.getByText(/^Expired .*gives nothing now/).waitFor();
    expect(await row.getByRole("combobox").count()).toBe(0);
    await screenshot(page, "fx-environment-role-expired");

    await pick(page, "Collaborator", "Exp publisher · exp-publisher@acme.example");
    await pick(page, "Role on Production", "Environment Admin");
    await page.getByRole("button", { name: "Give role" }).click();
    await page.getByText("Exp publisher is Environment Admin on Production").waitFor();
    await expect.poll(() => rowOf(page, table, "exp-publisher@acme.example").count()).toBe(1);
    const select = row.getByRole("combobox", { name: "Role of Exp publisher on Production" });
    await expect.poll(() => select.inputValue()).toBe("Environment Admin");
    expect(await row.getByText("Expired", { exact: true }).count()).toBe(0);
    await screenshot(page, "fx-environment-role-given-again");
    await page.context().close();
  });

  it("says a hidden or missing flag is not there, never by its id", async () => {
    const page = await open("exp-flag-none@acme.example");
    await page.goto(`${app()}projects/acme-checkout/flags/acme-new-cart/roles`);
    await page.getByText("This flag does not exist, or is not shown to you").waitFor();
    const text = (await page.locator("body").textContent()) ?? "";
    expect(text).not.toMatch(/acme-new-cart|No flag "/);
    await screenshot(page, "fx-flag-roles-hidden");
    await page.context().close();
  });

  it("says an environment whose project was removed while its roles page is open no longer exists, by name", async () => {
    const page = await open("exp-administrator@acme.example");
    const project = (await callApi(
      page,
      suite.origin,
      "projects.create",
      { org: "acme", instance: "acme-exp", name: "Gone soon", platform: "feature" },
      "POST",
    )) as { readonly id: string; readonly version: number };
    const environments = (await callApi(
      page,
      suite.origin,
      "projects.environments.list",
      { project: project.id },
      "GET",
    )) as ReadonlyArray<{ readonly id: string; readonly name: string }>;
    const production = environments.find((e) => e.name === "Production");
    await page.goto(`${app()}projects/${project.id}/environments/${production?.id}/roles`);
    await page.getByRole("heading", { name: "Production's roles" }).waitFor();
    await callApi(
      page,
      suite.origin,
      "projects.remove",
      { id: project.id, version: project.version },
      "POST",
    );
    await page.getByText("Production no longer exists").waitFor();
    await page.getByText("Production, or its project Gone soon, was removed meanwhile.").waitFor();
    const text = (await page.locator("body").textContent()) ?? "";
    expect(text).not.toContain(project.id);
    expect(await page.getByRole("table", { name: "Production's roles" }).count()).toBe(0);
    await screenshot(page, "fx-environment-roles-project-removed");
    await page.context().close();
  });

  it("says what a role given to a group of project owners does for them: nothing, with the server's reason", async () => {
    const page = await open("exp-env-admin@acme.example");
    const admin = await openAs(suite, app(), "admin@acme.example", flagsUrl());
    const groups = (await callApi(
      admin,
      suite.origin,
      "groups.list",
      { org: "acme" },
      "GET",
    )) as ReadonlyArray<{
      readonly id: string;
      readonly name: string;
    }>;
    const owners = groups.find((g) => g.name === "Experimentation Project Owner");
    await admin.context().close();
    await callApi(
      page,
      suite.origin,
      "grants.create",
      {
        subject: { kind: "group", id: owners?.id },
        role: "experimentation:env-viewer",
        scope: {
          org: "acme",
          product: "experimentation",
          instance: "acme-exp",
          project: "acme-checkout",
          environment: "acme-checkout-production",
        },
      },
      "POST",
    );
    await page.getByRole("link", { name: "Manage Production's roles" }).click();
    const row = page
      .getByRole("table", { name: "Production's roles" })
      .getByRole("row")
      .filter({ hasText: "Experimentation Project Owner" });
    await row
      .getByText(
        /^Does nothing for .*Exp project-owner \(the environment and flag roles of a Project Owner cannot be changed\)/,
      )
      .waitFor();
    await screenshot(page, "fx-environment-roles-owners-group");
    await page.context().close();
  });

  // Last: the environment admin ends its own role here, which the tests above rely on.
  it("an environment admin that removes its own role is told it no longer manages the roles, not shown the table", async () => {
    const page = await open("exp-env-admin@acme.example");
    await page.goto(`${app()}projects/acme-checkout/environments/acme-checkout-production/roles`);
    await page.getByRole("heading", { name: "Production's roles" }).waitFor();
    await rowOf(page, "Production's roles", "exp-env-admin@acme.example")
      .getByRole("button", { name: "Remove Exp env-admin's role on Production" })
      .click();
    await page.getByRole("dialog").getByRole("button", { name: "Remove role" }).click();
    await page.getByText("You no longer manage Production's roles").waitFor();
    expect(await page.getByRole("table", { name: "Production's roles" }).count()).toBe(0);
    const text = (await page.locator("body").textContent()) ?? "";
    expect(text).not.toMatch(/experimentation:|Try again/);
    await screenshot(page, "fx-environment-roles-own-removed");
    await page.context().close();
  });
});
