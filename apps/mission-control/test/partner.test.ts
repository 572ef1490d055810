// Browser tests of partner access: a partner user without access sees nothing of acme; it asks in the UI, acme's
// admin approves in the Admin Center, and the partner reaches acme and runs what its role allows, nothing more.
import { browserSuite, callApi, fastOperations, screenshot, signIn } from "@gatehouse/e2e";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";

fastOperations(0.02);

const suite = browserSuite();
const partnerId = "demo-partneruser";

const open = async (email: string, app: "mission-control" | "admin-center"): Promise<Page> => {
  const context = await suite.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signIn(page, `${suite.origin}/${app}/`, email);
  return page;
};
const get = (page: Page, path: string, input?: unknown) => callApi(page, suite.origin, path, input, "GET");
const post = (page: Page, path: string, input: unknown) => callApi(page, suite.origin, path, input, "POST");

interface Grant {
  readonly id: string;
  readonly version: number;
  readonly role: string | null;
  readonly scope: { readonly product?: string };
}

let admin: Page;
let partner: Page;

beforeAll(async () => {
  admin = await open("admin@acme.example", "admin-center");
  // The partner user starts without any Mission Control grant at acme.
  const grants = (await get(admin, "grants.list", {
    org: "acme",
    subject: { kind: "user", id: partnerId },
  })) as ReadonlyArray<Grant>;
  for (const grant of grants.filter((g) => g.scope.product === "mission-control"))
    await post(admin, "grants.remove", { id: grant.id, version: grant.version });
  partner = await open("partneruser@agency.example", "mission-control");
});

const customersOf = async (page: Page) =>
  ((await get(page, "missionControl.customers")) as ReadonlyArray<{ org: string }>).map((c) => c.org);

