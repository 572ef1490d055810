// Browser tests of signing in to the Admin Center (real headless Chromium against the `pnpm start` server):
// each admin level lands on its page, a wrong password is refused, and signing out returns to sign-in.
import { browserSuite, screenshot, signIn } from "@gatehouse/e2e";
import type { Page } from "playwright-core";
import { beforeEach, describe, expect, it } from "vitest";

const suite = browserSuite();
let page: Page;

beforeEach(async () => {
  const context = await suite.browser.newContext();
  page = await context.newPage();
});

const app = () => `${suite.origin}/admin-center/`;

describe("Admin Center sign-in", () => {
  it("the super admin lands on Products", async () => {
    await signIn(page, app(), "admin@acme.example");
    await page.waitForURL("**/admin-center/products");
    await expect(page.getByTestId("signed-in-as").textContent()).resolves.toContain("admin@acme.example");
    await screenshot(page, "landing-super-admin");
  });

  it("refuses a wrong password with the API's message and stays on sign-in", async () => {
    await page.goto(app());
    await page.getByLabel("Email", { exact: true }).fill("admin@acme.example");
    await page.getByLabel("Password", { exact: true }).fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").textContent()).resolves.toMatch(/email or password/i);
    expect(await page.getByTestId("signed-in-as").count()).toBe(0);
  });

  it("signing out returns to the sign-in page", async () => {
    await signIn(page, app(), "admin@acme.example");
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("button", { name: "Sign in" }).waitFor();
  });
});
