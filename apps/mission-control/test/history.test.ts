// Browser tests of the history of operations: a customer's developer runs, schedules and cancels operations, then
// filters by instance and status, expands an entry, pages, and sees a new operation appear without reloading.
import { browserSuite, callApi, fastOperations, screenshot, signIn } from "@gatehouse/e2e";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";

fastOperations(0.02);

const suite = browserSuite();
let page: Page;

interface Operation {
  readonly id: string;
  readonly status: string;
}

const get = (path: string, input: unknown) => callApi(page, suite.origin, path, input, "GET");
const run = async (input: Record<string, unknown>): Promise<Operation> =>
  ((await callApi(page, suite.origin, "operations.run", input, "POST")) as { operation: Operation })
    .operation;

/** Waits until the operation has finished (the simulated executor takes well under a second here). */
const finished = async (id: string): Promise<string> => {
  for (let i = 0; i < 100; i++) {
    const { status } = (await get("operations.get", { id })) as Operation;
    if (status === "completed" || status === "failed") return status;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`operation ${id} did not finish`);
};

const pickOption = async (label: string, option: string) => {
  await page.getByLabel(label, { exact: true }).first().click();
  await page.getByRole("option", { name: option, exact: true }).click();
};

beforeAll(async () => {
  page = await suite.newPage();
  await signIn(page, `${suite.origin}/mission-control/`, "customerdev@acme.example");
  await expect(
    finished((await run({ instance: "acme-mc-sandbox", action: "site.restart" })).id),
  ).resolves.toBe("completed");
  await expect(
    finished((await run({ instance: "acme-mc-production", action: "database.backup" })).id),
  ).resolves.toBe("completed");
  const later = new Date(Date.now() + 24 * 3600_000).toISOString();
  const deploy = await run({ instance: "acme-mc-sandbox", action: "code.deploy", scheduledFor: later });
  await callApi(page, suite.origin, "operations.cancel", { id: deploy.id }, "POST");
});