describe("Partner access", () => {
  it("a partner user without access sees nothing of acme and a forced run is refused", async () => {
    await expect(customersOf(partner)).resolves.not.toContain("acme");
    await expect(get(partner, "missionControl.instances", { customer: "acme" })).rejects.toThrow(
      /No Mission Control customer/,
    );
    await expect(
      post(partner, "operations.run", { instance: "acme-mc-sandbox", action: "site.restart" }),
    ).rejects.toThrow(/operations\.run/);
    await partner.goto(`${suite.origin}/mission-control/customers`);
    const customers = partner.getByRole("table", { name: "Customers" });
    await customers.getByRole("link", { name: "Agency" }).waitFor();
    await expect(customers.getByRole("link", { name: "Acme" }).count()).resolves.toBe(0);
    await partner.goto(`${suite.origin}/mission-control/history?customer=acme`);
    await partner.getByText("No access to acme").waitFor();
    await partner.goto(`${suite.origin}/mission-control/partner-access`);
    await partner.getByText("No customer has granted you access yet").waitFor();
    await screenshot(partner, "mission-control-partner-no-access");
  });

  it("requests access in the UI; after acme's admin approves, it reaches acme and runs what its role allows", async () => {
    await partner.goto(`${suite.origin}/mission-control/partner-access`);
    const form = partner.getByRole("form", { name: "Request access" });
    await form.getByRole("button", { name: "Send request" }).click();
    await form.getByText("Enter the customer's organization id").waitFor();
    await form.getByLabel("Customer organization").fill("acme");
    await form.getByLabel("Note (optional)").fill("Restarts during the spring release");
    await form.getByRole("button", { name: "Send request" }).click();
    const requests = partner.getByRole("table", { name: "Your access requests" });
    await requests.getByText("Pending", { exact: true }).waitFor();
    await expect(requests.getByText("Restarts during the spring release").count()).resolves.toBe(1);
    await screenshot(partner, "mission-control-partner-requested");

    // The request shows up in acme's Admin Center, where its admin approves it.
    await admin.goto(`${suite.origin}/admin-center/access-requests`);
    await admin.getByRole("button", { name: "Approve the request of Agency partnerUser" }).click();
    await admin.getByRole("dialog").getByRole("button", { name: "Approve" }).click();
    await admin.getByText(/Approved:/).waitFor();

    // The partner's page follows live: the request is approved and acme granted it partnerUser.
    await requests.getByText("Approved", { exact: true }).waitFor();
    const granted = partner.getByRole("table", { name: "Customers that granted you access" });
    await granted.getByText("partnerUser on every environment").waitFor();
    await expect(granted.getByRole("link", { name: "Acme" }).count()).resolves.toBe(1);
    await screenshot(partner, "mission-control-partner-granted");

    await expect(customersOf(partner)).resolves.toContain("acme");
    const instances = (await get(partner, "missionControl.instances", {
      customer: "acme",
    })) as ReadonlyArray<{
      id: string;
    }>;
    expect(instances.map((i) => i.id).sort()).toEqual(["acme-mc-production", "acme-mc-sandbox"]);
    const run = (await post(partner, "operations.run", {
      instance: "acme-mc-sandbox",
      action: "site.restart",
    })) as { operation: { status: string; requestedBy: string } };
    expect(run.operation).toMatchObject({ status: "submitted", requestedBy: partnerId });
    await expect(
      post(partner, "operations.run", { instance: "acme-mc-sandbox", action: "code.deploy" }),
    ).rejects.toThrow(/operations\.run/);

    // In the UI: acme is among its customers, and acme's history shows the restart it ran.
    await partner.goto(`${suite.origin}/mission-control/customers`);
    await partner.getByRole("table", { name: "Customers" }).getByRole("link", { name: "Acme" }).click();
    await partner.waitForURL("**/mission-control/customers/acme");
    await partner.getByText("production", { exact: true }).first().waitFor();
    await screenshot(partner, "mission-control-partner-customer");
    await partner.goto(`${suite.origin}/mission-control/history?customer=acme`);
    const history = partner.getByRole("table", { name: "Operations" });
    await history.getByText("Agency partnerUser (you)").waitFor();
    await expect(history.getByText("Restart site").count()).resolves.toBe(1);
    await screenshot(partner, "mission-control-partner-history");
  });

  it("follows a support ticket through its states and withdraws a pending request", async () => {
    const ticket = (await post(partner, "accessRequests.request", {
      customerOrg: "acme",
      role: "mission-control:partnerDev",
      instance: "acme-mc-production",
      path: "support-ticket",
    })) as { id: string };
    await post(admin, "accessRequests.decide", { id: ticket.id, approve: true });
    await partner.goto(`${suite.origin}/mission-control/partner-access`);
    const requests = partner.getByRole("table", { name: "Your access requests" });
    await requests.getByText(/waiting for the platform operator/).waitFor();
    await expect(requests.getByText("Support ticket", { exact: true }).count()).resolves.toBe(1);

    const form = partner.getByRole("form", { name: "Request access" });
    await form.getByLabel("Customer organization").fill("acme");
    // The environments it already reaches are offered by name, never as ids to type.
    await form.getByRole("combobox", { name: "Environment" }).click();
    await partner.getByRole("option", { name: "sandbox", exact: true }).click();
    await form.getByRole("button", { name: "Send request" }).click();
    const sandbox = requests.getByRole("row", { name: /sandbox/ });
    await sandbox.getByText("Pending", { exact: true }).waitFor();
    await screenshot(partner, "mission-control-partner-ticket");
    await partner.getByRole("button", { name: "Withdraw the request to Acme" }).click();
    await partner.getByRole("dialog").getByRole("button", { name: "Withdraw" }).click();
    await sandbox.getByText("Cancelled", { exact: true }).waitFor();
    await expect(requests.getByRole("button", { name: /Withdraw/ }).count()).resolves.toBe(0);

    // The platform operator completes the ticket: the partner's page shows it and the new role.
    const operator = await open("operator@gatehouse.example", "admin-center");
    await post(operator, "accessRequests.complete", { id: ticket.id });
    const production = requests.getByRole("row", { name: /production/ });
    await production.getByText("Completed", { exact: true }).first().waitFor();
    await expect(production.getByText(/waiting for the platform operator/).count()).resolves.toBe(0);
    const granted = partner.getByRole("table", { name: "Customers that granted you access" });
    await granted.getByText("partnerDev on production").waitFor();
    await screenshot(partner, "mission-control-partner-ticket-completed");
    const mine = (await get(partner, "accessRequests.mine")) as ReadonlyArray<{ status: string }>;
    expect(mine.map((r) => r.status).sort()).toEqual(["approved", "cancelled", "completed"]);
  });

  it("a customer's user is pointed to the Admin Center to approve or deny partner requests", async () => {
    const customer = await open("customeradmin@acme.example", "mission-control");
    await customer.goto(`${suite.origin}/mission-control/partner-access`);
    const link = customer.getByRole("link", { name: "Approve or deny partner requests in the Admin Center" });
    await expect(link.getAttribute("href")).resolves.toBe("/admin-center/access-requests");
    await screenshot(customer, "mission-control-partner-customer-side");
  });

  it("a partner whose customer takes its access away is told so on the open page, by name, without a reload", async () => {
    const dev = await open("partnerdev@agency.example", "mission-control");
    await dev.goto(`${suite.origin}/mission-control/customers/acme/instances/acme-mc-sandbox`);
    await dev.getByRole("heading", { name: "sandbox" }).waitFor();
    const grants = (await get(admin, "grants.list", {
      org: "acme",
      subject: { kind: "user", id: "demo-partnerdev" },
    })) as ReadonlyArray<Grant>;
    for (const grant of grants) await post(admin, "grants.remove", { id: grant.id, version: grant.version });
    await dev.getByText("You no longer reach sandbox").waitFor({ timeout: 15_000 });
    const text = (await dev.locator("body").textContent()) ?? "";
    expect(text).not.toMatch(/acme-mc-sandbox|No instance "/);
    await screenshot(dev, "mission-control-partner-access-ended");
    await dev.context().close();
  });
});
