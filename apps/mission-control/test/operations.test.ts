// Browser tests of customers, instances and running operations (headless Chromium against the `pnpm start`
// server, the simulated executor sped up tenfold): guarded actions, confirmations, live status, credentials, cancel.
import { browserSuite, callApi, fastOperations, screenshot, signIn } from "@gatehouse/e2e";
import type { Page } from "playwright-core";
import { beforeEach, describe, expect, it } from "vitest";

// Restarts take under a second, deploys a few seconds; nothing fails at random.
fastOperations(0.1);

const suite = browserSuite();
let page: Page;

beforeEach(async () => {
  const context = await suite.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  page = await context.newPage();
});

const app = () => `${suite.origin}/mission-control/`;
const sandbox = () => `${app()}customers/acme/instances/acme-mc-sandbox`;

/** Signs in and opens the acme sandbox's instance page. */
const openSandbox = async (email: string) => {
  await signIn(page, app(), email);
  await page.goto(sandbox());
  await page.getByRole("heading", { name: "sandbox", exact: true }).waitFor();
};

const tracker = () => page.getByRole("region", { name: "Running operation" });

/** Waits until the tracked operation's status badge reads `status`. */
const trackedStatus = (status: string) =>
  tracker().getByText(status, { exact: true }).first().waitFor({ timeout: 60_000 });

