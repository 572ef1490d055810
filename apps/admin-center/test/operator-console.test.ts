// Browser tests of the platform operator's console (real headless Chromium against the `pnpm start` server): the
// operator signs in to its own shell, provisions an organization with products, enables another, invites its
// first super admin and reads the link; it works the support-ticket queue a customer's approval filled, and the
// partner sees the outcome in Mission Control.
import { browserSuite, callApi, screenshot, signIn } from "@gatehouse/e2e";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";

const suite = browserSuite();

const signedIn = async (email: string, url: string): Promise<Page> => {
  const context = await suite.browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  await signIn(page, url, email);
  return page;
};

const post = (page: Page, procedure: string, input: unknown) =>
  callApi(page, suite.origin, procedure, input, "POST") as Promise<{ id: string }>;

describe("The operator's console", () => {
  it("lands on Organizations, provisions one with products, enables another and invites its first super admin", async () => {
    const operator = await signedIn("operator@gatehouse.example", `${suite.origin}/admin-center/`);
    await operator.getByRole("heading", { name: "Organizations", level: 1 }).waitFor();
    const nav = operator.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link").allTextContents()).resolves.toEqual([
      "Organizations",
      "Support tickets",
    ]);
    const table = operator.getByRole("table", { name: "Organizations" });
    await table.getByRole("row", { name: /Agency.*Partner.*Mission Control/ }).waitFor();
    // Acme has its super admin: only an organization without one is offered the invitation.
    await expect(
      operator.getByRole("button", { name: "Invite the first super admin of Acme" }).count(),
    ).resolves.toBe(0);

    await operator.getByRole("button", { name: "Provision an organization" }).click();
    const dialog = operator.getByRole("dialog", { name: "Provision an organization" });
    await dialog.getByLabel("Name", { exact: true }).fill("Globex Corporation");
    await dialog.getByLabel("Organization id").fill("Globex Corp");
    await dialog.getByRole("button", { name: "Provision organization" }).click();
    await dialog
      .getByText(
        "Organization id: use 1 to 63 lower-case letters, digits and dashes, starting with a letter or digit",
      )
      .waitFor();
    await screenshot(operator, "operator-provision-invalid");
    await dialog.getByLabel("Organization id").fill("globex");
    await dialog.getByRole("checkbox", { name: "Experimentation" }).check();
    await dialog.getByRole("checkbox", { name: "Opti ID Admin Center" }).check();
    await dialog.getByRole("button", { name: "Provision organization" }).click();
    await operator.getByText("Provisioned Globex Corporation (globex)").waitFor();
    const globex = table.getByRole("row", { name: /Globex Corporation/ });
    await globex.getByText("Experimentation").waitFor();
    await expect(globex.getByText("Customer").count()).resolves.toBe(1);

    // An id already taken is refused by the server, in the form.
    await operator.getByRole("button", { name: "Provision an organization" }).click();
    await dialog.getByLabel("Name", { exact: true }).fill("Acme again");
    await dialog.getByLabel("Organization id").fill("acme");
    await dialog.getByRole("button", { name: "Provision organization" }).click();
    await dialog.getByText("Not provisioned").waitFor();
    await dialog.getByRole("button", { name: "Cancel" }).click();

    await operator.getByRole("button", { name: "Change the products of Globex Corporation" }).click();
    const products = operator.getByRole("dialog", { name: "Products of Globex Corporation" });
    await products.getByRole("checkbox", { name: "Mission Control" }).check();
    await products.getByRole("button", { name: "Save products" }).click();
    await operator.getByText("Saved the products of Globex Corporation").waitFor();
    await globex.getByText("Mission Control").waitFor();
    await screenshot(operator, "operator-organizations");

    await operator
      .getByRole("button", { name: "Invite the first super admin of Globex Corporation" })
      .click();
    const invite = operator.getByRole("dialog", { name: "First super admin of Globex Corporation" });
    await invite.getByLabel("Email").fill("not-an-email");
    await invite.getByRole("button", { name: "Invite super admin" }).click();
    await invite.getByText("Enter an email address such as ana@globex.example").waitFor();
    await invite.getByLabel("Email").fill("gina@globex.example");
    await invite.getByLabel("Name").fill("Gina Globex");
    await invite.getByRole("button", { name: "Invite super admin" }).click();
    await invite.getByText("First super admin invited").waitFor();
    await invite
      .getByText(/Gina Globex \(gina@globex\.example\) is invited as the first super admin/)
      .waitFor();
    const link = await invite.getByLabel("Accept link for gina@globex.example").textContent();
    expect(link).toMatch(/\/admin-center\/accept\?token=/);
    await screenshot(operator, "operator-first-admin-invited");
    await invite.getByRole("button", { name: "Done" }).click();
    await globex.getByText("Yes", { exact: true }).waitFor();
    await expect(
      operator.getByRole("button", { name: "Invite the first super admin of Globex Corporation" }).count(),
    ).resolves.toBe(0);
  });

  it("completes and denies support tickets a customer approved; the partner sees the outcome", async () => {
    const partner = await signedIn("partnerdev@agency.example", `${suite.origin}/mission-control/`);
    const admin = await signedIn("admin@acme.example", `${suite.origin}/admin-center/`);
    const ask = (instance: string, role: string, note: string) =>
      post(partner, "accessRequests.request", {
        customerOrg: "acme",
        role,
        instance,
        path: "support-ticket",
        note,
      });
    const sandbox = await ask("acme-mc-sandbox", "mission-control:partnerAdmin", "Ticket 4711: stuck deploy");
    const production = await ask("acme-mc-production", "mission-control:partnerAdmin", "Routine check");
    for (const { id } of [sandbox, production])
      await post(admin, "accessRequests.decide", { id, approve: true });

    const operator = await signedIn("operator@gatehouse.example", `${suite.origin}/admin-center/`);
    await operator
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Support tickets" })
      .click();
    await operator.getByRole("heading", { name: "Support tickets", level: 1 }).waitFor();
    const stuck = operator.getByRole("article").filter({ hasText: "Ticket 4711: stuck deploy" });
    const routine = operator.getByRole("article").filter({ hasText: "Routine check" });
    await stuck.getByText("Agency asks Acme for partnerAdmin").waitFor();
    await stuck.getByText(/^Approved by Ada Admin \(admin@acme\.example\) of Acme on /).waitFor();
    await expect(stuck.getByText("Agency partnerDev (partnerdev@agency.example)").count()).resolves.toBe(1);
    await expect(stuck.getByText("sandbox", { exact: true }).count()).resolves.toBe(1);
    await screenshot(operator, "operator-support-tickets");

    await stuck.getByRole("button", { name: "Complete the ticket of Agency partnerDev" }).click();
    const confirmComplete = operator.getByRole("dialog", { name: "Complete support ticket" });
    await confirmComplete.getByText(/Give Agency partnerDev .* the role partnerAdmin on/).waitFor();
    await confirmComplete.getByRole("button", { name: "Complete and grant" }).click();
    await operator.getByText("Completed: Agency partnerDev is now partnerAdmin").waitFor();

    await routine.getByRole("button", { name: "Deny the ticket of Agency partnerDev" }).click();
    await operator
      .getByRole("dialog", { name: "Deny support ticket" })
      .getByRole("button", { name: "Deny ticket" })
      .click();
    await operator.getByText("Denied the request of Agency partnerDev").waitFor();
    await operator.getByText("No support tickets are waiting").waitFor();
    await operator.getByRole("radiogroup", { name: "Tickets" }).getByText("Denied", { exact: true }).click();
    await routine.getByText(/^Denied by Gatehouse Operator on /).waitFor();
    await expect(routine.getByText(/^Approved by Ada Admin/).count()).resolves.toBe(1);
    await screenshot(operator, "operator-support-tickets-denied");

    await partner.goto(`${suite.origin}/mission-control/partner-access`);
    const requests = partner.getByRole("table", { name: "Your access requests" });
    await requests
      .getByRole("row", { name: /sandbox/ })
      .getByText("Completed", { exact: true })
      .first()
      .waitFor();
    const denied = requests.getByRole("row", { name: /production/ });
    await denied.getByText(/denied by the platform operator/).waitFor();
    await screenshot(partner, "operator-partner-outcome");
  });
});
