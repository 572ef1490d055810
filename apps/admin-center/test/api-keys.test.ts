// Browser tests of the API keys page, as a super admin uses it: create a key (its secret shown once, with a copy
// button), see it listed with who created it, use it from a backend, revoke it after a confirmation, and see the
// backend refused. Admins below super admin have no such section: neither in the navigation nor by its address.
import { browserSuite, screenshot, signIn } from "@gatehouse/e2e";
import type { Page } from "playwright-core";
import { beforeEach, describe, expect, it } from "vitest";

const suite = browserSuite();
let page: Page;

beforeEach(async () => {
  page = await suite.newPage();
});

const app = (path = "") => `${suite.origin}/admin-center/${path}`;

/** The status a backend sending `key` gets from /v1/check (from a browser context without cookies). */
const backendStatus = async (key: string): Promise<number> => {
  const backend = await suite.browser.newContext();
  const response = await backend.request.post(`${suite.origin}/v1/check`, {
    headers: { authorization: `Bearer ${key}` },
    data: {
      subject: "demo-admin",
      action: "cms:edit-view.access",
      resource: { org: "acme", product: "cms", instance: "acme-cms" },
    },
  });
  await backend.close();
  return response.status();
};

describe("API keys", () => {
  it("a super admin creates a key, sees its secret once, and revokes it", async () => {
    await signIn(page, app(), "admin@acme.example");
    await page.getByRole("link", { name: "API keys" }).click();
    await page.getByRole("heading", { name: "API keys" }).waitFor();

    await page.getByRole("button", { name: "Create API key" }).click();
    const dialog = page.getByRole("dialog", { name: "Create API key" });
    await dialog.getByLabel("Key name").fill("Checkout backend");
    await dialog.getByRole("button", { name: "Create key" }).click();
    const shown = page.getByRole("dialog", { name: "Your new API key" });
    await shown.getByText("Shown only this once").waitFor();
    const secret = await shown.getByLabel('Key "Checkout backend"').inputValue();
    expect(secret).toMatch(/^gh_/);
    await expect(shown.getByRole("button", { name: "Copy the key" }).isEnabled()).resolves.toBe(true);
    await screenshot(page, "api-keys-secret-once");
    await shown.getByRole("button", { name: "I have copied it" }).click();

    // Listed by name, with the start of the key and its creator by name; never the secret.
    const row = page.getByRole("table", { name: "API keys" }).getByRole("row", { name: /Checkout backend/ });
    await row.getByText("Ada Admin").waitFor();
    await row.getByText(`${secret.slice(0, 8)}`, { exact: false }).waitFor();
    await row.getByText("Active").waitFor();
    await expect(page.getByText(secret).count()).resolves.toBe(0);

    expect(await backendStatus(secret)).toBe(200);
    await page.reload();
    await row.getByText("Never").waitFor({ state: "detached" });
    await screenshot(page, "api-keys-listed");

    await row.getByRole("button", { name: "Revoke Checkout backend" }).click();
    const confirm = page.getByRole("dialog");
    await confirm.getByText(/Revoke "Checkout backend"\? Every backend sending it is refused/).waitFor();
    await screenshot(page, "api-keys-revoke-confirm");
    await confirm.getByRole("button", { name: "Revoke key" }).click();
    await page.getByText('Revoked the API key "Checkout backend"').waitFor();
    await row.getByText(/Revoked/).waitFor();
    await expect(row.getByRole("button", { name: "Revoke Checkout backend" }).count()).resolves.toBe(0);
    expect(await backendStatus(secret)).toBe(401);
    await screenshot(page, "api-keys-revoked");
  });

  it("is no section of an admin below super admin", async () => {
    await signIn(page, app(), "product-admin@acme.example");
    await page.getByRole("link", { name: "Groups" }).waitFor();
    await expect(page.getByRole("link", { name: "API keys" }).count()).resolves.toBe(0);
    await page.goto(app("api-keys"));
    await page.getByText("API keys is not available to your role").waitFor();
    await screenshot(page, "api-keys-not-available");
  });
});
