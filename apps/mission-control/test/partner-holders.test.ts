// Browser test of the customer side of Partner access: acme's admin reads who of its partners holds Mission
// Control roles or single permissions in its environments (who, partner, what, environment) and revokes one.
import { browserSuite, callApi, screenshot, signIn } from "@gatehouse/e2e";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";

const suite = browserSuite();
let admin: Page;

beforeAll(async () => {
  admin = await (await suite.browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await signIn(admin, `${suite.origin}/mission-control/`, "admin@acme.example");
});

const holders = () => admin.getByRole("table", { name: "Partners holding access now" });
const rowOf = (name: string) => holders().getByRole("row").filter({ hasText: name });

describe("Partner access, customer side", () => {
  it("lists the partners holding access now and revokes one after a confirmation", async () => {
    await admin.goto(`${suite.origin}/mission-control/partner-access`);
    await rowOf("Agency partnerDev").waitFor();
    await expect(rowOf("Agency partnerDev").textContent()).resolves.toContain(
      "partnerdev@agency.exampleAgencypartnerDevAll environments",
    );
    await expect(holders().getByRole("row").count()).resolves.toBe(4);
    await screenshot(admin, "partner-holders-customer");

    await rowOf("Agency partnerDev")
      .getByRole("button", { name: "Revoke Agency partnerDev's partnerDev" })
      .click();
    const dialog = admin.getByRole("dialog");
    await expect(dialog.textContent()).resolves.toContain(
      "Agency partnerDev of Agency loses the partnerDev role on all environments at once",
    );
    await screenshot(admin, "partner-holders-revoke-confirm");
    await dialog.getByRole("button", { name: "Revoke access" }).click();
    await admin
      .getByText("Agency partnerDev no longer holds the partnerDev role (All environments)")
      .waitFor();
    await rowOf("Agency partnerDev").waitFor({ state: "detached" });
    await expect(holders().getByRole("row").count()).resolves.toBe(3);
    await screenshot(admin, "partner-holders-revoked");

    // The partner's user no longer reaches acme.
    const partner = await (await suite.browser.newContext()).newPage();
    await signIn(partner, `${suite.origin}/mission-control/`, "partnerdev@agency.example");
    const customers = (await callApi(
      partner,
      suite.origin,
      "missionControl.customers",
      undefined,
      "GET",
    )) as Array<{
      org: string;
    }>;
    expect(customers.map((c) => c.org)).not.toContain("acme");
  });

  it("shows a single permission by its label, marked as one", async () => {
    await callApi(
      admin,
      suite.origin,
      "grants.create",
      {
        subject: { kind: "user", id: "demo-partnerdev" },
        permission: "mission-control:site.restart",
        scope: { org: "acme", product: "mission-control", instance: "acme-mc-sandbox" },
      },
      "POST",
    );
    await admin.goto(`${suite.origin}/mission-control/partner-access`);
    await rowOf("Agency partnerDev").waitFor();
    await expect(rowOf("Agency partnerDev").textContent()).resolves.toContain(
      "AgencyRestart siteSingle permissionsandbox",
    );
    await screenshot(admin, "partner-holders-single-permission");
  });
});