describe("History of operations", () => {
  it("lists who ran what on acme's instances, filters by instance and status, and expands an entry", async () => {
    await page.goto(`${suite.origin}/mission-control/history`);
    const table = page.getByRole("table", { name: "Operations" });
    await table.getByText("Database backup").waitFor();
    await expect(table.getByText("Restart site").count()).resolves.toBe(1);
    await expect(table.getByText("Acme customerDev (you)").count()).resolves.toBeGreaterThanOrEqual(3);
    await screenshot(page, "mission-control-history");

    await pickOption("Instance", "sandbox");
    await page.waitForURL(/instance=acme-mc-sandbox/);
    await table.getByText("Database backup").waitFor({ state: "detached" });
    await expect(table.getByText("Base code deploy").count()).resolves.toBe(1);

    await pickOption("Status", "Cancelled");
    await page.waitForURL(/status=cancelled/);
    await table.getByText("Restart site").waitFor({ state: "detached" });
    await expect(table.getByText("Cancelled before it started").count()).resolves.toBe(1);

    await table.getByRole("button", { name: /Show the status changes of Base code deploy/ }).click();
    const changes = table.getByLabel("Status changes");
    // Who changed the status is named ("you" for oneself), never by id.
    await changes
      .getByText(/· by you/)
      .first()
      .waitFor();
    await expect(changes.first().textContent()).resolves.not.toContain("demo-customerdev");
    await expect(changes.getByText("Submitted", { exact: true }).count()).resolves.toBe(1);
    await expect(changes.getByText("Cancelled", { exact: true }).count()).resolves.toBe(1);
    await screenshot(page, "mission-control-history-expanded");
  });

  it("pages through more operations than fit on a page", async () => {
    const later = new Date(Date.now() + 48 * 3600_000).toISOString();
    for (let i = 0; i < 26; i++)
      await run({ instance: "acme-mc-production", action: "database.backup", scheduledFor: later });
    await page.goto(
      `${suite.origin}/mission-control/history?customer=acme&instance=acme-mc-production&status=submitted`,
    );
    const rows = page.getByRole("table", { name: "Operations" }).locator("tbody tr");
    await page.getByText("Page 1").waitFor();
    await expect.poll(() => rows.count()).toBe(25);
    await page.getByRole("button", { name: "Next" }).click();
    await page.getByText("Page 2").waitFor();
    await expect.poll(() => rows.count()).toBe(1);
    await expect(page.getByRole("button", { name: "Next" }).isDisabled()).resolves.toBe(true);
    await page.getByRole("button", { name: "Previous" }).click();
    await expect.poll(() => rows.count()).toBe(25);
  });

  it("shows a new operation without reloading, from the change stream", async () => {
    await page.goto(
      `${suite.origin}/mission-control/history?customer=acme&instance=acme-mc-sandbox&status=completed`,
    );
    const restarts = page.getByRole("table", { name: "Operations" }).getByText("Restart site");
    await restarts.first().waitFor();
    await expect(restarts.count()).resolves.toBe(1);
    await finished((await run({ instance: "acme-mc-sandbox", action: "site.restart" })).id);
    await expect.poll(() => restarts.count(), { timeout: 15_000 }).toBe(2);
    await screenshot(page, "mission-control-history-live");
  });

  it("names who ran an operation, a partner's user too, with the id on hover; Last operation by its name", async () => {
    const partner = await suite.newPage();
    await signIn(partner, `${suite.origin}/mission-control/`, "partnerdev@agency.example");
    const ran = (await callApi(
      partner,
      suite.origin,
      "operations.run",
      { instance: "acme-mc-production", action: "database.backup" },
      "POST",
    )) as { operation: Operation };
    await expect(finished(ran.operation.id)).resolves.toBe("completed");

    await page.goto(`${suite.origin}/mission-control/history?customer=acme&instance=acme-mc-production`);
    const table = page.getByRole("table", { name: "Operations" });
    const who = table.getByText("Agency partnerDev", { exact: true }).first();
    await who.waitFor();
    await expect(who.locator("xpath=..").getAttribute("title")).resolves.toBe("User id demo-partnerdev");
    await expect(table.textContent()).resolves.not.toMatch(/demo-|mission-control:/);
    await screenshot(page, "mission-control-history-names");

    // The partner reads acme's users as acme's, unnamed.
    await partner.goto(`${suite.origin}/mission-control/history?customer=acme`);
    await partner
      .getByRole("table", { name: "Operations" })
      .getByText("A user of Acme", { exact: true })
      .first()
      .waitFor();
    await expect(partner.getByText("A user of another organization").count()).resolves.toBe(0);

    await page.goto(`${suite.origin}/mission-control/customers/acme`);
    const instances = page.getByRole("table", { name: "Instances" });
    await instances
      .getByText(/^Database backup, completed/)
      .first()
      .waitFor();
    await screenshot(page, "mission-control-last-operation");
  });

  it("an operation whose requester lost access before it started shows why it never ran", async () => {
    const user = await suite.newPage();
    await signIn(user, `${suite.origin}/mission-control/`, "customeruser@acme.example");
    const admin = await suite.newPage();
    await signIn(admin, `${suite.origin}/admin-center/`, "admin@acme.example");
    // Ten minutes ahead: about twelve seconds at this file's time scale, while the account is deactivated.
    const at = new Date(Date.now() + 10 * 60_000).toISOString();
    const { operation } = (await callApi(
      user,
      suite.origin,
      "operations.run",
      { instance: "acme-mc-sandbox", action: "site.restart", scheduledFor: at },
      "POST",
    )) as { operation: Operation };
    const status = (userId: string, procedure: string) =>
      callApi(admin, suite.origin, procedure, { userId }, "POST");
    await status("demo-customeruser", "users.deactivate");
    try {
      await expect
        .poll(async () => ((await get("operations.get", { id: operation.id })) as Operation).status, {
          timeout: 60_000,
          interval: 250,
        })
        .toBe("cancelled");
      await page.goto(`${suite.origin}/mission-control/history?customer=acme&status=cancelled`);
      const table = page.getByRole("table", { name: "Operations" });
      await table.getByText(/^the requester no longer has access to run it here/).waitFor();
      await screenshot(page, "mission-control-history-lost-access");
    } finally {
      await status("demo-customeruser", "users.reactivate");
    }
  });

  it("refuses an admin with no Mission Control role in words, with no retry that cannot help", async () => {
    const admin = await suite.newPage();
    await signIn(admin, `${suite.origin}/mission-control/`, "admin@acme.example");
    await admin.goto(`${suite.origin}/mission-control/history?customer=acme`);
    await admin.getByText("No history to show").waitFor();
    await admin.getByText(/^You hold no Mission Control role on any environment of Acme/).waitFor();
    await expect(admin.getByRole("button", { name: "Try again" }).count()).resolves.toBe(0);
  });
});