describe("Mission Control customers and operations", () => {
  it("customerUser sees its customer and instances, restarts the sandbox to completion, and may not deploy", async () => {
    await signIn(page, app(), "customeruser@acme.example");
    const customers = page.getByRole("table", { name: "Customers" });
    await customers.getByText("customerUser · all environments").waitFor();
    await expect(customers.getByText("Your organization").count()).resolves.toBe(1);
    await screenshot(page, "mission-control-customers");

    await customers.getByRole("link").first().click();
    const instances = page.getByRole("table", { name: "Instances" });
    await instances.getByRole("link", { name: "production" }).waitFor();
    await expect(instances.getByText("Production", { exact: true }).count()).resolves.toBe(1);
    await expect(instances.getByText("Sandbox", { exact: true }).count()).resolves.toBe(1);
    await instances.getByRole("link", { name: "sandbox" }).click();
    await page.getByLabel("Environment facts").getByText("acme-mc-sandbox").waitFor();

    const deploy = page.getByRole("button", { name: "Base code deploy" });
    await expect(deploy.isDisabled()).resolves.toBe(true);
    await deploy.locator("xpath=..").getByRole("button", { name: "Why?" }).click();
    await page.getByText("customerUser does not include Base code deploy").waitFor();
    await page.waitForTimeout(300);
    await screenshot(page, "mission-control-deploy-why");
    await page.keyboard.press("Escape");

    const restart = page.getByRole("button", { name: "Restart site" });
    await expect(restart.isEnabled()).resolves.toBe(true);
    await restart.click();
    const dialog = page.getByRole("dialog", { name: "Restart site on sandbox?" });
    await dialog.getByRole("button", { name: "Restart site" }).click();
    await trackedStatus("Completed");
    const recent = page.getByRole("table", { name: "Recent operations" });
    await recent.getByText("Completed").first().waitFor();
    await screenshot(page, "mission-control-instance");

    await expect(
      callApi(
        page,
        suite.origin,
        "operations.run",
        { instance: "acme-mc-sandbox", action: "code.deploy" },
        "POST",
      ),
    ).rejects.toThrow(
      'You may not "Base code deploy" here (mission-control:code.deploy): customerUser does not include Base code deploy',
    );
    const history = (await callApi(
      page,
      suite.origin,
      "operations.history",
      { org: "acme", instance: "acme-mc-sandbox", limit: 10 },
      "GET",
    )) as { items: ReadonlyArray<{ action: string }> };
    expect(history.items.map((i) => i.action)).not.toContain("mission-control:code.deploy");
  });

  it("a forced deploy by customerUser is refused with 403", async () => {
    await signIn(page, app(), "customeruser@acme.example");
    const cookies = await page.context().cookies();
    const csrf = cookies.find((c) => c.name === "gatehouse_csrf")?.value ?? "";
    const response = await page.request.post(`${suite.origin}/trpc/operations.run`, {
      headers: { "x-csrf-token": csrf },
      data: { instance: "acme-mc-sandbox", action: "code.deploy" },
    });
    expect(response.status()).toBe(403);
  });

  it("customerDev runs a base code deploy and watches it reach completed", async () => {
    await openSandbox("customerdev@acme.example");
    await page.getByRole("button", { name: "Base code deploy" }).click();
    await page
      .getByRole("dialog", { name: "Base code deploy on sandbox?" })
      .getByRole("button", { name: "Base code deploy" })
      .click();
    await trackedStatus("In progress");
    await screenshot(page, "mission-control-running-operation");
    await trackedStatus("Completed");
    await page
      .getByRole("table", { name: "Recent operations" })
      .getByText("Base code deploy")
      .first()
      .waitFor();
  });

  it("production database sync needs the instance's name typed before it runs", async () => {
    await openSandbox("customerdev@acme.example");
    await page.getByRole("button", { name: "Production database sync" }).click();
    const dialog = page.getByRole("dialog", { name: "Production database sync on sandbox?" });
    const run = dialog.getByRole("button", { name: "Production database sync" });
    await expect(run.isDisabled()).resolves.toBe(true);
    const name = dialog.getByLabel('Type "sandbox" to confirm');
    await name.fill("sandbo");
    await expect(run.isDisabled()).resolves.toBe(true);
    await screenshot(page, "mission-control-sync-confirm");
    await name.fill("sandbox");
    await expect(run.isEnabled()).resolves.toBe(true);
    await run.click();
    await tracker().getByText("Production database sync").waitFor();
    await page
      .getByRole("table", { name: "Recent operations" })
      .getByText("Production database sync")
      .first()
      .waitFor();
  });

  it("generated database credentials are shown once, with a copy button", async () => {
    await openSandbox("customerdev@acme.example");
    await page.getByRole("button", { name: "Generate database credentials" }).click();
    await page
      .getByRole("dialog", { name: "Generate database credentials on sandbox?" })
      .getByRole("button", { name: "Generate database credentials" })
      .click();
    const shown = page.getByRole("dialog", { name: "Database credentials" });
    await shown.getByText("Shown only this once").waitFor();
    const password = await shown.getByLabel("Password", { exact: true }).inputValue();
    expect(password.length).toBeGreaterThan(8);
    await shown.getByRole("button", { name: "Copy Password" }).click();
    await shown.getByRole("button", { name: "Copied" }).waitFor();
    await screenshot(page, "mission-control-credentials");
    await shown.getByRole("button", { name: "I have copied them" }).click();
    await shown.waitFor({ state: "detached" });
    await page.reload();
    await page.getByRole("heading", { name: "sandbox", exact: true }).waitFor();
    await expect(page.getByText(password).count()).resolves.toBe(0);
    const history = (await callApi(
      page,
      suite.origin,
      "operations.history",
      { org: "acme", instance: "acme-mc-sandbox", limit: 20 },
      "GET",
    )) as { items: ReadonlyArray<unknown> };
    expect(JSON.stringify(history.items)).not.toContain(password);
  });

  it("a scheduled operation can be cancelled while it waits", async () => {
    await openSandbox("customerdev@acme.example");
    await page.getByRole("button", { name: "Database backup" }).click();
    const dialog = page.getByRole("dialog", { name: "Database backup on sandbox?" });
    await dialog.getByLabel("Schedule for later").check();
    await dialog.getByLabel("Run at (your local time)").waitFor();
    await dialog.getByRole("button", { name: "Schedule database backup" }).click();
    await tracker()
      .getByText(/Scheduled for/)
      .waitFor();
    await tracker().getByRole("button", { name: "Cancel Database backup" }).click();
    // Both buttons say what they do: keeping it, or cancelling it.
    const cancelDialog = page.getByRole("dialog", { name: "Cancel Database backup?" });
    await cancelDialog.getByRole("button", { name: "Keep operation" }).waitFor();
    await screenshot(page, "operations-cancel-dialog");
    await cancelDialog.getByRole("button", { name: "Cancel operation" }).click();
    await trackedStatus("Cancelled");
    await page.getByRole("table", { name: "Recent operations" }).getByText("Cancelled").first().waitFor();
  });

  it("a partner user reaches acme through partner access and runs only what partnerUser allows", async () => {
    await signIn(page, app(), "partneruser@agency.example");
    const customers = page.getByRole("table", { name: "Customers" });
    await customers.getByText("Partner access").waitFor();
    await customers.getByText("partnerUser · all environments").waitFor();
    await page.goto(`${app()}customers/acme/instances/acme-mc-production`);
    await page.getByRole("heading", { name: "production", exact: true }).waitFor();
    // The engine's answers arrive after the page: the refused action gains its Why?, the allowed one is enabled.
    const extension = page.getByRole("button", { name: "Extension deployment" });
    await extension.locator("xpath=..").getByRole("button", { name: "Why?" }).waitFor();
    await expect(extension.isDisabled()).resolves.toBe(true);
    await expect
      .poll(() => page.getByRole("button", { name: "Restart site" }).isEnabled(), { timeout: 15_000 })
      .toBe(true);
    await expect(page.getByRole("table", { name: "Role holders" }).count()).resolves.toBe(0);
    await screenshot(page, "mission-control-partner-instance");
  });

  it("the customer's super admin sees who holds roles, partners marked, with the way to the Admin Center", async () => {
    await openSandbox("admin@acme.example");
    const holders = page.getByRole("table", { name: "Role holders" });
    await holders.getByText("Agency partnerUser").waitFor();
    // The partner by its organization's name, not its id.
    await expect(holders.getByText(/Partner · Agency/).count()).resolves.toBeGreaterThanOrEqual(3);
    const link = page.getByRole("link", { name: "Grant or revoke partner access in the Admin Center" });
    await expect(link.getAttribute("href")).resolves.toBe("/admin-center/access-requests");
    await screenshot(page, "mission-control-holders");
  });
});
