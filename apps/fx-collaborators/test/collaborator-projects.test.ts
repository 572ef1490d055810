// Browser tests of what a Feature collaborator who manages nobody reaches (headless Chromium against the
// `pnpm start` server): an editor sees its project and opens its flags; a publisher's production toggle asks
// for confirmation naming the flag and the environment, and cancelling changes nothing.
import { browserSuite, screenshot, signIn } from "@gatehouse/e2e";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";

const suite = browserSuite();
const app = () => `${suite.origin}/fx-collaborators/`;

const signedIn = async (email: string): Promise<Page> => {
  const context = await suite.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signIn(page, app(), email);
  return page;
};

describe("Collaborators who do not manage", () => {
  it("an editor sees Checkout among its projects and opens its flags, without Collaborators", async () => {
    const page = await signedIn("exp-editor@acme.example");
    const projects = page.getByRole("table", { name: "Feature projects" });
    await projects.getByRole("row", { name: /Checkout/ }).waitFor();
    await expect(page.getByText("No Feature projects").count()).resolves.toBe(0);
    await expect(projects.getByRole("link", { name: "Collaborators of Checkout" }).count()).resolves.toBe(0);
    await screenshot(page, "fx-projects-editor");
    await projects.getByRole("link", { name: "Flags of Checkout" }).click();
    await page.waitForURL("**/fx-collaborators/projects/acme-checkout/flags");
    await page.getByRole("switch", { name: "New cart in Development" }).waitFor();
    await screenshot(page, "fx-flags-from-projects");
    // The breadcrumb's project leads to what an editor may use (its flags), not to Collaborators.
    const crumb = page.getByRole("link", { name: "Checkout", exact: true });
    await expect(crumb.getAttribute("href")).resolves.toBe("/fx-collaborators/projects/acme-checkout/flags");
    await page.context().close();
  });

  it("a project owner also reaches Collaborators", async () => {
    const page = await signedIn("exp-project-owner@acme.example");
    const projects = page.getByRole("table", { name: "Feature projects" });
    await projects.getByRole("link", { name: "Collaborators of Checkout" }).click();
    await page.getByRole("heading", { name: "Collaborators", level: 1 }).waitFor();
    await page.context().close();
  });

  it("a publisher's production toggle asks first, naming the flag and the environment", async () => {
    const page = await signedIn("exp-publisher@acme.example");
    await page
      .getByRole("table", { name: "Feature projects" })
      .getByRole("link", { name: "Flags of Checkout" })
      .click();
    const prod = page.getByRole("switch", { name: "New cart in Production" });
    await expect.poll(() => prod.isDisabled()).toBe(false);
    const before = await prod.isChecked();
    const word = before ? "off" : "on";

    await prod.click({ force: true });
    const dialog = page.getByRole("dialog", { name: `Turn New cart ${word} in Production?` });
    await dialog.getByText(`New cart will be ${word} in Production, a production environment`).waitFor();
    await screenshot(page, "fx-publisher-confirm-production");
    await dialog.getByRole("button", { name: `Leave it ${before ? "on" : "off"}` }).click();
    await dialog.waitFor({ state: "hidden" });
    await expect(prod.isChecked()).resolves.toBe(before);

    await prod.click({ force: true });
    await dialog.getByRole("button", { name: `Turn ${word} in Production` }).click();
    // The dialog closes before the next switch is reached, as a person waits for it.
    await dialog.waitFor({ state: "hidden" });
    await page.getByText(`New cart is ${word} in Production`).waitFor();
    await expect.poll(() => prod.isChecked()).toBe(!before);
    // Development asks nothing.
    const dev = page.getByRole("switch", { name: "New cart in Development" });
    const devBefore = await dev.isChecked();
    await dev.click({ force: true });
    await page.getByText(`New cart is ${devBefore ? "off" : "on"} in Development`).waitFor();
    await screenshot(page, "fx-publisher-toggled-production");
    await page.context().close();
  });
});
